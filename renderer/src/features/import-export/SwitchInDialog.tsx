import { useMemo, useState } from 'react';
import {
  detectMapping,
  FIELD_LABELS,
  hasNameColumn,
  IMPORT_FIELDS,
  planCounts,
  planImport,
  readClientFile,
  readPeople,
  type ClientFile,
  type ColumnMapping,
  type DuplicatePolicy,
  type ImportPlan,
  type MappedField,
} from '../../../../shared/csv/customer-import';
import type { BranchDoc } from '../../../../shared/domain/schemas';
import { phoneCountryOf } from '../../data/desk-settings';
import { useDesk } from '../../data/hooks';
import { activeRole, useSyncStore } from '../../sync/sync-store';
import { Field } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { ProgressBar } from '../../ui/ProgressBar';
import { errorMessage, toast } from '../../ui/toasts';
import { withField } from '../../../../shared/csv/column-mapping';
import { ImportCounts, LinesNotImported } from './import-summary';
import type { ImportProgress } from './run-import';
import { undoClientList, writeClientList, type DeskBatch } from './switch-in';

type Phase =
  | { kind: 'choose' }
  | { kind: 'map'; file: ClientFile; name: string; mapping: ColumnMapping; nowMs: number }
  | { kind: 'working'; progress: ImportProgress }
  | { kind: 'done'; plan: ImportPlan; batch: DeskBatch; undone: string };

const PREVIEW_ROWS = 3;

function Counts({ plan }: { plan: ImportPlan }) {
  const c = planCounts(plan);
  return (
    <ImportCounts
      testId="switch-in-counts"
      counts={[
        ['New', c.new],
        ['Merged', c.merged],
        ['Skipped', c.skipped],
        ['Refused', c.refused.length],
      ]}
    />
  );
}

function Refused({ plan }: { plan: ImportPlan }) {
  return <LinesNotImported refused={plan.refused} skipped={plan.skipped} />;
}

/**
 * Switching in from another system: a client list exported by another booking product, with its
 * columns mapped (detected from the header, each one changeable or skipped) and previewed, the
 * target branch picked by name, the counts of a dry run shown before anything is written, then
 * the import with progress and the undo of that import.
 */
