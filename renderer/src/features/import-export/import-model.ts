import { importedBookingDoc, importedCustomerDoc } from '../../../../shared/csv/imported-docs';
import { parseBookings, parseCustomers } from '../../../../shared/csv/import';
import type { InputProblem } from '../../../../shared/csv/table';
import type { BookingDoc, BranchDoc, CustomerDoc } from '../../../../shared/domain/schemas';
import { writeProblems, type WriteContext } from '../../../../shared/domain/validate';

export interface ImportFile {
  name: string;
  text: string;
}

export interface ImportInput {
  customers: ImportFile | null;
  bookings: ImportFile | null;
  /** The replica's branches (references and zones). */
  branches: ReadonlyMap<string, Pick<BranchDoc, 'id' | 'timezone'>>;
  /** The replica's customers (references, and what an imported row updates). */
  storedCustomers: ReadonlyMap<string, CustomerDoc>;
  /** Stored bookings with the ids the file names (what an imported row updates). */
  existingBookings: ReadonlyMap<string, BookingDoc>;
  /** A paired desk syncs its own branch's bookings only ('' = any branch in the replica). */
  onlyBranchId: string;
  /**
   * The desk's clock and local today: the shared write rules every desk write meets (a booking
   * within 5 years of now, a birthday in the past) — the server would refuse such a row's push.
   */
  write: WriteContext;
}

export interface ImportPlan {
  customers: CustomerDoc[];
  bookings: BookingDoc[];
  /** Every row left out, with file, line and column; problems beyond the first 50 per file are counted in `moreProblems`. */
  problems: InputProblem[];
  moreProblems: number;
  /** Rows of erased customers in the file: kept erased, not imported. */
  erasedSkipped: number;
}


/**
 * What importing the files would store: the good rows as documents, every bad row reported with
 * its file, line and column (the CLI's rules: `parseCustomers` / `parseBookings` against the
 * replica's branches and customers, then the shared write rules: schema, strings, dates within
 * range — `writeProblems`, as every desk write and the server's push check). A bad row costs only itself:
 * nothing else from the import is lost. A booking whose customer row was bad is reported too
 * (its customer is not stored). Erased customers stay erased.
 */
export function planImport(input: ImportInput): ImportPlan {
  const problems: InputProblem[] = [];
  let moreProblems = 0;
  let erasedSkipped = 0;
  const customers: CustomerDoc[] = [];
  const stored = new Set<string>(input.storedCustomers.keys());
  const badCustomerLines = new Map<string, number>();

  if (input.customers !== null) {
    const file = input.customers.name;
    const parsed = parseCustomers(input.customers.text, { has: (id) => input.branches.has(id) }, file);
    problems.push(...parsed.problems);
    moreProblems += parsed.moreProblems;
    const good = new Set(parsed.rows.map((r) => r.id));
    for (const [id, line] of parsed.ids) if (!good.has(id) && !stored.has(id)) badCustomerLines.set(id, line);
    for (const row of parsed.rows) {
      const existing = input.storedCustomers.get(row.id);
      if (existing !== undefined && existing.erased_at !== '') {
        erasedSkipped += 1;
        continue;
      }
      const doc = importedCustomerDoc(row, existing);
      const bad = writeProblems('customers', doc, existing, input.write)[0];
      const line = parsed.ids.get(row.id) ?? 0;
      if (bad !== undefined) {
        problems.push({ file, line, column: bad.field.split('.')[0] as string, message: `${bad.field} ${bad.message}` });
        badCustomerLines.set(row.id, line);
        continue;
      }
      customers.push(doc);
      stored.add(row.id);
    }
  }

  const bookings: BookingDoc[] = [];
  if (input.bookings !== null) {
    const file = input.bookings.name;
    const zones = new Map([...input.branches.values()].map((b) => [b.id, b.timezone]));
    const parsed = parseBookings(input.bookings.text, zones, { has: (id) => stored.has(id) || badCustomerLines.has(id) }, file);
    problems.push(...parsed.problems);
    moreProblems += parsed.moreProblems;
    for (const row of parsed.rows) {
      const line = parsed.ids.get(row.id) ?? 0;
      const badCustomer = badCustomerLines.get(row.customer_id);
      if (badCustomer !== undefined) {
        problems.push({ file, line, column: 'customer_id', message: `customer_id "${row.customer_id}" was not imported (${input.customers?.name ?? 'customers.csv'} line ${badCustomer} has problems)` });
        continue;
      }
      if (input.onlyBranchId !== '' && row.branch_id !== input.onlyBranchId) {
        problems.push({ file, line, column: 'branch_id', message: `branch_id "${row.branch_id}" is another branch: this desk syncs bookings of "${input.onlyBranchId}" only` });
        continue;
      }
      const existing = input.existingBookings.get(row.id);
      if (existing !== undefined && (existing.customer_id !== row.customer_id || existing.branch_id !== row.branch_id)) {
        problems.push({ file, line, column: 'id', message: `booking "${row.id}" already exists for another customer or branch` });
        continue;
      }
      const doc = importedBookingDoc(row, existing);
      const bad = writeProblems('bookings', doc, existing, input.write)[0];
      if (bad !== undefined) {
        problems.push({ file, line, column: bad.field.split('.')[0] as string, message: `${bad.field} ${bad.message}` });
        continue;
      }
      bookings.push(doc);
    }
  }
  problems.sort((a, b) => (a.file === b.file ? a.line - b.line : input.customers !== null && a.file === input.customers.name ? -1 : 1));
  return { customers, bookings, problems, moreProblems, erasedSkipped };
}

/** Rows reported (each row counts once however many of its fields are wrong). */
export function badRowCount(plan: Pick<ImportPlan, 'problems' | 'moreProblems'>): number {
  return new Set(plan.problems.map((p) => `${p.file}\u0000${p.line}`)).size + plan.moreProblems;
}
