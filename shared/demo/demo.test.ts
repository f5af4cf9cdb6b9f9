import { describe, expect, it } from 'vitest';
import { parseDataset } from '../csv/import';
import { normaliseEmail, normalisePhone } from '../domain/contact';
import { CUSTOMER_STATUSES, FREQUENCY_TIERS, SPENDING_TIERS } from '../domain/types';
import { validateDocument } from '../domain/validate';
import { buildActivityIndex } from '../engine/dataset';
import { dayOfWeek, parseDay } from '../time/calendar';
import { parseInstant } from '../time/instant';
import { zoneClock } from '../time/zone';
import {
  BOOKINGS_CSV_HEADER,
  BRANCHES_CSV_HEADER,
  CUSTOMERS_CSV_HEADER,
  DemoGenerator,
  FUTURE_DAYS,
  bookingCsvLine,
  branchCsvLine,
  customerCsvLine,
  demoDocuments,
  demoOptions,
  generateDemoData,
  type DemoData,
} from './index';

function csvFiles(data: DemoData) {
  return {
    branches: [BRANCHES_CSV_HEADER, ...data.branches.map(branchCsvLine)].join('\n') + '\n',
    customers: [CUSTOMERS_CSV_HEADER, ...data.customers.map(customerCsvLine)].join('\n') + '\n',
    bookings: [BOOKINGS_CSV_HEADER, ...data.bookings.map(bookingCsvLine)].join('\n') + '\n',
  };
}

const demo = generateDemoData(demoOptions('demo'));
const demoFiles = csvFiles(demo);
const today = parseDay(demo.options.today) as number;
const index = buildActivityIndex(demo, today);
const activities = [...index.activities()];
const share = (part: number, whole: number) => part / whole;

