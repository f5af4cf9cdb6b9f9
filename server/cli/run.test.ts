import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliInProcess as cli } from '../test-support/cli';

const SAMPLE = fileURLToPath(new URL('../../fixtures/sample', import.meta.url));

const BRANCHES = ['id,name,timezone,active_days,at_risk_days', 'b1,Manila,Asia/Manila,,', 'b2,Auckland,Pacific/Auckland,14,45'];
const CUSTOMERS = [
  'id,name,phone,email,birthday,opted_in_marketing,preferred_contact,created_at,home_branch_id',
  'c1,Ana Cruz,+639171234567,ana@example.com,1990-05-01,true,sms,2025-01-01T00:00:00Z,b1',
  'c2,Ben Tane,,,,false,none,,',
];
const BOOKINGS = [
  'id,customer_id,branch_id,service,staff,start_at,status,price',
  'k1,c1,b1,Haircut,Ana,2026-02-20T10:00:00+08:00,completed,25.00',
  'k2,c2,b2,"Colour, long",Ben,2026-02-21T00:30:00+13:00,completed,80',
  'k3,c2,b1,Shave,Cy,2026-02-22T23:30:00Z,scheduled,0.00',
];

interface Files {
  branches?: string[];
  customers?: string[];
  bookings?: string[];
}

let root = '';
let counter = 0;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'branchdesk-cli-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes an import directory (LF line ends unless `eol` says otherwise) and returns its path. */
async function dataset(files: Files = {}, eol = '\n'): Promise<string> {
  counter += 1;
  const dir = join(root, `data-${counter}`);
  await mkdir(dir);
  await writeFile(join(dir, 'branches.csv'), (files.branches ?? BRANCHES).join(eol) + eol);
  await writeFile(join(dir, 'customers.csv'), (files.customers ?? CUSTOMERS).join(eol) + eol);
  await writeFile(join(dir, 'bookings.csv'), (files.bookings ?? BOOKINGS).join(eol) + eol);
  return dir;
}

function replaced(lines: string[], line: number, text: string): string[] {
  const copy = [...lines];
  copy[line - 1] = text;
  return copy;
}

describe('the sample fixture, in process', () => {
  it('activity matches the expected CSV byte for byte', async () => {
    const { code, stdout, stderr } = await cli('activity', '--data', SAMPLE, '--as-of', '2026-03-01');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(await readFile(join(SAMPLE, 'expected-activity-2026-03-01.csv'), 'utf8'));
  });

  it('metrics matches the expected JSON byte for byte', async () => {
    const { code, stdout, stderr } = await cli('metrics', '--data', SAMPLE, '--as-of', '2026-03-01');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(await readFile(join(SAMPLE, 'expected-metrics-2026-03-01.json'), 'utf8'));
  });
});

describe('the hand-made rules fixture (every §2 boundary, expected output worked out by hand)', () => {
  const RULES = fileURLToPath(new URL('../../fixtures/rules', import.meta.url));

  it('activity matches byte for byte', async () => {
    const { code, stdout, stderr } = await cli('activity', '--data', RULES, '--as-of', '2026-03-01');
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toBe(await readFile(join(RULES, 'expected-activity-2026-03-01.csv'), 'utf8'));
  });

  it('metrics matches byte for byte', async () => {
    const { code, stdout, stderr } = await cli('metrics', '--data', RULES, '--as-of', '2026-03-01');
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toBe(await readFile(join(RULES, 'expected-metrics-2026-03-01.json'), 'utf8'));
  });
});

describe('a small data set', () => {
  it('activity: header, one row per pair sorted by branch then customer, empty fields and money as 0.00', async () => {
    const { code, stdout } = await cli('activity', '--data', await dataset(), '--as-of', '2026-03-01');
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'customer_id,branch_id,status,days_since_last_visit,total_bookings,total_spent,first_visit_date,last_visit_date,no_shows,spending_tier,frequency_tier,favorite_service,preferred_staff',
        'c1,b1,active,9,1,25.00,2026-02-20,2026-02-20,0,low,one_time,Haircut,Ana',
        'c2,b1,new,,0,0.00,,,0,none,none,,',
        'c2,b2,active,8,1,80.00,2026-02-21,2026-02-21,0,low,one_time,"Colour, long",Ben',
        '',
      ].join('\n'),
    );
  });

  it('CRLF input with a BOM gives the same output as LF input', async () => {
    const lf = await cli('activity', '--data', await dataset(), '--as-of', '2026-03-01');
    const bom = (lines: string[]) => [`\ufeff${lines[0] ?? ''}`, ...lines.slice(1)];
    const crlfDir = await dataset({ branches: bom(BRANCHES), customers: bom(CUSTOMERS), bookings: bom(BOOKINGS) }, '\r\n');
    const crlf = await cli('activity', '--data', crlfDir, '--as-of', '2026-03-01');
    expect(crlf).toEqual(lf);
  });

  it('metrics: as_of, every branch and all', async () => {
    const { code, stdout } = await cli('metrics', '--data', await dataset(), '--as-of', '2026-03-01');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { as_of: string; branches: Record<string, { customers: number }>; all: { customers: number; avg_clv: number } };
    expect(report.as_of).toBe('2026-03-01');
    expect(Object.keys(report.branches)).toEqual(['b1', 'b2']);
    expect(report.branches.b1?.customers).toBe(2);
    expect(report.all).toMatchObject({ customers: 3, avg_clv: 52.5 });
  });
});

