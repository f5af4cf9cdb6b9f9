import { describe, expect, it } from 'vitest';
import { deriveCustomerId, formatPhone, normaliseEmail, normalisePhone } from './contact';

describe('normalisePhone', () => {
  it('normalises to E.164, reading local numbers in the branch country', () => {
    expect(normalisePhone('+63 917 123 4567')).toEqual({ ok: true, e164: '+639171234567' });
    expect(normalisePhone('0917-123-4567', 'PH')).toEqual({ ok: true, e164: '+639171234567' });
    expect(normalisePhone(' (0917) 123 4567 ', 'PH')).toEqual({ ok: true, e164: '+639171234567' });
    expect(normalisePhone('+1 212 555 0123')).toEqual({ ok: true, e164: '+12125550123' });
    expect(normalisePhone('')).toEqual({ ok: true, e164: '' });
  });

  it('explains what is wrong', () => {
    expect(normalisePhone('call me maybe')).toMatchObject({ ok: false, message: expect.stringMatching(/only contain digits/) });
    expect(normalisePhone('0917 123 4567')).toMatchObject({ ok: false, message: expect.stringMatching(/country code/) });
    expect(normalisePhone('+63 917', 'PH')).toMatchObject({ ok: false });
  });

  it('formats E.164 for people', () => {
    expect(formatPhone('+639171234567')).toBe('+63 917 123 4567');
    expect(formatPhone('')).toBe('');
  });
});

describe('normaliseEmail', () => {
  it('trims and lower-cases the domain', () => {
    expect(normaliseEmail('  Ana.Cruz@Example.COM ')).toEqual({ ok: true, email: 'Ana.Cruz@example.com' });
    expect(normaliseEmail('')).toEqual({ ok: true, email: '' });
  });

  it('rejects what is not an address', () => {
    for (const bad of ['ana', 'ana@', '@example.com', 'ana@example', 'ana cruz@example.com', 'ana@@example.com', `${'a'.repeat(250)}@example.com`]) {
      expect(normaliseEmail(bad).ok, bad).toBe(false);
    }
  });
});

describe('deriveCustomerId', () => {
  it('is the same for the same person written differently, on any desk', () => {
    const a = normalisePhone('0917 123 4567', 'PH');
    const b = normalisePhone('+63-917-123-4567');
    if (!a.ok || !b.ok) throw new Error('phones should parse');
    expect(deriveCustomerId('org-secret', a.e164, '')).toBe(deriveCustomerId('org-secret', b.e164, 'other@example.com'));
    expect(deriveCustomerId('org-secret', '', 'Ana@Example.com')).toBe(deriveCustomerId('org-secret', '', 'ana@example.com'));
    expect(deriveCustomerId('org-secret', '+639171234567', '')).toMatch(/^cu-[0-9a-f]{24}$/);
  });

  it('differs between people and between organisations, and needs a phone or an email', () => {
    const id = deriveCustomerId('org-secret', '+639171234567', '');
    expect(deriveCustomerId('org-secret', '+639171234568', '')).not.toBe(id);
    expect(deriveCustomerId('other-secret', '+639171234567', '')).not.toBe(id);
    expect(deriveCustomerId('org-secret', '', 'ana@example.com')).not.toBe(id);
    expect(deriveCustomerId('org-secret', '', '')).toBeNull();
  });
});
