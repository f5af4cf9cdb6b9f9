import { useState } from 'react';
import type { StaffDoc } from '../../../../shared/domain/schemas';
import { clockText, defaultWeek, WEEKDAY_NAMES, workingSpans } from '../../../../shared/schedule/staff-hours';
import { parseDay } from '../../../../shared/time/calendar';
import { useCurrentBranch, useDesk } from '../../data/hooks';
import { newStaffId, saveMenuDoc, useStaff } from '../../data/menu';
import { now } from '../../data/session';
import { useDeskPermission } from '../../sync/permissions';
import { Field } from '../../ui/Field';
import { Modal, SubmitFooter } from '../../ui/Modal';
import { errorMessage, toast } from '../../ui/toasts';
import { PeopleSettingsList } from './PeopleSettingsList';
import { formOfStaff, staffOfForm, type DayForm, type StaffErrors, type StaffForm } from './menu-model';

const SHORT_DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "Mon–Fri 09:00–18:00 (break 13:00–14:00) · Sat 09:00–14:00" style summary, one line per distinct day. */
export function weekSummary(s: Pick<StaffDoc, 'week'>): string {
  const parts = s.week.map((d) => (d.start === '' ? '' : `${d.start}–${d.end}${d.breaks.length > 0 ? ` (break ${d.breaks.map((b) => `${b.start}–${b.end}`).join(', ')})` : ''}`));
  const out: string[] = [];
  let i = 0;
  while (i < 7) {
    let j = i;
    while (j + 1 < 7 && parts[j + 1] === parts[i]) j += 1;
    if (parts[i] !== '') out.push(`${SHORT_DAYS[i]}${j > i ? `–${SHORT_DAYS[j]}` : ''} ${parts[i]}`);
    i = j + 1;
  }
  return out.length === 0 ? 'No working hours' : out.join(' · ');
}

