import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../../../shared/domain/validate';
import { customer, day } from '../../../../shared/insights/test-fixtures';
import { addTag, referredBy, removeTag, withCare, withConsent, withFollowUp, withReferrer, type Edit } from './profile-edits';

const NOW = Date.parse('2026-03-02T06:30:00Z');
const AT = '2026-03-02T06:30:00.000Z';

function doc(e: Edit) {
  if (!e.ok) throw new Error(e.message);
  expect(validateDocument('customers', e.doc)).toEqual([]);
  return e.doc;
}

describe('profile edits', () => {
  it('adds and removes tags (trimmed, no case-insensitive duplicates), stamping the change', () => {
    const c = customer({ tags: ['regular'] });
    const added = doc(addTag(c, '  prefers   quiet ', NOW));
    expect(added.tags).toEqual(['regular', 'prefers quiet']);
    expect(added.updated_at).toBe(AT);
    expect(addTag(added, 'Regular', NOW)).toEqual({ ok: false, field: 'tags', message: 'Already tagged “Regular”' });
    expect(addTag(c, ' ', NOW)).toMatchObject({ ok: false });
    expect(addTag(c, 'x'.repeat(41), NOW)).toMatchObject({ ok: false, message: 'A tag is at most 40 characters' });
    expect(doc(removeTag(added, 'regular', NOW)).tags).toEqual(['prefers quiet']);
  });

  it('care details are trimmed and bounded', () => {
    const c = doc(withCare(customer(), { preferences: ' quiet chair ', preferred_staff: ' Ana  Cruz', allergies: 'latex', notes: '' }, NOW));
    expect(c).toMatchObject({ preferences: 'quiet chair', preferred_staff: 'Ana Cruz', allergies: 'latex' });
    expect(withCare(customer(), { preferences: '', preferred_staff: '', allergies: 'x'.repeat(1001), notes: '' }, NOW)).toMatchObject({ ok: false, field: 'allergies' });
  });

  it('a follow-up date is today or later; clearing it is always fine', () => {
    const today = day('2026-03-02');
    expect(doc(withFollowUp(customer(), '2026-03-02', today, NOW)).follow_up_date).toBe('2026-03-02');
    expect(withFollowUp(customer(), '2026-03-01', today, NOW)).toMatchObject({ ok: false, message: 'Pick today or a later date' });
    expect(withFollowUp(customer(), '2026-02-30', today, NOW)).toMatchObject({ ok: false, field: 'follow_up_date' });
    expect(doc(withFollowUp(customer({ follow_up_date: '2026-02-01' }), '', today, NOW)).follow_up_date).toBe('');
  });

  it('consent per channel is stamped with the time it was given or withdrawn; overall consent follows the channels', () => {
    const c = customer();
    const noSms = doc(withConsent(c, 'sms', false, NOW));
    expect(noSms.consent.sms).toEqual({ granted: false, at: AT });
    expect(noSms.consent.email).toEqual(c.consent.email);
    expect(noSms.opted_in_marketing).toBe(true);
    const none = doc(withConsent(noSms, 'email', false, NOW));
    expect(none.opted_in_marketing).toBe(false);
    const push = doc(withConsent(none, 'push', true, NOW));
    expect(push).toMatchObject({ opted_in_marketing: true, consent: { push: { granted: true, at: AT } } });
    expect(withConsent(customer({ phone: '', consent: { ...c.consent, sms: { granted: false, at: '' } } }), 'sms', true, NOW)).toMatchObject({ ok: false, message: 'Add a phone number first' });
    expect(withConsent(c, 'sms', true, NOW)).toEqual({ ok: true, base: c, doc: c });
  });

  it('referrals', () => {
    expect(withReferrer(customer({ id: 'a' }), 'a', NOW)).toMatchObject({ ok: false });
    expect(doc(withReferrer(customer({ id: 'a' }), 'b', NOW)).referred_by).toBe('b');
    const all = [customer({ id: 'b', name: 'Zed', referred_by: 'a' }), customer({ id: 'c', name: 'Amy', referred_by: 'a' }), customer({ id: 'd', referred_by: '' })];
    expect(referredBy(all, 'a').map((x) => x.id)).toEqual(['c', 'b']);
  });
});
