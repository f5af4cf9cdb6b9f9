import { describe, expect, it } from 'vitest';
import type { BookingDoc, CampaignDoc } from './schemas';
import { campaignCommunications } from '../insights/campaign-messages';
import { criteria } from './criteria';
import { customer } from '../insights/test-fixtures';
import { stringProblems, truncateText, wellFormedText } from './string-rules';
import { validateDocument, writeProblems } from './validate';

// The messages a person sees (shared/domain/string-rules.ts), and the limits shared/domain/validate.ts documents.
const NUL_MESSAGE = 'must not contain a NUL character (U+0000)';
const SURROGATE_MESSAGE = 'contains a broken character (an unpaired UTF-16 surrogate, e.g. half of an emoji)';
const MAX_DOCUMENT_BYTES = 64 * 1024;
const SANE_YEARS = 5;
/** The problem with one string, through the public stringProblems, or null. */
const stringProblem = (text: string): string | null => {
  const found = stringProblems(text);
  expect(found.every((p) => p.field === '')).toBe(true);
  return found[0]?.message ?? null;
};

const customerDoc = customer;
const strip = <T>(d: T): T => d;
function bookingDoc(over: Partial<BookingDoc> = {}): BookingDoc {
  return {
    id: 'bk-t1', customer_id: 'cu-t1', branch_id: 'br-a', service: 'Haircut', staff: 'Ana', start_at: '2026-02-20T10:00:00Z', duration_min: 30,
    status: 'scheduled', price: 2500, notes: '', created_at: '2026-02-01T10:00:00Z', updated_at: '2026-02-01T10:00:00Z', amendments: [], series: null, payment: null, ...over,
  };
}

describe('string rules', () => {
  it('refuses NUL and unpaired surrogates, accepts whole emoji and every other character', () => {
    expect(stringProblem('plain, ünïcode, 中文, 😀, 👨‍👩‍👧, 🇵🇭')).toBeNull();
    expect(stringProblem('a\u0000b')).toBe(NUL_MESSAGE);
    expect(stringProblem('half \ud83d')).toBe(SURROGATE_MESSAGE);
    expect(stringProblem('\ude00 low first')).toBe(SURROGATE_MESSAGE);
    expect(stringProblem('\ud83d\ud83d\ude00')).toBe(SURROGATE_MESSAGE);
  });

  it('names the dotted path of a broken value or key', () => {
    expect(stringProblems({ a: 'ok', tags: ['x', 'y\ud800'], consent: { sms: { at: '\u0000' } }, ['k\u0000']: 1 })).toEqual([
      { field: 'tags.1', message: SURROGATE_MESSAGE },
      { field: 'consent.sms.at', message: NUL_MESSAGE },
      { field: 'k\u0000', message: `field name ${NUL_MESSAGE}` },
    ]);
  });

  it('cuts text at a grapheme boundary, never inside an emoji', () => {
    const text = `${'a'.repeat(1999)}😀tail`;
    const cut = truncateText(text, 2000);
    expect(cut).toBe('a'.repeat(1999));
    expect(stringProblem(cut)).toBeNull();
    expect(truncateText('ab👨‍👩‍👧cd', 5)).toBe('ab');
    expect(truncateText('short', 2000)).toBe('short');
    expect(truncateText('abc', 3)).toBe('abc');
  });

  it('repairs outside text that must be stored anyway', () => {
    expect(wellFormedText('a\u0000b\ud800c😀')).toBe('ab\ufffdc😀');
  });

  it('the campaign renderer never produces half an emoji (regression: slice(0, 2000))', () => {
    const campaign: CampaignDoc = {
      id: 'cp-1', branch_id: 'br-1', name: 'Long', kind: 'manual', segment_id: '', criteria: criteria({}), channel: 'sms',
      variants: [{ key: 'A', message: `${'x'.repeat(1991)}{name}` }], holdout_pct: 0, offer: '', status: 'queued', audience_size: 0, sent_at: '', created_at: '', updated_at: '',
    };
    const [doc] = campaignCommunications({ campaign, recipients: [{ customer: customer({ id: 'cu-1', name: 'Ana 😀😀😀😀😀😀' }), activity: null, rfm: null, highValue: false, vip: false, hasFutureBooking: false, outlook: null, cadence: null }], branch: { id: 'br-1', name: 'B' }, at: '2026-03-01T08:00:00Z' });
    expect(doc?.message.length).toBe(1999);
    expect(doc?.message.endsWith('Ana 😀😀')).toBe(true);
    expect(validateDocument('communications', doc)).toEqual([]);
  });
});

describe('shared write rules (desk and server)', () => {
  const now = Date.parse('2026-03-01T06:00:00Z');

  it('refuses a broken string in any document before the schema speaks', () => {
    expect(validateDocument('customers', strip(customerDoc({ notes: 'x\ud83d' })))).toEqual([{ field: 'notes', message: SURROGATE_MESSAGE }]);
  });

  it('limits a document to MAX_DOCUMENT_BYTES of UTF-8', () => {
    const doc = strip(customerDoc({ tags: Array.from({ length: 30 }, (_, i) => `${i}${'😀'.repeat(19)}`) }));
    expect(validateDocument('customers', doc)).toEqual([]);
    const big = { ...strip(customerDoc()), criteria: 'x'.repeat(MAX_DOCUMENT_BYTES) };
    expect(validateDocument('segments', big).length).toBeGreaterThan(0);
  });

  it('keeps a booking within SANE_YEARS of now, unless the time did not change', () => {
    const far = strip(bookingDoc({ start_at: '2040-01-01T10:00:00Z' }));
    expect(writeProblems('bookings', far, undefined, { nowMs: now })).toEqual([{ field: 'start_at', message: `must be within ${SANE_YEARS} years of today` }]);
    expect(writeProblems('bookings', { ...far, status: 'cancelled' }, far, { nowMs: now })).toEqual([]);
  });

  it('checks contact fields that changed: E.164 phone, email, past birthday', () => {
    const today = Math.floor(now / 86_400_000);
    const bad = strip(customerDoc({ phone: '0917 123', email: 'not-mail', birthday: '2027-01-01' }));
    expect(writeProblems('customers', bad, undefined, { nowMs: now, todayDay: today }).map((p) => p.field)).toEqual(['phone', 'email', 'birthday']);
    // Unchanged legacy values are left alone.
    expect(writeProblems('customers', { ...bad, notes: 'edited' }, bad, { nowMs: now, todayDay: today })).toEqual([]);
  });
});
