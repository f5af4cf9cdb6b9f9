import { useEffect } from 'react';
import { Icon } from '../../ui/Icon';
import { CampaignDetail } from './CampaignDetail';
import { CampaignEditor } from './CampaignEditor';
import { campaignDraft, useCampaignDraft } from './campaign-draft-store';
import { draftOf } from './campaign-model';
import { useCampaign } from './use-campaign-data';

function Header({ title, sub }: { title: string; sub: string }) {
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <a href="#/campaigns">Campaigns</a>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{title}</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>{title}</h1>
          <p>{sub}</p>
        </div>
      </div>
    </>
  );
}

/** `#/campaigns/new`: the campaign being written; `#/campaigns/:id`: a draft to finish, or a queued campaign's delivery and report. */
export function CampaignScreen({ id }: { id: string }) {
  const draft = useCampaignDraft((s) => s.draft);
  const stored = useCampaign(id === 'new' ? '' : id);

  // A stored draft opens in the editor (it becomes the draft being written).
  const reopen = stored !== null && stored !== undefined && stored.status === 'draft' && draft?.id !== stored.id ? stored : null;
  useEffect(() => {
    if (reopen !== null) campaignDraft.open(draftOf(reopen, reopen.segment_id === '' ? 'Saved audience filters' : 'Saved segment'));
  }, [reopen]);

  if (id === 'new' || (stored?.status === 'draft' && draft?.id === stored.id)) {
    if (draft === null) {
      return (
        <div className="page">
          <Header title="New campaign" sub="Nothing is being written." />
          <div className="card empty-state">
            <p>Start a campaign from the Campaigns screen or a saved segment.</p>
            <a className="btn btn-primary" href="#/campaigns">
              Go to Campaigns
            </a>
          </div>
        </div>
      );
    }
    return (
      <div className="page campaign">
        <Header title={draft.name.trim() || 'New campaign'} sub={`${draft.sourceLabel} · nothing is sent until you queue it`} />
        <CampaignEditor draft={draft} />
      </div>
    );
  }
  if (stored === null || reopen !== null) return null;
  if (stored === undefined) {
    return (
      <div className="page">
        <div className="card empty-state">
          <span className="empty-illustration" aria-hidden="true">
            <Icon name="campaigns" size={26} />
          </span>
          <h1>Campaign not found</h1>
          <p>There is no campaign “{id}” on this desk.</p>
          <a className="btn btn-primary" href="#/campaigns">
            Back to campaigns
          </a>
        </div>
      </div>
    );
  }
  return (
    <div className="page campaign">
      <Header title={stored.name || 'Untitled campaign'} sub="Delivery and results" />
      <CampaignDetail campaign={stored} />
    </div>
  );
}
