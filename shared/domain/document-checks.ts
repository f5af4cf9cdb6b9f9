/**
 * Domain checks of campaigns, segments and branch settings that JSON Schema cannot express,
 * run by `validateDocument` (so the desk's replica, the server's push and imports all apply
 * them): unique variant keys, templates without unknown placeholders once a campaign leaves
 * draft, criteria ranges the right way round, ascending milestones, settings id = branch id.
 */
import type { BranchSettingsDoc, CampaignDoc, SegmentDoc } from './schemas';
import { criteriaProblems } from './criteria';
import { CAMPAIGN_PLACEHOLDERS, MILESTONE_PLACEHOLDERS, templateProblems } from './template';

export interface DocumentProblem {
  field: string;
  message: string;
}

export const HOLDOUT_KEY = 'holdout';

export function campaignProblems(c: CampaignDoc): DocumentProblem[] {
  const out: DocumentProblem[] = [];
  const keys = new Set<string>();
  c.variants.forEach((v, i) => {
    if (v.key === HOLDOUT_KEY) out.push({ field: `variants.${i}.key`, message: `"${HOLDOUT_KEY}" is reserved for the holdout group` });
    else if (keys.has(v.key)) out.push({ field: `variants.${i}.key`, message: `variant "${v.key}" appears twice` });
    keys.add(v.key);
  });
  if (c.status !== 'draft' && c.status !== 'cancelled') {
    c.variants.forEach((v, i) => {
      const problem = templateProblems(v.message, CAMPAIGN_PLACEHOLDERS)[0];
      if (problem !== undefined) out.push({ field: `variants.${i}.message`, message: problem.message });
    });
  }
  for (const p of criteriaProblems(c.criteria)) out.push({ field: `criteria.${p.field}`, message: p.message });
  return out;
}

export function segmentProblems(s: SegmentDoc): DocumentProblem[] {
  const out: DocumentProblem[] = [];
  if (s.name.trim() === '') out.push({ field: 'name', message: 'a segment needs a name' });
  for (const p of criteriaProblems(s.criteria)) out.push({ field: `criteria.${p.field}`, message: p.message });
  return out;
}

const SETTINGS_TEMPLATES = [
  ['message_at_risk', CAMPAIGN_PLACEHOLDERS],
  ['message_churned', CAMPAIGN_PLACEHOLDERS],
  ['message_birthday', CAMPAIGN_PLACEHOLDERS],
  ['message_milestone', MILESTONE_PLACEHOLDERS],
] as const;

export function branchSettingsProblems(s: BranchSettingsDoc): DocumentProblem[] {
  const out: DocumentProblem[] = [];
  if (s.id !== s.branch_id) out.push({ field: 'id', message: `must be the branch id ("${s.branch_id}")` });
  for (const [field, allowed] of SETTINGS_TEMPLATES) {
    const problem = templateProblems(s[field], allowed)[0];
    if (problem !== undefined) out.push({ field, message: problem.message });
  }
  for (let i = 1; i < s.milestones.length; i += 1) {
    if ((s.milestones[i] as number) <= (s.milestones[i - 1] as number)) {
      out.push({ field: `milestones.${i}`, message: 'milestones must be in ascending order without repeats' });
      break;
    }
  }
  return out;
}
