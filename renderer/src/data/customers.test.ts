import { describe, expect, it } from 'vitest';
import { deriveCustomerId } from '../../../shared/domain/contact';
import { customerDoc, editedCustomer, findDuplicates, newCustomerId, type CustomerInput } from './customers';
import { DocumentRejected } from './write-errors';
import { customerFixture } from './test-fixtures';

const input: CustomerInput = {
  name: 'Maria Santos',
  phone: '+639171234567',
  email: 'maria@example.com',
  birthday: '1990-04-21',
  opted_in_marketing: true,
  preferred_contact: 'sms',
  tags: ['vip'],
  notes: '',
};
const t1 = Date.UTC(2026, 2, 1, 2);
const t2 = Date.UTC(2026, 2, 5, 2);

describe('customer documents', () => {
  it('derives ids from the phone (else email) with the organisation secret, random without either', () => {
    expect(newCustomerId('secret', '+639171234567', 'x@y.z')).toBe(deriveCustomerId('secret', '+639171234567', 'x@y.z'));
    expect(newCustomerId('secret', '', 'X@Y.z')).toBe(deriveCustomerId('secret', '', 'x@y.z'));
    expect(newCustomerId('secret', '', '')).toMatch(/^cu-[0-9a-f-]{36}$/);
    expect(newCustomerId('other', '+639171234567', '')).not.toBe(newCustomerId('secret', '+639171234567', ''));
  });

  it('registers at the desk branch and stamps consent on the chosen channel', () => {
    const doc = customerDoc(input, { id: 'cu-1', branchId: 'br-1', nowMs: t1 });
    expect(doc).toMatchObject({ home_branch_id: 'br-1', registered_branch_id: 'br-1', created_at: '2026-03-01T02:00:00.000Z' });
    expect(doc.consent).toEqual({
      sms: { granted: true, at: '2026-03-01T02:00:00.000Z' },
      email: { granted: false, at: '' },
      push: { granted: false, at: '' },
    });
  });

  it('registers without consent unless the box was ticked', () => {
    const doc = customerDoc({ ...input, opted_in_marketing: false }, { id: 'cu-1', branchId: 'br-1', nowMs: t1 });
    expect(doc.consent).toEqual({ sms: { granted: false, at: '' }, email: { granted: false, at: '' }, push: { granted: false, at: '' } });
  });

  it('an edit changes only the given details: consent, home branch and care stay as they were', () => {
    const stored = { ...customerDoc(input, { id: 'cu-1', branchId: 'br-1', nowMs: t1 }), home_branch_id: '', preferences: 'no fragrance' };
    const edited = editedCustomer(stored, { name: 'Maria S.', preferred_contact: 'email' }, t2);
    expect(edited).toEqual({ ...stored, name: 'Maria S.', preferred_contact: 'email', updated_at: '2026-03-05T02:00:00.000Z' });
    expect(() => editedCustomer(stored, { birthday: '1990-02-30' }, t2)).toThrow(DocumentRejected);
  });

  it('refuses an invalid document', () => {
    expect(() => customerDoc({ ...input, birthday: '1990-02-30' }, { id: 'cu-1', branchId: 'br-1', nowMs: t1 })).toThrow(DocumentRejected);
  });

  it('finds other customers with the same phone or email', () => {
    const customers = [
      customerFixture({ id: 'a', phone: '+639171234567', email: '' }),
      customerFixture({ id: 'b', phone: '', email: 'Maria@Example.com' }),
      customerFixture({ id: 'c', phone: '+639999999999', email: 'c@x.com' }),
    ];
    expect(findDuplicates(customers, '+639171234567', 'maria@example.com').map((d) => [d.customer.id, d.field])).toEqual([
      ['a', 'phone'],
      ['b', 'email'],
    ]);
    expect(findDuplicates(customers, '+639171234567', '', 'a')).toEqual([]);
    expect(findDuplicates(customers, '', '')).toEqual([]);
  });
});
