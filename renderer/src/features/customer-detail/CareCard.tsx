import { useState } from 'react';
import type { CustomerDoc } from '../../../../shared/domain/schemas';
import { formatDay } from '../../../../shared/time/calendar';
import { useDesk, useToday } from '../../data/hooks';
import { now } from '../../data/session';
import { Field } from '../../ui/Field';
import { shortDate } from '../customers';
import { withCare, withFollowUp, type CareDetails } from './profile-edits';
import { saveEdit } from './save-edit';

function careOf(c: CustomerDoc): CareDetails {
  return { preferences: c.preferences, preferred_staff: c.preferred_staff, allergies: c.allergies, notes: c.notes };
}

/** Follow-up date: set, change or clear; due ones show on the Today screen. */
function FollowUp({ customer }: { customer: CustomerDoc }) {
  const desk = useDesk();
  const { day: today } = useToday();
  const [value, setValue] = useState(customer.follow_up_date);
  const [error, setError] = useState('');
  const due = customer.follow_up_date !== '' && customer.follow_up_date <= formatDay(today);
  const save = async (date: string): Promise<void> => {
    const problem = await saveEdit(desk.db, withFollowUp(customer, date, today, now()), date === '' ? 'Follow-up cleared' : `Follow up on ${shortDate(date)}`);
    setError(problem);
    if (problem === '') setValue(date);
  };
  return (
    <div className="care-followup">
      <Field label="Follow up on" error={error} hint={due ? 'Due: it shows on the Today screen' : 'A reminder on the Today screen that day'}>
        {(p) => (
          <div className="row">
            <input {...p} className="input" type="date" value={value} min={formatDay(today)} onChange={(e) => (setValue(e.target.value), setError(''))} />
            <button type="button" className="btn" disabled={value === customer.follow_up_date} onClick={() => void save(value)}>
              Set
            </button>
            {customer.follow_up_date !== '' && (
              <button type="button" className="btn btn-ghost" onClick={() => void save('')}>
                {due ? 'Done' : 'Clear'}
              </button>
            )}
          </div>
        )}
      </Field>
    </div>
  );
}

/**
 * What the front desk should know to look after the customer: preferences, the staff member they
 * ask for, allergies and sensitivities, notes, and the follow-up date.
 */
export function CareCard({ customer, favouriteStaff }: { customer: CustomerDoc; favouriteStaff: string }) {
  const desk = useDesk();
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState<CareDetails>(() => careOf(customer));
  // the customer as the form opened: the save writes only what changed since, over the customer as it is then
  const [base, setBase] = useState<CustomerDoc>(customer);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const set = (field: keyof CareDetails, value: string): void => {
    setValues((v) => ({ ...v, [field]: value }));
    setError(null);
  };
  const save = async (): Promise<void> => {
    const edit = withCare(base, values, now());
    if (!edit.ok) {
      setError({ field: edit.field, message: edit.message });
      return;
    }
    if ((await saveEdit(desk.db, edit, 'Care details saved')) === '') setEditing(false);
  };
  const errorOf = (field: string): string | undefined => (error?.field === field ? error.message : undefined);
  const facts: [string, string, boolean][] = [
    ['Preferences', customer.preferences, false],
    ['Preferred staff', customer.preferred_staff || (favouriteStaff === '' ? '' : `${favouriteStaff} (most visits)`), false],
    ['Allergies and sensitivities', customer.allergies, customer.allergies !== ''],
    ['Notes', customer.notes, false],
  ];

  return (
    <section className="card profile-card" aria-labelledby="care-title">
      <header className="card-header">
        <h2 id="care-title">Care and preferences</h2>
        {!editing && (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              setValues(careOf(customer));
              setBase(customer);
              setEditing(true);
            }}
          >
            Edit
          </button>
        )}
      </header>
      <div className="profile-card-body">
        {editing ? (
          <form
            className="stack"
            aria-label="Edit care and preferences"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <Field label="Preferences" optional error={errorOf('preferences')} hint="How they like it done: music, drinks, conversation">
              {(p) => <textarea {...p} name="preferences" className="textarea" value={values.preferences} onChange={(e) => set('preferences', e.target.value)} />}
            </Field>
            <Field label="Preferred staff" optional error={errorOf('preferred_staff')} hint={favouriteStaff === '' ? undefined : `Most visits with ${favouriteStaff}`}>
              {(p) => <input {...p} name="preferred_staff" className="input" autoComplete="off" value={values.preferred_staff} onChange={(e) => set('preferred_staff', e.target.value)} />}
            </Field>
            <Field label="Allergies and sensitivities" optional error={errorOf('allergies')} hint="Products, materials, anything to avoid">
              {(p) => <textarea {...p} name="allergies" className="textarea" value={values.allergies} onChange={(e) => set('allergies', e.target.value)} />}
            </Field>
            <Field label="Notes" optional error={errorOf('notes')}>
              {(p) => <textarea {...p} name="notes" className="textarea" value={values.notes} onChange={(e) => set('notes', e.target.value)} />}
            </Field>
            <div className="form-actions">
              <button type="button" className="btn" onClick={() => (setEditing(false), setError(null))}>
                Cancel
              </button>
              <button type="submit" className="btn btn-primary">
                Save
              </button>
            </div>
          </form>
        ) : (
          <dl className="care-facts">
            {facts.map(([label, value, alert]) => (
              <div key={label} className={alert ? 'care-fact is-alert' : 'care-fact'}>
                <dt>{label}</dt>
                <dd>{value === '' ? <span className="faint">—</span> : value}</dd>
              </div>
            ))}
          </dl>
        )}
        <FollowUp key={customer.follow_up_date} customer={customer} />
      </div>
    </section>
  );
}
