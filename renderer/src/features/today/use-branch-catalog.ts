import { useEffect, useMemo, useState } from 'react';
import type { ServiceDoc, StaffDoc } from '../../../../shared/domain/schemas';
import { staffKey } from '../../../../shared/schedule/booking-conflicts';
import { formatDay } from '../../../../shared/time/calendar';
import { useCustomersLoaded, useDesk } from '../../data/hooks';
import { useServices, useStaff } from '../../data/menu';

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

interface Seen {
  services: CatalogService[];
  staff: string[];
}

/** Menu first (in menu order), then services only seen on bookings; staff with hours first, then the rest seen lately. */
export function mergeCatalog(menu: readonly ServiceDoc[], team: readonly StaffDoc[], seen: Seen): BranchCatalog {
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

/**
 * The booking forms' suggestions: the branch's service menu (its price and duration) and staff
 * with hours, then services and staff seen at the branch over the last 90 days (most used first)
 * that are not on them — a one-off service typed by hand still books.
 */
export function useBranchCatalog(branchId: string, day: number): BranchCatalog {
  const desk = useDesk();
  const menu = useServices(branchId);
  const team = useStaff(branchId);
  const [seen, setSeen] = useState<Seen>({ services: [], staff: [] });
  // Read after the start-up's customers (90 days of bookings: measured, read first it held back
  // Today's own query and the customers behind it).
  const ready = useCustomersLoaded();
  useEffect(() => {
    if (!ready) return;
    let live = true;
    void desk.db.bookings
      .find({ selector: { branch_id: branchId, start_at: { $gte: formatDay(day - 90) } }, sort: [{ start_at: 'asc' }] })
      .exec()
      .then((docs) => {
        if (!live) return;
        const services = new Map<string, CatalogService>();
        const staff = new Map<string, number>();
        for (const doc of docs) {
          if (doc.service !== '') {
            const s = services.get(doc.service) ?? { name: doc.service, price: doc.price, priceMax: null, duration: doc.duration_min, category: '', onMenu: false, count: 0 };
            s.count += 1;
            if (doc.status === 'completed' || doc.status === 'scheduled') {
              s.price = doc.price;
              s.duration = doc.duration_min;
            }
            services.set(doc.service, s);
          }
          if (doc.staff !== '') staff.set(doc.staff, (staff.get(doc.staff) ?? 0) + 1);
        }
        setSeen({
          services: [...services.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
          staff: [...staff.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name),
        });
      });
    return () => {
      live = false;
    };
  }, [desk, ready, branchId, day]);
  return useMemo(() => mergeCatalog(menu ?? [], team ?? [], seen), [menu, team, seen]);
}
