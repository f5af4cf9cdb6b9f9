import { parseDay } from '../time/calendar';
import { MAX_UNIQUE_PHONES } from './phones';

/** Everything that determines a generated data set: same options → byte-identical output. */
export interface DemoOptions {
  /** Any integer; different seeds give unrelated data sets. */
  seed: number;
  /** The as-of date `YYYY-MM-DD`: history ends here, today's and the next 14 days' bookings are around it. */
  today: string;
  /** Number of branches (cycled over 16 cities in 16 time zones). */
  branches: number;
  customers: number;
  /**
   * Total bookings wanted (every status, future ones included), within `bookingsRange`. Reached
   * within a few percent from a few hundred customers up by scaling visit counts (small sets are
   * what their few customers make them); `null` = the natural cadence (about 12 per customer over
   * 3 years).
   */
  targetBookings: number | null;
  /** Days of history before today. */
  historyDays: number;
  /** "Now" on `today`, as a local wall-clock minute in every branch (default 13:00): earlier bookings today are done, later ones still scheduled. */
  nowMinute: number;
}

export const PRESET_NAMES = ['demo', 'sample-like', 'bench-quick', 'bench-full'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** Default as-of date of the presets (the sample fixture's date), so runs without `today` agree. */
export const DEFAULT_TODAY = '2026-03-01';

/**
 * Presets. `demo`: a living four-branch business for the app's one-click demo (well under a
 * second to generate in a browser). `sample-like`: the size of fixtures/sample. `bench-quick`:
 * 100k customers / 1M bookings (engine benchmarks). `bench-full`: 200 branches, 1M customers,
 * 10M bookings (organisation-scale benchmarks, ~1 GB of CSV).
 */
export const PRESETS: Record<PresetName, Omit<DemoOptions, 'today'>> = {
  demo: { seed: 20260301, branches: 4, customers: 1500, targetBookings: 24_000, historyDays: 1095, nowMinute: 780 },
  'sample-like': { seed: 20260301, branches: 4, customers: 130, targetBookings: 2500, historyDays: 730, nowMinute: 780 },
  'bench-quick': { seed: 20260301, branches: 20, customers: 100_000, targetBookings: 1_000_000, historyDays: 1095, nowMinute: 780 },
  'bench-full': { seed: 20260301, branches: 200, customers: 1_000_000, targetBookings: 10_000_000, historyDays: 1095, nowMinute: 780 },
};

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

/** A preset's options with some replaced (`today` defaults to DEFAULT_TODAY). */
export function demoOptions(preset: PresetName, overrides: Partial<DemoOptions> = {}): DemoOptions {
  return { ...PRESETS[preset], today: DEFAULT_TODAY, ...overrides };
}

export const LIMITS = {
  branches: 2000,
  /** Phone numbers stay unique up to this many customers. */
  customers: Math.min(5_000_000, MAX_UNIQUE_PHONES),
  targetBookings: 100_000_000,
  minHistoryDays: 180,
  maxHistoryDays: 3650,
} as const;

/** Every customer's history has a few bookings at least (one-timers, newcomers and regulars average out). */
export const MIN_BOOKINGS_PER_CUSTOMER = 3;
/** Busier than one booking per customer every 15 days of history is not a realistic business. */
export const DAYS_PER_BOOKING = 15;

/** The booking targets the generator can reach for a number of customers and days of history. */
export function bookingsRange(customers: number, historyDays: number): [number, number] {
  return [MIN_BOOKINGS_PER_CUSTOMER * customers, Math.floor((customers * historyDays) / DAYS_PER_BOOKING)];
}

function wholeIn(value: number, min: number, max: number): boolean {
  return Number.isSafeInteger(value) && value >= min && value <= max;
}

/** Problems with options, each naming the option (empty when the options are usable). */
export function demoOptionsProblems(o: DemoOptions): string[] {
  const problems: string[] = [];
  if (!Number.isSafeInteger(o.seed)) problems.push(`seed ${String(o.seed)} is not an integer`);
  if (typeof o.today !== 'string' || parseDay(o.today) === null) problems.push(`today "${String(o.today)}" is not a date (YYYY-MM-DD)`);
  if (!wholeIn(o.branches, 1, LIMITS.branches)) problems.push(`branches must be a whole number from 1 to ${LIMITS.branches}`);
  if (!wholeIn(o.customers, 1, LIMITS.customers)) problems.push(`customers must be a whole number from 1 to ${LIMITS.customers}`);
  if (o.targetBookings !== null && !wholeIn(o.targetBookings, 0, LIMITS.targetBookings)) {
    problems.push(`bookings must be a whole number from 0 to ${LIMITS.targetBookings}`);
  }
  if (!wholeIn(o.historyDays, LIMITS.minHistoryDays, LIMITS.maxHistoryDays)) {
    problems.push(`historyDays must be a whole number from ${LIMITS.minHistoryDays} to ${LIMITS.maxHistoryDays}`);
  }
  if (!wholeIn(o.nowMinute, 0, 1439)) problems.push('nowMinute must be a whole number of minutes from 0 to 1439');
  if (problems.length === 0 && o.targetBookings !== null) {
    const [min, max] = bookingsRange(o.customers, o.historyDays);
    if (o.targetBookings < min || o.targetBookings > max) {
      problems.push(
        `bookings must be from ${min} to ${max} for ${o.customers} customers over ${o.historyDays} days ` +
          `(${MIN_BOOKINGS_PER_CUSTOMER} per customer, at most one every ${DAYS_PER_BOOKING} days of history)`,
      );
    }
  }
  return problems;
}
