import type { BookingFact, PairActivity } from '../../../../shared/engine/activity';
import { civilFromDays, dayOfWeek } from '../../../../shared/time/calendar';
import { zoneClock } from '../../../../shared/time/zone';

function completed(facts: Iterable<BookingFact>): BookingFact[] {
  return [...facts].filter((f) => f.status === 'completed').sort((a, b) => a.ms - b.ms || (a.id < b.id ? -1 : 1));
}

export interface ServiceUse {
  service: string;
  visits: number;
  /** Cents. */
  spent: number;
  /** Local day of the latest visit with it. */
  lastDay: number;
}

/** Services the customer had (completed visits, every branch), most used first. */
export function servicesUsed(facts: Iterable<BookingFact>): ServiceUse[] {
  const by = new Map<string, ServiceUse>();
  for (const f of completed(facts)) {
    const name = f.service || 'Visit';
    const s = by.get(name);
    if (s === undefined) by.set(name, { service: name, visits: 1, spent: f.price, lastDay: f.day });
    else {
      s.visits += 1;
      s.spent += f.price;
      s.lastDay = Math.max(s.lastDay, f.day);
    }
  }
  return [...by.values()].sort((a, b) => b.visits - a.visits || b.spent - a.spent || b.lastDay - a.lastDay || (a.service < b.service ? -1 : 1));
}

/** Branches visited: visits, spend and last visit per branch (pairs without a visit left out), most visits first. */
export function branchesVisited(pairs: readonly PairActivity[]): PairActivity[] {
  return pairs.filter((p) => p.total_bookings > 0).sort((a, b) => b.total_bookings - a.total_bookings || (b.last_visit_date ?? '').localeCompare(a.last_visit_date ?? ''));
}

export interface MonthSpend {
  /** `2026-02` */
  key: string;
  year: number;
  month: number;
  spent: number;
  visits: number;
}

/**
 * Spend per calendar month (local dates of completed visits), every month from the first visit
 * (at most `maxMonths` back from the last one) to the last, months without a visit at 0.
 */
export function spendByMonth(facts: Iterable<BookingFact>, maxMonths = 24): MonthSpend[] {
  const visits = completed(facts);
  if (visits.length === 0) return [];
  const index = (day: number): number => {
    const { year, month } = civilFromDays(day);
    return year * 12 + (month - 1);
  };
  const last = index((visits[visits.length - 1] as BookingFact).day);
  const first = Math.max(index((visits[0] as BookingFact).day), last - maxMonths + 1);
  const months: MonthSpend[] = [];
  for (let i = first; i <= last; i += 1) {
    const year = Math.floor(i / 12);
    const month = (i % 12) + 1;
    months.push({ key: `${year}-${String(month).padStart(2, '0')}`, year, month, spent: 0, visits: 0 });
  }
  for (const v of visits) {
    const m = months[index(v.day) - first];
    if (m === undefined) continue;
    m.spent += v.price;
    m.visits += 1;
  }
  return months;
}

export interface VisitGaps {
  /** Days between consecutive visits (local dates, any branch), oldest first. */
  gaps: { fromDay: number; toDay: number; days: number }[];
  average: number | null;
  median: number | null;
  longest: number | null;
}

/** The gaps between visits: how regularly the customer comes. */
export function visitGaps(facts: Iterable<BookingFact>): VisitGaps {
  const days = completed(facts).map((f) => f.day);
  const gaps: VisitGaps['gaps'] = [];
  for (let i = 1; i < days.length; i += 1) gaps.push({ fromDay: days[i - 1] as number, toDay: days[i] as number, days: (days[i] as number) - (days[i - 1] as number) });
  if (gaps.length === 0) return { gaps, average: null, median: null, longest: null };
  const sorted = gaps.map((g) => g.days).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { gaps, average: Math.round((sorted.reduce((s, d) => s + d, 0) / sorted.length) * 10) / 10, median, longest: sorted[sorted.length - 1] as number };
}

/**
 * Completed visits by weekday (0 = Monday … 6 = Sunday) and hour of the day, each visit in its
 * branch's zone: when the customer likes to come.
 */
export function dayHourHeatmap(facts: Iterable<BookingFact>, zoneOf: (branchId: string) => string): { cells: number[][]; max: number; total: number } {
  const cells = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  let total = 0;
  for (const f of completed(facts)) {
    const weekday = (dayOfWeek(f.day) + 6) % 7;
    const hour = Math.floor(zoneClock(zoneOf(f.branch_id)).localMinuteOfDay(f.ms) / 60);
    const row = cells[weekday] as number[];
    row[hour] = (row[hour] ?? 0) + 1;
    total += 1;
  }
  return { cells, max: Math.max(0, ...cells.flat()), total };
}
