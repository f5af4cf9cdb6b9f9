/**
 * Converts the CDNOW sample (Fader, Hardie & Lee 2005; see fixtures/cdnow/README.md) into the
 * import format: one branch `cdnow` (UTC), one customer per CDNOW customer, one completed
 * booking per purchase record at noon UTC on its date, priced at the record's dollar amount.
 *
 *   npx tsx scripts/cdnow-import.ts ../shared/data/cdnow/CDNOW_sample.txt fixtures/cdnow
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function isoDate(yyyymmdd: string): string {
  if (!/^\d{8}$/.test(yyyymmdd)) throw new Error(`not a YYYYMMDD date: ${yyyymmdd}`);
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

export function convertCdnow(text: string): { branches: string; customers: string; bookings: string } {
  const firstDay = new Map<string, string>();
  const names = new Map<string, string>();
  const bookings = ['id,customer_id,branch_id,service,staff,start_at,status,price'];
  let n = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const [id, sampleNo, date, cds, amount] = line.split(/\s+/);
    if (id === undefined || sampleNo === undefined || date === undefined || cds === undefined || amount === undefined) throw new Error(`bad CDNOW line: ${line}`);
    const customer = `cd-${id}`;
    names.set(customer, `CDNOW customer ${Number(sampleNo)}`);
    const day = isoDate(date);
    if (!firstDay.has(customer) || (firstDay.get(customer) as string) > day) firstDay.set(customer, day);
    n += 1;
    const price = Number(amount);
    if (!(price >= 0)) throw new Error(`bad amount on line ${n}: ${amount}`);
    bookings.push(`p-${String(n).padStart(5, '0')},${customer},cdnow,${cds} CD${cds === '1' ? '' : 's'},,${day}T12:00:00Z,completed,${price.toFixed(2)}`);
  }
  const customers = ['id,name,phone,email,birthday,opted_in_marketing,preferred_contact,created_at,home_branch_id'];
  for (const [id, day] of [...firstDay].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    customers.push(`${id},${names.get(id) as string},,,,false,none,${day}T00:00:00Z,cdnow`);
  }
  return {
    branches: 'id,name,timezone,active_days,at_risk_days\ncdnow,CDNOW,UTC,,\n',
    customers: `${customers.join('\n')}\n`,
    bookings: `${bookings.join('\n')}\n`,
  };
}

const [source, out] = process.argv.slice(2);
if (source !== undefined && out !== undefined) {
  const files = convertCdnow(readFileSync(source, 'utf8'));
  mkdirSync(out, { recursive: true });
  for (const [name, body] of Object.entries(files)) writeFileSync(join(out, `${name}.csv`), body);
  console.log(`wrote ${out}/branches.csv, customers.csv, bookings.csv`);
}
