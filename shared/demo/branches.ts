import type { Branch } from '../domain/types';
import { THRESHOLD_PRESETS } from '../domain/settings';
import { CITIES, type City } from './cities';
import { STAFF_NAMES } from './names';
import { Sfc32 } from './prng';
import { MENUS, priceAtLevel, type BranchKind } from './services';

export interface DemoService {
  name: string;
  /** Cents. */
  price: number;
  duration_min: number;
  /** Relative share of visits. */
  popularity: number;
}

/** A generated branch: the import row (`Branch`) plus what the generator and the demo UI use. */
export interface DemoBranch extends Branch {
  city: string;
  /** ISO 3166-1 alpha-2, for phone numbers typed without a country code. */
  country: string;
  kind: BranchKind;
  /** Opening hours as local minutes since midnight; bookings start from `opens_at` to `closes_at` − 30. */
  opens_at: number;
  closes_at: number;
  staff: string[];
  services: DemoService[];
  /** Relative share of the business's customers whose main branch this is. */
  busyness: number;
}

/** Internal: which phone plan the branch's customers get. */
export interface BranchCity {
  branch: DemoBranch;
  city: City;
}

const SALON = THRESHOLD_PRESETS.salon;

/** Branch `index` (0-based) of a business generated from `seed`. */
export function makeBranch(seed: number, index: number): BranchCity {
  const city = CITIES[index % CITIES.length] as City;
  const round = Math.floor(index / CITIES.length);
  const rng = new Sfc32(seed, 0xb4a2c4, index);
  const hood = city.neighbourhoods[round % city.neighbourhoods.length] as string;
  const lap = Math.floor(round / city.neighbourhoods.length);
  const id = round === 0 ? `br-${city.slug}` : `br-${city.slug}-${round + 1}`;
  const name = `${city.name} ${hood}${lap > 0 ? ` ${lap + 1}` : ''}`;
  // Most branches keep the business defaults; every fifth is a salon (30/90), a few tuned their own.
  const kind: BranchKind = index % 5 === 2 ? 'salon' : 'barbershop';
  let active: number | null = null;
  let atRisk: number | null = null;
  if (kind === 'salon') {
    active = SALON.activeDays;
    atRisk = SALON.atRiskDays;
  } else if (index % 7 === 3) {
    active = 14;
    atRisk = 45;
  }
  const staffCount = rng.range(3, 6);
  const staff: string[] = [];
  while (staff.length < staffCount) {
    const candidate = rng.pick(STAFF_NAMES);
    if (!staff.includes(candidate)) staff.push(candidate);
  }
  const opens = rng.chance(0.7) ? 9 * 60 : 10 * 60;
  const closes = rng.chance(0.6) ? 19 * 60 : 20 * 60;
  const services = MENUS[kind].map((m) => ({
    name: m.name,
    price: priceAtLevel(m.price, city.priceLevel),
    duration_min: m.duration,
    popularity: m.popularity,
  }));
  return {
    city,
    branch: {
      id,
      name,
      timezone: city.timeZone,
      active_days: active,
      at_risk_days: atRisk,
      city: city.name,
      country: city.country,
      kind,
      opens_at: opens,
      closes_at: closes,
      staff,
      services,
      busyness: 0.6 + rng.next(),
    },
  };
}
