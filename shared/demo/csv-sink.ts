import { csvField } from '../csv/table';
import type { BookingStatus } from '../domain/types';
import type { BranchState } from './branch-state';
import { ByteBuffer, copy, incrementDigits, utf8Bytes, write2, writeInt } from './byte-buffer';
import type { BookingSink } from './sink';
import type { DayTexts } from './zone-days';

const STATUS_BYTES: Record<BookingStatus, Uint8Array> = {
  scheduled: utf8Bytes(',scheduled,'),
  checked_in: utf8Bytes(',checked_in,'),
  completed: utf8Bytes(',completed,'),
  cancelled: utf8Bytes(',cancelled,'),
  no_show: utf8Bytes(',no_show,'),
};

/**
 * Writes bookings.csv rows straight from the generator's indices, the same bytes as
 * `bookingCsvLine(booking) + '\n'` in UTF-8 (tested): no booking object, no strings. Per branch,
 * `,branch_id,service,staff,` is pre-encoded for every (service, staff) pair; dates come from a
 * per-day table, times and offsets are written as digits.
 */
export class CsvBookingSink implements BookingSink {
  readonly out: ByteBuffer;
  /** Rows written so far. */
  rows = 0;
  private customer: Uint8Array = new Uint8Array(0);
  private readonly middles: Uint8Array[][];
  private readonly days: Uint8Array[] = [];
  /** The last booking number as ASCII digits (an odometer: the next id costs a carry, not divisions). */
  private readonly idDigits = new Uint8Array(16);
  private idLength = 0;
  private lastSeq = -1;

  constructor(
    states: readonly BranchState[],
    private readonly dayTexts: DayTexts,
    chunkSize?: number,
  ) {
    this.out = new ByteBuffer(chunkSize);
    this.middles = states.map((s) => {
      const b = s.branch;
      const out: Uint8Array[] = [];
      b.services.forEach((item) => {
        for (const staff of b.staff) out.push(utf8Bytes(`,${csvField(b.id)},${csvField(item.name)},${csvField(staff)},`));
      });
      return out;
    });
    for (let d = dayTexts.firstDay; d <= dayTexts.lastDay; d += 1) this.days.push(utf8Bytes(dayTexts.text(d)));
  }

  startCustomer(customerId: string): void {
    this.customer = utf8Bytes(csvField(customerId));
  }

  booking(seq: number, state: BranchState, day: number, minute: number, staff: number, service: number, status: BookingStatus, price: number): void {
    const out = this.out;
    const middle = (this.middles[state.index] as Uint8Array[])[service * state.staffCount + staff] as Uint8Array;
    out.ensure(64 + this.customer.length + middle.length);
    const buf = out.buf;
    let p = out.pos;
    buf[p++] = 98; // b
    buf[p++] = 107; // k
    buf[p++] = 45; // -
    p = this.writeSeq(buf, p, seq);
    buf[p++] = 44;
    p = copy(buf, p, this.customer);
    p = copy(buf, p, middle);
    p = copy(buf, p, this.days[day - this.dayTexts.firstDay] as Uint8Array);
    buf[p++] = 84; // T
    p = write2(buf, p, (minute / 60) | 0);
    buf[p++] = 58;
    p = write2(buf, p, minute % 60);
    buf[p++] = 58;
    buf[p++] = 48;
    buf[p++] = 48;
    const offset = state.zone.offsetMinutes(day);
    if (offset === 0) buf[p++] = 90; // Z
    else {
      const abs = offset < 0 ? -offset : offset;
      buf[p++] = offset < 0 ? 45 : 43;
      p = write2(buf, p, (abs / 60) | 0);
      buf[p++] = 58;
      p = write2(buf, p, abs % 60);
    }
    p = copy(buf, p, STATUS_BYTES[status]);
    p = writeInt(buf, p, Math.floor(price / 100), 1);
    buf[p++] = 46;
    p = write2(buf, p, price % 100);
    buf[p++] = 10;
    out.pos = p;
    this.rows += 1;
  }

  /** `seq` zero-padded to 7 digits: the previous number's digits plus one when it is the next one. */
  private writeSeq(buf: Uint8Array, p: number, seq: number): number {
    const digits = this.idDigits;
    if (seq === this.lastSeq + 1 && this.idLength > 0) this.idLength = incrementDigits(digits, this.idLength);
    else this.idLength = writeInt(digits, 0, seq, 7);
    this.lastSeq = seq;
    const n = this.idLength;
    for (let i = 0; i < n; i += 1) buf[p + i] = digits[i] as number;
    return p + n;
  }
}
