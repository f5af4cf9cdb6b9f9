/**
 * The booking forms' suggestions as one list: the branch's service menu and staff with hours,
 * then what recent bookings show that is not on them (pure; `use-branch-catalog.ts` feeds it).
 */
import type { ServiceDoc, StaffDoc } from '../../../../shared/domain/schemas';
import { staffKey } from '../../../../shared/schedule/booking-conflicts';

export interface CatalogService {
  name: string;
  /** The menu's price (cents), or the most recent price charged for a service not on the menu. */
  price: number;
  /** Top of the menu's price range (null: a fixed price, or not on the menu). */
  priceMax: number | null;
  duration: number;
  category: string;
  /** On the branch's service menu (active); otherwise only seen on recent bookings. */
  onMenu: boolean;
  count: number;
}

export interface BranchCatalog {
  services: CatalogService[];
  staff: string[];
  /** The branch's active staff documents (hours), for off-hours checks and free slots. */
  team: StaffDoc[];
}

export interface SeenAtBranch {
  services: CatalogService[];
  staff: string[];
}

/** Menu first (in menu order), then services only seen on bookings; staff with hours first, then the rest seen lately. */
export function mergeCatalog(menu: readonly ServiceDoc[], team: readonly StaffDoc[], seen: SeenAtBranch): BranchCatalog {
  const active = menu.filter((s) => s.active);
  const onMenu = new Set(active.map((s) => s.name.trim().toLocaleLowerCase('en')));
  const retired = new Set(menu.filter((s) => !s.active).map((s) => s.name.trim().toLocaleLowerCase('en')));
  const services: CatalogService[] = [
    ...active.map((s) => ({ name: s.name, price: s.price, priceMax: s.price_max, duration: s.duration_min, category: s.category, onMenu: true, count: 0 })),
    ...seen.services.filter((s) => !onMenu.has(s.name.trim().toLocaleLowerCase('en')) && !retired.has(s.name.trim().toLocaleLowerCase('en'))),
  ];
  const working = team.filter((s) => s.active);
  const named = new Set(team.map((s) => staffKey(s.name)));
  return { services, staff: [...working.map((s) => s.name), ...seen.staff.filter((s) => !named.has(staffKey(s)))], team: working };
}
