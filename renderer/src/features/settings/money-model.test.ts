import { describe, expect, it } from 'vitest';
import { formOfMoney, moneyOfForm } from './money-model';

describe('money settings form', () => {
  it('shows and reads the boundaries the way the locale types money', () => {
    const form = formOfMoney('EUR', { vipAbove: 100_000, highFrom: 50_000, mediumFrom: 10_050 }, 'de-DE');
    expect(form).toEqual({ currency: 'EUR', vipAbove: '1000,00', highFrom: '500,00', mediumFrom: '100,50' });
    expect(moneyOfForm({ ...form, vipAbove: '1.500,00' }, 'de-DE')).toEqual({
      ok: true,
      currency: 'EUR',
      spending: { vipAbove: 150_000, highFrom: 50_000, mediumFrom: 10_050 },
    });
  });

  it('refuses an unclear amount, naming the field, and boundaries that decrease', () => {
    const base = formOfMoney('PHP', { vipAbove: 1_000_000, highFrom: 500_000, mediumFrom: 100_000 }, 'en-PH');
    const unclear = moneyOfForm({ ...base, highFrom: '5,00' }, 'en-PH');
    expect(unclear.ok).toBe(false);
    if (!unclear.ok) expect(unclear.errors.highFrom).toMatch(/unclear/);
    const upside = moneyOfForm({ ...base, mediumFrom: '6000' }, 'en-PH');
    expect(upside).toEqual({ ok: false, errors: { mediumFrom: 'Medium spender starts above high spender: make it lower' } });
    const high = moneyOfForm({ ...base, highFrom: '20000' }, 'en-PH');
    expect(high.ok).toBe(false);
  });
});
