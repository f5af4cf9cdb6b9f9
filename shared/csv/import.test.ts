import { describe, expect, it } from 'vitest';
import { parseDay } from '../time/calendar';
import { formatProblem, type InputProblem } from './table';

/** shared/csv/table.ts keeps the first 50 problems of a file and counts the rest. */
const MAX_PROBLEMS_PER_FILE = 50;
import { parseDataset, type DatasetFiles, type Dataset } from './import';

const BRANCHES = ['id,name,timezone,active_days,at_risk_days', 'b1,Manila,Asia/Manila,,', 'b2,Auckland,Pacific/Auckland,14,45'].join('\n');
const CUSTOMERS = [
  'id,name,phone,email,birthday,opted_in_marketing,preferred_contact,created_at,home_branch_id',
  'c1,Ana Cruz,+639171234567,ana@example.com,1990-05-01,true,sms,2025-01-01T00:00:00Z,b1',
  'c2,Ben Tane,,,,false,none,,',
].join('\n');
const BOOKINGS = [
  'id,customer_id,branch_id,service,staff,start_at,status,price',
  'k1,c1,b1,Haircut,Ana,2026-02-20T10:00:00+08:00,completed,25.00',
  'k2,c2,b2,Colour,Ben,2026-02-21T00:30:00+13:00,no_show,80',
  'k3,c2,b1,Shave,Cy,2026-02-22T23:30:00Z,scheduled,0.00',
].join('\n');
const VALID: DatasetFiles = { branches: BRANCHES, customers: CUSTOMERS, bookings: BOOKINGS };

/** The data set read from these files (the valid ones for any not given); throws with its problems if refused. */
function dataset(files: Partial<DatasetFiles>): Dataset {
  const outcome = parseDataset({ ...VALID, ...files });
  if (!outcome.ok) throw new Error(outcome.problems.map(formatProblem).join('\n'));
  return outcome.dataset;
}

/** Replaces one line (1-based) of a file. */
function withLine(text: string, line: number, replacement: string): string {
  const lines = text.split('\n');
  lines[line - 1] = replacement;
  return lines.join('\n');
}

function problems(files: Partial<DatasetFiles>): InputProblem[] {
  const outcome = parseDataset({ ...VALID, ...files });
  if (outcome.ok) throw new Error('expected the data set to be rejected');
  return outcome.problems;
}

/** Exactly one problem: returns it formatted as the CLI prints it. */
function onlyProblem(files: Partial<DatasetFiles>): string {
  const found = problems(files);
  expect(found.map(formatProblem)).toHaveLength(1);
  return formatProblem(found[0] as InputProblem);
}

describe('a valid data set', () => {
  it('parses every file, resolving instants, local days and money', () => {
    const outcome = parseDataset(VALID);
    if (!outcome.ok) throw new Error(outcome.problems.map(formatProblem).join('\n'));
    const { branches, customers, bookings } = outcome.dataset;
    expect(branches).toEqual([
      { id: 'b1', name: 'Manila', timezone: 'Asia/Manila', active_days: null, at_risk_days: null },
      { id: 'b2', name: 'Auckland', timezone: 'Pacific/Auckland', active_days: 14, at_risk_days: 45 },
    ]);
    expect(customers.map((c) => [c.id, c.opted_in_marketing, c.preferred_contact, c.home_branch_id])).toEqual([
      ['c1', true, 'sms', 'b1'],
      ['c2', false, 'none', ''],
    ]);
    expect(bookings.map((b) => [b.id, b.status, b.price, b.ms, b.day])).toEqual([
      ['k1', 'completed', 2500, Date.UTC(2026, 1, 20, 2), parseDay('2026-02-20')],
      ['k2', 'no_show', 8000, Date.UTC(2026, 1, 20, 11, 30), parseDay('2026-02-21')], // Auckland-local
      ['k3', 'scheduled', 0, Date.UTC(2026, 1, 22, 23, 30), parseDay('2026-02-23')], // Manila-local
    ]);
  });

  it('keeps the time zone as written (ICU would rename Asia/Kolkata to Asia/Calcutta and EST to America/Panama)', () => {
    const { branches } = dataset({
      branches: ['id,name,timezone,active_days,at_risk_days', 'b1,Mumbai,Asia/Kolkata,,', 'b2,Fixed,EST,,', 'b3,Kyiv,Europe/Kyiv,,'].join('\n'),
    });
    expect(branches.map((b) => b.timezone)).toEqual(['Asia/Kolkata', 'EST', 'Europe/Kyiv']);
  });

  it('tags split on ; or | and are de-duplicated', () => {
    const lines = CUSTOMERS.split('\n');
    const customers = [`${lines[0]},tags`, `${lines[1]}, vip; regular |vip||  `, `${lines[2]},`].join('\n');
    expect(dataset({ customers }).customers.map((c) => c.tags)).toEqual([['vip', 'regular'], []]);
  });
});

