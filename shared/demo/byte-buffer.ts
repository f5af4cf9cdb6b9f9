/**
 * A growable byte buffer for writing UTF-8 text without building JavaScript strings: ASCII is
 * copied unit by unit, numbers are written as digits, repeated values are copied from their
 * pre-encoded bytes. `take()` hands over the bytes written so far.
 */
export class ByteBuffer {
  buf: Uint8Array;
  pos = 0;

  constructor(private readonly chunkSize = 1 << 18) {
    this.buf = new Uint8Array(chunkSize);
  }

  get length(): number {
    return this.pos;
  }

  /** The bytes written since the last call (a view the buffer never touches again). */
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.pos);
    this.buf = new Uint8Array(this.chunkSize);
    this.pos = 0;
    return out;
  }

  /** Makes room for `bytes` more bytes. */
  ensure(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.pos + bytes));
    bigger.set(this.buf.subarray(0, this.pos));
    this.buf = bigger;
  }

  byte(b: number): void {
    if (this.pos >= this.buf.length) this.ensure(1);
    this.buf[this.pos] = b;
    this.pos += 1;
  }

  bytes(src: Uint8Array): void {
    if (this.pos + src.length > this.buf.length) this.ensure(src.length);
    this.pos = copy(this.buf, this.pos, src);
  }

  /** UTF-8 of any string. */
  utf8(s: string): void {
    this.ensure(3 * s.length);
    this.pos = encodeUtf8(s, this.buf, this.pos);
  }

  /** A non-negative integer in decimal, at least `width` digits (zero-padded). */
  digits(value: number, width = 1): void {
    if (value <= 0x7fffffff) {
      this.ensure(Math.max(10, width));
      this.pos = writeInt(this.buf, this.pos, value, width);
      return;
    }
    this.utf8(String(value).padStart(width, '0'));
  }

  /** Cents as `1234.50` (formatMoney's form). */
  money(cents: number): void {
    if (cents < 0) this.byte(45);
    const abs = Math.abs(cents);
    this.digits(Math.floor(abs / 100));
    this.byte(46);
    this.digits(abs % 100, 2);
  }
}

/** The UTF-8 bytes of a string. */
export function utf8Bytes(s: string): Uint8Array {
  const scratch = new Uint8Array(3 * s.length);
  return scratch.slice(0, encodeUtf8(s, scratch, 0));
}

/**
 * UTF-8 of a string into `buf` from `p` (room for 3 bytes per UTF-16 unit is the caller's job);
 * returns the end. Lone surrogates become U+FFFD, as with TextEncoder.
 */
function encodeUtf8(s: string, buf: Uint8Array, p: number): number {
  const n = s.length;
  for (let i = 0; i < n; i += 1) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      buf[p++] = c;
    } else if (c < 0x800) {
      buf[p++] = 0xc0 | (c >> 6);
      buf[p++] = 0x80 | (c & 0x3f);
    } else {
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          buf[p++] = 0xf0 | (cp >> 18);
          buf[p++] = 0x80 | ((cp >> 12) & 0x3f);
          buf[p++] = 0x80 | ((cp >> 6) & 0x3f);
          buf[p++] = 0x80 | (cp & 0x3f);
          i += 1;
          continue;
        }
      }
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
      buf[p++] = 0xe0 | (c >> 12);
      buf[p++] = 0x80 | ((c >> 6) & 0x3f);
      buf[p++] = 0x80 | (c & 0x3f);
    }
  }
  return p;
}

/** Copies `src` into `buf` at `p`; returns the end. */
export function copy(buf: Uint8Array, p: number, src: Uint8Array): number {
  const n = src.length;
  for (let i = 0; i < n; i += 1) buf[p + i] = src[i] as number;
  return p + n;
}

/** Two decimal digits (0–99) at `p`; returns the end. */
export function write2(buf: Uint8Array, p: number, v: number): number {
  const tens = (v / 10) | 0;
  buf[p] = 48 + tens;
  buf[p + 1] = 48 + v - tens * 10;
  return p + 2;
}

/** A non-negative integer below 2^31 in decimal, zero-padded to `width`, at `p`; returns the end. */
export function writeInt(buf: Uint8Array, p: number, value: number, width: number): number {
  let n = 1;
  for (let v = value; v >= 10; v = (v / 10) | 0) n += 1;
  if (n < width) n = width;
  let v = value;
  for (let i = p + n - 1; i >= p; i -= 1) {
    const q = (v / 10) | 0;
    buf[i] = 48 + v - q * 10;
    v = q;
  }
  return p + n;
}

/**
 * Adds one to the decimal number held as ASCII digits in `digits[0..length)`; returns the new
 * length (one more when every digit was 9). `digits` must have room for the extra digit.
 */
export function incrementDigits(digits: Uint8Array, length: number): number {
  let i = length - 1;
  while (i >= 0 && digits[i] === 57) {
    digits[i] = 48;
    i -= 1;
  }
  if (i >= 0) {
    digits[i] = (digits[i] as number) + 1;
    return length;
  }
  digits.copyWithin(1, 0, length);
  digits[0] = 49;
  return length + 1;
}
