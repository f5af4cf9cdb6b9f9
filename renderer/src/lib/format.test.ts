import { describe, expect, it } from 'vitest';
import { formatDuration, formatPrice, initials, setMoneyDisplay, statusDetail } from './format';

describe('format', () => {
  it('describes a status with the last visit', () => {
    expect(statusDetail('at_risk', 21)).toBe('At risk — last visit 21 days ago');
    expect(statusDetail('active', 0)).toBe('Active — last visit today');
    expect(statusDetail('new', null)).toBe('New — no visits yet');
    expect(statusDetail('active', 1)).toBe('Active — last visit yesterday');
  });

  it('formats prices with two decimals and separators, no currency symbol', () => {
    expect(formatPrice(125_050)).toBe('1,250.50');
    expect(formatPrice(0)).toBe('0.00');
    expect(formatPrice(5)).toBe('0.05');
  });

  it('shows the business currency with Intl in the desk locale and the currency digits', () => {
    try {
      setMoneyDisplay('PHP', 'en-PH');
      expect(formatPrice(125_050)).toBe('₱1,250.50');
      setMoneyDisplay('EUR', 'de-DE');
      expect(formatPrice(125_050).replace(/\s/g, ' ')).toBe('1.250,50 €');
      setMoneyDisplay('JPY', 'ja-JP');
      expect(formatPrice(125_000)).toBe('￥1,250');
    } finally {
      setMoneyDisplay('', 'en');
    }
    expect(formatPrice(125_050)).toBe('1,250.50');
  });

  it('makes initials and durations', () => {
    expect(initials('María dela Cruz')).toBe('MC');
    expect(initials('Wei')).toBe('W');
    expect(initials('  ')).toBe('?');
    expect(formatDuration(45)).toBe('45 min');
    expect(formatDuration(90)).toBe('1 h 30 min');
  });
});
