import { describe, expect, it } from 'vitest';
import type { ServiceDoc, StaffDoc } from '../../../../shared/domain/schemas';
import { defaultWeek } from '../../../../shared/schedule/staff-hours';
import { mergeCatalog, type CatalogService } from './catalog-model';

const service = (name: string, over: Partial<ServiceDoc> = {}): ServiceDoc => ({ id: `sv-${name}`, branch_id: 'br-1', name, category: '', duration_min: 30, price: 2500, price_max: null, active: true, created_at: '', updated_at: '', ...over });
const seen = (name: string, price: number): CatalogService => ({ name, price, priceMax: null, duration: 20, category: '', onMenu: false, count: 3 });
const member = (name: string, active = true): StaffDoc => ({ id: `st-${name}`, branch_id: 'br-1', name, active, week: defaultWeek(), days_off: [], created_at: '', updated_at: '' });

describe('booking form catalog', () => {
  it('offers the menu first with its prices, then one-offs seen on bookings, never a retired service', () => {
    const c = mergeCatalog([service('Fade', { price: 3000, price_max: 4000 }), service('Old cut', { active: false })], [], {
      services: [seen('fade', 1000), seen('Old cut', 900), seen('Braids', 5000)],
      staff: [],
    });
    expect(c.services.map((s) => [s.name, s.price, s.onMenu])).toEqual([
      ['Fade', 3000, true],
      ['Braids', 5000, false],
    ]);
    expect(c.services[0]?.priceMax).toBe(4000);
  });

  it('staff with hours first (active only), then others seen lately', () => {
    const c = mergeCatalog([], [member('Ana'), member('Gone', false)], { services: [], staff: ['ana ', 'Zed', 'Gone'] });
    expect(c.staff).toEqual(['Ana', 'Zed']);
    expect(c.team.map((s) => s.name)).toEqual(['Ana']);
  });
});
