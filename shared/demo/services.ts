/** Service menus of the demo branches: prices in cents before the city's price level. */

export type BranchKind = 'barbershop' | 'salon';

export interface MenuItem {
  name: string;
  /** Cents. */
  price: number;
  /** Minutes. */
  duration: number;
  /** How often customers choose it (relative). */
  popularity: number;
}

export const MENUS: Record<BranchKind, readonly MenuItem[]> = {
  barbershop: [
    { name: 'Haircut', price: 2500, duration: 30, popularity: 38 },
    { name: 'Fade', price: 3000, duration: 45, popularity: 22 },
    { name: 'Beard trim', price: 1500, duration: 15, popularity: 12 },
    { name: 'Haircut & beard', price: 3800, duration: 45, popularity: 12 },
    { name: 'Hot towel shave', price: 2800, duration: 30, popularity: 6 },
    { name: 'Kids cut', price: 1800, duration: 30, popularity: 6 },
    { name: 'Colour', price: 8000, duration: 90, popularity: 3 },
    { name: 'Scalp treatment', price: 4500, duration: 30, popularity: 1 },
  ],
  salon: [
    { name: 'Cut & blow-dry', price: 5500, duration: 60, popularity: 34 },
    { name: 'Colour', price: 8000, duration: 90, popularity: 18 },
    { name: 'Highlights', price: 12000, duration: 120, popularity: 10 },
    { name: 'Blow-dry', price: 3500, duration: 45, popularity: 14 },
    { name: 'Trim', price: 3000, duration: 30, popularity: 12 },
    { name: 'Treatment', price: 4500, duration: 45, popularity: 7 },
    { name: 'Balayage', price: 16000, duration: 150, popularity: 5 },
  ],
};

/** A price at a city's level, rounded half-up to 50 cents (integer arithmetic, exact). */
export function priceAtLevel(cents: number, level: number): number {
  const scaled = Math.round(cents * level * 100) / 100;
  return Math.floor((scaled + 25) / 50) * 50;
}
