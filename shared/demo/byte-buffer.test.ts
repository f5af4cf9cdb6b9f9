import { describe, expect, it } from 'vitest';
import { formatMoney } from '../money';
import { ByteBuffer, incrementDigits, utf8Bytes, writeInt } from './byte-buffer';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('ByteBuffer', () => {
  it('encodes UTF-8 exactly like TextEncoder, lone surrogates included', () => {
    for (const s of ['', 'plain', 'Zoë Müller', 'Łukasz', 'Nguyễn', '東京', 'emoji 💇‍♀️', 'lone \ud800 high', 'lone \udc00 low', 'end \ud83d']) {
      expect(utf8Bytes(s)).toEqual(new TextEncoder().encode(s));
    }
  });

  it('writes digits, money and bytes, grows past its chunk size and hands chunks over', () => {
    const out = new ByteBuffer(8);
    out.digits(0);
    out.byte(44);
    out.digits(42, 7);
    out.byte(44);
    out.digits(2 ** 40);
    out.byte(44);
    for (const cents of [0, 5, 99, 100, 2550, 123456, 100_000_000]) {
      out.money(cents);
      out.byte(32);
    }
    out.money(-250);
    out.bytes(utf8Bytes('|Ω'));
    const first = out.take();
    expect(text(first)).toBe(
      `0,0000042,${2 ** 40},${[0, 5, 99, 100, 2550, 123456, 100_000_000].map((c) => `${formatMoney(c)} `).join('')}${formatMoney(-250)}|Ω`,
    );
    expect(out.length).toBe(0);
    out.utf8('next');
    expect(text(out.take())).toBe('next');
    expect(text(first)).toContain('0000042'); // a taken chunk is never overwritten
  });
});

describe('incrementDigits', () => {
  it('counts like writeInt, across carries and a new leading digit', () => {
    const digits = new Uint8Array(16);
    const expected = new Uint8Array(16);
    const mismatches: number[] = [];
    for (const start of [1, 98, 9_999_990, 99_999_990]) {
      let length = writeInt(digits, 0, start, 7);
      for (let n = start + 1; n <= start + 20; n += 1) {
        length = incrementDigits(digits, length);
        const want = writeInt(expected, 0, n, 7);
        if (length !== want || text(digits.subarray(0, length)) !== text(expected.subarray(0, want))) mismatches.push(n);
      }
    }
    expect(mismatches).toEqual([]);
    expect(text(digits.subarray(0, writeInt(digits, 0, 9_999_999, 7)))).toBe('9999999');
    expect(text(digits.subarray(0, incrementDigits(digits, 7)))).toBe('10000000');
  });
});