describe('bad input names file, line, column and problem', () => {
  it('unknown booking status', () => {
    expect(onlyProblem({ bookings: withLine(BOOKINGS, 3, 'k2,c2,b2,Colour,Ben,2026-02-21T00:30:00+13:00,finished,80') })).toMatch(
      /^bookings\.csv, line 3, column status: status "finished" is not one of scheduled, checked_in, completed, cancelled, no_show$/,
    );
  });

  it('a date that does not exist', () => {
    expect(onlyProblem({ bookings: withLine(BOOKINGS, 2, 'k1,c1,b1,Haircut,Ana,2026-02-30T10:00:00+08:00,completed,25.00') })).toMatch(
      /^bookings\.csv, line 2, column start_at: start_at "2026-02-30T10:00:00\+08:00" is not an ISO 8601 instant/,
    );
  });

  it('an instant without an offset', () => {
    expect(onlyProblem({ bookings: withLine(BOOKINGS, 4, 'k3,c2,b1,Shave,Cy,2026-02-22T23:30:00,scheduled,0.00') })).toMatch(
      /^bookings\.csv, line 4, column start_at: start_at "2026-02-22T23:30:00" is not an ISO 8601 instant with an offset or Z$/,
    );
  });

  it('a garbage or empty instant', () => {
    expect(onlyProblem({ bookings: withLine(BOOKINGS, 4, 'k3,c2,b1,Shave,Cy,next tuesday,scheduled,0.00') })).toMatch(
      /^bookings\.csv, line 4, column start_at: start_at "next tuesday" is not/,
    );
    expect(onlyProblem({ bookings: withLine(BOOKINGS, 4, 'k3,c2,b1,Shave,Cy,,scheduled,0.00') })).toMatch(
      /^bookings\.csv, line 4, column start_at: start_at is empty$/,
    );
  });

  it('an unknown time zone', () => {
    expect(onlyProblem({ branches: withLine(BRANCHES, 3, 'b2,Auckland,Pacific/Aukland,14,45') })).toMatch(
      /^branches\.csv, line 3, column timezone: unknown time zone "Pacific\/Aukland"$/,
    );
    expect(onlyProblem({ branches: withLine(BRANCHES, 2, 'b1,Manila,,,') })).toMatch(/^branches\.csv, line 2, column timezone: timezone is empty$/);
  });

  it('a negative price', () => {
    expect(onlyProblem({ bookings: withLine(BOOKINGS, 2, 'k1,c1,b1,Haircut,Ana,2026-02-20T10:00:00+08:00,completed,-1.00') })).toMatch(
      /^bookings\.csv, line 2, column price: price "-1\.00" is negative$/,
    );
  });

  it('a non-numeric price, or one with three decimals', () => {
    expect(onlyProblem({ bookings: withLine(BOOKINGS, 2, 'k1,c1,b1,Haircut,Ana,2026-02-20T10:00:00+08:00,completed,abc') })).toMatch(
      /^bookings\.csv, line 2, column price: price "abc" is not a decimal amount/,
    );
    expect(onlyProblem({ bookings: withLine(BOOKINGS, 2, 'k1,c1,b1,Haircut,Ana,2026-02-20T10:00:00+08:00,completed,1.234') })).toMatch(
      /^bookings\.csv, line 2, column price: price "1\.234" is not a decimal amount/,
    );
  });

  it('a booking at an unknown branch', () => {
    expect(onlyProblem({ bookings: withLine(BOOKINGS, 3, 'k2,c2,b9,Colour,Ben,2026-02-21T00:30:00+13:00,no_show,80') })).toMatch(
      /^bookings\.csv, line 3, column branch_id: branch_id "b9" is not a known branch$/,
    );
  });

  it('a customer whose home branch is unknown', () => {
    expect(onlyProblem({ customers: withLine(CUSTOMERS, 3, 'c2,Ben Tane,,,,false,none,,b9') })).toMatch(
      /^customers\.csv, line 3, column home_branch_id: home_branch_id "b9" is not a known branch$/,
    );
  });

  it('a booking for an unknown customer', () => {
    expect(onlyProblem({ bookings: withLine(BOOKINGS, 4, 'k3,c9,b1,Shave,Cy,2026-02-22T23:30:00Z,scheduled,0.00') })).toMatch(
      /^bookings\.csv, line 4, column customer_id: customer_id "c9" is not a known customer$/,
    );
  });

  it('duplicate ids, in each file', () => {
    expect(onlyProblem({ branches: `${BRANCHES}\nb1,Manila again,Asia/Manila,,` })).toMatch(
      /^branches\.csv, line 4, column id: duplicate branch id "b1" \(first seen on line 2\)$/,
    );
    expect(onlyProblem({ customers: `${CUSTOMERS}\nc2,Ben Again,,,,false,none,,` })).toMatch(
      /^customers\.csv, line 4, column id: duplicate customer id "c2" \(first seen on line 3\)$/,
    );
    expect(onlyProblem({ bookings: `${BOOKINGS}\nk1,c1,b1,Haircut,Ana,2026-02-27T10:00:00+08:00,completed,25.00` })).toMatch(
      /^bookings\.csv, line 5, column id: duplicate booking id "k1" \(first seen on line 2\)$/,
    );
  });

  it('thresholds where at_risk_days < active_days', () => {
    expect(onlyProblem({ branches: withLine(BRANCHES, 3, 'b2,Auckland,Pacific/Auckland,45,14') })).toMatch(
      /^branches\.csv, line 3, column at_risk_days: at_risk_days \(14\) is less than active_days \(45\)$/,
    );
    // Only active_days set, above the default at_risk_days (30).
    expect(onlyProblem({ branches: withLine(BRANCHES, 3, 'b2,Auckland,Pacific/Auckland,40,') })).toMatch(
      /^branches\.csv, line 3, column at_risk_days: at_risk_days \(30\) is less than active_days \(40\)$/,
    );
    expect(onlyProblem({ branches: withLine(BRANCHES, 3, 'b2,Auckland,Pacific/Auckland,-1,45') })).toMatch(
      /^branches\.csv, line 3, column active_days: active_days "-1" is not a whole number of days/,
    );
    expect(onlyProblem({ branches: withLine(BRANCHES, 3, 'b2,Auckland,Pacific/Auckland,12.5,45') })).toMatch(
      /^branches\.csv, line 3, column active_days: active_days "12\.5" is not a whole number of days/,
    );
  });

  it('a missing column', () => {
    expect(onlyProblem({ bookings: BOOKINGS.replace(',status,price', ',status') })).toMatch(
      /^bookings\.csv, line 1: header is missing column price \(expected id,customer_id,branch_id,service,staff,start_at,status,price\)$/,
    );
    // Without the id column no customer is known, so bookings.csv's references are reported too; the header comes first.
    expect(formatProblem(problems({ customers: CUSTOMERS.replace('id,name,', 'name,') })[0] as InputProblem)).toMatch(
      /^customers\.csv, line 1: header is missing column id/,
    );
  });

  it('a row with the wrong number of fields', () => {
    expect(onlyProblem({ bookings: withLine(BOOKINGS, 3, 'k2,c2,b2,Colour,Ben,2026-02-21T00:30:00+13:00,no_show') })).toMatch(
      /^bookings\.csv, line 3: expected 8 fields as in the header, found 7$/,
    );
    expect(onlyProblem({ bookings: withLine(BOOKINGS, 3, 'k2,c2,b2,Colour, and more,Ben,2026-02-21T00:30:00+13:00,no_show,80') })).toMatch(
      /^bookings\.csv, line 3: expected 8 fields as in the header, found 9$/,
    );
  });

  it('an empty file or a file with only blank lines', () => {
    expect(formatProblem(problems({ branches: '' })[0] as InputProblem)).toMatch(/^branches\.csv, line 1: the file is empty; expected a header row/);
    expect(onlyProblem({ bookings: '\n\n  \n' })).toMatch(/^bookings\.csv, line 1: the file is empty/);
    expect(formatProblem(problems({ customers: '' })[0] as InputProblem)).toMatch(/^customers\.csv, line 1: the file is empty/);
  });

  it('ids follow the shared document schema: no whitespace inside', () => {
    expect(onlyProblem({ bookings: withLine(BOOKINGS, 2, 'k 1,c1,b1,Haircut,Ana,2026-02-20T10:00:00+08:00,completed,25.00') })).toBe(
      'bookings.csv, line 2, column id: id "k 1" contains whitespace',
    );
    expect(onlyProblem({ branches: `${BRANCHES}\nb\t3,Extra,Asia/Manila,,` })).toBe('branches.csv, line 4, column id: id "b\t3" contains whitespace');
    // A reference with whitespace can only be unknown, since no id has any.
    expect(onlyProblem({ bookings: withLine(BOOKINGS, 2, 'k1,c 1,b1,Haircut,Ana,2026-02-20T10:00:00+08:00,completed,25.00') })).toBe(
      'bookings.csv, line 2, column customer_id: customer_id "c 1" is not a known customer',
    );
  });

  it('empty ids and other customer fields', () => {
    expect(onlyProblem({ bookings: withLine(BOOKINGS, 2, ',c1,b1,Haircut,Ana,2026-02-20T10:00:00+08:00,completed,25.00') })).toMatch(
      /^bookings\.csv, line 2, column id: id is empty$/,
    );
    expect(onlyProblem({ customers: withLine(CUSTOMERS, 3, 'c2,Ben Tane,,,1990-02-30,false,none,,') })).toMatch(
      /^customers\.csv, line 3, column birthday: birthday "1990-02-30" is not a date/,
    );
    expect(onlyProblem({ customers: withLine(CUSTOMERS, 3, 'c2,Ben Tane,,,,perhaps,none,,') })).toMatch(
      /^customers\.csv, line 3, column opted_in_marketing: opted_in_marketing "perhaps" is not true or false$/,
    );
    expect(onlyProblem({ customers: withLine(CUSTOMERS, 3, 'c2,Ben Tane,,,,false,pigeon,,') })).toMatch(
      /^customers\.csv, line 3, column preferred_contact: preferred_contact "pigeon" is not one of sms, email, push, none$/,
    );
    expect(onlyProblem({ customers: withLine(CUSTOMERS, 3, 'c2,Ben Tane,,,,false,none,2025-01-01,') })).toMatch(
      /^customers\.csv, line 3, column created_at: created_at "2025-01-01" is not an ISO 8601 instant/,
    );
  });
});