function StaffDialog({ staff, all, onClose }: { staff: StaffDoc | null; all: readonly StaffDoc[]; onClose: () => void }) {
  const desk = useDesk();
  const branch = useCurrentBranch();
  const [base] = useState<StaffDoc>(() => staff ?? { id: newStaffId(), branch_id: branch?.id ?? '', name: '', active: true, week: defaultWeek(), days_off: [], created_at: '', updated_at: '' });
  const [form, setForm] = useState<StaffForm>(() => formOfStaff(base));
  const [errors, setErrors] = useState<StaffErrors>({});
  const [dayOff, setDayOff] = useState('');
  const [busy, setBusy] = useState(false);
  const setDay = (i: number, change: Partial<DayForm>): void => {
    setForm((f) => ({ ...f, week: f.week.map((d, j) => (j === i ? { ...d, ...change } : d)) }));
    setErrors((e) => ({ ...e, [`week.${i}`]: undefined }));
  };
  const addDayOff = (): void => {
    if (parseDay(dayOff) === null) {
      setErrors((e) => ({ ...e, daysOff: 'Pick a date to add' }));
      return;
    }
    setForm((f) => ({ ...f, daysOff: f.daysOff.includes(dayOff) ? f.daysOff : [...f.daysOff, dayOff].sort() }));
    setErrors((e) => ({ ...e, daysOff: undefined }));
    setDayOff('');
  };
  const submit = async (): Promise<void> => {
    const result = staffOfForm(form, base, all);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setBusy(true);
    try {
      await saveMenuDoc(desk.db, 'staff', staff, result.doc, now());
      toast.success(staff === null ? `${result.doc.name} added to the team` : `${result.doc.name}'s hours saved`);
      onClose();
    } catch (error) {
      toast.error(`Not saved: ${errorMessage(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={staff === null ? 'New staff member' : `Edit ${staff.name}`}
      description="Weekly hours at this branch (its local time). Bookings outside them are flagged; the agenda shades them."
      onClose={onClose}
      wide
      onSubmit={() => void submit()}
      footer={<SubmitFooter onCancel={onClose} busy={busy} submitLabel="Save staff member" />}
    >
      <div className="stack">
        <div className="form-grid">
          <Field label="Name" error={errors.name} hint="As bookings name them">
            {(p) => <input {...p} className="input" autoComplete="off" value={form.name} onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))} />}
          </Field>
          <label className="switch">
            <input type="checkbox" role="switch" className="switch-input" checked={form.active} onChange={(e) => setForm((f) => ({ ...f, active: e.target.checked }))} />
            <span>
              <strong>Works here now</strong>
              <span className="auto-detail">Off: left the team — kept for past bookings</span>
            </span>
          </label>
        </div>
        <table className="hours-table" aria-label="Weekly hours">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Breaks</th>
            </tr>
          </thead>
          <tbody>
            {form.week.map((d, i) => {
              const day = WEEKDAY_NAMES[i] as string;
              const error = errors[`week.${i}`];
              return (
                <tr key={day} aria-invalid={error ? true : undefined}>
                  <th scope="row">
                    <label className="check">
                      <input type="checkbox" checked={d.works} aria-label={`Works on ${day}`} onChange={(e) => setDay(i, { works: e.target.checked })} />
                      {day}
                    </label>
                    {error && (
                      <span className="field-error" id={`hours-error-${i}`}>
                        {error}
                      </span>
                    )}
                  </th>
                  <td>
                    <input className="input" type="time" step={300} aria-label={`${day} from`} disabled={!d.works} value={d.start} onChange={(e) => setDay(i, { start: e.target.value })} aria-describedby={error ? `hours-error-${i}` : undefined} />
                  </td>
                  <td>
                    <input className="input" type="time" step={300} aria-label={`${day} to`} disabled={!d.works} value={d.end} onChange={(e) => setDay(i, { end: e.target.value })} aria-describedby={error ? `hours-error-${i}` : undefined} />
                  </td>
                  <td>
                    <input className="input" aria-label={`${day} breaks`} placeholder="13:00-14:00" disabled={!d.works} value={d.breaks} onChange={(e) => setDay(i, { breaks: e.target.value })} aria-describedby={error ? `hours-error-${i}` : undefined} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="inline-form">
          <Field label="Day off" error={errors.daysOff} hint="Holidays and leave: whole days without bookings">
            {(p) => (
              <input
                {...p}
                className="input"
                type="date"
                value={dayOff}
                onChange={(e) => setDayOff(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    addDayOff();
                  }
                }}
              />
            )}
          </Field>
          <button type="button" className="btn" onClick={addDayOff}>
            Add day off
          </button>
        </div>
        {form.daysOff.length > 0 && (
          <ul className="chip-list" aria-label="Days off">
            {form.daysOff.map((d) => (
              <li key={d} className="chip">
                {d}
                <button type="button" className="chip-remove" aria-label={`Remove day off ${d}`} onClick={() => setForm((f) => ({ ...f, daysOff: f.daysOff.filter((x) => x !== d) }))}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Modal>
  );
}

/** Hours today, for the list ("09:00–13:00, 14:00–18:00" or "Off today"). */
function todayHours(s: StaffDoc, day: number): string {
  const spans = workingSpans(s, day);
  return spans.length === 0 ? 'Off today' : spans.map((x) => `${clockText(x.start)}–${clockText(x.end)}`).join(', ');
}

/**
 * The branch's staff and their weekly hours, breaks and days off (synced `staff`). On a paired
 * desk only a manager changes them. The agenda shades off-hours and the booking form offers free slots.
 */
export function StaffSection({ today }: { today: number }) {
  const branch = useCurrentBranch();
  const staff = useStaff(branch?.id ?? '');
  const permission = useDeskPermission('change_staff');
  const [editing, setEditing] = useState<StaffDoc | 'new' | null>(null);
  if (branch === undefined) return null;
  return (
    <section className="card settings-section" aria-labelledby="staff-title">
      <header>
        <h2 id="staff-title">Staff and hours</h2>
        <p>Who works here and when. Bookings outside someone&apos;s hours are flagged before saving.</p>
      </header>
      {!permission.allowed && (
        <p className="notice notice-info" role="note">
          {permission.reason}
        </p>
      )}
      <PeopleSettingsList
        people={staff}
        label="Staff"
        empty={`No staff yet. ${permission.allowed ? 'Add your team: the agenda then shows their hours.' : 'A manager adds them.'}`}
        details={(s) => (
          <>
            {!s.active && <span className="muted"> · left the team</span>}
            <span className="staff-hours">{weekSummary(s)}</span>
            <span className="muted">
              Today: {todayHours(s, today)}
              {s.days_off.length > 0 && ` · ${s.days_off.length} day${s.days_off.length === 1 ? '' : 's'} off`}
            </span>
          </>
        )}
        permission={permission}
        addLabel="Add staff member…"
        onEdit={setEditing}
      />
      {editing !== null && staff !== null && <StaffDialog staff={editing === 'new' ? null : editing} all={staff} onClose={() => setEditing(null)} />}
    </section>
  );
}
