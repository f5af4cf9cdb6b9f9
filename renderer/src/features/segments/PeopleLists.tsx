import { useState } from 'react';
import type { CustomerView } from '../../../../shared/insights/customer-view';
import { routeHref } from '../../app/router';
import { formatPrice } from '../../lib/format';
import { StatusBadge } from '../../ui/StatusBadge';
import type { DateEvent } from './segments-model';

const SHOWN = 8;
const dayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

function Tabs<K extends string>({ label, tabs, value, onChange }: { label: string; tabs: readonly [K, string, number][]; value: K; onChange: (k: K) => void }) {
  return (
    <div className="seg-tabs" role="radiogroup" aria-label={label}>
      {tabs.map(([key, text, count]) => (
        <label key={key} className={value === key ? 'seg-tab is-on' : 'seg-tab'}>
          <input type="radio" className="visually-hidden" name={label} checked={value === key} onChange={() => onChange(key)} />
          {text} <span className="nums seg-tab-count">{count.toLocaleString('en')}</span>
        </label>
      ))}
    </div>
  );
}

/**
 * High-value customers (top 20% by lifetime spend at the branch) and top regulars (high value and
 * frequent). "VIP" is only ever the spending tier (lifetime spend above the VIP boundary).
 */
export function ValueLists({ highValue, vip }: { highValue: readonly CustomerView[]; vip: readonly CustomerView[] }) {
  const [tab, setTab] = useState<'vip' | 'high'>('vip');
  const list = tab === 'vip' ? vip : highValue;
  return (
    <section className="card dash-list" aria-labelledby="value-title">
      <header className="card-header">
        <div>
          <h2 id="value-title">High value and top regulars</h2>
          <p className="muted dash-list-sub">Top 20% by lifetime spend here; top regulars are high value and frequent</p>
        </div>
        <Tabs
          label="Value list"
          tabs={[
            ['vip', 'Top regulars', vip.length],
            ['high', 'High value', highValue.length],
          ]}
          value={tab}
          onChange={setTab}
        />
      </header>
      {list.length === 0 ? (
        <p className="dash-empty-line muted">Nobody yet.</p>
      ) : (
        <table className="top-table" aria-label={tab === 'vip' ? 'Top regulars' : 'High-value customers'}>
          <thead>
            <tr>
              <th scope="col">Customer</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Visits
              </th>
              <th scope="col" className="num">
                Spent
              </th>
            </tr>
          </thead>
          <tbody>
            {list.slice(0, SHOWN).map((v) => (
              <tr key={v.customer.id}>
                <td>
                  <a className="action-name" href={routeHref({ name: 'customer', id: v.customer.id })}>
                    {v.customer.name}
                  </a>
                  {v.rfm !== null && <span className="action-meta nums"> · RFM {v.rfm.code}</span>}
                </td>
                <td>{v.activity !== null && <StatusBadge status={v.activity.status} />}</td>
                <td className="num nums">{(v.activity?.total_bookings ?? 0).toLocaleString('en')}</td>
                <td className="num nums top-spent">{formatPrice(v.activity?.total_spent ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.length > SHOWN && <p className="dash-more muted">and {(list.length - SHOWN).toLocaleString('en')} more — build a segment to see them all</p>}
    </section>
  );
}

function EventList({ events, today, what, label }: { events: readonly DateEvent[]; today: number; what: (e: DateEvent) => string; label: string }) {
  if (events.length === 0) return <p className="dash-empty-line muted">Nobody.</p>;
  return (
    <ul className="action-list seg-events" aria-label={label}>
      {events.slice(0, SHOWN).map((e) => (
        <li key={e.view.customer.id} className="action-item">
          <span className={e.day === today ? 'seg-day is-today nums' : 'seg-day nums'}>{e.day === today ? 'Today' : dayFormat.format(e.day * 86_400_000)}</span>
          <span className="action-main">
            <a className="action-name" href={routeHref({ name: 'customer', id: e.view.customer.id })}>
              {e.view.customer.name}
            </a>
            <span className="action-meta">{what(e)}</span>
          </span>
        </li>
      ))}
      {events.length > SHOWN && <li className="dash-more muted">and {(events.length - SHOWN).toLocaleString('en')} more</li>}
    </ul>
  );
}

/** Birthdays this week / this month and first-visit anniversaries, in the branch's calendar. */
export function DateLists({ today, birthdays, anniversaries }: { today: number; birthdays: { week: DateEvent[]; month: DateEvent[] }; anniversaries: { week: DateEvent[]; month: DateEvent[] } }) {
  const [tab, setTab] = useState<'week' | 'month'>('week');
  return (
    <section className="card dash-list" aria-labelledby="dates-title">
      <header className="card-header">
        <h2 id="dates-title">Birthdays and anniversaries</h2>
        <Tabs
          label="Period"
          tabs={[
            ['week', 'Next 7 days', birthdays.week.length + anniversaries.week.length],
            ['month', 'This month', birthdays.month.length + anniversaries.month.length],
          ]}
          value={tab}
          onChange={setTab}
        />
      </header>
      <div className="seg-dates">
        <div>
          <h3 className="dash-subtitle">Birthdays</h3>
          <EventList events={birthdays[tab]} today={today} label="Birthdays" what={(e) => (e.years === null ? 'birthday' : `turns ${e.years}`)} />
        </div>
        <div>
          <h3 className="dash-subtitle">First-visit anniversaries</h3>
          <EventList events={anniversaries[tab]} today={today} label="Anniversaries" what={(e) => `${e.years ?? 0} ${e.years === 1 ? 'year' : 'years'} with you`} />
        </div>
      </div>
    </section>
  );
}