describe('all or nothing', () => {
  it('reports every problem of every file and returns no data', () => {
    const found = problems({
      branches: withLine(BRANCHES, 3, 'b2,Auckland,Nowhere/Town,14,45'),
      customers: withLine(CUSTOMERS, 2, 'c1,Ana Cruz,+639171234567,ana@example.com,1990-05-01,true,sms,2025-01-01T00:00:00Z,b7'),
      bookings: withLine(BOOKINGS, 4, 'k3,c2,b1,Shave,Cy,2026-02-22T23:30:00Z,done,-5'),
    }).map(formatProblem);
    expect(found).toEqual([
      'branches.csv, line 3, column timezone: unknown time zone "Nowhere/Town"',
      'customers.csv, line 2, column home_branch_id: home_branch_id "b7" is not a known branch',
      'bookings.csv, line 4, column status: status "done" is not one of scheduled, checked_in, completed, cancelled, no_show',
      'bookings.csv, line 4, column price: price "-5" is negative',
    ]);
  });

  it('a reference to a row that is itself invalid is not reported a second time', () => {
    // Branch b2's row is bad; the booking at b2 and the customer at home there are not "unknown".
    const found = problems({
      branches: withLine(BRANCHES, 3, 'b2,Auckland,Nowhere/Town,14,45'),
      customers: withLine(CUSTOMERS, 3, 'c2,Ben Tane,,,,false,none,,b2'),
    });
    expect(found.map(formatProblem)).toEqual(['branches.csv, line 3, column timezone: unknown time zone "Nowhere/Town"']);
    const badCustomer = problems({ customers: withLine(CUSTOMERS, 3, 'c2,Ben Tane,,,,maybe,none,,') });
    expect(badCustomer).toHaveLength(1);
  });

  it('keeps the first problems of a file and counts the rest', () => {
    const rows = Array.from({ length: MAX_PROBLEMS_PER_FILE + 25 }, (_, i) => `x${i},c1,b1,Cut,Ana,2026-02-20T10:00:00+08:00,bogus,1.00`);
    const outcome = parseDataset({ ...VALID, bookings: [BOOKINGS, ...rows].join('\n') });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toHaveLength(MAX_PROBLEMS_PER_FILE);
    expect(outcome.moreProblems).toBe(25);
    expect(outcome.problems[0]?.line).toBe(5);
  });
});

