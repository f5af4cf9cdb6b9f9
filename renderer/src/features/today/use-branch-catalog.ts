import { useEffect, useMemo, useState } from 'react';
import { formatDay } from '../../../../shared/time/calendar';
import { useCustomersLoaded, useDesk } from '../../data/hooks';
import { useServices, useStaff } from '../../data/menu';
import { mergeCatalog, type BranchCatalog, type CatalogService, type SeenAtBranch } from './catalog-model';

/**
 * The booking forms' suggestions: the branch's service menu (its price and duration) and staff
 * with hours, then services and staff seen at the branch over the last 90 days (most used first)
 * that are not on them — a one-off service typed by hand still books.
 */
export function useBranchCatalog(branchId: string, day: number): BranchCatalog {
  const desk = useDesk();
  const menu = useServices(branchId);
  const team = useStaff(branchId);
  const [seen, setSeen] = useState<SeenAtBranch>({ services: [], staff: [] });
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