describe('bad input: exit 2, stderr names file, line and problem, stdout empty', () => {
  const cases: [string, Files, RegExp][] = [
    ['unknown status', { bookings: replaced(BOOKINGS, 3, 'k2,c2,b2,Colour,Ben,2026-02-21T00:30:00+13:00,done,80') }, /bookings\.csv, line 3, column status: status "done" is not one of/],
    ['impossible date', { bookings: replaced(BOOKINGS, 2, 'k1,c1,b1,Haircut,Ana,2026-02-30T10:00:00+08:00,completed,25.00') }, /bookings\.csv, line 2, column start_at: start_at "2026-02-30T10:00:00\+08:00" is not an ISO 8601 instant/],
    ['missing offset', { bookings: replaced(BOOKINGS, 2, 'k1,c1,b1,Haircut,Ana,2026-02-20T10:00:00,completed,25.00') }, /bookings\.csv, line 2, column start_at: .*with an offset or Z/],
    ['garbage date', { bookings: replaced(BOOKINGS, 4, 'k3,c2,b1,Shave,Cy,soon,scheduled,0.00') }, /bookings\.csv, line 4, column start_at: start_at "soon"/],
    ['bad time zone', { branches: replaced(BRANCHES, 2, 'b1,Manila,Asia/Manilla,,') }, /branches\.csv, line 2, column timezone: unknown time zone "Asia\/Manilla"/],
    ['negative price', { bookings: replaced(BOOKINGS, 2, 'k1,c1,b1,Haircut,Ana,2026-02-20T10:00:00+08:00,completed,-1.00') }, /bookings\.csv, line 2, column price: price "-1\.00" is negative/],
    ['non-numeric price', { bookings: replaced(BOOKINGS, 2, 'k1,c1,b1,Haircut,Ana,2026-02-20T10:00:00+08:00,completed,free') }, /bookings\.csv, line 2, column price: price "free" is not a decimal amount/],
    ['unknown branch in a booking', { bookings: replaced(BOOKINGS, 4, 'k3,c2,b7,Shave,Cy,2026-02-22T23:30:00Z,scheduled,0.00') }, /bookings\.csv, line 4, column branch_id: branch_id "b7" is not a known branch/],
    ['unknown home branch', { customers: replaced(CUSTOMERS, 3, 'c2,Ben Tane,,,,false,none,,b7') }, /customers\.csv, line 3, column home_branch_id: home_branch_id "b7" is not a known branch/],
    ['unknown customer', { bookings: replaced(BOOKINGS, 4, 'k3,c7,b1,Shave,Cy,2026-02-22T23:30:00Z,scheduled,0.00') }, /bookings\.csv, line 4, column customer_id: customer_id "c7" is not a known customer/],
    ['duplicate branch id', { branches: [...BRANCHES, 'b2,Again,Asia/Manila,,'] }, /branches\.csv, line 4, column id: duplicate branch id "b2" \(first seen on line 3\)/],
    ['duplicate customer id', { customers: [...CUSTOMERS, 'c1,Again,,,,false,none,,'] }, /customers\.csv, line 4, column id: duplicate customer id "c1" \(first seen on line 2\)/],
    ['duplicate booking id', { bookings: [...BOOKINGS, 'k2,c1,b1,Cut,Ana,2026-02-25T10:00:00Z,completed,1.00'] }, /bookings\.csv, line 5, column id: duplicate booking id "k2" \(first seen on line 3\)/],
    ['at_risk_days < active_days', { branches: replaced(BRANCHES, 3, 'b2,Auckland,Pacific/Auckland,45,14') }, /branches\.csv, line 3, column at_risk_days: at_risk_days \(14\) is less than active_days \(45\)/],
    ['missing column', { bookings: [BOOKINGS[0]?.replace(',staff', '') ?? '', ...BOOKINGS.slice(1)] }, /bookings\.csv, line 1: header is missing column staff/],
    ['wrong field count', { customers: replaced(CUSTOMERS, 3, 'c2,Ben Tane,,,,false,none') }, /customers\.csv, line 3: expected 9 fields as in the header, found 7/],
    [
      'problem after a multi-line quoted field',
      { bookings: [...replaced(BOOKINGS, 3, 'k2,c2,b2,"Colour\nover\nthree lines",Ben,2026-02-21T00:30:00+13:00,completed,80'), 'k4,c1,b1,Cut,Ana,2026-02-25T10:00:00Z,completed,1.999'] },
      /bookings\.csv, line 7, column price: price "1\.999"/,
    ],
  ];

  for (const [name, files, expected] of cases) {
    it(name, async () => {
      const dir = await dataset(files);
      for (const command of ['activity', 'metrics']) {
        const { code, stdout, stderr } = await cli(command, '--data', dir, '--as-of', '2026-03-01');
        expect(code).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toMatch(expected);
        expect(stderr).toMatch(/^error: invalid input in .* \(\d+ problems?\):\n/);
      }
    });
  }

  it('the same problems in a CRLF file keep their line numbers', async () => {
    const dir = await dataset(
      { bookings: [...replaced(BOOKINGS, 3, 'k2,c2,b2,"Colour\r\nover two lines",Ben,2026-02-21T00:30:00+13:00,completed,80'), 'k4,c1,b1,Cut,Ana,2026-02-25T10:00:00Z,finished,1.00'] },
      '\r\n',
    );
    const { code, stdout, stderr } = await cli('activity', '--data', dir, '--as-of', '2026-03-01');
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(/bookings\.csv, line 6, column status: status "finished"/);
  });

  it('many problems: the first 50 of a file are listed, the rest counted', async () => {
    const bad = Array.from({ length: 60 }, (_, i) => `x${i},c1,b1,Cut,Ana,2026-02-20T10:00:00+08:00,done,1.00`);
    const { code, stdout, stderr } = await cli('activity', '--data', await dataset({ bookings: [...BOOKINGS, ...bad] }), '--as-of', '2026-03-01');
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(/\(60 problems\):\n/);
    expect(stderr.match(/^bookings\.csv, line \d+, column status: /gm)).toHaveLength(50);
    expect(stderr).toMatch(/^bookings\.csv, line 5, column status: /m);
    expect(stderr).toMatch(/^… and 10 more problems$/m);
  });

  it('a file that is not UTF-8 (a Windows-1252 export) is named with the line, not garbled into the data', async () => {
    const dir = await dataset();
    const latin1 = Buffer.from(`${CUSTOMERS.join('\n')}\nc3,Zo\u00eb M\u00fcller,,,,false,none,,\n`, 'latin1');
    await writeFile(join(dir, 'customers.csv'), latin1);
    const { code, stdout, stderr } = await cli('activity', '--data', dir, '--as-of', '2026-03-01');
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(/customers\.csv, line 4: not valid UTF-8/);
  });

  it('a missing file is named', async () => {
    const dir = await dataset();
    await rm(join(dir, 'customers.csv'));
    const { code, stdout, stderr } = await cli('activity', '--data', dir, '--as-of', '2026-03-01');
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(/customers\.csv: cannot read .*customers\.csv: file not found/);
  });
});