describe('CSV mechanics in real files', () => {
  it('quoted fields may hold commas, quotes and newlines, and line numbers stay right after them', () => {
    const bookings = [
      'id,customer_id,branch_id,service,staff,start_at,status,price',
      'k1,c1,b1,"Cut, wash and ""style""",Ana,2026-02-20T10:00:00+08:00,completed,25.00',
      'k2,c2,b2,"Colour',
      'with a note',
      'over three lines",Ben,2026-02-21T00:30:00+13:00,no_show,80',
      'k3,c2,b1,Shave,"Cy, Jr.",2026-02-22T23:30:00Z,scheduled,"0.00"',
      'k4,c2,b1,Shave,Cy,2026-02-22T23:30:00Z,lost,0.00',
    ].join('\n');
    expect(onlyProblem({ bookings })).toMatch(/^bookings\.csv, line 7, column status: status "lost"/);
    const outcome = parseDataset({ ...VALID, bookings: bookings.split('\n').slice(0, -1).join('\n') });
    if (!outcome.ok) throw new Error(outcome.problems.map(formatProblem).join('\n'));
    expect(outcome.dataset.bookings.map((b) => [b.service, b.staff, b.price])).toEqual([
      ['Cut, wash and "style"', 'Ana', 2500],
      ['Colour\nwith a note\nover three lines', 'Ben', 8000],
      ['Shave', 'Cy, Jr.', 0],
    ]);
  });

  it('a customer name over two lines in a CRLF file keeps later line numbers right', () => {
    const customers = [
      'id,name,phone,email,birthday,opted_in_marketing,preferred_contact,created_at,home_branch_id',
      'c1,"Ana\r\nCruz",+639171234567,ana@example.com,1990-05-01,true,sms,2025-01-01T00:00:00Z,b1',
      'c2,Ben Tane,,,,false,none,,',
      'c3,Cy,,,,maybe,none,,',
    ].join('\r\n');
    expect(onlyProblem({ customers })).toBe(
      'customers.csv, line 5, column opted_in_marketing: opted_in_marketing "maybe" is not true or false',
    );
  });

  it('CRLF files parse exactly like LF files', () => {
    const crlf = (text: string) => text.split('\n').join('\r\n');
    const a = parseDataset(VALID);
    const b = parseDataset({ branches: crlf(BRANCHES), customers: crlf(CUSTOMERS), bookings: `${crlf(BOOKINGS)}\r\n` });
    expect(b).toEqual(a);
    expect(onlyProblem({ bookings: crlf(withLine(BOOKINGS, 3, 'k2,c2,b2,Colour,Ben,2026-02-21T00:30:00+13:00,no_show,"8,00"')) })).toMatch(
      /^bookings\.csv, line 3, column price: price "8,00" is not a decimal amount/,
    );
  });

  it('a UTF-8 byte order mark is not part of the first column name', () => {
    const bom = '\ufeff';
    const a = parseDataset(VALID);
    const b = parseDataset({ branches: bom + BRANCHES, customers: bom + CUSTOMERS, bookings: bom + BOOKINGS });
    expect(b).toEqual(a);
  });

  it('blank lines are skipped but still counted', () => {
    const bookings = withLine(BOOKINGS, 3, '\nk2,c2,b2,Colour,Ben,2026-02-21T00:30:00+13:00,no_show,oops');
    expect(onlyProblem({ bookings })).toMatch(/^bookings\.csv, line 4, column price:/);
  });

  it('extra columns are allowed and columns may come in any order', () => {
    const branches = ['timezone,id,notes,name,at_risk_days,active_days', 'Asia/Manila,b1,"a, b",Manila,,', 'Pacific/Auckland,b2,,Auckland,45,14'].join('\n');
    expect(dataset({ branches }).branches).toEqual(dataset({ branches: BRANCHES }).branches);
  });

  it('an unterminated quote is malformed CSV on the line where the field starts', () => {
    const found = problems({ bookings: withLine(BOOKINGS, 3, 'k2,c2,b2,"Colour,Ben,2026-02-21T00:30:00+13:00,no_show,80') }).map(formatProblem);
    expect(found[0]).toMatch(/^bookings\.csv, line 3: malformed CSV: quoted field unterminated$/);
  });
});
