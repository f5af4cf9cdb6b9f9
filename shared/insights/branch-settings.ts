/**
 * A branch's insight and automation settings (`branch_settings` collection, id = branch id):
 * defaults for a branch that never saved any, and the automated triggers they switch on.
 */
import type { BranchSettingsDoc } from '../domain/schemas';

/** Default marketing frequency cap: nobody gets two marketing messages within 7 days. */
export const DEFAULT_CAP_DAYS = 7;
/** Default retention period when a branch turns the retention rule on. */
export const DEFAULT_RETENTION_YEARS = 3;

export const TRIGGER_KINDS = ['at_risk', 'churned', 'birthday', 'milestone'] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];

export const DEFAULT_MESSAGES: Record<TriggerKind, string> = {
  at_risk: 'Hi {first_name}, we miss you at {branch}! It has been a while since {last_visit}. {offer}',
  churned: 'Hi {first_name}, come back to {branch}: {offer}',
  birthday: 'Happy birthday, {first_name}! Everyone at {branch} wishes you a great day. {offer}',
  milestone: 'Thank you, {first_name}! You have now spent {milestone} with us at {branch}. {offer}',
};

/** Settings of a branch that never saved any: every automation off, 7-day cap, retention off. */
function defaultBranchSettings(branchId: string): BranchSettingsDoc {
  return {
    id: branchId,
    branch_id: branchId,
    auto_at_risk: false,
    auto_churned: false,
    auto_birthday: false,
    auto_milestones: false,
    message_at_risk: DEFAULT_MESSAGES.at_risk,
    message_churned: DEFAULT_MESSAGES.churned,
    message_birthday: DEFAULT_MESSAGES.birthday,
    message_milestone: DEFAULT_MESSAGES.milestone,
    milestones: [50_000, 100_000, 250_000],
    marketing_cap_days: DEFAULT_CAP_DAYS,
    offer: '',
    retention_enabled: false,
    retention_years: DEFAULT_RETENTION_YEARS,
    updated_at: '',
  };
}

/** The stored settings, or the defaults when the branch has none (or they were deleted). */
export function effectiveBranchSettings(branchId: string, stored: BranchSettingsDoc | null | undefined): BranchSettingsDoc {
  return stored ?? defaultBranchSettings(branchId);
}

export function triggerEnabled(settings: BranchSettingsDoc, kind: TriggerKind): boolean {
  switch (kind) {
    case 'at_risk':
      return settings.auto_at_risk;
    case 'churned':
      return settings.auto_churned;
    case 'birthday':
      return settings.auto_birthday;
    case 'milestone':
      return settings.auto_milestones;
  }
}

export function triggerMessage(settings: BranchSettingsDoc, kind: TriggerKind): string {
  switch (kind) {
    case 'at_risk':
      return settings.message_at_risk;
    case 'churned':
      return settings.message_churned;
    case 'birthday':
      return settings.message_birthday;
    case 'milestone':
      return settings.message_milestone;
  }
}
