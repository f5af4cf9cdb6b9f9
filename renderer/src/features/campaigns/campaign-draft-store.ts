import { create } from 'zustand';
import type { SegmentCriteria, SegmentDoc } from '../../../../shared/domain/schemas';
import { now } from '../../data/session';
import { newDraft, type CampaignDraft } from './campaign-model';

/** The campaign being written (`#/campaigns/new`), kept while the manager looks elsewhere. */
export const useCampaignDraft = create<{ draft: CampaignDraft | null }>(() => ({ draft: null }));

export const campaignDraft = {
  startFromSegment: (segment: Pick<SegmentDoc, 'id' | 'name' | 'criteria'>): void =>
    useCampaignDraft.setState({ draft: newDraft(now(), { segmentId: segment.id, criteria: segment.criteria, label: `Segment “${segment.name}”`, name: segment.name }) }),
  startFromCriteria: (criteria: SegmentCriteria, label: string): void => useCampaignDraft.setState({ draft: newDraft(now(), { segmentId: '', criteria, label }) }),
  open: (draft: CampaignDraft): void => useCampaignDraft.setState({ draft }),
  update: (change: Partial<CampaignDraft>): void => useCampaignDraft.setState((s) => (s.draft === null ? s : { draft: { ...s.draft, ...change } })),
  close: (): void => useCampaignDraft.setState({ draft: null }),
};
