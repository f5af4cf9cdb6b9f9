import { csvField } from '../csv/table';
import type { Booking, Branch, Customer } from '../domain/types';
import { ByteBuffer, utf8Bytes } from './byte-buffer';

/**
 * Any import rows written straight into UTF-8 bytes: the same bytes as
 * `branchCsvLine(row) + '\n'` (and the customer and booking forms) encoded as UTF-8, without a
 * string per row. Plain ASCII fields are copied unit by unit, others go through csvField; the
 * few repeated values (branch ids, statuses, contact channels) come from a cache.
 */
export class CsvByteWriter extends ByteBuffer {
  private readonly cache = new Map<string, Uint8Array>();

  /** A line of text (a header) followed by '\n'. */
  line(text: string): void {
    this.utf8(text);
    this.byte(10);
  }

  branch(b: Branch): void {
    this.field(b.id);
    this.byte(44);
    this.field(b.name);
    this.byte(44);
    this.field(b.timezone);
    this.byte(44);
    if (b.active_days !== null) this.digits(b.active_days);
    this.byte(44);
    if (b.at_risk_days !== null) this.digits(b.at_risk_days);
    this.byte(10);
  }

  customer(c: Customer): void {
    this.field(c.id);
    this.byte(44);
    this.field(c.name);
    this.byte(44);
    this.field(c.phone);
    this.byte(44);
    this.field(c.email);
    this.byte(44);
    this.field(c.birthday);
    this.byte(44);
    this.cached(c.opted_in_marketing ? 'true' : 'false');
    this.byte(44);
    this.cached(c.preferred_contact);
    this.byte(44);
    this.field(c.created_at);
    this.byte(44);
    this.cached(c.home_branch_id);
    this.byte(10);
  }

  booking(b: Booking): void {
    this.field(b.id);
    this.byte(44);
    this.field(b.customer_id);
    this.byte(44);
    this.cached(b.branch_id);
    this.byte(44);
    this.cached(b.service);
    this.byte(44);
    this.cached(b.staff);
    this.byte(44);
    this.field(b.start_at);
    this.byte(44);
    this.cached(b.status);
    this.byte(44);
    this.money(b.price);
    this.byte(10);
  }

  /** One CSV field: plain ASCII is copied as is; anything else goes through csvField + UTF-8. */
  private field(s: string): void {
    const n = s.length;
    // Worst case: every unit a quote (doubled) and 3 bytes of UTF-8, plus the two quotes.
    this.ensure(6 * n + 2);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i += 1) {
      const c = s.charCodeAt(i);
      if (c >= 0x80 || c === 44 || c === 34 || c === 10 || c === 13) {
        this.utf8(csvField(s));
        return;
      }
      buf[p] = c;
      p += 1;
    }
    this.pos = p;
  }

  /** A field whose value repeats: its quoted, encoded form is computed once. */
  private cached(s: string): void {
    let bytes = this.cache.get(s);
    if (bytes === undefined) {
      bytes = utf8Bytes(csvField(s));
      if (this.cache.size < 100_000) this.cache.set(s, bytes);
    }
    this.bytes(bytes);
  }
}
