/**
 * Nudges: things at the counter that are allowed but usually a slip, asked about once before
 * they are saved ("Book anyway" / "Check in now"). Pure: the dialogs pass the clock and prices.
 */
import { formatDuration } from '../../lib/format';

/** A booking that started more than this long ago is "in the past" (a few minutes late is a walk-in). */
export const PAST_GRACE_MIN = 15;
/** A check-in more than this long before the start is "hours early". */
export const EARLY_CHECK_IN_MIN = 120;
/** A price at least this many times the usual one, or at most its inverse, is "far" from it. */
export const FAR_PRICE_FACTOR = 2;

export interface UsualPrice {
  service: string;
  /** The menu's price, or the price last charged for a service not on the menu (cents). */
  price: number;
  /** Top of the menu's range, when it has one. */
  priceMax?: number | null;
}

/**
 * A nudge: what it is about (`kind`) and what the person reads. Two nudges of one kind are the
 * same question even when the text moved on ("6 h 45 min ago" a minute later is "6 h 46 min").
 */
export interface Nudge {
  kind: 'past' | 'price' | 'early';
  text: string;
}

/**
 * True when `next` asks nothing that `shown` did not already ask: the person saw these and
 * pressed "… anyway", so saving goes on. Compared by kind, never by text.
 */
export function alreadyAsked(next: readonly Nudge[], shown: readonly Nudge[]): boolean {
  return next.every((n) => shown.some((s) => s.kind === n.kind));
}

function ago(minutes: number): string {
  return formatDuration(Math.max(1, Math.round(minutes)));
}

/** "This booking starts in the past (4 h 30 min ago)" when it started before now − grace. */
export function pastBookingNudge(startMs: number, nowMs: number): Nudge | null {
  const minutes = (nowMs - startMs) / 60_000;
  if (minutes <= PAST_GRACE_MIN) return null;
  const days = Math.floor(minutes / 1440);
  return { kind: 'past', text: `This booking starts in the past (${days >= 2 ? `${days} days` : ago(minutes)} ago).` };
}

/**
 * "Price 1,250.00 is far from the usual 12.50 for Haircut" when the price is ≥ 2× the top of the
 * usual price (range) or ≤ half its bottom. Free (0) is never a nudge: a deliberate choice.
 */
export function farPriceNudge(price: number, usual: UsualPrice | undefined, money: (cents: number) => string, what = 'usual'): Nudge | null {
  if (usual === undefined || usual.price <= 0 || price === 0) return null;
  const low = usual.price;
  const high = Math.max(low, usual.priceMax ?? low);
  if (price < high * FAR_PRICE_FACTOR && price * FAR_PRICE_FACTOR > low) return null;
  const range = high === low ? money(low) : `${money(low)}–${money(high)}`;
  return { kind: 'price', text: `The price ${money(price)} is far from the ${what} ${range} for ${usual.service}.` };
}

/** "Checking in 3 h 10 min before the start (15:00)" when the start is hours away. */
export function earlyCheckInNudge(startMs: number, nowMs: number, startText: string): Nudge | null {
  const minutes = (startMs - nowMs) / 60_000;
  if (minutes <= EARLY_CHECK_IN_MIN) return null;
  const days = Math.floor(minutes / 1440);
  return { kind: 'early', text: `This booking starts ${days >= 2 ? `in ${days} days` : `in ${ago(minutes)}`} (${startText}).` };
}

/** The service's usual price in a list of known services (by name, case and spaces ignored). */
export function usualPriceOf(service: string, known: readonly { name: string; price: number; priceMax?: number | null }[]): UsualPrice | undefined {
  const key = service.trim().toLocaleLowerCase('en');
  if (key === '') return undefined;
  const hit = known.find((s) => s.name.trim().toLocaleLowerCase('en') === key);
  return hit === undefined ? undefined : { service: hit.name, price: hit.price, priceMax: hit.priceMax ?? null };
}
