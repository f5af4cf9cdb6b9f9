import { describe, expect, it } from 'vitest';
import type { PairActivity } from '../engine/activity';
import { activityCsv } from './activity-csv';
import { csvField, csvLine, ProblemSink, readTable } from './table';

const ROW: PairActivity = {
  customer_id: 'c1',
  branch_id: 'b1',
  status: 'at_risk',
  days_since_last_visit: 13,
  total_bookings: 3,
  total_spent: 123450,
  first_visit_date: '2025-12-01',
  last_visit_date: '2026-02-16',
  no_shows: 2,
  spending_tier: 'high',
  frequency_tier: 'occasional',
  favorite_service: 'Cut, wash and "style"',
  preferred_staff: 'Zoë\nSenior',
};

const HEADER =
  'customer_id,branch_id,status,days_since_last_visit,total_bookings,total_spent,first_visit_date,last_visit_date,no_shows,spending_tier,frequency_tier,favorite_service,preferred_staff';

describe('activity CSV', () => {
  it('starts with the contract columns', () => {
    expect(activityCsv([])).toBe(`${HEADER}\n`);
  });

  it('money with two decimals, empty fields for no value, RFC 4180 quoting, LF line ends', () => {
    const none: PairActivity = {
      ...ROW,
      customer_id: 'c2',
      status: 'new',
      days_since_last_visit: null,
      total_bookings: 0,
      total_spent: 0,
      first_visit_date: null,
      last_visit_date: null,
      no_shows: 0,
      spending_tier: 'none',
      frequency_tier: 'none',
      favorite_service: '',
      preferred_staff: '',
    };
    expect(activityCsv([ROW, none])).toBe(
      `${HEADER}\n` +
        'c1,b1,at_risk,13,3,1234.50,2025-12-01,2026-02-16,2,high,occasional,"Cut, wash and ""style""","Zoë\nSenior"\n' +
        'c2,b1,new,,0,0.00,,,0,none,none,,\n',
    );
  });

  it('reads back through the importer’s CSV reader unchanged', () => {
    const text = activityCsv([ROW]);
    const sink = new ProblemSink('activity.csv');
    const rows: string[][] = [];
    readTable(text, HEADER.split(','), sink, (row) => rows.push(HEADER.split(',').map((c) => row.get(c))));
    expect(sink.problems).toEqual([]);
    expect(rows[0]?.slice(11)).toEqual([ROW.favorite_service, ROW.preferred_staff]);
  });
});

describe('csvField', () => {
  it('quotes only fields with a comma, quote or line break', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('')).toBe('');
    expect(csvLine(['a', 'b,c', ''])).toBe('a,"b,c",');
  });
});

describe('readTable header checks', () => {
  it('reports a column named twice', () => {
    const sink = new ProblemSink('x.csv');
    readTable('a,b,a\n1,2,3\n', ['a', 'b'], sink, () => undefined);
    expect(sink.problems).toEqual([{ file: 'x.csv', line: 1, message: 'column "a" appears twice in the header' }]);
  });
});