describe('demo preset', () => {
  it('has the size the preset promises', () => {
    expect(demo.branches.map((b) => b.id)).toEqual(['br-manila', 'br-new-york', 'br-london', 'br-auckland']);
    expect(demo.branches.map((b) => b.name)).toEqual(['Manila Makati', 'New York SoHo', 'London Shoreditch', 'Auckland CBD']);
    expect(demo.customers).toHaveLength(1500);
    expect(demo.bookings.length).toBeGreaterThanOrEqual(20_000);
    expect(demo.bookings.length).toBeLessThanOrEqual(30_000);
  });

  it('is deterministic: the same options give identical CSV, another seed different CSV', () => {
    expect(csvFiles(generateDemoData(demoOptions('demo')))).toEqual(demoFiles);
    const other = csvFiles(generateDemoData(demoOptions('demo', { seed: 7 })));
    expect(other.branches).toEqual(demoFiles.branches); // branch rows follow the index (cities, thresholds)
    expect(other.customers).not.toEqual(demoFiles.customers);
    expect(other.bookings).not.toEqual(demoFiles.bookings);
  });

  it('passes the CSV importer with zero problems, reading back exactly what was generated', () => {
    const outcome = parseDataset(demoFiles);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems.slice(0, 5)));
    expect(outcome.dataset.customers).toHaveLength(demo.customers.length);
    expect(outcome.dataset.bookings).toHaveLength(demo.bookings.length);
    outcome.dataset.bookings.forEach((b, i) => {
      const g = demo.bookings[i];
      expect([b.id, b.ms, b.day, b.price, b.status, b.service, b.staff]).toEqual([g?.id, g?.ms, g?.day, g?.price, g?.status, g?.service, g?.staff]);
    });
    outcome.dataset.customers.forEach((c, i) => expect(c.name).toBe(demo.customers[i]?.name));
  });

  it('shows every status and every tier as of today', () => {
    const seen = new Set(activities.flatMap((a) => [`status:${a.status}`, `spending:${a.spending_tier}`, `frequency:${a.frequency_tier}`]));
    for (const s of CUSTOMER_STATUSES) expect(seen).toContain(`status:${s}`);
    for (const s of SPENDING_TIERS) expect(seen).toContain(`spending:${s}`);
    for (const s of FREQUENCY_TIERS) expect(seen).toContain(`frequency:${s}`);
  });

  it('has plausible proportions', () => {
    const visited = activities.filter((a) => a.total_bookings > 0);
    const count = (status: string) => activities.filter((a) => a.status === status).length;
    expect(share(count('churned'), visited.length)).toBeGreaterThan(0.15);
    expect(share(count('churned'), visited.length)).toBeLessThan(0.5);
    expect(share(count('active'), activities.length)).toBeGreaterThan(0.1);
    expect(share(count('at_risk'), activities.length)).toBeGreaterThan(0.1);
    expect(share(count('win_back'), activities.length)).toBeGreaterThan(0.02);
    expect(share(count('new'), activities.length)).toBeGreaterThan(0.02);

    const byStatus = (s: string) => demo.bookings.filter((b) => b.status === s).length;
    expect(share(byStatus('no_show'), demo.bookings.length)).toBeGreaterThanOrEqual(0.05);
    expect(share(byStatus('no_show'), demo.bookings.length)).toBeLessThanOrEqual(0.08);
    expect(share(byStatus('cancelled'), demo.bookings.length)).toBeGreaterThanOrEqual(0.05);
    expect(share(byStatus('cancelled'), demo.bookings.length)).toBeLessThanOrEqual(0.1);

    const branchesOf = new Map<string, Set<string>>();
    for (const b of demo.bookings) {
      const set = branchesOf.get(b.customer_id) ?? new Set<string>();
      set.add(b.branch_id);
      branchesOf.set(b.customer_id, set);
    }
    const multi = [...branchesOf.values()].filter((s) => s.size >= 2).length;
    const triple = [...branchesOf.values()].filter((s) => s.size >= 3).length;
    expect(share(multi, demo.customers.length)).toBeGreaterThan(0.07);
    expect(share(multi, demo.customers.length)).toBeLessThan(0.13);
    expect(share(triple, demo.customers.length)).toBeGreaterThan(0.005);
    expect(share(triple, demo.customers.length)).toBeLessThan(0.04);

    const c = demo.customers;
    const frac = (f: (x: (typeof c)[number]) => boolean) => share(c.filter(f).length, c.length);
    expect(frac((x) => x.email !== '')).toBeGreaterThan(0.65);
    expect(frac((x) => x.email !== '')).toBeLessThan(0.75);
    expect(frac((x) => x.birthday !== '')).toBeGreaterThan(0.45);
    expect(frac((x) => x.birthday !== '')).toBeLessThan(0.55);
    expect(frac((x) => x.opted_in_marketing)).toBeGreaterThan(0.55);
    expect(frac((x) => x.opted_in_marketing)).toBeLessThan(0.65);
    expect(frac((x) => x.home_branch_id !== '')).toBeGreaterThan(0.9);
    expect(frac((x) => /,/.test(x.name))).toBeGreaterThan(0);
    expect(frac((x) => /'/.test(x.name))).toBeGreaterThan(0);
    expect(frac((x) => /[\u0080-\uffff]/.test(x.name))).toBeGreaterThan(0.05);

    // Busy Saturdays and evenings.
    const done = demo.bookings.filter((b) => b.status === 'completed');
    const onDay = (d: number) => done.filter((b) => dayOfWeek(b.day) === d).length;
    expect(onDay(6)).toBeGreaterThan(1.5 * onDay(1));
    const clockOf = new Map(demo.branches.map((b) => [b.id, zoneClock(b.timezone)]));
    const minuteOf = (b: (typeof done)[number]) => clockOf.get(b.branch_id)?.localMinuteOfDay(b.ms) ?? -1;
    expect(done.filter((b) => minuteOf(b) >= 16 * 60).length).toBeGreaterThan(done.filter((b) => minuteOf(b) < 12 * 60).length);
  });

  it('books inside each branch\'s opening hours, in its own time zone, on 15-minute slots', () => {
    const branches = new Map(demo.branches.map((b) => [b.id, b]));
    const wrong: string[] = [];
    for (const b of demo.bookings) {
      const branch = branches.get(b.branch_id);
      if (branch === undefined) throw new Error(`unknown branch ${b.branch_id}`);
      const clock = zoneClock(branch.timezone);
      const minute = clock.localMinuteOfDay(b.ms);
      if (
        minute < branch.opens_at ||
        minute > branch.closes_at - 30 ||
        minute % 15 !== 0 ||
        clock.localDay(b.ms) !== b.day ||
        parseInstant(b.start_at) !== b.ms ||
        !branch.staff.includes(b.staff) ||
        !branch.services.some((s) => s.name === b.service)
      ) {
        wrong.push(`${b.id} ${b.start_at} ${b.staff} ${b.service}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has a living today and the next two weeks, and nothing later', () => {
    const nowOf = demo.nowMs;
    for (const branch of demo.branches) {
      const todays = demo.bookings.filter((b) => b.branch_id === branch.id && b.day === today);
      expect(todays.length, branch.id).toBeGreaterThan(0);
    }
    const todays = demo.bookings.filter((b) => b.day === today);
    const statuses = new Set(todays.map((b) => b.status));
    for (const s of ['scheduled', 'checked_in', 'completed']) expect(statuses).toContain(s);
    const wrong: string[] = [];
    for (const b of demo.bookings) {
      const now = nowOf[b.branch_id] as number;
      const ended = b.ms + b.duration_min * 60_000 <= now;
      if (b.day > today + FUTURE_DAYS) wrong.push(`${b.id} is after the next ${FUTURE_DAYS} days`);
      if (ended && !['completed', 'no_show', 'cancelled'].includes(b.status)) wrong.push(`${b.id} is over but ${b.status}`);
      if (b.ms > now && !['scheduled', 'checked_in', 'cancelled'].includes(b.status)) wrong.push(`${b.id} is to come but ${b.status}`);
    }
    expect(wrong).toEqual([]);
    expect(demo.bookings.filter((b) => b.day > today && b.status === 'scheduled').length).toBeGreaterThan(100);
    // From today on, nobody is booked with two customers at once.
    const chairs = new Map<string, { start: number; end: number; id: string }[]>();
    for (const b of demo.bookings.filter((x) => x.day >= today)) {
      const key = `${b.branch_id} ${b.staff}`;
      const list = chairs.get(key) ?? [];
      list.push({ start: b.ms, end: b.ms + b.duration_min * 60_000, id: b.id });
      chairs.set(key, list);
    }
    const overlaps: string[] = [];
    for (const [key, list] of chairs) {
      list.sort((a, b) => a.start - b.start);
      for (let i = 1; i < list.length; i += 1) {
        const prev = list[i - 1];
        const cur = list[i];
        if (prev !== undefined && cur !== undefined && cur.start < prev.end) overlaps.push(`${key}: ${prev.id} and ${cur.id}`);
      }
    }
    expect(overlaps).toEqual([]);
  });

  it('gives customers unique readable ids, valid unique contacts and a registration before their first booking', () => {
    const firstMs = new Map<string, number>();
    for (const b of demo.bookings) firstMs.set(b.customer_id, Math.min(firstMs.get(b.customer_id) ?? Infinity, b.ms));
    const phones = new Set<string>();
    const emails = new Set<string>();
    const homeNow = Math.max(...Object.values(demo.nowMs));
    const wrong: string[] = [];
    demo.customers.forEach((c, i) => {
      if (c.id !== `cu-${String(i + 1).padStart(6, '0')}`) wrong.push(`${c.id}: id out of sequence`);
      const phone = normalisePhone(c.phone, c.country);
      if (!phone.ok || phone.e164 !== c.phone) wrong.push(`${c.id}: phone ${c.phone}`);
      phones.add(c.phone);
      if (c.email !== '') {
        const email = normaliseEmail(c.email);
        if (!email.ok || email.email !== c.email) wrong.push(`${c.id}: email ${c.email}`);
        emails.add(c.email);
      }
      if (c.preferred_contact === 'email' && c.email === '') wrong.push(`${c.id}: prefers e-mail without one`);
      const created = parseInstant(c.created_at) as number;
      if (!(created < (firstMs.get(c.id) ?? Infinity))) wrong.push(`${c.id}: created ${c.created_at} after the first booking`);
      if (created > homeNow) wrong.push(`${c.id}: created in the future`);
      if (c.referred_by !== '' && !(c.referred_by < c.id)) wrong.push(`${c.id}: referred by a later customer`);
    });
    expect(wrong).toEqual([]);
    expect(phones.size).toBe(demo.customers.length);
    expect(emails.size).toBe(demo.customers.filter((c) => c.email !== '').length);
    expect(new Set(demo.bookings.map((b) => b.id)).size).toBe(demo.bookings.length);
    expect(demo.bookings[0]?.id).toBe('bk-0000001');
  });

  it('produces schema-valid documents', () => {
    const docs = demoDocuments(demo);
    const problems = [
      ...docs.branches.flatMap((d) => validateDocument('branches', d)),
      ...docs.customers.flatMap((d) => validateDocument('customers', d)),
      ...docs.bookings.flatMap((d) => validateDocument('bookings', d)),
    ];
    expect(problems).toEqual([]);
    expect(docs.bookings.filter((d) => Date.parse(d.created_at) > (parseInstant(d.start_at) as number))).toEqual([]);
  });
});

describe('csvChunks (the byte writer the CLI uses)', () => {
  it('gives byte for byte the UTF-8 of the CSV line helpers', () => {
    const generator = new DemoGenerator(demoOptions('demo'));
    const parts: Record<string, Uint8Array[]> = { 'branches.csv': [], 'customers.csv': [], 'bookings.csv': [] };
    const rows: Record<string, number> = { 'branches.csv': 0, 'customers.csv': 0, 'bookings.csv': 0 };
    for (const chunk of generator.csvChunks(4096)) {
      parts[chunk.file]?.push(chunk.bytes);
      rows[chunk.file] = (rows[chunk.file] ?? 0) + chunk.rows;
    }
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const text = (file: string) => decoder.decode(Buffer.concat(parts[file] ?? []));
    expect(text('branches.csv')).toBe(demoFiles.branches);
    expect(text('customers.csv')).toBe(demoFiles.customers);
    expect(text('bookings.csv')).toBe(demoFiles.bookings);
    expect(parts['bookings.csv']?.length).toBeGreaterThan(10);
    expect(rows).toEqual({ 'branches.csv': 4, 'customers.csv': 1500, 'bookings.csv': demo.bookings.length });
  });
});
