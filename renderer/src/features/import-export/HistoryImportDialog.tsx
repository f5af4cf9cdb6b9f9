import { useEffect, useMemo, useState } from 'react';
import {
  BOOKING_FIELD_LABELS,
  BOOKING_FIELDS,
  bookingMappingProblem,
  detectBookingMapping,
  historyCounts,
  planHistory,
  readClientDirectory,
  readHistory,
  statusMappingOf,
  statusValues,
  type BookingField,
  type BookingMapping,
  type ClientDirectory,
  type HistoryPlan,
} from '../../../../shared/csv/booking-import';
import { withField } from '../../../../shared/csv/column-mapping';
import { detectMapping, readClientFile, type ClientFile } from '../../../../shared/csv/customer-import';
import type { BookingDoc, BranchDoc, ServiceDoc, StaffDoc } from '../../../../shared/domain/schemas';
import { BOOKING_STATUSES, type BookingStatus } from '../../../../shared/domain/types';
import { phoneCountryOf } from '../../data/desk-settings';
import { useDesk } from '../../data/hooks';
import { useBranchDocs } from '../../data/menu';
import { inputLocale } from '../../lib/input-locale';
import { activeRole, useSyncStore } from '../../sync/sync-store';
import { Field } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { ProgressBar } from '../../ui/ProgressBar';
import { errorMessage, toast } from '../../ui/toasts';
import { ImportCounts, LinesNotImported } from './import-summary';
import type { ImportProgress } from './run-import';
import { undoHistory, writeHistory, type DeskHistoryBatch } from './switch-in';

type Phase =
  | { kind: 'choose' }
  | { kind: 'map'; file: ClientFile; name: string; clients: ClientFile | null; mapping: BookingMapping; chosen: Map<string, BookingStatus>; nowMs: number }
  | { kind: 'working'; progress: ImportProgress }
  | { kind: 'done'; plan: HistoryPlan; batch: DeskHistoryBatch; undone: string };

const PREVIEW_ROWS = 3;

