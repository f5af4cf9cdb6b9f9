import { useState } from 'react';
import type { CustomerDoc } from '../../../../shared/domain/schemas';
import { useDesk, useToday } from '../../data/hooks';
import { now } from '../../data/session';
import { markLocalConsent, useConsentWho } from './consent-who';
import { withConsent, withdrawAllConsent, type ConsentChannel, type Edit } from './profile-edits';
import { saveEdit } from './save-edit';

const CHANNELS: [ConsentChannel, string][] = [
  ['sms', 'Text messages (SMS)'],
  ['email', 'Email'],
  ['push', 'App notifications'],
];

/** "12 Feb 2026, 14:30" in the desk's zone. */
export function stampText(instant: string, timeZone: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return '';
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }).format(ms);
}

/** Notes the consent change as this desk's (before it is written: the note only counts once the document holds it), then saves it. */
async function saveConsent(db: Parameters<typeof markLocalConsent>[0], edit: Edit, channels: readonly ConsentChannel[], success: string): Promise<string> {
  if (edit.ok) await markLocalConsent(db, edit.doc, channels).catch((e: unknown) => console.warn('Could not note the consent change as this desk’s', e));
  return saveEdit(db, edit, success);
}

/**
 * Marketing consent per channel, with when it was given or withdrawn and by which desk
 * ("Withdrawn 2 Mar 2026, 14:30 · Front desk 2": the server's record of the pushing device, or
 * this desk for its own change not yet recorded there); a change is stamped now.
 */
export function ConsentCard({ customer }: { customer: CustomerDoc }) {
  const desk = useDesk();
  const { timeZone } = useToday();
  const [error, setError] = useState<{ channel: ConsentChannel; message: string } | null>(null);
  // The switch moves at once; the stored document catches up (or the switch goes back on a problem).
  const [pending, setPending] = useState<Partial<Record<ConsentChannel, boolean>>>({});
  const [withdrawing, setWithdrawing] = useState(false);
  const who = useConsentWho(desk.db, customer);
  return (
    <section className="card profile-card" aria-labelledby="consent-title">
      <header className="card-header">
        <h2 id="consent-title">Marketing consent</h2>
      </header>
      <ul className="consent-list">
        {CHANNELS.map(([channel, label]) => {
          const c = customer.consent[channel];
          const when = stampText(c.at, timeZone);
          const state = `${c.granted ? `Given ${when}` : when === '' ? 'Not given' : `Withdrawn ${when}`}${who[channel] === '' ? '' : ` · ${who[channel]}`}`;
          return (
            <li key={channel} className="consent-row">
              <label className="switch">
                <input
                  type="checkbox"
                  role="switch"
                  className="switch-input"
                  checked={pending[channel] ?? c.granted}
                  aria-describedby={`consent-${channel}-state`}
                  onChange={(e) => {
                    const granted = e.target.checked;
                    setError(null);
                    setPending((p) => ({ ...p, [channel]: granted }));
                    void saveConsent(desk.db, withConsent(customer, channel, granted, now()), [channel], granted ? `${label}: consent given` : `${label}: consent withdrawn`).then((problem) => {
                      setPending((p) => ({ ...p, [channel]: undefined }));
                      if (problem !== '') setError({ channel, message: problem });
                    });
                  }}
                />
                {label}
              </label>
              <span id={`consent-${channel}-state`} className={c.granted ? 'consent-state is-on' : 'consent-state'} data-testid={`consent-${channel}`}>
                {error?.channel === channel ? <span className="field-error">{error.message}</span> : state}
              </span>
            </li>
          );
        })}
      </ul>
      {customer.opted_in_marketing && (
        <div className="consent-withdraw">
          <button
            type="button"
            className="btn btn-small"
            disabled={withdrawing}
            onClick={() => {
              setWithdrawing(true);
              setError(null);
              void saveConsent(desk.db, withdrawAllConsent(customer, now()), ['sms', 'email', 'push'], 'Marketing consent withdrawn').finally(() => setWithdrawing(false));
            }}
          >
            Withdraw all marketing consent
          </button>
        </div>
      )}
      <p className="profile-card-note muted">Campaigns only reach customers on a channel they agreed to. A withdrawal wins over any other desk&apos;s change.</p>
    </section>
  );
}
