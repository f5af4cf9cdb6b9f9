import '../../ui/chart-setup';
import { Bar } from 'react-chartjs-2';
import type { BookingFact, PairActivity } from '../../../../shared/engine/activity';
import { formatPrice } from '../../lib/format';
import { tokenColour } from '../../ui/token-colour';
import { shortDate } from '../customers';
import { formatDay } from '../../../../shared/time/calendar';
import { branchesVisited, dayHourHeatmap, servicesUsed, spendByMonth, visitGaps } from './profile-analytics';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const GAPS_SHOWN = 24;

function Heatmap({ facts, zoneOf }: { facts: readonly BookingFact[]; zoneOf: (b: string) => string }) {
  const { cells, max, total } = dayHourHeatmap(facts, zoneOf);
  const used = cells.flatMap((row) => row.map((n, h) => (n > 0 ? h : -1))).filter((h) => h >= 0);
  const from = Math.min(8, ...used);
  const to = Math.max(20, ...used);
  const hours = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return (
    <div className="heatmap-wrap">
      <table className="heatmap" aria-label={`Visits by weekday and hour (${total} visits)`}>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Day</span>
            </th>
            {hours.map((h) => (
              <th key={h} scope="col" className="nums">
                {h % 2 === 0 ? String(h).padStart(2, '0') : ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((d, w) => (
            <tr key={d}>
              <th scope="row">{d}</th>
              {hours.map((h) => {
                const n = cells[w]?.[h] ?? 0;
                const level = n === 0 || max === 0 ? 0 : Math.max(1, Math.ceil((n / max) * 4));
                return (
                  <td key={h} className={`heat heat-${level}`} title={`${d} ${String(h).padStart(2, '0')}:00 — ${n} ${n === 1 ? 'visit' : 'visits'}`}>
                    <span className="visually-hidden">{n}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * What the customer's history says: services used, branches visited, spend over time, the gaps
 * between visits and when they like to come (weekday × hour, in each branch's zone).
 */
export function ProfileAnalytics({ facts, pairs, branchNameOf, zoneOf }: { facts: readonly BookingFact[]; pairs: readonly PairActivity[]; branchNameOf: (id: string) => string; zoneOf: (id: string) => string }) {
  const services = servicesUsed(facts);
  const branches = branchesVisited(pairs);
  const months = spendByMonth(facts);
  const gaps = visitGaps(facts);
  if (services.length === 0) return null;
  const brand = tokenColour('--brand', '#2f5bea');
  const teal = tokenColour('--status-win_back', '#0f766e');
  const recentGaps = gaps.gaps.slice(-GAPS_SHOWN);
  return (
    <section className="profile-analytics" aria-labelledby="analytics-title">
      <h2 id="analytics-title" className="section-heading">
        Analytics
      </h2>
      <div className="analytics-grid">
        <section className="card profile-card" aria-label="Services used">
          <header className="card-header">
            <h3>Services used</h3>
          </header>
          <table className="cmp-table">
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col" className="num">
                  Times
                </th>
                <th scope="col" className="num">
                  Spent
                </th>
                <th scope="col">Last time</th>
              </tr>
            </thead>
            <tbody>
              {services.map((s) => (
                <tr key={s.service}>
                  <td>{s.service}</td>
                  <td className="num nums">{s.visits}</td>
                  <td className="num nums">{formatPrice(s.spent)}</td>
                  <td className="nums">{shortDate(formatDay(s.lastDay))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card profile-card" aria-label="Branches visited">
          <header className="card-header">
            <h3>Branches visited</h3>
          </header>
          <table className="cmp-table">
            <thead>
              <tr>
                <th scope="col">Branch</th>
                <th scope="col" className="num">
                  Visits
                </th>
                <th scope="col" className="num">
                  Spent
                </th>
                <th scope="col">Last visit</th>
              </tr>
            </thead>
            <tbody>
              {branches.map((p) => (
                <tr key={p.branch_id}>
                  <td>{branchNameOf(p.branch_id)}</td>
                  <td className="num nums">{p.total_bookings}</td>
                  <td className="num nums">{formatPrice(p.total_spent)}</td>
                  <td className="nums">{shortDate(p.last_visit_date)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card profile-card" aria-label="Spend over time">
          <header className="card-header">
            <h3>Spend over time</h3>
            <span className="muted">per month{months.length >= 24 ? ', last 24 months' : ''}</span>
          </header>
          <div className="analytics-chart">
            <Bar
              role="img"
              aria-label={`Spend per month: ${months.map((m) => `${MONTHS[m.month - 1]} ${m.year} ${formatPrice(m.spent)}`).join(', ')}`}
              data={{
                labels: months.map((m) => `${MONTHS[m.month - 1]} ${String(m.year).slice(2)}`),
                datasets: [{ data: months.map((m) => m.spent / 100), backgroundColor: brand, borderRadius: 3 }],
              }}
              options={{ maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, grid: { color: '#eef0f3' } }, x: { grid: { display: false } } } }}
            />
          </div>
        </section>
        <section className="card profile-card" aria-label="Gaps between visits">
          <header className="card-header">
            <h3>Gaps between visits</h3>
            {gaps.average !== null && (
              <span className="muted nums" data-testid="gap-stats">
                typical {gaps.median} days · average {gaps.average} · longest {gaps.longest}
              </span>
            )}
          </header>
          {recentGaps.length === 0 ? (
            <p className="profile-card-body muted">One visit so far.</p>
          ) : (
            <div className="analytics-chart">
              <Bar
                role="img"
                aria-label={`Days between visits, oldest first: ${recentGaps.map((g) => g.days).join(', ')}`}
                data={{
                  labels: recentGaps.map((g) => shortDate(formatDay(g.toDay))),
                  datasets: [{ data: recentGaps.map((g) => g.days), backgroundColor: teal, borderRadius: 3 }],
                }}
                options={{ maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 }, grid: { color: '#eef0f3' } }, x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkip: true } } } }}
              />
            </div>
          )}
        </section>
        <section className="card profile-card analytics-wide" aria-label="Favourite days and hours">
          <header className="card-header">
            <h3>Favourite days and hours</h3>
            <span className="muted">completed visits, local time at each branch</span>
          </header>
          <Heatmap facts={facts} zoneOf={zoneOf} />
        </section>
      </div>
    </section>
  );
}
