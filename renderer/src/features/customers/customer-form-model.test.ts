import { describe, expect, it } from 'vitest';
import { parseDay } from '../../../../shared/time/calendar';
import { customer } from '../../../../shared/insights/test-fixtures';
import { emptyCustomerValues, keepChannelConsent, parseTagList, prefillFromQuery, validateCustomerForm, type CustomerFormValues } from './customer-form-model';

const today = parseDay('2026-03-01') ?? 0;
const values = (over: Partial<CustomerFormValues>): CustomerFormValues => ({ ...emptyCustomerValues(), ...over });

describe('validateCustomerForm', () => {
  it('normalises a valid customer', () => {
    const result = validateCustomerForm(
      values({ name: '  Maria   Santos ', phone: '0917 123 4567', email: 'Maria@Example.COM', birthday: '1990-04-21', tags: 'vip, beard,VIP ,' }),
      'PH',
      today,
    );
    expect(result).toEqual({
      ok: true,
      input: {
        name: 'Maria Santos',
        phone: '+639171234567',
        email: 'Maria@example.com',
        birthday: '1990-04-21',
        opted_in_marketing: false,
        preferred_contact: 'none',
        tags: ['vip', 'beard'],
        notes: '',
      },
    });
  });

  it('names every field at fault', () => {
    const result = validateCustomerForm(values({ name: ' ', phone: '12ab', email: 'maria@', birthday: '2026-02-30' }), 'PH', today);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['birthday', 'email', 'name', 'phone']);
    expect(result.errors.name).toBe('Enter the customer’s name');
    expect(result.errors.phone).toMatch(/digits/);
  });

  it('rejects birthdays in the future and consent without a way to reach the customer', () => {
    const future = validateCustomerForm(values({ name: 'A', birthday: '2026-03-02' }), '', today);
    expect(future).toEqual({ ok: false, errors: { birthday: 'A birthday cannot be in the future' } });
    const sms = validateCustomerForm(values({ name: 'A', opted_in_marketing: true, preferred_contact: 'sms' }), 'PH', today);
    expect(sms).toEqual({ ok: false, errors: { phone: 'Add a phone number to send text messages' } });
  });

  it('needs a country code when the branch has no country', () => {
    const result = validateCustomerForm(values({ name: 'A', phone: '0917 123 4567' }), '', today);
    expect(result).toEqual({ ok: false, errors: { phone: 'Add the country code (for example +63…)' } });
  });

  it('limits tags', () => {
    expect(parseTagList(' a , b,, A, c d ')).toEqual(['a', 'b', 'c d']);
    const many = Array.from({ length: 31 }, (_, i) => `t${i}`).join(',');
    expect(validateCustomerForm(values({ name: 'A', tags: many }), '', today)).toEqual({ ok: false, errors: { tags: 'At most 30 tags' } });
  });
});

describe('prefillFromQuery', () => {
  it('puts the query where it belongs', () => {
    expect(prefillFromQuery('0917 123 4567')).toEqual({ phone: '0917 123 4567' });
    expect(prefillFromQuery('ana@x.com')).toEqual({ email: 'ana@x.com' });
    expect(prefillFromQuery(' Ana Cruz ')).toEqual({ name: 'Ana Cruz' });
    expect(prefillFromQuery('  ')).toEqual({});
  });
});

describe('editing details keeps consent per channel', () => {
  it('an unrelated edit leaves every channel and its stamp as stored; changing the box applies it', () => {
    const stored = customer({ opted_in_marketing: true, preferred_contact: 'sms', consent: { sms: { granted: false, at: '2026-03-01T00:00:00Z' }, email: { granted: false, at: '' }, push: { granted: true, at: '2026-03-02T00:00:00Z' } } });
    const edited = { ...stored, name: 'New Name', consent: { sms: { granted: true, at: '2026-03-05T00:00:00Z' }, email: { granted: false, at: '' }, push: { granted: false, at: '2026-03-05T00:00:00Z' } } };
    expect(keepChannelConsent(edited, stored)).toEqual({ ...edited, consent: stored.consent });
    const optedOut = { ...edited, opted_in_marketing: false };
    expect(keepChannelConsent(optedOut, stored)).toBe(optedOut);
    expect(keepChannelConsent(edited, undefined)).toBe(edited);
  });
});
