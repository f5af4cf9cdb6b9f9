/**
 * The service menu and the staff hours attacked against a real server process (issue 11, items 3
 * and 4): only a manager of the branch writes them; a front desk, a manager of another branch and
 * HQ are refused, with nothing stored; a document breaking the rules (a range upside down, a
 * break outside the day, a second branch's id) is a 400 naming the field; a branch's desks pull
 * their branch's menu and staff only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceDoc, StaffDoc } from '../../shared/domain/schemas';
import type { WireDoc } from '../../shared/sync/protocol';
import { freshDoc } from './attack-docs';
import { openTarget, pullDocs, pushDoc, TARGET_NAMES, type Actor, type Target } from './harness';

const SLOW = 120_000;
type Service = WireDoc<ServiceDoc>;
type Staff = WireDoc<StaffDoc>;

describe.each(TARGET_NAMES)('service menu and staff hours against a real server on %s', { timeout: SLOW }, (name) => {
  let t: Target;
  beforeAll(async () => {
    t = await openTarget(name);
  }, SLOW);
  afterAll(async () => {
    await t?.close();
  }, SLOW);

  async function pulled<T>(who: Actor, collection: string): Promise<T[]> {
    const { status, docs } = await pullDocs<T>(who, collection);
    expect(status).toBe(200);
    return docs;
  }
  const push = pushDoc;

  it("a branch's manager writes its menu; its front desk reads it and cannot change it; other branches neither see nor write it", async () => {
    const service = freshDoc('services', 'br-a', '') as unknown as Service;
    for (const who of [t.actors.fdA, t.actors.mgB, t.actors.hq]) {
      const answer = await push(who, 'services', service);
      expect(answer.status, `${who.name}: ${JSON.stringify(answer.body)}`).toBe(403);
    }
    expect((await pulled<Service>(t.actors.hq, 'services')).some((s) => s.id === service.id)).toBe(false);

    expect((await push(t.actors.mgA, 'services', service)).status).toBe(200);
    const atA = await pulled<Service>(t.actors.fdA, 'services');
    expect(atA.find((s) => s.id === service.id)).toMatchObject({ name: 'Haircut', price: 2500 });
    expect((await pulled<Service>(t.actors.mgB, 'services')).some((s) => s.id === service.id)).toBe(false);

    // a front desk can neither reprice nor retire it
    for (const next of [{ ...service, price: 1 }, { ...service, active: false }, { ...service, _deleted: true }]) {
      const answer = await push(t.actors.fdA, 'services', next, service);
      expect(answer.status, JSON.stringify(answer.body)).toBe(403);
    }
    const retired = { ...service, active: false, updated_at: new Date().toISOString() };
    expect((await push(t.actors.mgA, 'services', retired, service)).status).toBe(200);
    expect((await pulled<Service>(t.actors.fdA, 'services')).find((s) => s.id === service.id)).toMatchObject({ active: false });
    // nor can another branch's manager move it to theirs
    const moved = await push(t.actors.mgB, 'services', { ...retired, branch_id: 'br-b' }, retired);
    expect(moved.status).toBeGreaterThanOrEqual(400);
    expect((await pulled<Service>(t.actors.hq, 'services')).find((s) => s.id === service.id)).toMatchObject({ branch_id: 'br-a' });
  });

  it('a service with its price range upside down is refused, naming the field, nothing stored', async () => {
    const service = { ...(freshDoc('services', 'br-a', '') as unknown as Service), price: 3000, price_max: 2000 };
    const answer = await push(t.actors.mgA, 'services', service);
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('price_max');
    expect(JSON.stringify(answer.body)).toContain('the top of the price range must not be below the price');
    expect((await pulled<Service>(t.actors.hq, 'services')).some((s) => s.id === service.id)).toBe(false);
  });

  it("staff hours: the branch's manager only; a break outside the day is refused naming the weekday", async () => {
    const staff = freshDoc('staff', 'br-a', '') as unknown as Staff;
    expect((await push(t.actors.fdA, 'staff', staff)).status).toBe(403);
    expect((await push(t.actors.mgB, 'staff', staff)).status).toBe(403);
    const week = [...staff.week];
    week[2] = { start: '10:00', end: '16:00', breaks: [{ start: '09:00', end: '09:30' }] };
    const bad = await push(t.actors.mgA, 'staff', { ...staff, week });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('week.2.breaks.0.start');
    expect(JSON.stringify(bad.body)).toContain('Wednesday: the break 09:00–09:30 must be within 10:00–16:00');
    expect((await pulled<Staff>(t.actors.hq, 'staff')).some((s) => s.id === staff.id)).toBe(false);

    expect((await push(t.actors.mgA, 'staff', staff)).status).toBe(200);
    const offSunday = { ...staff, days_off: ['2026-12-25'] };
    expect((await push(t.actors.fdA, 'staff', offSunday, staff)).status).toBe(403);
    expect((await push(t.actors.mgA, 'staff', offSunday, staff)).status).toBe(200);
    expect((await pulled<Staff>(t.actors.fdA, 'staff')).find((s) => s.id === staff.id)).toMatchObject({ days_off: ['2026-12-25'] });
    expect((await pulled<Staff>(t.actors.mgB, 'staff')).some((s) => s.id === staff.id)).toBe(false);
  });
});
