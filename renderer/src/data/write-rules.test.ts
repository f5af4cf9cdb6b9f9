import { describe, expect, it } from 'vitest';
import { customer } from '../../../shared/insights/test-fixtures';
import { assertValid, DocumentRejected, formProblems } from './write-errors';

/** What shared/domain/string-rules.ts tells a person about half an emoji. */
const SURROGATE_MESSAGE = 'contains a broken character (an unpaired UTF-16 surrogate, e.g. half of an emoji)';

describe('the desk applies the shared write rules when it writes', () => {
  it('refuses half an emoji with a message naming the field', () => {
    const doc = customer({ id: 'cu-1', notes: 'Loves \ud83d' });
    expect(() => assertValid('customers', doc)).toThrow(DocumentRejected);
    expect(() => assertValid('customers', doc)).toThrow(`customers cu-1: notes ${SURROGATE_MESSAGE}`);
  });

  it('checks a changed phone and a future birthday, not unchanged legacy values', () => {
    const legacy = customer({ id: 'cu-2', phone: '0917 123 4567' });
    expect(() => assertValid('customers', legacy)).toThrow(/phone must be a normalised E\.164 number/);
    const edited = { ...legacy, notes: 'edited' };
    expect(() => assertValid('customers', edited, legacy)).not.toThrow();
    const now = Date.parse('2026-03-01T12:00:00Z');
    expect(() => assertValid('customers', customer({ id: 'cu-3', birthday: '2026-06-01' }), undefined, now)).toThrow(/birthday must be a past date/);
  });

  it('puts a refusal at the form field that wrote it (or null for anything else)', () => {
    const refusal = new DocumentRejected('bookings', 'bk-1', [
      { field: 'start_at', message: 'must be within 5 years of today' },
      { field: 'created_at', message: 'is not an instant' },
    ]);
    expect(formProblems(refusal, { start_at: 'date' })).toEqual({ date: 'Must be within 5 years of today' });
    expect(formProblems(refusal, { price: 'price' })).toBeNull();
    expect(formProblems(new Error('network'), { start_at: 'date' })).toBeNull();
  });
});
