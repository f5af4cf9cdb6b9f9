import type { ExclusionReason } from '../../../../shared/insights/audience';
import type { AudienceResult } from './campaign-audience';

const REASONS: [ExclusionReason, string][] = [
  ['no_consent', 'No marketing consent on this channel'],
  ['no_address', 'No phone or email for this channel'],
  ['future_booking', 'Already booked'],
  ['recently_messaged', 'Messaged recently (frequency cap)'],
  ['erased', 'Erased'],
];

/** The audience before sending: segment members, who the rules leave out and why, the groups. */
export function AudiencePreview({ result, capDays, note = null }: { result: AudienceResult; capDays: number; note?: string | null }) {
  const { preview } = result;
  const groups = Object.entries(preview.groups);
  return (
    <section className="card cmp-audience" aria-labelledby="audience-title">
      <header className="card-header">
        <h2 id="audience-title">Audience</h2>
      </header>
      <div className="cmp-audience-body">
        <p className="cmp-audience-size" data-testid="audience-size">
          <span className="nums">{preview.size.toLocaleString('en')}</span> {preview.size === 1 ? 'customer' : 'customers'}
        </p>
        {note !== null && (
          <p className="muted filter-note" role="note">
            {note}
          </p>
        )}
        <dl className="cmp-funnel" aria-label="Audience rules">
          <div>
            <dt>In the segment</dt>
            <dd className="nums" data-testid="audience-members">
              {result.members.toLocaleString('en')}
            </dd>
          </div>
          {REASONS.map(([reason, label]) => (
            <div key={reason} className={preview.excluded[reason] === 0 ? 'is-zero' : undefined}>
              <dt>
                {label}
                {reason === 'recently_messaged' && <span className="muted"> · {capDays === 0 ? 'no cap' : `${capDays} days`}</span>}
              </dt>
              <dd className="nums" data-testid={`excluded-${reason}`}>
                {preview.excluded[reason] === 0 ? '0' : `−${preview.excluded[reason].toLocaleString('en')}`}
              </dd>
            </div>
          ))}
        </dl>
        {groups.length > 0 && (
          <ul className="cmp-groups" aria-label="Groups">
            {groups.map(([group, n]) => (
              <li key={group} className={group === 'holdout' ? 'is-holdout' : undefined}>
                <span>{group === 'holdout' ? 'Holdout (receives nothing)' : `Variant ${group}`}</span>
                <span className="nums" data-testid={`group-${group}`}>
                  {n.toLocaleString('en')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
