import { describe, expect, it } from 'vitest';
import { customer } from '../../../shared/insights/test-fixtures';
import { SURROGATE_MESSAGE } from '../../../shared/domain/string-rules';
import { assertValid, DocumentRejected } from './write-errors';

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
});
