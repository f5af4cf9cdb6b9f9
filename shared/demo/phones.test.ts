import { describe, expect, it } from 'vitest';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { normalisePhone } from '../domain/contact';
import { CITIES } from './cities';
import { MAX_UNIQUE_PHONES, PHONE_PLANS, phoneNumber } from './phones';
import { Sfc32 } from './prng';

describe('phone numbers', () => {
  it('are valid mobile numbers of the plan country (full metadata) and normalise to themselves', () => {
    const rng = new Sfc32(3);
    for (const city of CITIES) {
      const plan = PHONE_PLANS[city.phonePlan];
      expect(plan, city.phonePlan).toBeDefined();
      if (plan === undefined) continue;
      const wrong: string[] = [];
      for (let i = 0; i < 2000; i += 1) {
        const index = i * 997 + (i % 7) * 1_000_003;
        const number = phoneNumber(plan, index, rng);
        const parsed = parsePhoneNumberFromString(number);
        const normalised = normalisePhone(number, city.country);
        if (
          parsed?.country !== city.country ||
          !parsed.isValid() ||
          !['MOBILE', 'FIXED_LINE_OR_MOBILE'].includes(parsed.getType() ?? '') ||
          !normalised.ok ||
          normalised.e164 !== number
        ) {
          wrong.push(`${number} (${parsed?.country ?? '?'} ${parsed?.getType() ?? '?'})`);
        }
      }
      expect(wrong, city.name).toEqual([]);
    }
  });

  it('never repeat within a plan for distinct customer indices below the plan space', () => {
    const rng = new Sfc32(4);
    for (const plan of Object.values(PHONE_PLANS)) {
      const seen = new Set<string>();
      // The unique part is an affine permutation: check a dense block and a sparse sweep.
      for (let i = 0; i < 20_000; i += 1) seen.add(phoneNumber(plan, i, rng).slice(-7));
      for (let i = 0; i < 20_000; i += 1) seen.add(phoneNumber(plan, 20_000 + i * 397, rng).slice(-7));
      expect(seen.size).toBe(40_000);
    }
    expect(MAX_UNIQUE_PHONES).toBeGreaterThanOrEqual(5_000_000);
  });
});
