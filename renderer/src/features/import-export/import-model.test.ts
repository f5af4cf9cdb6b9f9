import { describe, expect, it } from 'vitest';
import { customer } from '../../../../shared/insights/test-fixtures';
import { eraseCustomer } from '../../../../shared/privacy/erase';
import { parseDay } from '../../../../shared/time/calendar';
import { badRowCount, planImport, type ImportInput } from './import-model';

const branches = new Map([
  ['br-1', { id: 'br-1', timezone: 'Asia/Manila' }],
  ['br-2', { id: 'br-2', timezone: 'Europe/London' }],
]);
const CUSTOMERS = [
  'id,name,phone,email,birthday,opted_in_marketing,preferred_contact,created_at,home_branch_id',
  'cu-a,Ana Reyes,+639171111111,ana@example.com,1990-04-01,true,sms,2025-01-01T00:00:00Z,br-1',
  'cu-b,Ben Cruz,,,not-a-date,false,none,,br-1',
  'cu-c,Cara Lim,,,,maybe,none,,br-9',
  'cu-d,Dan Uy,,,,false,none,,',
].join('\n');
const BOOKINGS = [
  'id,customer_id,branch_id,service,staff,start_at,status,price',
  'bk-1,cu-a,br-1,Cut,Ana,2026-02-01T10:00:00+08:00,completed,250.00',
  'bk-2,cu-b,br-1,Cut,Ana,2026-02-01T11:00:00+08:00,completed,250.00',
  'bk-3,cu-x,br-1,Cut,Ana,2026-02-01T12:00:00+08:00,completed,250.00',
  'bk-4,cu-old,br-1,Cut,Ana,2026-02-01T13:00:00+08:00,finished,250.00',
  'bk-5,cu-old,br-2,Cut,Ana,2026-02-01T13:00:00Z,completed,-5',
  'bk-6,cu-old,br-2,Cut,Ana,2026-02-01T13:00:00Z,completed,10.00',
].join('\n');

function input(over: Partial<ImportInput> = {}): ImportInput {
  return {
    customers: { name: 'customers.csv', text: CUSTOMERS },
    bookings: { name: 'bookings.csv', text: BOOKINGS },
    branches,
    storedCustomers: new Map([['cu-old', customer({ id: 'cu-old', name: 'Old Timer', tags: ['vip'] })]]),
    existingBookings: new Map(),
    onlyBranchId: '',
    write: { nowMs: Date.parse('2026-03-02T06:30:00Z'), todayDay: parseDay('2026-03-02') ?? undefined },
    ...over,
  };
}

