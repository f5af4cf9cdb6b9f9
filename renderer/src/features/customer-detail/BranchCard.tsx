import type { PairActivity } from '../../../../shared/engine/activity';
import { formatPrice } from '../../lib/format';
import { FrequencyTierTag, SpendingTierTag, StatusBadge } from '../../ui/StatusBadge';
import { dayCount, shortDate } from '../customers';

/** A customer's status and figures at one branch. */
export function BranchCard({ activity: a, branchName, isDesk, isHome }: { activity: PairActivity; branchName: string; isDesk: boolean; isHome: boolean }) {
  const days = a.days_since_last_visit;
  const facts: [string, string][] = [
    ['Visits', a.total_bookings.toLocaleString('en')],
    ['Total spent', formatPrice(a.total_spent)],
    ['First visit', shortDate(a.first_visit_date) || '—'],
    ['Last visit', shortDate(a.last_visit_date) || '—'],
    ['Since last visit', days === null ? '—' : days === 0 ? 'Today' : dayCount(days)],
    ['No-shows', a.no_shows.toLocaleString('en')],
    ['Favourite service', a.favorite_service || '—'],
    ['Preferred staff', a.preferred_staff || '—'],
  ];
  return (
    <section className={`card branch-card branch-card-${a.status}`} aria-label={`At ${branchName}`}>
      <header className="branch-card-head">
        <div className="branch-card-title">
          <h3>{branchName}</h3>
          <span className="branch-card-marks">
            {isDesk && <span className="mark">This desk</span>}
            {isHome && <span className="mark">Home branch</span>}
          </span>
        </div>
        <StatusBadge status={a.status} days={days} detailed />
      </header>
      <dl className="branch-facts">
        {facts.map(([label, value]) => (
          <div key={label} className="branch-fact">
            <dt>{label}</dt>
            <dd className="nums">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="branch-card-tiers">
        <SpendingTierTag tier={a.spending_tier} />
        <FrequencyTierTag tier={a.frequency_tier} />
      </div>
    </section>
  );
}
