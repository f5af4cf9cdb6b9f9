import { describe, expect, it } from 'vitest';
import { alreadyAsked, earlyCheckInNudge, farPriceNudge, pastBookingNudge, usualPriceOf, type Nudge } from './nudges';

const MIN = 60_000;
const money = (c: number): string => (c / 100).toFixed(2);

describe('nudges', () => {
  const now = Date.UTC(2026, 2, 2, 6, 30);

  it('a booking in the past, beyond a quarter-hour grace', () => {
    expect(pastBookingNudge(now - 10 * MIN, now)).toBeNull();
    expect(pastBookingNudge(now + 60 * MIN, now)).toBeNull();
    expect(pastBookingNudge(now - 270 * MIN, now)?.text).toBe('This booking starts in the past (4 h 30 min ago).');
    expect(pastBookingNudge(now - 3 * 1440 * MIN, now)?.text).toBe('This booking starts in the past (3 days ago).');
  });

  it('a price far from the usual one (twice or half), a range counting as usual', () => {
    const haircut = { service: 'Haircut', price: 1250 };
    expect(farPriceNudge(1250, haircut, money)).toBeNull();
    expect(farPriceNudge(2400, haircut, money)).toBeNull();
    expect(farPriceNudge(700, haircut, money)).toBeNull();
    // "12,50" read as 1,250.00 in the wrong locale
    expect(farPriceNudge(125_000, haircut, money)?.text).toBe('The price 1250.00 is far from the usual 12.50 for Haircut.');
    expect(farPriceNudge(600, haircut, money)?.text).toBe('The price 6.00 is far from the usual 12.50 for Haircut.');
    expect(farPriceNudge(0, haircut, money)).toBeNull();
    expect(farPriceNudge(125_000, haircut, money, 'booked')?.text).toBe('The price 1250.00 is far from the booked 12.50 for Haircut.');
    expect(farPriceNudge(5000, undefined, money)).toBeNull();
    const colour = { service: 'Colour', price: 6000, priceMax: 12_000 };
    expect(farPriceNudge(20_000, colour, money)).toBeNull();
    expect(farPriceNudge(24_000, colour, money)?.text).toBe('The price 240.00 is far from the usual 60.00–120.00 for Colour.');
  });

  it('a check-in hours before the start', () => {
    expect(earlyCheckInNudge(now + 30 * MIN, now, '15:00')).toBeNull();
    expect(earlyCheckInNudge(now - 30 * MIN, now, '14:00')).toBeNull();
    expect(earlyCheckInNudge(now + 190 * MIN, now, 'Mon 2 Mar, 17:40')?.text).toBe('This booking starts in 3 h 10 min (Mon 2 Mar, 17:40).');
    expect(earlyCheckInNudge(now + 2 * 1440 * MIN, now, 'Wed 4 Mar, 14:30')?.text).toBe('This booking starts in 2 days (Wed 4 Mar, 14:30).');
  });

  it('finds the usual price by service name, ignoring case and spaces', () => {
    const known = [{ name: 'Haircut', price: 2500, priceMax: null }, { name: 'Fade', price: 3000 }];
    expect(usualPriceOf(' haircut ', known)).toEqual({ service: 'Haircut', price: 2500, priceMax: null });
    expect(usualPriceOf('Beard', known)).toBeUndefined();
    expect(usualPriceOf('', known)).toBeUndefined();
  });

  it('a nudge already shown is not asked again when its text moved on with the clock; a new kind is', () => {
    const shown = [pastBookingNudge(now - 405 * MIN, now)].filter((n): n is Nudge => n !== null);
    const aMinuteLater = pastBookingNudge(now - 405 * MIN, now + MIN);
    expect(aMinuteLater?.text).not.toBe(shown[0]?.text);
    expect(alreadyAsked([aMinuteLater as Nudge], shown)).toBe(true);
    const price = farPriceNudge(125_000, { service: 'Haircut', price: 1250 }, money) as Nudge;
    expect(alreadyAsked([aMinuteLater as Nudge, price], shown)).toBe(false);
    expect(alreadyAsked([price], [...shown, price])).toBe(true);
  });
});
