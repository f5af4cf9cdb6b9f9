import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { GENERATED_CHECKS } from './generated-checks';
import { COLLECTION_SCHEMAS, type CollectionName } from './schemas';
import { criteria } from './criteria';
import { effectiveBranchSettings } from '../insights/branch-settings';

const valid: Record<CollectionName, Record<string, unknown>> = {
  branches: { id: 'br-1', name: 'Manila', timezone: 'Asia/Manila', active_days: null, at_risk_days: 45, country: 'PH', updated_at: '' },
  customers: {
    id: 'cu-1', name: 'Ana', phone: '+639171234567', email: '', birthday: '1990-02-03', opted_in_marketing: true,
    preferred_contact: 'sms',
    consent: { sms: { granted: true, at: '2026-01-01T00:00:00Z' }, email: { granted: false, at: '' }, push: { granted: false, at: '' } },
    tags: ['vip'], notes: '', preferences: '', preferred_staff: 'Ana', allergies: 'latex', home_branch_id: 'br-1', registered_branch_id: '', referred_by: '',
    follow_up_date: '', created_at: '', updated_at: '', erased_at: '',
  },
  bookings: {
    id: 'bk-1', customer_id: 'cu-1', branch_id: 'br-1', service: 'Fade', staff: 'Ana', start_at: '2026-03-01T10:00:00+08:00',
    duration_min: 30, status: 'completed', price: 2500, notes: '', created_at: '', updated_at: '',
    amendments: [
      {
        id: 'am-1', at: '2026-03-02T09:00:00Z', by_device: 'dev-1', by_role: 'manager', reason: 'Charged the wrong service', price: 2500, service: null,
        staff: null, status: 'completed', payment: null, before: { price: 1800, service: 'Fade', staff: 'Ana', status: 'no_show', payment: null },
      },
    ],
    series: { id: 'sr-1', index: 2, count: 6 },
    payment: { subtotal: 2500, discount: null, tip: 0, tenders: [{ method: 'card', amount: 2500 }], paid_at: '2026-03-01T10:30:00Z' },
  },
  communications: {
    id: 'co-1', customer_id: 'cu-1', branch_id: 'br-1', channel: 'sms', purpose: 'follow-up', status: 'sent', message: 'Hi',
    at: '2026-03-01T10:00:00Z', campaign_id: '', variant: '', trigger_key: '', direction: 'outbound', attempts: 0,
    next_attempt_at: '', error: '', updated_at: '',
  },
  campaigns: {
    id: 'ca-1', branch_id: '', name: 'We miss you', kind: 'manual', segment_id: '', criteria: criteria({ statuses: ['at_risk'] }),
    channel: 'sms', variants: [{ key: 'A', message: 'Hi {name}' }], holdout_pct: 10, offer: '10% off', status: 'draft',
    audience_size: 0, sent_at: '', created_at: '', updated_at: '',
  },
  segments: { id: 'sg-1', branch_id: 'br-1', name: 'Regulars at risk', criteria: criteria({ statuses: ['at_risk'], min_visits: 5 }), created_at: '', updated_at: '' },
  // A branch with no stored settings gets the defaults.
  branch_settings: { ...effectiveBranchSettings('br-1', null) },
  services: { id: 'sv-1', branch_id: 'br-1', name: 'Fade', category: 'Hair', duration_min: 30, price: 2500, price_max: 3500, active: true, created_at: '', updated_at: '' },
  staff: {
    id: 'st-1', branch_id: 'br-1', name: 'Ana', active: true,
    week: [...Array(6).fill({ start: '09:00', end: '18:00', breaks: [{ start: '13:00', end: '14:00' }] }), { start: '', end: '', breaks: [] }],
    days_off: ['2026-12-25'], created_at: '', updated_at: '',
  },
  members: {
    id: 'mb-1', branch_id: 'br-1', name: 'Ana', role: 'manager', active: true,
    passcode: { kdf: 'PBKDF2-SHA256', iterations: 600000, salt: 'AAECAwQFBgcICQoLDA0ODw==', hash: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=' },
    created_at: '', updated_at: '',
  },
  audit_events: {
    id: 'au-1', branch_id: 'br-1', at: '2026-03-01T10:00:00Z', action: 'correct', subject: 'booking', subject_id: 'bk-1',
    summary: 'Price 18.00 → 20.00', member_id: 'mb-2', member_name: 'Ben', approved_by: 'mb-1', approved_by_name: 'Ana',
  },
};

/** A document with one field replaced by an arbitrary JSON value (or removed, or one added). */
function mutations(base: Record<string, unknown>) {
  const keys = Object.keys(base);
  return fc.oneof(
    fc.record({ key: fc.constantFrom(...keys), value: fc.jsonValue() }).map(({ key, value }) => ({ ...base, [key]: value })),
    fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(base).filter(([k]) => k !== key))),
    fc.constant({ ...base, extra: 1 }),
  );
}

describe('compiled schema checks', () => {
  it('are up to date with the schemas (run `npm run gen:checks` when this fails)', { timeout: 120_000 }, () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const check = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/gen-checks.ts', '--check'], { cwd: root, encoding: 'utf8' });
    expect({ status: check.status, stderr: check.stderr }).toEqual({ status: 0, stderr: '' });
  });

  for (const name of Object.keys(valid) as CollectionName[]) {
    it(`${name}: agree with TypeBox's interpreter on valid and mutated documents`, () => {
      expect(GENERATED_CHECKS[name](valid[name])).toBe(true);
      fc.assert(
        fc.property(mutations(valid[name]), (doc) => {
          expect(GENERATED_CHECKS[name](doc)).toBe(Value.Check(COLLECTION_SCHEMAS[name], doc));
        }),
        { numRuns: 400 },
      );
    });
  }
});
