import type { PairActivity } from '../../../../shared/engine/activity';
import type { PairOutlook } from '../../../../shared/predict/outlook';
import type { OutlookModelState } from '../../data/outlook';
import { formatPrice } from '../../lib/format';
import { cadenceText, chanceText, outlookNote, valueText, visitsText } from '../../lib/outlook-format';
import { FrequencyTierTag, SpendingTierTag, StatusBadge } from '../../ui/StatusBadge';
import { dayCount, shortDate } from '../customers';

/** A customer's status and figures at one branch. */
export function BranchCard({
  activity: a,
  branchName,
  isDesk,
  isHome,
  outlook,
  outlookState,
}: {
  activity: PairActivity;
  branchName: string;
  isDesk: boolean;
  isHome: boolean;
  outlook: PairOutlook | undefined;
  outlookState: OutlookModelState;
}) {
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
      {a.last_visit_date !== null && <OutlookFacts outlook={outlook} state={outlookState} branchName={branchName} />}
      <div className="branch-card-tiers">
        <SpendingTierTag tier={a.spending_tier} />
        <FrequencyTierTag tier={a.frequency_tier} />
      </div>
    </section>
  );
}

/** The next 90 days at this branch as predicted, and the customer's own cadence. */
function OutlookFacts({ outlook: o, state, branchName }: { outlook: PairOutlook | undefined; state: OutlookModelState; branchName: string }) {
  const note = outlookNote(state);
  if (note !== null || o === undefined) {
    return (
      <p className="outlook-note muted" role="note">
        {note ?? 'No prediction for this branch yet.'}
      </p>
    );
  }
  const facts: [string, string][] = [
    ['Chance of return', chanceText(o.p_alive)],
    ['Expected visits', visitsText(o.expected_visits_90)],
    ['Predicted value', valueText(o.predicted_value_90)],
    ['Value at risk', valueText(o.value_at_risk_90)],
  ];
  return (
    <section className="outlook" aria-label={`${branchName}: next 90 days`}>
      <h4 className="outlook-title">Next 90 days</h4>
      <dl className="branch-facts outlook-facts">
        {facts.map(([label, value]) => (
          <div key={label} className="branch-fact">
            <dt>{label}</dt>
            <dd className="nums">{value}</dd>
          </div>
        ))}
      </dl>
      <p className={`cadence cadence-${o.cadence?.status ?? 'none'}`}>{o.cadence === null ? 'Cadence after 3 visits' : cadenceText(o.cadence)}</p>
    </section>
  );
}
