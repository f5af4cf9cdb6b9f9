import { useEffect, useMemo, useState } from 'react';
import type { CampaignDoc, CommunicationDoc } from '../../../../shared/domain/schemas';
import { campaignResult, REPORT_WINDOW_DAYS, type CampaignResult, type ReportBooking } from '../../../../shared/insights/campaign-report';
import { routeHref } from '../../app/router';
import { useActivityVersion, useBookingsVersion, useCustomersVersion, useDesk, useToday } from '../../data/hooks';
import { activeRole, useSyncStore } from '../../sync/sync-store';
import { now } from '../../data/session';
import { formatPrice } from '../../lib/format';
import { dateInZone } from '../customer-detail';
import { describeCriteria } from '../segments';
import { CHANNEL_LABELS } from './campaign-model';
import { saveCampaign } from './campaign-outbox';
import { CampaignStatusTag, DeliveryTag } from './CampaignStatusTag';
import { deliverySummary, DELIVERY_LABELS, DELIVERY_ORDER, failureText } from './delivery';
import { useCampaignMessages } from './use-campaign-data';

const SHOWN = 100;

function timeIn(instant: string, timeZone: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return '';
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', day: 'numeric', month: 'short', timeZone }).format(ms);
}

function pct(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/** A queued campaign: what it was, where each message is (synced back from the server), and its measured result. */
export function CampaignDetail({ campaign }: { campaign: CampaignDoc }) {
  const desk = useDesk();
  const { timeZone, day: today } = useToday();
  const messages = useCampaignMessages(campaign.id);
  const bookingsVersion = useBookingsVersion();
  const activityVersion = useActivityVersion();
  useCustomersVersion();
  const [all, setAll] = useState(false);

  const summary = useMemo(() => deliverySummary(messages ?? []), [messages]);
  // Once the server reported an outcome for every message, the campaign is sent.
  const finished = campaign.status === 'queued' && messages !== null && summary.total > 0 && summary.settled;
  useEffect(() => {
    if (!finished) return;
    saveCampaign(desk.db, { ...campaign, status: 'sent', updated_at: new Date(now()).toISOString() }).catch((e: unknown) => console.warn('Could not mark the campaign sent', e));
  }, [finished, desk, campaign]);
  const paired = useSyncStore(activeRole) !== null;
  const result = useMemo(() => {
    void bookingsVersion;
    void activityVersion;
    void today; // a new day can end the window
    const bookings: ReportBooking[] = [];
    for (const customerId of new Set((messages ?? []).map((m) => m.customer_id))) {
      for (const f of desk.activity.bookingsOf(campaign.branch_id, customerId)) bookings.push({ customer_id: f.customer_id, status: f.status, ms: f.ms, price: f.price });
    }
    return campaignResult(campaign.id, messages ?? [], bookings, now());
  }, [desk, campaign, messages, bookingsVersion, activityVersion, today]);

  const sorted = useMemo(() => {
    const order = new Map(DELIVERY_ORDER.map((s, i) => [s, i]));
    const nameOf = (m: CommunicationDoc): string => desk.customers.get(m.customer_id)?.name ?? '';
    return [...(messages ?? [])].sort((a, b) => (order.get(a.status) ?? 9) - (order.get(b.status) ?? 9) || nameOf(a).localeCompare(nameOf(b)));
  }, [messages, desk]);
  const shown = all ? sorted : sorted.slice(0, SHOWN);
  const phrases = describeCriteria(campaign.criteria, formatPrice);

  return (
    <div className="cmp-detail">
      <section className="card cmp-facts" aria-label="Campaign">
        <dl className="cmp-facts-list">
          <div>
            <dt>Status</dt>
            <dd>
              <CampaignStatusTag status={campaign.status} />
            </dd>
          </div>
          <div>
            <dt>Channel</dt>
            <dd>{CHANNEL_LABELS[campaign.channel]}</dd>
          </div>
          <div>
            <dt>Queued</dt>
            <dd>{campaign.sent_at === '' ? '—' : `${dateInZone(campaign.sent_at, timeZone)}, ${timeIn(campaign.sent_at, timeZone).split(', ').pop() ?? ''}`}</dd>
          </div>
          <div>
            <dt>Audience</dt>
            <dd className="nums">{campaign.audience_size.toLocaleString('en')}</dd>
          </div>
          <div>
            <dt>Groups</dt>
            <dd>
              {campaign.variants.map((v) => v.key).join(', ')}
              {campaign.holdout_pct > 0 ? ` + ${campaign.holdout_pct}% holdout` : ''}
            </dd>
          </div>
          <div className="cmp-facts-wide">
            <dt>Audience filters</dt>
            <dd>{phrases.length === 0 ? 'Everyone at the branch' : phrases.join(' · ')}</dd>
          </div>
          {campaign.offer !== '' && (
            <div className="cmp-facts-wide">
              <dt>Offer</dt>
              <dd>{campaign.offer}</dd>
            </div>
          )}
        </dl>
      </section>

      <section className="card" aria-labelledby="report-title">
        <header className="card-header">
          <h2 id="report-title">Result</h2>
          <span className="muted">booked within {REPORT_WINDOW_DAYS} days of the send, by group</span>
        </header>
        <CampaignResultView result={result} paired={paired} timeZone={timeZone} />
      </section>

      <section className="card" aria-labelledby="delivery-title">
        <header className="card-header">
          <h2 id="delivery-title">Delivery</h2>
          <span className="muted">{summary.settled ? 'every message has an outcome' : 'updates as the server reports back'}</span>
        </header>
        <ul className="cmp-counts" aria-label="Messages by status">
          {DELIVERY_ORDER.filter((s) => (summary.counts[s] ?? 0) > 0).map((s) => (
            <li key={s} data-testid={`delivery-${s}`}>
              <DeliveryTag status={s} />
              <span className="nums">{(summary.counts[s] ?? 0).toLocaleString('en')}</span>
            </li>
          ))}
        </ul>
        {messages !== null && messages.length > 0 && (
          <table className="cmp-table" aria-label="Messages">
            <thead>
              <tr>
                <th scope="col">Customer</th>
                <th scope="col">Group</th>
                <th scope="col">Status</th>
                <th scope="col">Details</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((m) => {
                const c = desk.customers.get(m.customer_id);
                return (
                  <tr key={m.id}>
                    <td>
                      <a className="action-name" href={routeHref({ name: 'customer', id: m.customer_id })}>
                        {c === undefined ? m.customer_id : c.erased_at !== '' ? 'Erased customer' : c.name}
                      </a>
                    </td>
                    <td>{m.variant === 'holdout' ? 'Holdout' : m.variant}</td>
                    <td>
                      <DeliveryTag status={m.status} />
                    </td>
                    <td className="cmp-reason">{failureText(m, (at) => timeIn(at, timeZone)) || (m.status === 'held' ? 'kept back to measure the effect' : '')}</td>
                    <td className="nums muted">{timeIn(m.updated_at || m.at, timeZone)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {sorted.length > SHOWN && (
          <button type="button" className="btn btn-ghost cmp-more" onClick={() => setAll(!all)}>
            {all ? 'Show fewer' : `Show all ${sorted.length.toLocaleString('en')} messages`}
          </button>
        )}
        <p className="cmp-note muted">
          {DELIVERY_LABELS.queued}: waiting in the outbox until this desk syncs and the server sends it. {DELIVERY_LABELS.failed}: the provider refused it;
          the server retries with back-off and never sends twice.
        </p>
      </section>
    </div>
  );
}

function groupName(group: string): string {
  return group === 'holdout' ? 'Holdout (not sent)' : `Variant ${group}`;
}

function signed(pts: number): string {
  return `${pts > 0 ? '+' : pts < 0 ? '−' : ''}${Math.abs(pts).toFixed(1)}`;
}

/** The groups' sizes only: what is known before the window is over. */
function GroupSizes({ sizes }: { sizes: Record<string, number> }) {
  const groups = Object.keys(sizes).sort((a, b) => Number(a === 'holdout') - Number(b === 'holdout') || a.localeCompare(b));
  if (groups.length === 0) return null;
  return (
    <table className="cmp-table cmp-report" aria-label="Groups">
      <thead>
        <tr>
          <th scope="col">Group</th>
          <th scope="col" className="num">
            Customers
          </th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g} className={g === 'holdout' ? 'is-holdout' : undefined}>
            <th scope="row">{groupName(g)}</th>
            <td className="num nums">{(sizes[g] ?? 0).toLocaleString('en')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The campaign's result only once it means something: nothing while messages wait to go out (and
 * why, when this desk has no server), the group sizes and the date of the result while the
 * 30 days run, then each group with the uplift over the holdout and its 95 % interval.
 */
function CampaignResultView({ result, paired, timeZone }: { result: CampaignResult; paired: boolean; timeZone: string }) {
  if (result.phase === 'awaiting_delivery') {
    const total = Object.values(result.sizes).reduce((a, b) => a + b, 0);
    return (
      <>
        <p className="cmp-empty muted" role="status">
          {total === 0
            ? 'No messages recorded for this campaign on this desk yet.'
            : !paired
              ? `No result yet: this desk has no server, so its ${result.waiting.toLocaleString('en')} ${result.waiting === 1 ? 'message waits' : 'messages wait'} in the outbox and nothing is sent. Pair the desk with a server (Settings → Sync) to send them; the result is measured from the send.`
              : result.waiting > 0
                ? `No result yet: ${result.waiting.toLocaleString('en')} ${result.waiting === 1 ? 'message is' : 'messages are'} still waiting to be sent. The ${REPORT_WINDOW_DAYS} days are measured from the send.`
                : 'No result: no message of this campaign was sent.'}
        </p>
        <GroupSizes sizes={result.sizes} />
      </>
    );
  }
  if (result.phase === 'measuring') {
    const sent = new Date(result.sent_at).toISOString();
    return (
      <>
        <p className="cmp-empty muted" role="status">
          Measuring: sent {dateInZone(sent, timeZone)}; the result is shown on {dateInZone(new Date(result.results_at).toISOString(), timeZone)}, once every group has had its {REPORT_WINDOW_DAYS} days. Until then a share booked would
          only say who happened to book early.
        </p>
        <GroupSizes sizes={result.sizes} />
      </>
    );
  }
  const hasHoldout = result.groups.some((g) => g.group === 'holdout');
  return (
    <>
      <table className="cmp-table cmp-report" aria-label="Result by group">
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col" className="num">
              Customers
            </th>
            <th scope="col" className="num">
              Booked
            </th>
            <th scope="col" className="num">
              Share booked
            </th>
            <th scope="col" className="num">
              Spend
            </th>
            <th scope="col" className="num">
              Per customer
            </th>
            <th scope="col" className="num">
              Uplift vs holdout (95% interval)
            </th>
          </tr>
        </thead>
        <tbody>
          {result.groups.map((g) => (
            <tr key={g.group} className={g.group === 'holdout' ? 'is-holdout' : undefined}>
              <th scope="row">{groupName(g.group)}</th>
              <td className="num nums">{g.size.toLocaleString('en')}</td>
              <td className="num nums">{g.booked.toLocaleString('en')}</td>
              <td className="num nums">{pct(g.booked_share)}</td>
              <td className="num nums">{formatPrice(g.spend)}</td>
              <td className="num nums">{formatPrice(g.spend_per_customer)}</td>
              <td className="num nums">
                {g.uplift_pts === null || g.uplift_ci_pts === null || g.group === 'holdout' ? '—' : `${signed(g.uplift_pts)} pts (${signed(g.uplift_ci_pts[0])} to ${signed(g.uplift_ci_pts[1])})`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="cmp-note muted">
        {hasHoldout
          ? `Sent ${dateInZone(new Date(result.sent_at).toISOString(), timeZone)}; each group over the same ${result.window_days} days. When the interval includes 0, the campaign's effect cannot be told apart from chance with groups of these sizes.`
          : 'No holdout: without customers who received nothing, the effect of the campaign cannot be measured, only who booked.'}
      </p>
    </>
  );
}
