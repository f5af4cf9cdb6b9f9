import { describe, expect, it } from 'vitest';
import { parseDay } from '../../../../shared/time/calendar';
import { changedDetails, emptyCustomerValues, prefillFromQuery, validateCustomerForm, type CustomerFormValues } from './customer-form-model';

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
    const saved = validateCustomerForm(values({ name: 'A', tags: ' a , b,, A, c   d ' }), '', today);
    expect(saved.ok && saved.input.tags).toEqual(['a', 'b', 'c d']);
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

describe('an edit changes only what the person changed', () => {
  it('lists the fields whose text changed, normalised; untouched fields are left out even when normalising would rewrite them', () => {
    const opened = values({ name: 'Ana  Cruz', phone: '+639171234567', tags: 'vip,  kids', notes: '' });
    const typed = { ...opened, phone: '0917 765 4321', notes: ' likes tea ' };
    const result = validateCustomerForm(typed, 'PH', today);
    if (!result.ok) throw new Error('expected valid');
    expect(changedDetails(opened, typed, result.input)).toEqual({ phone: '+639177654321', notes: 'likes tea' });
    expect(changedDetails(opened, opened, result.input)).toEqual({});
  });
});
