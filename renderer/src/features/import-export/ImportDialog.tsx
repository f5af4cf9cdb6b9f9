import { useState } from 'react';
import { formatProblem, type InputProblem } from '../../../../shared/csv/table';
import type { BookingDoc } from '../../../../shared/domain/schemas';
import { useDesk } from '../../data/hooks';
import { now } from '../../data/session';
import { writeContext } from '../../data/write-errors';
import { activeRole, useSyncStore } from '../../sync/sync-store';
import { Field } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { ProgressBar } from '../../ui/ProgressBar';
import { errorMessage, toast } from '../../ui/toasts';
import { badRowCount, planImport, type ImportFile, type ImportPlan } from './import-model';
import { runImport, type ImportProgress } from './run-import';

type Phase = { kind: 'choose' } | { kind: 'working'; label: string; progress: ImportProgress | null } | { kind: 'done'; plan: ImportPlan; error: string };

async function readFile(input: File | null): Promise<ImportFile | null> {
  return input === null ? null : { name: input.name, text: await input.text() };
}

function ProblemTable({ problems, more }: { problems: readonly InputProblem[]; more: number }) {
  return (
    <div className="import-report">
      <table className="cmp-table" aria-label="Rows not imported">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col" className="num">
              Line
            </th>
            <th scope="col">Column</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={i} title={formatProblem(p)}>
              <td>{p.file}</td>
              <td className="num nums">{p.line}</td>
              <td>{p.column ?? '—'}</td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more > 0 && <p className="muted import-more">and {more.toLocaleString('en')} more problems (only the first 50 of each file are listed)</p>}
    </div>
  );
}

/**
 * Imports customers and/or bookings CSV files (the CLI's formats, DESIGN §3) into the replica,
 * with a progress bar. Good rows are stored; every bad row is left out and listed with its file,
 * line and column — nothing else from the import is lost.
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const desk = useDesk();
  const paired = useSyncStore((s) => activeRole(s) !== null);
  const [customersFile, setCustomersFile] = useState<File | null>(null);
  const [bookingsFile, setBookingsFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' });
  const [error, setError] = useState('');

  const start = async (): Promise<void> => {
    if (customersFile === null && bookingsFile === null) {
      setError('Choose a customers file, a bookings file, or both');
      return;
    }
    setPhase({ kind: 'working', label: 'Checking the files', progress: null });
    let plan: ImportPlan | null = null;
    try {
      const [customers, bookings] = await Promise.all([readFile(customersFile), readFile(bookingsFile)]);
      const base = { customers, bookings, branches: desk.branches, storedCustomers: desk.customers, onlyBranchId: paired ? desk.settings.branchId : '', write: writeContext(now()) };
      plan = planImport({ ...base, existingBookings: new Map() });
      // Bookings already stored keep their customer and branch: check against them and plan again.
      const stored = await desk.db.bookings.findByIds(plan.bookings.map((b) => b.id)).exec();
      if (stored.size > 0) plan = planImport({ ...base, existingBookings: new Map([...stored].map(([id, doc]) => [id, doc.toJSON() as BookingDoc])) });
      const checked = plan;
      setPhase({ kind: 'working', label: 'Importing', progress: { done: 0, total: checked.customers.length + checked.bookings.length } });
      await runImport(desk.db, checked, (progress) => setPhase({ kind: 'working', label: 'Importing', progress }));
      const bad = badRowCount(checked);
      toast.success(`Imported ${checked.customers.length.toLocaleString('en')} customers and ${checked.bookings.length.toLocaleString('en')} bookings${bad > 0 ? `; ${bad} rows had problems` : ''}`);
      setPhase({ kind: 'done', plan: checked, error: '' });
    } catch (e) {
      if (plan === null) {
        setPhase({ kind: 'choose' });
        setError(errorMessage(e));
      } else setPhase({ kind: 'done', plan, error: errorMessage(e) });
    }
  };

  if (phase.kind === 'done') {
    const { plan } = phase;
    const bad = badRowCount(plan);
    return (
      <Modal
        title={phase.error === '' ? 'Import finished' : 'Import stopped'}
        wide
        onClose={onClose}
        footer={
          <button type="button" className="btn btn-primary" onClick={onClose}>
            Done
          </button>
        }
      >
        <div className="stack">
          {phase.error !== '' && (
            <div className="notice notice-error" role="alert">
              {phase.error}
            </div>
          )}
          <p className="import-summary" data-testid="import-summary">
            {phase.error === '' ? 'Imported' : 'Planned'} <strong className="nums">{plan.customers.length.toLocaleString('en')}</strong> {plan.customers.length === 1 ? 'customer' : 'customers'} and{' '}
            <strong className="nums">{plan.bookings.length.toLocaleString('en')}</strong> {plan.bookings.length === 1 ? 'booking' : 'bookings'}.
            {plan.erasedSkipped > 0 && ` ${plan.erasedSkipped} erased ${plan.erasedSkipped === 1 ? 'customer stays' : 'customers stay'} erased.`}
          </p>
          {bad === 0 ? (
            <p className="muted">Every row was imported.</p>
          ) : (
            <>
              <div className="notice notice-warning" role="status">
                {bad.toLocaleString('en')} {bad === 1 ? 'row was' : 'rows were'} not imported. Everything else was. Fix {bad === 1 ? 'it' : 'them'} in the file and import it again: rows
                already imported are updated, not duplicated.
              </div>
              <ProblemTable problems={plan.problems} more={plan.moreProblems} />
            </>
          )}
        </div>
      </Modal>
    );
  }

  const working = phase.kind === 'working';
  return (
    <Modal
      title="Import from CSV"
      description="Customers and bookings in the formats the command line uses. Rows with problems are listed and left out; the rest is imported."
      wide
      onClose={working ? () => undefined : onClose}
      onSubmit={() => void start()}
      footer={
        <>
          <button type="button" className="btn" disabled={working} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={working}>
            Import
          </button>
        </>
      }
    >
      <div className="stack">
        <div className="form-grid">
          <Field label="Customers file" optional hint="id,name,phone,email,birthday,opted_in_marketing,preferred_contact,created_at,home_branch_id" error={error === '' ? undefined : error}>
            {(p) => <input {...p} name="customers-file" type="file" accept=".csv,text/csv" className="input" disabled={working} onChange={(e) => (setCustomersFile(e.target.files?.[0] ?? null), setError(''))} />}
          </Field>
          <Field label="Bookings file" optional hint={`id,customer_id,branch_id,service,staff,start_at,status,price${paired ? ' — this branch’s bookings only' : ''}`}>
            {(p) => <input {...p} name="bookings-file" type="file" accept=".csv,text/csv" className="input" disabled={working} onChange={(e) => (setBookingsFile(e.target.files?.[0] ?? null), setError(''))} />}
          </Field>
        </div>
        {working && (
          <div className="stack import-progress">
            <span className="muted">
              {phase.label}
              {phase.progress !== null && phase.progress.total > 0 ? ` · ${phase.progress.done.toLocaleString('en')} of ${phase.progress.total.toLocaleString('en')} rows` : '…'}
            </span>
            <ProgressBar label="Import progress" done={phase.progress?.done ?? 0} total={phase.progress?.total ?? 0} />
          </div>
        )}
      </div>
    </Modal>
  );
}
