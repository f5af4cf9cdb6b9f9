import { describe, expect, it } from 'vitest';
import type { ServiceDoc, StaffDoc } from '../../../../shared/domain/schemas';
import { defaultWeek } from '../../../../shared/schedule/staff-hours';
import { formOfService, formOfStaff, serviceOfForm, staffOfForm } from './menu-model';

const base: ServiceDoc = { id: 'sv-1', branch_id: 'br-1', name: '', category: '', duration_min: 30, price: 0, price_max: null, active: true, created_at: '', updated_at: '' };
const staff: StaffDoc = { id: 'st-1', branch_id: 'br-1', name: 'Ana', active: true, week: defaultWeek(), days_off: [], created_at: '', updated_at: '' };

describe('service form', () => {
  it('reads prices in the desk locale, a range only when it is one', () => {
    const r = serviceOfForm({ name: ' Fade ', category: 'Hair', duration: '45', price: '12,50', priceMax: '20', active: true }, base, [], 'de-DE');
    expect(r).toEqual({ ok: true, doc: { ...base, name: 'Fade', category: 'Hair', duration_min: 45, price: 1250, price_max: 2000 } });
    const same = serviceOfForm({ name: 'Fade', category: '', duration: '45', price: '20', priceMax: '20', active: true }, base, [], 'en-GB');
    expect(same.ok && same.doc.price_max).toBeNull();
  });

  it('names each problem at its field', () => {
    const menu = [{ ...base, id: 'sv-2', name: 'Fade' }];
    const r = serviceOfForm({ name: 'fade', category: '', duration: '3', price: '', priceMax: '5', active: true }, base, menu, 'en-GB');
    expect(r).toEqual({ ok: false, errors: { name: '"Fade" is already on the menu', duration: 'Enter minutes between 5 and 1440', price: 'Enter a price (0 for free)' } });
    const upside = serviceOfForm({ name: 'Cut', category: '', duration: '30', price: '30', priceMax: '20', active: true }, base, [], 'en-GB');
    expect(upside).toEqual({ ok: false, errors: { priceMax: 'The top of the range must be at least the price' } });
    // an ambiguous entry is refused, never guessed
    expect(serviceOfForm({ name: 'Cut', category: '', duration: '30', price: '12,50', priceMax: '', active: true }, base, [], 'en-GB').ok).toBe(false);
  });

  it('round-trips a stored service', () => {
    const doc = { ...base, name: 'Fade', duration_min: 40, price: 2500, price_max: 3000 };
    expect(serviceOfForm(formOfService(doc, 'en-GB'), doc, [doc], 'en-GB')).toEqual({ ok: true, doc });
  });
});

describe('staff form', () => {
  it('parses breaks written with a hyphen or a dash, refuses anything else', () => {
    const withBreaks = (breaks: string) => {
      const form = formOfStaff(staff);
      form.week[0] = { works: true, start: '09:00', end: '18:00', breaks };
      return staffOfForm(form, staff, []);
    };
    const two = withBreaks('13:00-14:00, 16:00–16:15');
    expect(two.ok && two.doc.week[0]?.breaks).toEqual([{ start: '13:00', end: '14:00' }, { start: '16:00', end: '16:15' }]);
    const none = withBreaks('');
    expect(none.ok && none.doc.week[0]?.breaks).toEqual([]);
    expect(withBreaks('lunch')).toEqual({ ok: false, errors: { 'week.0': 'Monday: "lunch" is not a break like 13:00-14:00' } });
  });

  it('round-trips the default week and names a bad day', () => {
    expect(staffOfForm(formOfStaff(staff), staff, [staff])).toEqual({ ok: true, doc: staff });
    const form = formOfStaff(staff);
    form.week[2] = { works: true, start: '10:00', end: '16:00', breaks: '09:00-09:30' };
    form.week[6] = { works: false, start: '', end: '', breaks: 'ignored when off' };
    expect(staffOfForm(form, staff, [])).toEqual({ ok: false, errors: { 'week.2': 'Wednesday: the break 09:00–09:30 must be within 10:00–16:00' } });
  });

  it('refuses a second staff member of the same name; days off are sorted without repeats', () => {
    const other = { ...staff, id: 'st-2' };
    expect(staffOfForm({ ...formOfStaff(staff), name: 'ana' }, other, [staff])).toEqual({ ok: false, errors: { name: 'There is already a staff member called ana' } });
    const r = staffOfForm({ ...formOfStaff(staff), daysOff: ['2026-05-01', '2026-03-03', '2026-05-01'] }, staff, [staff]);
    expect(r.ok && r.doc.days_off).toEqual(['2026-03-03', '2026-05-01']);
  });
});