const STATUS_LABELS: Record<BookingStatus, string> = {
  scheduled: 'Scheduled',
  checked_in: 'Checked in',
  completed: 'Completed (a visit)',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

function Counts({ plan }: { plan: HistoryPlan }) {
  const c = historyCounts(plan);
  return (
    <ImportCounts
      testId="history-counts"
      counts={[
        ['New', c.new],
        ['Skipped', c.skipped],
        ['Refused', c.refused.length],
      ]}
    />
  );
}

/**
 * Switching in the visit history: a bookings export of another booking product, its columns
 * mapped (detected from the header, each changeable or skipped) and previewed, the status words
 * of that system mapped to Branchdesk's (the unknown ones named for the person to choose), the
 * client ids looked up in the client list when one is given, the counts of a dry run shown
 * before anything is written, then the import with progress and the undo of that import.
 */
export function HistoryImportDialog({ onClose }: { onClose: () => void }) {
  const desk = useDesk();
  const paired = useSyncStore((s) => activeRole(s) !== null);
  const branches = useMemo(() => {
    const all = [...desk.branches.values()].sort((a, b) => a.name.localeCompare(b.name));
    return paired ? all.filter((b) => b.id === desk.settings.branchId) : all;
  }, [desk, paired]);
  const [branchId, setBranchId] = useState(() => (branches.some((b) => b.id === desk.settings.branchId) ? desk.settings.branchId : (branches[0]?.id ?? '')));
  const [chosenFile, setChosenFile] = useState<File | null>(null);
  const [clientFile, setClientFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' });
  const [error, setError] = useState('');
  const branch: BranchDoc | undefined = desk.branches.get(branchId);
  // The live lists as the replica gives them (the same arrays until they change: the plan below depends on them).
  const services = useBranchDocs<ServiceDoc>('services', branchId);
  const staff = useBranchDocs<StaffDoc>('staff', branchId);

  const values = useMemo(() => (phase.kind === 'map' ? statusValues(phase.file, phase.mapping) : []), [phase]);

  // The plan: read and matched at once; what is stored of its bookings is read from the replica.
  const draft = useMemo((): { plan: HistoryPlan | null; problem: string; run: (existing: BookingDoc[]) => HistoryPlan } | null => {
    if (phase.kind !== 'map' || branch === undefined || services === null || staff === null) return null;
    const missing = bookingMappingProblem(phase.mapping);
    if (missing !== '') return { plan: null, problem: missing, run: () => ({ created: [], skipped: [], refused: [] }) };
    const country = phoneCountryOf(desk.settings, branch);
    let clients: ClientDirectory | null = null;
    if (phase.clients !== null) {
      const directory = readClientDirectory(phase.clients, detectMapping(phase.clients.headers), { country, timezone: branch.timezone });
      if ('error' in directory) return { plan: null, problem: `Client list: ${directory.error}`, run: () => ({ created: [], skipped: [], refused: [] }) };
      clients = directory;
    }
    const { rows, refused } = readHistory(phase.file, phase.mapping, { timezone: branch.timezone, country, locale: inputLocale() });
    const options = {
      branchId: branch.id,
      timezone: branch.timezone,
      secret: desk.settings.orgSecret,
      nowMs: phase.nowMs,
      services,
      staff,
      statuses: statusMappingOf(values, phase.chosen),
      clients,
    };
    const run = (existing: BookingDoc[]): HistoryPlan => planHistory(rows, refused, desk.customers.values(), existing, options);
    return { plan: run([]), problem: '', run };
  }, [phase, branch, services, staff, desk, values]);

  const [planned, setPlanned] = useState<{ for: unknown; plan: HistoryPlan } | null>(null);
  useEffect(() => {
    if (draft === null || draft.plan === null) return;
    let live = true;
    const first = draft.plan;
    const ids = first.created.map((c) => c.doc.id);
    const customerIds = [...new Set(first.created.map((c) => c.doc.customer_id))];
    void (async () => {
      const [byId, ofCustomers] = await Promise.all([desk.db.bookings.findByIds(ids).exec(), desk.db.bookings.find({ selector: { branch_id: first.created[0]?.doc.branch_id ?? '', customer_id: { $in: customerIds } } }).exec()]);
      const existing = new Map<string, BookingDoc>();
      for (const d of [...byId.values(), ...ofCustomers]) existing.set(d.id, d.toJSON() as BookingDoc);
      if (live) setPlanned({ for: draft, plan: draft.run([...existing.values()]) });
    })();
    return () => {
      live = false;
    };
  }, [draft, desk]);
  const plan = planned !== null && draft !== null && planned.for === draft ? planned.plan : null;

  const readChosen = async (): Promise<void> => {
    if (chosenFile === null) return setError('Choose the bookings file exported from the other system');
    if (branch === undefined) return setError('There is no branch to import into yet');
    const file = readClientFile(await chosenFile.text());
    if ('error' in file) return setError(file.error);
    let clients: ClientFile | null = null;
    if (clientFile !== null) {
      const read = readClientFile(await clientFile.text());
      if ('error' in read) return setError(`Client list: ${read.error}`);
      clients = read;
    }
    await desk.customersLoaded;
    setPhase({ kind: 'map', file, name: chosenFile.name, clients, mapping: detectBookingMapping(file.headers), chosen: new Map(), nowMs: Date.now() });
  };

  const runImport = async (checked: HistoryPlan): Promise<void> => {
    setPhase({ kind: 'working', progress: { done: 0, total: 0 } });
    try {
      const batch = await writeHistory(desk.db, checked, (progress) => setPhase({ kind: 'working', progress }));
      toast.success(`Imported ${checked.created.length.toLocaleString('en')} bookings`);
      setPhase({ kind: 'done', plan: checked, batch, undone: '' });
    } catch (e) {
      setError(errorMessage(e));
      setPhase({ kind: 'choose' });
    }
  };

  if (phase.kind === 'done') {
    const undo = async (): Promise<void> => {
      try {
        const r = await undoHistory(desk.db, phase.batch);
        setError('');
        setPhase({ ...phase, undone: `Import undone: ${r.removed.toLocaleString('en')} bookings removed.` });
      } catch (e) {
        setError(errorMessage(e));
      }
    };
    return (
      <Modal
        title="Visit history imported"
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
          <LinesNotImported refused={phase.plan.refused} skipped={phase.plan.skipped} />
        </div>
      </Modal>
    );
  }

  if (phase.kind === 'working') {
    return (
      <Modal title="Importing the visit history" wide onClose={() => undefined}>
        <div className="stack import-progress">
          <span className="muted">
            {phase.progress.done.toLocaleString('en')} of {phase.progress.total.toLocaleString('en')} bookings
          </span>
          <ProgressBar label="Import progress" done={phase.progress.done} total={phase.progress.total} />
        </div>
      </Modal>
    );
  }

  if (phase.kind === 'map') {
    const setField = (i: number, field: BookingField | 'skip'): void => setPhase({ ...phase, mapping: withField(phase.mapping, i, field) });
    const setStatus = (key: string, status: string): void => {
      const chosen = new Map(phase.chosen);
      if ((BOOKING_STATUSES as readonly string[]).includes(status)) chosen.set(key, status as BookingStatus);
      else chosen.delete(key);
      setPhase({ ...phase, chosen });
    };
    const unmapped = values.filter((v) => (phase.chosen.get(v.key) ?? v.detected) === null);
    return (
      <Modal
        title="Map the visit history"
        description={`${phase.name}: choose what each column is, or skip it, and what each status means here. Nothing is written until you import.`}
        wide
        onClose={onClose}
        onSubmit={() => plan !== null && void runImport(plan)}
        footer={
          <>
            <button type="button" className="btn" onClick={() => setPhase({ kind: 'choose' })}>
              Back
            </button>
            <button type="submit" className="btn btn-primary" disabled={plan === null || plan.created.length === 0}>
              {plan === null ? 'Import' : `Import ${plan.created.length.toLocaleString('en')} bookings`}
            </button>
          </>
        }
      >
        <div className="stack">
          <table className="cmp-table switch-in-map" aria-label="Columns">
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
                    <select aria-label={`Use column ${h} as`} className="select" value={phase.mapping[i]} onChange={(e) => setField(i, e.target.value as BookingField | 'skip')}>
                      <option value="skip">Skip</option>
                      {BOOKING_FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {BOOKING_FIELD_LABELS[f]}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {values.length > 0 && (
            <table className="cmp-table switch-in-map" aria-label="Statuses">
              <thead>
                <tr>
                  <th scope="col">Status in the file</th>
                  <th scope="col" className="num">
                    Bookings
                  </th>
                  <th scope="col">Means here</th>
                </tr>
              </thead>
              <tbody>
                {values.map((v) => (
                  <tr key={v.key}>
                    <th scope="row">{v.value}</th>
                    <td className="num nums">{v.rows.toLocaleString('en')}</td>
                    <td>
                      <select aria-label={`Status ${v.value} means`} className="select" value={phase.chosen.get(v.key) ?? v.detected ?? ''} onChange={(e) => setStatus(v.key, e.target.value)}>
                        {v.detected === null && <option value="">Choose…</option>}
                        {BOOKING_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {STATUS_LABELS[s]}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {unmapped.length > 0 && (
            <div className="notice notice-warning" role="status">
              {unmapped.length === 1 ? `Status “${unmapped[0]?.value}” is` : `Statuses ${unmapped.map((v) => `“${v.value}”`).join(', ')} are`} not known: choose what{' '}
              {unmapped.length === 1 ? 'it means' : 'they mean'}, or {unmapped.length === 1 ? 'its' : 'their'} bookings are refused.
            </div>
          )}
          {draft !== null && draft.problem !== '' ? (
            <div className="notice notice-warning" role="alert">
              {draft.problem}
            </div>
          ) : plan === null ? (
            <p className="muted" role="status">
              Checking the bookings…
            </p>
          ) : (
            <section aria-label="Dry run" className="stack">
              <p className="muted">If you import now into {branch?.name}:</p>
              <Counts plan={plan} />
              <LinesNotImported refused={plan.refused} skipped={plan.skipped} />
            </section>
          )}
        </div>
      </Modal>
    );
  }

  return (
    <Modal
      title="Import visit history"
      description="The bookings exported from another booking system (date, time, client, service, staff, price, status…). Import its client list first; you map the columns and statuses next."
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
        <Field label="Bookings file" hint="CSV, comma separated, with a header row" error={error === '' ? undefined : error}>
          {(p) => <input {...p} name="history" type="file" accept=".csv,text/csv" className="input" onChange={(e) => (setChosenFile(e.target.files?.[0] ?? null), setError(''))} />}
        </Field>
        <Field label="Client list (optional)" hint="The same system's client export, when the bookings name clients by its client ID">
          {(p) => <input {...p} name="client-list" type="file" accept=".csv,text/csv" className="input" onChange={(e) => (setClientFile(e.target.files?.[0] ?? null), setError(''))} />}
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
      </div>
    </Modal>
  );
}
