import { describe, expect, it } from 'vitest';
import { customerFixture } from '../../data/test-fixtures';
import { consentText, preferredContactText } from './consent-text';

describe('consentText', () => {
  it('names the channels and the date consent was first given', () => {
    const c = customerFixture({
      opted_in_marketing: true,
      preferred_contact: 'none',
      consent: { sms: { granted: true, at: '2026-02-12T03:00:00.000Z' }, email: { granted: true, at: '2026-01-05T03:00:00.000Z' }, push: { granted: false, at: '' } },
    });
    expect(consentText(c, 'Asia/Manila')).toEqual({ granted: true, text: 'Agrees to offers by SMS and email (since 5 Jan 2026)' });
  });

  it('says when there is no consent, and when that was recorded', () => {
    expect(consentText(customerFixture({}), 'Asia/Manila')).toEqual({ granted: false, text: 'No marketing consent' });
    const withdrawn = customerFixture({
      opted_in_marketing: false,
      consent: { sms: { granted: false, at: '2026-03-01T10:00:00+08:00' }, email: { granted: false, at: '' }, push: { granted: false, at: '' } },
    });
    // 02:00 UTC on 1 March: still 28 February in New York
    expect(consentText(withdrawn, 'Asia/Manila').text).toBe('No marketing consent (recorded 1 Mar 2026)');
    expect(consentText(withdrawn, 'America/New_York').text).toBe('No marketing consent (recorded 28 Feb 2026)');
  });

  it('reads the preferred channel', () => {
    expect(preferredContactText(customerFixture({ preferred_contact: 'sms' }))).toBe('Text message (SMS)');
  });
});
