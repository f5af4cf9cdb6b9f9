import { formatMoneyInput, parseMoneyInput } from '../../../../shared/money-input';
import type { TierBoundaries } from '../../../../shared/domain/settings';

type Spending = TierBoundaries['spending'];

/** The Money form: the currency and the spending-tier boundaries as typed (desk locale). */
export interface MoneyForm {
  currency: string;
  vipAbove: string;
  highFrom: string;
  mediumFrom: string;
}

export type MoneyErrors = Partial<Record<'vipAbove' | 'highFrom' | 'mediumFrom', string>>;

export function formOfMoney(currency: string, spending: Spending, locale: string): MoneyForm {
  return {
    currency,
    vipAbove: formatMoneyInput(spending.vipAbove, locale),
    highFrom: formatMoneyInput(spending.highFrom, locale),
    mediumFrom: formatMoneyInput(spending.mediumFrom, locale),
  };
}

export type MoneyResult = { ok: true; currency: string; spending: Spending } | { ok: false; errors: MoneyErrors };

/** Reads the form: each amount in the locale (an unclear one refused), boundaries not decreasing. */
export function moneyOfForm(form: MoneyForm, locale: string): MoneyResult {
  const errors: MoneyErrors = {};
  const cents: Partial<Spending> = {};
  for (const key of ['vipAbove', 'highFrom', 'mediumFrom'] as const) {
    const parsed = parseMoneyInput(form[key], locale);
    if (parsed.ok) cents[key] = parsed.cents;
    else errors[key] = parsed.message;
  }
  const { vipAbove, highFrom, mediumFrom } = cents;
  if (vipAbove === undefined || highFrom === undefined || mediumFrom === undefined) return { ok: false, errors };
  if (highFrom > vipAbove) return { ok: false, errors: { highFrom: 'High spender starts above the VIP boundary: make it lower' } };
  if (mediumFrom > highFrom) return { ok: false, errors: { mediumFrom: 'Medium spender starts above high spender: make it lower' } };
  return { ok: true, currency: form.currency, spending: { vipAbove, highFrom, mediumFrom } };
}
