/**
 * A branch's service menu (the synced `services` collection): what a booking picks, with its
 * duration and price by default. Bookings keep the service's *name* (as they always have), so a
 * retired or renamed service never rewrites history, and a one-off service typed by hand still
 * books.
 */
import type { ServiceDoc } from '../domain/schemas';
import { compareCodePoints } from '../util/compare';

/** Problems of one service document JSON Schema cannot express. */
export function serviceProblems(s: ServiceDoc): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (s.name.trim() === '') out.push({ field: 'name', message: 'a service needs a name' });
  if (s.price_max !== null && s.price_max < s.price) out.push({ field: 'price_max', message: 'the top of the price range must not be below the price' });
  return out;
}

const key = (name: string): string => name.trim().toLocaleLowerCase('en');

/** The menu in display order: by category ('' last), then name; retired ones after the active. */
export function menuOrder<T extends Pick<ServiceDoc, 'name' | 'category' | 'active'>>(services: readonly T[]): T[] {
  return [...services].sort(
    (a, b) =>
      Number(b.active) - Number(a.active) ||
      Number(a.category === '') - Number(b.category === '') ||
      compareCodePoints(key(a.category), key(b.category)) ||
      compareCodePoints(key(a.name), key(b.name)),
  );
}


/** Why `name` cannot be used for a new or renamed service (`selfId` = the service being edited), or null. */
export function duplicateServiceProblem(services: readonly Pick<ServiceDoc, 'id' | 'name' | 'active'>[], name: string, selfId: string): string | null {
  const k = key(name);
  const other = services.find((s) => s.id !== selfId && s.active && key(s.name) === k);
  return other === undefined ? null : `"${other.name}" is already on the menu`;
}
