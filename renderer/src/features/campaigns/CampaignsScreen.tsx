import { navigate, routeHref } from '../../app/router';
import { useCurrentBranch, useToday } from '../../data/hooks';
import { Icon } from '../../ui/Icon';
import { currentCriteria, useCustomersView } from '../customers';
import { dateInZone } from '../customer-detail';
import { campaignDraft, useCampaignDraft } from './campaign-draft-store';
import { CHANNEL_LABELS } from './campaign-model';
import { CampaignStatusTag } from './CampaignStatusTag';
import { useCampaigns } from './use-campaign-data';

/** The branch's campaigns (drafts and sent), and a way to start one. */
export function CampaignsScreen() {
  const branch = useCurrentBranch();
  const { timeZone } = useToday();
  const campaigns = useCampaigns();
  const draft = useCampaignDraft((s) => s.draft);
  const listView = useCustomersView();
  if (branch === undefined) return null;

  const start = (): void => {
    campaignDraft.startFromCriteria(currentCriteria(listView), 'Customers list filters');
    navigate({ name: 'campaign', id: 'new' });
  };

  return (
    <div className="page campaigns">
      <div className="page-header">
        <div>
          <h1>Campaigns</h1>
          <p>{branch.name} · messages to a segment, measured against a holdout</p>
        </div>
        <div className="page-actions">
          {draft !== null && (
            <a className="btn" href={routeHref({ name: 'campaign', id: 'new' })}>
              Continue “{draft.name.trim() || 'untitled'}”
            </a>
          )}
          <button type="button" className="btn btn-primary" onClick={start}>
            <Icon name="plus" />
            New campaign
          </button>
        </div>
      </div>
      {campaigns === null ? null : campaigns.length === 0 ? (
        <div className="card empty-state">
          <span className="empty-illustration" aria-hidden="true">
            <Icon name="campaigns" size={26} />
          </span>
          <h2>No campaigns yet</h2>
          <p>Pick a saved segment on the Segments screen (or filter the Customers list), then write a message for them.</p>
          <button type="button" className="btn btn-primary" onClick={start}>
            New campaign
          </button>
        </div>
      ) : (
        <section className="card" aria-label="Campaign list">
          <table className="cmp-table">
            <thead>
              <tr>
                <th scope="col">Campaign</th>
                <th scope="col">Status</th>
                <th scope="col">Channel</th>
                <th scope="col" className="num">
                  Audience
                </th>
                <th scope="col">Variants</th>
                <th scope="col">Queued</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((c) => (
                <tr key={c.id}>
                  <td>
                    <a className="action-name" href={routeHref({ name: 'campaign', id: c.id })}>
                      {c.name || 'Untitled'}
                    </a>
                    {c.kind === 'automated' && <span className="mark">Automated</span>}
                  </td>
                  <td>
                    <CampaignStatusTag status={c.status} />
                  </td>
                  <td>{CHANNEL_LABELS[c.channel]}</td>
                  <td className="num nums">{c.audience_size.toLocaleString('en')}</td>
                  <td>
                    {c.variants.map((v) => v.key).join(', ')}
                    {c.holdout_pct > 0 ? ` + ${c.holdout_pct}% holdout` : ''}
                  </td>
                  <td className="nums">{c.sent_at === '' ? '—' : dateInZone(c.sent_at, timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
