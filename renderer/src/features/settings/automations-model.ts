import { LIMITS, MAX_CAP_DAYS, type BranchSettingsDoc } from '../../../../shared/domain/schemas';
import { TRIGGER_KINDS, type TriggerKind } from '../../../../shared/insights/branch-settings';
import { CAMPAIGN_PLACEHOLDERS, MILESTONE_PLACEHOLDERS, templateProblems } from '../../../../shared/domain/template';
import { formatMoney, parseMoney } from '../../../../shared/money';

/** The automations form: switches, texts and numbers as typed. */
export interface AutomationsForm {
  enabled: Record<TriggerKind, boolean>;
  messages: Record<TriggerKind, string>;
  /** Spending milestones, e.g. "500, 1000, 2500". */
  milestones: string;
  capDays: string;
  offer: string;
  retentionEnabled: boolean;
  retentionYears: string;
}

export type AutomationsErrors = Partial<Record<`message_${TriggerKind}` | 'milestones' | 'capDays' | 'offer' | 'retentionYears', string>>;

const ENABLED_FIELD = { at_risk: 'auto_at_risk', churned: 'auto_churned', birthday: 'auto_birthday', milestone: 'auto_milestones' } as const;
const MESSAGE_FIELD = { at_risk: 'message_at_risk', churned: 'message_churned', birthday: 'message_birthday', milestone: 'message_milestone' } as const;

export function formOfSettings(s: BranchSettingsDoc): AutomationsForm {
  const enabled = {} as Record<TriggerKind, boolean>;
  const messages = {} as Record<TriggerKind, string>;
  for (const k of TRIGGER_KINDS) {
    enabled[k] = s[ENABLED_FIELD[k]];
    messages[k] = s[MESSAGE_FIELD[k]];
  }
  return {
    enabled,
    messages,
    milestones: s.milestones.map((c) => formatMoney(c)).join(', '),
    capDays: String(s.marketing_cap_days),
    offer: s.offer,
    retentionEnabled: s.retention_enabled,
    retentionYears: String(s.retention_years),
  };
}

function wholeNumber(text: string, min: number, max: number): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= max ? n : null;
}

/** Milestone amounts as typed ("500, 1,000.50") → ascending cents, or the problem. */
function parseMilestones(text: string): { cents: number[] } | { problem: string } {
  const parts = text.split(/[;\s]+|,\s+/).map((p) => p.trim()).filter((p) => p !== '');
  const cents: number[] = [];
  for (const p of parts) {
    const parsed = parseMoney(p.replace(/,/g, ''));
    if (!parsed.ok || parsed.cents === 0) return { problem: `“${p}” is not an amount like 500 or 1000.00` };
    cents.push(parsed.cents);
  }
  if (cents.length > LIMITS.milestones) return { problem: `At most ${LIMITS.milestones} milestones` };
  const sorted = [...new Set(cents)].sort((a, b) => a - b);
  return { cents: sorted };
}

/** The settings document for the form, or the problems of its fields (templates with unknown placeholders included). */
export function settingsOfForm(form: AutomationsForm, base: BranchSettingsDoc, nowMs: number): { ok: true; doc: BranchSettingsDoc } | { ok: false; errors: AutomationsErrors } {
  const errors: AutomationsErrors = {};
  for (const k of TRIGGER_KINDS) {
    const problem = templateProblems(form.messages[k], k === 'milestone' ? MILESTONE_PLACEHOLDERS : CAMPAIGN_PLACEHOLDERS)[0];
    if (problem !== undefined) errors[`message_${k}`] = problem.message.charAt(0).toUpperCase() + problem.message.slice(1);
    else if (form.messages[k].length > LIMITS.message) errors[`message_${k}`] = `At most ${LIMITS.message} characters`;
  }
  const milestones = parseMilestones(form.milestones);
  if ('problem' in milestones) errors.milestones = milestones.problem;
  else if (form.enabled.milestone && milestones.cents.length === 0) errors.milestones = 'Add at least one amount, e.g. 500, 1000';
  const cap = wholeNumber(form.capDays, 0, MAX_CAP_DAYS);
  if (cap === null) errors.capDays = `Enter a whole number of days from 0 (no cap) to ${MAX_CAP_DAYS}`;
  const offer = form.offer.trim();
  if (offer.length > LIMITS.shortText) errors.offer = `At most ${LIMITS.shortText} characters`;
  const years = wholeNumber(form.retentionYears, 1, 100);
  if (years === null) errors.retentionYears = 'Enter a whole number of years from 1 to 100';
  if (Object.keys(errors).length > 0 || 'problem' in milestones || cap === null || years === null) return { ok: false, errors };
  return {
    ok: true,
    doc: {
      ...base,
      id: base.branch_id,
      auto_at_risk: form.enabled.at_risk,
      auto_churned: form.enabled.churned,
      auto_birthday: form.enabled.birthday,
      auto_milestones: form.enabled.milestone,
      message_at_risk: form.messages.at_risk,
      message_churned: form.messages.churned,
      message_birthday: form.messages.birthday,
      message_milestone: form.messages.milestone,
      milestones: milestones.cents,
      marketing_cap_days: cap,
      offer,
      retention_enabled: form.retentionEnabled,
      retention_years: years,
      updated_at: new Date(nowMs).toISOString(),
    },
  };
}
