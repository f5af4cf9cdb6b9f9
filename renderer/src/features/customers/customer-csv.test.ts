import { describe, expect, it } from 'vitest';
import { ProblemSink, readTable } from '../../../../shared/csv/table';
import { customersCsv, exportFileName, spreadsheetSafe } from './customer-csv';

/** The customer list's CSV columns, in order, as a spreadsheet reading the export sees them. */
const CUSTOMER_CSV_COLUMNS = ['customer_id', 'name', 'phone', 'email', 'branch', 'status', 'days_since_last_visit', 'visits', 'total_spent', 'first_visit_date', 'last_visit_date', 'no_shows', 'spending_tier', 'frequency_tier', 'tags', 'opted_in_marketing'];
import { rowFixture } from './test-rows';

const branchName = (id: string): string => (id === 'br-1' ? 'Manila, Makati' : id);

describe('customersCsv', () => {
  it('writes a header and one row per customer, money and dates like the CLI, empty for no value', () => {
    const csv = customersCsv(
      [
        rowFixture({ id: 'cu-1', name: 'Maria "Mia" Santos', phone: '+639171234567', email: 'mia@example.com', tags: ['kids', 'walk-in'], opted_in_marketing: true }, { total_spent: 123_450, total_bookings: 7, days_since_last_visit: 21, status: 'at_risk', spending_tier: 'medium', frequency_tier: 'regular', no_shows: 1 }),
        rowFixture({ id: 'cu-2', name: 'Jun', phone: '', email: '' }, null),
      ],
      branchName,
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(CUSTOMER_CSV_COLUMNS.join(','));
    expect(lines[1]).toBe(
      'cu-1,"Maria ""Mia"" Santos",+639171234567,mia@example.com,"Manila, Makati",at_risk,21,7,1234.50,2025-12-01,2026-02-25,1,medium,regular,kids; walk-in,yes',
    );
    expect(lines[2]).toBe('cu-2,Jun,,,,,,0,0.00,,,0,none,none,,no');
  });

  it('round-trips through the CSV reader (quotes, commas, line breaks)', () => {
    const csv = customersCsv([rowFixture({ id: 'cu-9', name: 'Line\nBreak, Jr.' })], branchName);
    const sink = new ProblemSink('customers.csv');
    const names: string[] = [];
    readTable(csv, CUSTOMER_CSV_COLUMNS, sink, (row) => names.push(row.get('name')));
    expect(sink.problems).toEqual([]);
    expect(names).toEqual(['Line\nBreak, Jr.']);
  });

  it('defuses text a spreadsheet would run as a formula, but keeps E.164 phone numbers', () => {
    expect(spreadsheetSafe('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(spreadsheetSafe('@cmd')).toBe("'@cmd");
    expect(spreadsheetSafe('Maria')).toBe('Maria');
    const csv = customersCsv([rowFixture({ id: 'cu-3', name: '-2+3', phone: '+14155550123' })], branchName);
    expect(csv.split('\r\n')[1]).toMatch(/^cu-3,'-2\+3,\+14155550123,/);
  });
});

describe('exportFileName', () => {
  it('makes a safe file name from the scope and date', () => {
    expect(exportFileName('Manila Makati', '2026-03-02')).toBe('customers-manila-makati-2026-03-02.csv');
    expect(exportFileName('São Paulo / Jardins', '2026-03-02')).toBe('customers-sao-paulo-jardins-2026-03-02.csv');
    expect(exportFileName('***', '2026-03-02')).toBe('customers-list-2026-03-02.csv');
  });
});
