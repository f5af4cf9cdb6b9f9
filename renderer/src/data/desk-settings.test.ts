import { describe, expect, it } from 'vitest';
import { defaultDeskSettings, deskSettingsProblem, phoneCountryOf } from './desk-settings';

describe('desk settings: the phone-number country', () => {
  const settings = defaultDeskSettings('0123456789abcdef0123456789abcdef');

  it("reads local numbers in the branch's country unless the desk chose its own", () => {
    expect(phoneCountryOf(settings, { country: 'PH' })).toBe('PH');
    expect(phoneCountryOf(settings, undefined)).toBe('');
    expect(phoneCountryOf({ ...settings, phoneCountry: 'GB' }, { country: 'PH' })).toBe('GB');
    // the desk may also choose none: a country code is then needed
    expect(phoneCountryOf({ ...settings, phoneCountry: '' }, { country: 'PH' })).toBe('');
  });

  it('accepts settings stored before the field existed, and refuses a country that is not a region code', () => {
    expect(deskSettingsProblem(settings)).toBe('');
    expect(deskSettingsProblem({ ...settings, phoneCountry: 'GB' })).toBe('');
    expect(deskSettingsProblem({ ...settings, phoneCountry: 'Britain' })).toMatch(/phoneCountry/);
  });
});

describe('desk settings: the business currency', () => {
  const settings = defaultDeskSettings('0123456789abcdef0123456789abcdef');

  it('accepts none (settings from before currencies) or an ISO 4217 code, and names a bad one', () => {
    expect(settings.currency).toBeUndefined();
    expect(deskSettingsProblem({ ...settings, currency: '' })).toBe('');
    expect(deskSettingsProblem({ ...settings, currency: 'PHP' })).toBe('');
    expect(deskSettingsProblem({ ...settings, currency: 'pesos' })).toMatch(/currency/);
    expect(deskSettingsProblem({ ...settings, currency: 'XYZ' })).toBe('desk settings: currency "XYZ" is not a current ISO 4217 code');
  });
});