describe('usage errors: exit 2 with usage on stderr, stdout empty', () => {
  const usage = /usage: npm run --silent cli -- /;

  it('no command', async () => {
    const { code, stdout, stderr } = await cli();
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(usage);
    expect(stderr).toMatch(/activity --data DIR --as-of YYYY-MM-DD/);
  });

  it('unknown command', async () => {
    const { code, stdout, stderr } = await cli('activty', '--data', SAMPLE, '--as-of', '2026-03-01');
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(/unknown command "activty"/);
    expect(stderr).toMatch(usage);
  });

  it('missing --data or --as-of', async () => {
    for (const argv of [
      ['activity', '--as-of', '2026-03-01'],
      ['metrics', '--data', SAMPLE],
      ['activity', '--data', '', '--as-of', '2026-03-01'],
    ]) {
      const { code, stdout, stderr } = await cli(...argv);
      expect([code, stdout], argv.join(' ')).toEqual([2, '']);
      expect(stderr).toMatch(/--(data|as-of) is required/);
      expect(stderr).toMatch(usage);
      expect(stderr).toMatch(new RegExp(`${argv[0] ?? ''} --data DIR --as-of YYYY-MM-DD`));
    }
  });

  it('a bad --as-of', async () => {
    for (const asOf of ['2026-02-30', '2026-3-1', '01/03/2026', 'today', '2026-03-01T00:00:00Z']) {
      const { code, stdout, stderr } = await cli('metrics', '--data', SAMPLE, '--as-of', asOf);
      expect([code, stdout], asOf).toEqual([2, '']);
      expect(stderr).toContain(`--as-of "${asOf}" is not a date (YYYY-MM-DD)`);
      expect(stderr).toMatch(usage);
    }
  });

  it('an unknown option or a stray argument', async () => {
    for (const argv of [
      ['activity', '--data', SAMPLE, '--as-of', '2026-03-01', '--verbose'],
      ['activity', '--data', SAMPLE, '--as-of', '2026-03-01', 'extra'],
    ]) {
      const { code, stdout, stderr } = await cli(...argv);
      expect([code, stdout], argv.join(' ')).toEqual([2, '']);
      expect(stderr).toMatch(usage);
    }
  });

  it('--help prints usage to stdout and succeeds', async () => {
    const { code, stdout, stderr } = await cli('--help');
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toMatch(usage);
  });
});
