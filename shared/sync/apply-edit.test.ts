import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BookingDoc, BranchSettingsDoc, CustomerDoc } from '../domain/schemas';
import { customerFixture } from '../domain/test-fixtures';
import { applyEdit } from './apply-edit';

function customer(over: Partial<CustomerDoc> = {}): CustomerDoc {
  return customerFixture({
    name: 'Aroha Reyes',
    email: 'aroha@example.com',
    opted_in_marketing: true,
    preferred_contact: 'sms',
    consent: { sms: { granted: true, at: '2026-01-01T00:00:00Z' }, email: { granted: false, at: '' }, push: { granted: false, at: '' } },
    tags: ['regular'],
    registered_branch_id: 'br-a',
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    ...over,
  });
}

const OPTED_OUT = { opted_in_marketing: false, consent: { sms: { granted: false, at: '2026-03-01T09:00:00Z' }, email: { granted: false, at: '' }, push: { granted: false, at: '' } } };

describe('applyEdit: a form save as a three-way change', () => {
  it('writes only the fields the person changed, over the current document', () => {
    const base = customer();
    const mine = { ...base, name: 'Aroha Reyes-Tan', updated_at: '2026-03-01T10:00:00Z' };
    // meanwhile another desk opted the customer out and added a tag
    const current = { ...base, ...OPTED_OUT, tags: ['regular', 'vip'], updated_at: '2026-03-01T09:00:00Z' };
    const out = applyEdit('customers', { base, mine, current });
    expect(out.doc).toEqual({ ...current, name: 'Aroha Reyes-Tan', updated_at: '2026-03-01T10:00:00Z' });
    expect(out.changed).toEqual(['name']);
    expect(out.overlaps).toEqual([]);
    expect(out.doc.home_branch_id).toBe('');
  });

  it('merges tags as a set where both changed them', () => {
    const base = customer({ tags: ['regular', 'kids'] });
    const mine = { ...base, tags: ['regular', 'beard'] }; // removed kids, added beard
    const current = { ...base, tags: ['regular', 'kids', 'vip'] }; // added vip
    const out = applyEdit('customers', { base, mine, current });
    expect([...out.doc.tags].sort()).toEqual(['beard', 'regular', 'vip']);
    expect(out.overlaps).toEqual([{ field: 'tags', theirs: ['regular', 'kids', 'vip'], mine: ['regular', 'beard'], saved: out.doc.tags }]);
  });

  it('keeps an opt-out made meanwhile even when the person changed consent too', () => {
    const base = customer();
    const mine = { ...base, consent: { ...base.consent, email: { granted: true, at: '2026-03-01T10:00:00Z' } } };
    const current = { ...base, ...OPTED_OUT };
    const out = applyEdit('customers', { base, mine, current });
    expect(out.doc.consent.sms).toEqual(OPTED_OUT.consent.sms);
    expect(out.doc.consent.email).toEqual({ granted: true, at: '2026-03-01T10:00:00Z' });
    expect(out.doc.opted_in_marketing).toBe(false); // both changed it? no: only the other desk did
  });

  it("takes the person's value for a plain field both changed, and reports what it replaced", () => {
    const base = customer();
    const mine = { ...base, phone: '+639170000001' };
    const current = { ...base, phone: '+639170000002' };
    const out = applyEdit('customers', { base, mine, current });
    expect(out.doc.phone).toBe('+639170000001');
    expect(out.overlaps).toEqual([{ field: 'phone', theirs: '+639170000002', mine: '+639170000001', saved: '+639170000001' }]);
  });

  it('does not report a field both sides changed to the same value, nor the stamp', () => {
    const base = customer();
    const mine = { ...base, notes: 'likes tea', updated_at: '2026-03-01T10:00:00Z' };
    const current = { ...base, notes: 'likes tea', updated_at: '2026-03-01T09:00:00Z' };
    const out = applyEdit('customers', { base, mine, current });
    expect(out.changed).toEqual(['notes']);
    expect(out.overlaps).toEqual([]);
    expect(out.doc.updated_at).toBe('2026-03-01T10:00:00Z');
  });

  it('an erasure made meanwhile wins: the save brings no personal data back', () => {
    const base = customer();
    const mine = { ...base, name: 'Aroha R.' };
    const current = { ...base, name: '', phone: '', email: '', tags: [], erased_at: '2026-03-01T09:00:00Z' };
    const out = applyEdit('customers', { base, mine, current });
    expect(out.doc).toMatchObject({ name: '', phone: '', email: '', erased_at: '2026-03-01T09:00:00Z' });
  });

  it('a booking status never moves back through a stale form', () => {
    const base: BookingDoc = { id: 'bk-1', customer_id: 'cu-1', branch_id: 'br-a', service: 'Cut', staff: '', start_at: '2026-03-01T10:00:00Z', duration_min: 30, status: 'scheduled', price: 100, notes: '', created_at: '', updated_at: '' , amendments: [], series: null, payment: null };
    const mine = { ...base, status: 'checked_in' as const, notes: 'early' };
    const current = { ...base, status: 'completed' as const };
    const out = applyEdit('bookings', { base, mine, current });
    expect(out.doc).toMatchObject({ status: 'completed', notes: 'early' });
  });

  it('branch settings: a field the form did not change keeps the value saved meanwhile', () => {
    const base = { id: 'br-a', branch_id: 'br-a', marketing_cap_days: 7, offer: '' } as unknown as BranchSettingsDoc;
    const mine = { ...base, offer: '10% off' };
    const current = { ...base, marketing_cap_days: 14 };
    expect(applyEdit('branch_settings', { base, mine, current }).doc).toEqual({ ...base, marketing_cap_days: 14, offer: '10% off' });
  });

  it('property: fields the person left alone always keep the current value; a changed plain field is the person’s', () => {
    const field = fc.constantFrom('name', 'notes', 'preferences', 'follow_up_date', 'allergies');
    const text = fc.string({ maxLength: 8 });
    fc.assert(
      fc.property(fc.dictionary(field, text), fc.dictionary(field, text), (edits, theirs) => {
        const base = customer();
        const mine = { ...base, ...edits };
        const current = { ...base, ...theirs };
        const out = applyEdit('customers', { base, mine, current }).doc as unknown as Record<string, unknown>;
        for (const f of ['name', 'notes', 'preferences', 'follow_up_date', 'allergies'] as const) {
          const changedByMe = mine[f] !== base[f];
          expect(out[f]).toBe(changedByMe ? mine[f] : current[f]);
        }
      }),
    );
  });
});
