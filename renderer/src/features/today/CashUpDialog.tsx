import { useState } from 'react';
import { cashUp, cashUpCsv, type CashUp, type CashUpLine } from '../../../../shared/schedule/cash-up';
import { formatDay, parseDay } from '../../../../shared/time/calendar';
import { parseInstant } from '../../../../shared/time/instant';
import { zoneClock } from '../../../../shared/time/zone';
import { useDesk } from '../../data/hooks';
import { formatPrice } from '../../lib/format';
import { formatClockTime, longDate } from '../../lib/zoned-time';
import { platform } from '../../platform/bridge';
import { Modal } from '../../ui/Modal';
import { errorMessage, toast } from '../../ui/toasts';
import { displayName } from '../customers';
import { TENDER_LABELS } from './payment-text';
import { useDayBookings } from './use-day-bookings';

/** "cash-up-downtown-2026-03-02.csv" */
function fileName(branchName: string, day: string): string {
  const slug = branchName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'branch';
  return `cash-up-${slug}-${day}.csv`;
}

function Lines({ title, lines, empty }: { title: string; lines: readonly CashUpLine[]; empty: string }) {
  return (
    <section className="cash-up-section" aria-label={title}>
      <h3>{title}</h3>
      {lines.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <table className="cash-up-table">
          <thead>
            <tr>
              <th scope="col">{title.replace(/^By /, '').replace(/^./, (c) => c.toUpperCase())}</th>
              <th scope="col" className="num">
                Visits
              </th>
              <th scope="col" className="num">
                Sales
              </th>
              <th scope="col" className="num">
                Tips
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.name}>
                <th scope="row">{l.name || '—'}</th>
                <td className="num">{l.visits}</td>
                <td className="num">{formatPrice(l.sales)}</td>
                <td className="num">{formatPrice(l.tips)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Figures({ c }: { c: CashUp }) {
  return (
    <dl className="cash-up-figures" aria-label="Takings">
      {(['cash', 'card', 'other'] as const).map((m) => (
        <div key={m}>
          <dt>{TENDER_LABELS[m]}</dt>
          <dd className="nums">{formatPrice(c.takings[m])}</dd>
        </div>
      ))}
      <div className="cash-up-total">
        <dt>Total taken</dt>
        <dd className="nums">{formatPrice(c.takings.total)}</dd>
      </div>
      <div>
        <dt>Sales</dt>
        <dd className="nums">{formatPrice(c.sales)}</dd>
      </div>
      <div>
        <dt>Tips</dt>
        <dd className="nums">{formatPrice(c.tips)}</dd>
      </div>
      <div>
        <dt>Discounts</dt>
        <dd className="nums">
          {c.discounts.count} · {formatPrice(c.discounts.amount)}
        </dd>
      </div>
      <div>
        <dt>No-shows</dt>
        <dd className="nums">
          {c.no_shows.count} · {formatPrice(c.no_shows.booked_value)} booked
        </dd>
      </div>
    </dl>
  );
}

/**
 * The end-of-day cash-up of the branch (docs/DESIGN.md §18): pick a day; takings by tender, staff
 * and service, tips, discounts, no-shows and the completed visits with no payment recorded.
 * Printable (the browser's or Electron's print, with the print stylesheet showing only this) and
 * exported as CSV through the desk's save dialog (a download in web mode).
 */
export function CashUpDialog({ branchId, branchName, timeZone, day: initialDay, onClose }: { branchId: string; branchName: string; timeZone: string; day: number; onClose: () => void }) {
  const desk = useDesk();
  const [day, setDay] = useState(initialDay);
  const bookings = useDayBookings(branchId, day, timeZone);
  const c = bookings === null ? null : cashUp(bookings, branchId, day, timeZone);
  const clock = zoneClock(timeZone);
  const name = (id: string): string => displayName(desk.customers.get(id));

  const exportCsv = async (): Promise<void> => {
    if (c === null) return;
    const suggestedName = fileName(branchName, c.day);
    try {
      const result = await platform.files.saveCsv({ suggestedName, content: cashUpCsv(c, name) });
      if (result.saved) toast.success(`Exported the cash-up to ${result.path ?? suggestedName}`);
    } catch (error) {
      toast.error(`Could not export the cash-up: ${errorMessage(error)}`);
    }
  };

  return (
    <Modal
      title="Cash-up"
      description={`${branchName} · ${longDate(day)}`}
      onClose={onClose}
      wide
      footer={
        <div className="cash-up-actions">
          <button type="button" className="btn" onClick={() => window.print()} disabled={c === null}>
            Print
          </button>
          <button type="button" className="btn" onClick={() => void exportCsv()} disabled={c === null}>
            Export CSV
          </button>
          <button type="button" className="btn btn-primary" onClick={onClose}>
            Close
          </button>
        </div>
      }
    >
      <div className="cash-up print-root">
        <p className="cash-up-print-title">
          Cash-up · {branchName} · {longDate(day)}
        </p>
        <label className="field cash-up-day">
          <span className="field-label">Day</span>
          <input
            className="input"
            type="date"
            value={formatDay(day)}
            onChange={(e) => {
              const picked = parseDay(e.target.value);
              if (picked !== null) setDay(picked);
            }}
          />
        </label>
        {c === null ? (
          <p className="muted" aria-busy="true">
            Reading the day's bookings…
          </p>
        ) : c.visits === 0 && c.no_shows.count === 0 ? (
          <div className="empty-state">
            <h3>Nothing to cash up on {longDate(day)}</h3>
            <p>No visit was completed and nobody was a no-show on this day.</p>
          </div>
        ) : (
          <>
            <p className="nums">
              {c.visits} completed visit{c.visits === 1 ? '' : 's'}
              {c.unpaid.length > 0 ? `, ${c.unpaid.length} without a payment recorded` : ', all paid'}
            </p>
            <Figures c={c} />
            <div className="cash-up-columns">
              <Lines title="By staff" lines={c.by_staff} empty="No paid visits" />
              <Lines title="By service" lines={c.by_service} empty="No paid visits" />
            </div>
            {c.discounts.lines.length > 0 && (
              <section className="cash-up-section" aria-label="Discounts given">
                <h3>Discounts given</h3>
                <ul className="cash-up-list">
                  {c.discounts.lines.map((d) => (
                    <li key={d.booking_id} className="nums">
                      {d.reason} · −{formatPrice(d.amount)}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {c.unpaid.length > 0 && (
              <section className="cash-up-section" aria-label="Unpaid visits">
                <h3>Completed, no payment recorded</h3>
                <ul className="cash-up-list">
                  {c.unpaid.map((u) => (
                    <li key={u.booking_id} className="nums">
                      {formatClockTime(clock.localMinuteOfDay(parseInstant(u.start_at) ?? 0))} · {name(u.customer_id)} · {u.service || 'Visit'}
                      {u.staff ? ` with ${u.staff}` : ''} · {formatPrice(u.price)}
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </>
        )}
      </div>
    </Modal>
  );
}