export function SwitchInDialog({ onClose }: { onClose: () => void }) {
  const desk = useDesk();
  const paired = useSyncStore((s) => activeRole(s) !== null);
  const branches = useMemo(() => {
    const all = [...desk.branches.values()].sort((a, b) => a.name.localeCompare(b.name));
    // A paired desk writes its own branch's customers only.
    return paired ? all.filter((b) => b.id === desk.settings.branchId) : all;
  }, [desk, paired]);
  const [branchId, setBranchId] = useState(() => (branches.some((b) => b.id === desk.settings.branchId) ? desk.settings.branchId : (branches[0]?.id ?? '')));
  const [duplicates, setDuplicates] = useState<DuplicatePolicy>('merge');
  const [chosen, setChosen] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' });
  const [error, setError] = useState('');
  const branch: BranchDoc | undefined = desk.branches.get(branchId);

  const planned = useMemo((): { plan: ImportPlan | null; problem: string } => {
    if (phase.kind !== 'map' || branch === undefined || !hasNameColumn(phase.mapping)) return { plan: null, problem: '' };
    const { people, refused } = readPeople(phase.file, phase.mapping, { country: phoneCountryOf(desk.settings, branch), timezone: branch.timezone });
    try {
      const plan = planImport(people, refused, desk.customers.values(), {
        secret: desk.settings.orgSecret,
        branchId: branch.id,
        nowMs: phase.nowMs,
        duplicates,
        randomId: () => `cu-${crypto.randomUUID()}`,
      });
      return { plan, problem: '' };
    } catch (e) {
      return { plan: null, problem: errorMessage(e) };
    }
  }, [phase, branch, desk, duplicates]);
  const plan = planned.plan;

  const readChosen = async (): Promise<void> => {
    if (chosen === null) return setError('Choose the file exported from the other system');
    if (branch === undefined) return setError('There is no branch to import into yet');
    const file = readClientFile(await chosen.text());
    if ('error' in file) return setError(file.error);
    await desk.customersLoaded;
    setPhase({ kind: 'map', file, name: chosen.name, mapping: detectMapping(file.headers), nowMs: Date.now() });
  };

  const runImport = async (checked: ImportPlan): Promise<void> => {
    setPhase({ kind: 'working', progress: { done: 0, total: 0 } });
    try {
      const batch = await writeClientList(desk.db, checked, (progress) => setPhase({ kind: 'working', progress }));
      toast.success(`Imported ${checked.created.length.toLocaleString('en')} new customers, merged ${checked.merged.length.toLocaleString('en')}`);
      setPhase({ kind: 'done', plan: checked, batch, undone: '' });
    } catch (e) {
      setError(errorMessage(e));
      setPhase({ kind: 'choose' });
    }
  };

  if (phase.kind === 'done') {
    const undo = async (): Promise<void> => {
      try {
        const r = await undoClientList(desk.db, phase.batch, Date.now());
        setPhase({ ...phase, undone: `Import undone: ${r.removed} customers removed, ${r.restored} restored.` });
      } catch (e) {
        setError(errorMessage(e));
      }
    };
    return (
      <Modal
        title="Client list imported"
        wide
        onClose={onClose}
        footer={
          <>
            <button type="button" className="btn" disabled={phase.undone !== ''} onClick={() => void undo()}>
              Undo this import
            </button>
            <button type="button" className="btn btn-primary" onClick={onClose}>
              Done
            </button>
          </>
        }
      >
        <div className="stack">
          {error !== '' && (
            <div className="notice notice-error" role="alert">
              {error}
            </div>
          )}
          {phase.undone !== '' && (
            <div className="notice" role="status">
              {phase.undone}
            </div>
          )}
          <Counts plan={phase.plan} />
          <Refused plan={phase.plan} />
        </div>
      </Modal>
    );
  }

  if (phase.kind === 'working') {
    return (
      <Modal title="Importing the client list" wide onClose={() => undefined}>
        <div className="stack import-progress">
          <span className="muted">
            {phase.progress.done.toLocaleString('en')} of {phase.progress.total.toLocaleString('en')} customers
          </span>
          <ProgressBar label="Import progress" done={phase.progress.done} total={phase.progress.total} />
        </div>
      </Modal>
    );
  }

  if (phase.kind === 'map') {
    const setField = (i: number, field: MappedField): void => {
      // A field comes from one column: the column that had it is skipped now.
      const mapping = withField(phase.mapping, i, field);
      setPhase({ ...phase, mapping });
    };
    return (
      <Modal
        title="Map the columns"
        description={`${phase.name}: choose what each column is, or skip it. Nothing is written until you import.`}
        wide
        onClose={onClose}
        onSubmit={() => plan !== null && void runImport(plan)}
        footer={
          <>
            <button type="button" className="btn" onClick={() => setPhase({ kind: 'choose' })}>
              Back
            </button>
            <button type="submit" className="btn btn-primary" disabled={plan === null || plan.created.length + plan.merged.length === 0}>
              {plan === null ? 'Import' : `Import ${(plan.created.length + plan.merged.length).toLocaleString('en')} customers`}
            </button>
          </>
        }
      >
        <div className="stack">
          <table className="cmp-table" aria-label="Columns">
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Examples</th>
                <th scope="col">Use as</th>
              </tr>
            </thead>
            <tbody>
              {phase.file.headers.map((h, i) => (
                <tr key={`${i}-${h}`}>
                  <th scope="row">{h}</th>
                  <td className="muted">
                    {phase.file.rows
                      .slice(0, PREVIEW_ROWS)
                      .map((r) => r.values[i] ?? '')
                      .filter((v) => v.trim() !== '')
                      .join(' · ') || '—'}
                  </td>
                  <td>
                    <select aria-label={`Use column ${h} as`} className="select" value={phase.mapping[i]} onChange={(e) => setField(i, e.target.value as MappedField)}>
                      <option value="skip">Skip</option>
                      {IMPORT_FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {FIELD_LABELS[f]}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {planned.problem !== '' && (
            <div className="notice notice-error" role="alert">
              {planned.problem}
            </div>
          )}
          {!hasNameColumn(phase.mapping) ? (
            <div className="notice notice-warning" role="alert">
              No column is used as a name: map a full name, or a first or last name.
            </div>
          ) : (
            plan !== null && (
              <section aria-label="Dry run" className="stack">
                <p className="muted">If you import now into {branch?.name}:</p>
                <Counts plan={plan} />
                <Refused plan={plan} />
              </section>
            )
          )}
        </div>
      </Modal>
    );
  }

  return (
    <Modal
      title="Switch from another system"
      description="A client list exported from another booking system (first name, last name, mobile, email…). No Branchdesk ids needed; you map the columns next."
      wide
      onClose={onClose}
      onSubmit={() => void readChosen()}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary">
            Next: map the columns
          </button>
        </>
      }
    >
      <div className="form-grid">
        <Field label="Client list file" hint="CSV, comma separated, with a header row" error={error === '' ? undefined : error}>
          {(p) => <input {...p} name="client-list" type="file" accept=".csv,text/csv" className="input" onChange={(e) => (setChosen(e.target.files?.[0] ?? null), setError(''))} />}
        </Field>
        <Field label="Import into branch" hint={paired ? 'A paired desk imports into its own branch' : undefined}>
          {(p) => (
            <select {...p} name="branch" className="select" value={branchId} onChange={(e) => setBranchId(e.target.value)}>
              {branches.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Clients already here (same phone or email)">
          {(p) => (
            <select {...p} name="duplicates" className="select" value={duplicates} onChange={(e) => setDuplicates(e.target.value as DuplicatePolicy)}>
              <option value="merge">Merge into the existing customer</option>
              <option value="separate">Keep as a separate customer</option>
            </select>
          )}
        </Field>
      </div>
    </Modal>
  );
}
