import { describe, expect, it } from 'vitest';
import { bookingFixture } from '../../data/test-fixtures';
import { correctionFromForm, correctionValuesOf } from './correction-model';

describe('correction form', () => {
  const booking = bookingFixture({ status: 'no_show', price: 2500, service: 'Haircut', staff: 'Ana' });
  const opened = correctionValuesOf(booking, 'en-GB');

  it('opens with the booking\'s values and asks only for what changed, with the reason', () => {
    expect(opened).toEqual({ status: 'no_show', price: '25.00', service: 'Haircut', staff: 'Ana', reason: '' });
    const result = correctionFromForm(booking, opened, { ...opened, status: 'completed', price: '30.00', reason: 'came late, was served' }, 'en-GB');
    expect(result).toEqual({ ok: true, input: { status: 'completed', price: 3000, reason: 'came late, was served' } });
  });

  it('reads the price in the desk\'s locale and refuses an ambiguous one, naming the field', () => {
    const de = correctionValuesOf(booking, 'de-DE');
    expect(correctionFromForm(booking, de, { ...de, price: '12,50', reason: 'x' }, 'de-DE')).toEqual({ ok: true, input: { price: 1250, reason: 'x' } });
    const bad = correctionFromForm(booking, opened, { ...opened, price: '1.250', reason: 'x' }, 'en-GB');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.errors)).toEqual(['price']);
  });

  it('requires a reason, and says when nothing changes', () => {
    const noReason = correctionFromForm(booking, opened, { ...opened, status: 'completed' }, 'en-GB');
    expect(noReason.ok === false && noReason.errors.reason).toMatch(/why/);
    const nothing = correctionFromForm(booking, opened, { ...opened, reason: 'just checking' }, 'en-GB');
    expect(nothing.ok === false && nothing.errors.form).toMatch(/^Nothing to correct/);
  });
});