describe('desk CSV import', () => {
  it('refuses dates the shared write rules refuse (as the server would), naming file, line and column', () => {
    const plan = planImport(
      input({
        customers: { name: 'people.csv', text: 'id,name,phone,email,birthday,opted_in_marketing,preferred_contact,created_at,home_branch_id\ncu-f,Future Born,,,2027-01-01,false,none,,br-1\ncu-g,Good Born,,,1988-02-29,false,none,,br-1\n' },
        bookings: {
          name: 'visits.csv',
          text: [
            'id,customer_id,branch_id,service,staff,start_at,status,price',
            'bk-old,cu-g,br-1,Cut,Ana,1900-01-01T10:00:00Z,completed,250.00',
            'bk-far,cu-g,br-1,Cut,Ana,3000-01-01T10:00:00Z,scheduled,250.00',
            'bk-ok,cu-g,br-1,Cut,Ana,2025-01-01T10:00:00Z,completed,250.00',
          ].join('\n'),
        },
      }),
    );
    expect(plan.problems).toEqual([
      { file: 'people.csv', line: 2, column: 'birthday', message: 'birthday must be a past date after 1900' },
      { file: 'visits.csv', line: 2, column: 'start_at', message: 'start_at must be within 5 years of today' },
      { file: 'visits.csv', line: 3, column: 'start_at', message: 'start_at must be within 5 years of today' },
    ]);
    expect(plan.customers.map((c) => c.id)).toEqual(['cu-g']);
    expect(plan.bookings.map((b) => b.id)).toEqual(['bk-ok']);
  });

  it('imports the good rows and reports every bad row with file, line and column', () => {
    const plan = planImport(input());
    expect(plan.customers.map((c) => c.id)).toEqual(['cu-a', 'cu-d']);
    expect(plan.bookings.map((b) => b.id)).toEqual(['bk-1', 'bk-6']);
    expect(plan.problems.map((p) => [p.file, p.line, p.column])).toEqual([
      ['customers.csv', 3, 'birthday'],
      ['customers.csv', 4, 'opted_in_marketing'],
      ['customers.csv', 4, 'home_branch_id'],
      ['bookings.csv', 3, 'customer_id'],
      ['bookings.csv', 4, 'customer_id'],
      ['bookings.csv', 5, 'status'],
      ['bookings.csv', 6, 'price'],
    ]);
    expect(plan.problems[3]?.message).toBe('customer_id "cu-b" was not imported (customers.csv line 3 has problems)');
    expect(plan.problems[4]?.message).toBe('customer_id "cu-x" is not a known customer');
    expect(badRowCount(plan)).toBe(6);
  });

  it('maps rows to valid documents like the server import: consent on the preferred channel, stored details kept', () => {
    const plan = planImport(input());
    const ana = plan.customers[0];
    expect(ana).toMatchObject({ name: 'Ana Reyes', opted_in_marketing: true, consent: { sms: { granted: true, at: '' }, email: { granted: false, at: '' } }, home_branch_id: 'br-1' });
    const again = planImport(input({ customers: { name: 'c.csv', text: 'id,name,phone,email,birthday,opted_in_marketing,preferred_contact,created_at,home_branch_id\ncu-old,Old Timer Jr,,,,false,none,,\n' }, bookings: null }));
    expect(again.customers[0]).toMatchObject({ name: 'Old Timer Jr', tags: ['vip'] });
    expect(plan.bookings[1]).toMatchObject({ id: 'bk-6', price: 1000, duration_min: 30, status: 'completed' });
  });

  it('an erased customer stays erased', () => {
    const erased = eraseCustomer(customer({ id: 'cu-a' }), '2026-01-01T00:00:00Z');
    const plan = planImport(input({ storedCustomers: new Map([['cu-a', erased]]), bookings: null }));
    expect(plan.customers.map((c) => c.id)).toEqual(['cu-d']);
    expect(plan.erasedSkipped).toBe(1);
  });

  it('a paired desk imports its own branch\u2019s bookings only; an existing booking keeps its customer and branch', () => {
    const plan = planImport(input({ onlyBranchId: 'br-1', customers: null }));
    expect(plan.bookings.map((b) => b.id)).toEqual([]);
    expect(plan.problems.find((p) => p.line === 7)?.message).toBe('branch_id "br-2" is another branch: this desk syncs bookings of "br-1" only');
    const moved = planImport(input({ customers: null, existingBookings: new Map([['bk-6', { id: 'bk-6', customer_id: 'cu-zzz', branch_id: 'br-2', service: '', staff: '', start_at: '2026-01-01T00:00:00Z', duration_min: 45, status: 'scheduled', price: 0, notes: 'n', created_at: '', updated_at: '' , amendments: [], series: null, payment: null }]]) }));
    expect(moved.bookings).toEqual([]);
    expect(moved.problems.find((p) => p.line === 7)).toMatchObject({ column: 'id', message: 'booking "bk-6" already exists for another customer or branch' });
  });

  it('a file without the required columns is one problem on line 1, and nothing of it is imported', () => {
    const plan = planImport(input({ customers: { name: 'people.csv', text: 'id,name\ncu-z,Zed\n' }, bookings: null }));
    expect(plan.customers).toEqual([]);
    expect(plan.problems[0]).toMatchObject({ file: 'people.csv', line: 1 });
  });
});
