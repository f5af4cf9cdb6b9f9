/**
 * Automated triggers: the events a branch may react to with a message, each with a
 * de-duplication key so a customer never gets the same automated message twice for the same
 * event (the server stores keys under a UNIQUE constraint).
 *
 * - became at_risk / churned: the day the status began follows from history alone
 *   (last visit + active_days + 1, resp. + at_risk_days + 1), so the key
 *   `at_risk:<branch>:<customer>:<YYYY-MM-DD began>` is the same whichever process, day or
 *   recompute finds it; a later lapse after a new visit has a new date and a new key.
 * - "we miss you" for a customer with a known cadence (≥ 3 visit days, shared/predict/cadence.ts)
 *   replaces the fixed at_risk rule: it is due the day they became overdue *for them* (due date +
 *   tolerance + 1), same kind and key shape `at_risk:<branch>:<customer>:<YYYY-MM-DD became overdue>`,
 *   as fixed by history as the rule's date.
 * - birthday: `birthday:<customer>:<year>` — one greeting per person and year, whichever
 *   branch sends it (the server picks the customer's preferred branch among those switched on).
 * - milestone: lifetime spend at the branch crossing a configured amount:
 *   `milestone:<branch>:<customer>:<cents>`; one booking crossing several amounts yields only
 *   the highest.
 */
import type { CustomerDoc } from '../domain/schemas';
import type { Thresholds } from '../domain/settings';
import type { PairActivity } from '../engine/activity';
import type { Cadence } from '../predict/cadence';
import { civilFromDays, formatDay, parseDay } from '../time/calendar';
import type { TriggerKind } from './branch-settings';
import { birthdayIn } from './dates';

export interface TriggerEvent {
  kind: TriggerKind;
  key: string;
  branch_id: string;
  customer_id: string;
  /** The event's date (status began, birthday, day detected for milestones), YYYY-MM-DD. */
  date: string;
  /** The amount crossed (milestones). */
  milestone?: number;
}

/** The day the pair's current at_risk or churned status began, or null for other statuses. */
function statusBeganOn(a: Pick<PairActivity, 'status' | 'last_visit_date'>, t: Thresholds): number | null {
  if ((a.status !== 'at_risk' && a.status !== 'churned') || a.last_visit_date === null) return null;
  const last = parseDay(a.last_visit_date);
  if (last === null) return null;
  return last + (a.status === 'at_risk' ? t.activeDays : t.atRiskDays) + 1;
}

function statusEvent(a: PairActivity, began: number): TriggerEvent {
  const kind = a.status as 'at_risk' | 'churned';
  const date = formatDay(began);
  return { kind, key: `${kind}:${a.branch_id}:${a.customer_id}:${date}`, branch_id: a.branch_id, customer_id: a.customer_id, date };
}

/**
 * The status event still due today: the current at_risk/churned status began within the last
 * `lookbackDays` days (1 = only today: the day it became at_risk or churned). A server that was down, or a message held back by the
 * frequency cap, still finds the event for a while; the key keeps it from repeating.
 */
export function dueStatusEvent(current: PairActivity, t: Thresholds, today: number, lookbackDays: number): TriggerEvent | null {
  const began = statusBeganOn(current, t);
  if (began === null || began > today || began <= today - lookbackDays) return null;
  return statusEvent(current, began);
}

/**
 * "Overdue for them" (the at_risk trigger of a pair with a known cadence): due when the day the
 * pair became overdue — its due date + tolerance + 1, the first day `cadenceOf` says `overdue` —
 * is within the last `lookbackDays` days.
 */
export function dueOverdueEvent(pair: { branch_id: string; customer_id: string }, cadence: Cadence, today: number, lookbackDays: number): TriggerEvent | null {
  const began = cadence.due_day + cadence.tolerance_days + 1;
  if (began > today || began <= today - lookbackDays) return null;
  const date = formatDay(began);
  return { kind: 'at_risk', key: `at_risk:${pair.branch_id}:${pair.customer_id}:${date}`, branch_id: pair.branch_id, customer_id: pair.customer_id, date };
}

/** The birthday event of a customer on the branch-local day `today`, or null. */
export function birthdayEvent(customer: Pick<CustomerDoc, 'id' | 'birthday' | 'erased_at'>, branchId: string, today: number): TriggerEvent | null {
  if (customer.erased_at !== '' || customer.birthday === '' || !birthdayIn(customer.birthday, today, 'today')) return null;
  const year = civilFromDays(today).year;
  return { kind: 'birthday', key: `birthday:${customer.id}:${year}`, branch_id: branchId, customer_id: customer.id, date: formatDay(today) };
}

/**
 * Milestones crossed between two lifetime spends of a pair (before < amount ≤ after); the
 * highest one only. `before` null = the pair is new (0 spent).
 */
export function milestoneEvent(
  before: Pick<PairActivity, 'total_spent'> | null,
  after: Pick<PairActivity, 'total_spent' | 'branch_id' | 'customer_id'>,
  amounts: readonly number[],
  today: number,
): TriggerEvent | null {
  const from = before?.total_spent ?? 0;
  let crossed: number | null = null;
  for (const amount of amounts) if (from < amount && amount <= after.total_spent && (crossed === null || amount > crossed)) crossed = amount;
  if (crossed === null) return null;
  return {
    kind: 'milestone',
    key: `milestone:${after.branch_id}:${after.customer_id}:${crossed}`,
    branch_id: after.branch_id,
    customer_id: after.customer_id,
    date: formatDay(today),
    milestone: crossed,
  };
}

/**
 * The channel an automated message goes out on: the customer's preferred contact when it is SMS
 * or email with consent and an address, otherwise the other of the two; null when neither
 * (push, phone and in-person have no automatic provider) or without overall marketing consent.
 */
export function automatedChannel(customer: CustomerDoc): 'sms' | 'email' | null {
  if (customer.erased_at !== '' || !customer.opted_in_marketing) return null;
  const sms = customer.consent.sms.granted && customer.phone !== '';
  const email = customer.consent.email.granted && customer.email !== '';
  if (customer.preferred_contact === 'email' && email) return 'email';
  if (customer.preferred_contact === 'sms' && sms) return 'sms';
  if (sms) return 'sms';
  if (email) return 'email';
  return null;
}
