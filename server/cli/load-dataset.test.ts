/**
 * bookings.csv is streamed in pieces cut at record boundaries (server/cli/load-dataset.ts): with
 * tiny pieces, quoted fields holding commas, quotes and line breaks, CRLF line ends, a BOM and
 * multi-byte characters across piece edges, the data set is the one parsed from the whole text;
 * a file with a problem is reported exactly as the whole-text parse reports it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingColumns, parseDataset } from '../../shared/csv/import';
import { formatProblem } from '../../shared/csv/table';
import { CliError } from './errors';
import { loadDataset, loadFacts } from './load-dataset';

const BRANCHES = 'id,name,timezone,active_days,at_risk_days\nbr-a,Branch A,Asia/Manila,,\nbr-b,Branch B,America/New_York,30,90\n';
const CUSTOMERS = 'id,name,phone,email,birthday,opted_in_marketing,preferred_contact,created_at,home_branch_id\ncu-1,Zoë Ł,,,,true,sms,2025-01-01T00:00:00Z,br-a\ncu-2,Bo,,,,false,none,,br-b\n';

function bookings(): string {
  const lines = ['\uFEFFid,customer_id,branch_id,service,staff,start_at,status,price'];
  for (let i = 0; i < 300; i += 1) {
    const service = i % 3 === 0 ? '"Cut, ""deluxe""\r\nand wash"' : i % 3 === 1 ? 'Färbung ✂' : 'Shave';
    lines.push(`bk-${i},cu-${(i % 2) + 1},br-${i % 2 === 0 ? 'a' : 'b'},${service},Siobhán,2025-0${(i % 9) + 1}-1${i % 10}T1${i % 10}:00:00+08:00,${i % 4 === 0 ? 'no_show' : 'completed'},${(i % 50) + 1}.50`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('loadDataset streams bookings.csv', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bd-load-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function write(bookingsText: string): Promise<void> {
    await writeFile(join(dir, 'branches.csv'), BRANCHES);
    await writeFile(join(dir, 'customers.csv'), CUSTOMERS);
    await writeFile(join(dir, 'bookings.csv'), bookingsText);
  }

  it('reads in small pieces exactly what the whole text parses to', async () => {
    const text = bookings();
    await write(text);
    const whole = parseDataset({ branches: BRANCHES, customers: CUSTOMERS, bookings: text });
    if (!whole.ok) throw new Error(JSON.stringify(whole.problems));
    for (const piece of [7, 64, 1000, 1 << 22]) expect(await loadDataset(dir, {}, piece)).toEqual(whole.dataset);
    const facts = await loadDataset(dir, { factsOnly: true }, 64);
    expect(facts.bookings.map((b) => ({ ...b, start_at: '' }))).toEqual(whole.dataset.bookings.map((b) => ({ ...b, start_at: '' })));
    expect(facts.bookings.every((b) => b.start_at === '')).toBe(true);
    const columns = parseDataset({ branches: BRANCHES, customers: CUSTOMERS, bookings: text }, bookingColumns());
    if (!columns.ok) throw new Error(JSON.stringify(columns.problems));
    expect(columns.dataset.bookings.length).toBe(300);
    for (const piece of [7, 1 << 22]) expect(await loadFacts(dir, piece)).toEqual(columns.dataset);
  });

  it('reports a problem, a cut-off quote or bytes that are not UTF-8 as the whole-text parse does', async () => {
    const bad = `${bookings()}bk-x,cu-9,br-a,Shave,Ana,2025-01-01T10:00:00Z,completed,5.00\nbk-y,cu-1,br-a,"never closed,Ana,2025-01-01T10:00:00Z,completed,5.00\n`;
    await write(bad);
    const whole = parseDataset({ branches: BRANCHES, customers: CUSTOMERS, bookings: bad });
    expect(whole.ok).toBe(false);
    const error = await loadDataset(dir, {}, 16).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    if (whole.ok) return;
    expect(whole.problems.map(formatProblem)).toContain('bookings.csv, line 402, column customer_id: customer_id "cu-9" is not a known customer');
    expect((error as CliError).message).toBe(`invalid input in ${dir} (${whole.problems.length} problems):\n${whole.problems.map(formatProblem).join('\n')}`);
    expect((error as CliError).message).toContain('malformed CSV');
    expect(((await loadFacts(dir, 16).catch((e: unknown) => e)) as CliError).message).toBe((error as CliError).message);
    await write('');
    expect(((await loadDataset(dir, {}, 16).catch((e: unknown) => e)) as CliError).message).toContain('bookings.csv, line 1: the file is empty');
    await writeFile(join(dir, 'bookings.csv'), Buffer.concat([Buffer.from(bookings()), Buffer.from([0xff, 0x0a])]));
    expect(((await loadDataset(dir, {}, 16).catch((e: unknown) => e)) as CliError).message).toMatch(/bookings\.csv, line 402: not valid UTF-8/);
  });

  it('cuts only after a line break outside quotes, wherever a piece ends', async () => {
    // Line breaks inside quotes, after an escaped quote, and a last record without a line break.
    const text = [
      'id,customer_id,branch_id,service,staff,start_at,status,price',
      'bk-1,cu-1,br-a,"b\nc",Ana,2025-01-01T10:00:00Z,completed,5.00',
      'bk-2,cu-2,br-b,"x""\ny""",Bo,2025-01-02T10:00:00Z,no_show,6.00',
      'bk-3,cu-1,br-a,"""\n""\n",Cy,2025-01-03T10:00:00Z,completed,7.00',
    ].join('\n');
    await write(text);
    const whole = parseDataset({ branches: BRANCHES, customers: CUSTOMERS, bookings: text });
    if (!whole.ok) throw new Error(JSON.stringify(whole.problems));
    expect(whole.dataset.bookings.map((b) => b.service)).toEqual(['b\nc', 'x"\ny"', '"\n"']); // (a service is trimmed)
    for (let piece = 1; piece <= text.length + 1; piece += 1) expect(await loadDataset(dir, {}, piece), `pieces of ${piece} bytes`).toEqual(whole.dataset);
  });
});
