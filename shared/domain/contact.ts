import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export type PhoneResult = { ok: true; e164: string } | { ok: false; message: string };

/**
 * Normalises a phone number to E.164 (`+639171234567`). Numbers without a country code are read
 * in the branch's country. Empty input is valid and normalises to ''.
 */
export function normalisePhone(input: string, defaultCountry?: string): PhoneResult {
  const text = input.trim();
  if (text === '') return { ok: true, e164: '' };
  if (!/^[+\d\s().\-/]+$/.test(text)) return { ok: false, message: 'A phone number may only contain digits, spaces and + ( ) - .' };
  const country = defaultCountry && /^[A-Z]{2}$/.test(defaultCountry) ? (defaultCountry as CountryCode) : undefined;
  const parsed = parsePhoneNumberFromString(text, country);
  if (parsed === undefined) {
    return {
      ok: false,
      message: text.startsWith('+') || country ? 'Not a phone number' : 'Add the country code (for example +63…)',
    };
  }
  if (!parsed.isPossible()) return { ok: false, message: 'This phone number has the wrong number of digits' };
  return { ok: true, e164: parsed.number };
}

/** A readable international rendering of an E.164 number (`+63 917 123 4567`). */
export function formatPhone(e164: string): string {
  if (e164 === '') return '';
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

// Deliberately simple: one @, a dot in the domain, no spaces. Full RFC 5322 rejects nothing useful.
const EMAIL = /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+\.[^\s@"<>(),;:.]{2,}$/;

export type EmailResult = { ok: true; email: string } | { ok: false; message: string };

export function normaliseEmail(input: string): EmailResult {
  const text = input.trim();
  if (text === '') return { ok: true, email: '' };
  if (text.length > 254) return { ok: false, message: 'An email address is at most 254 characters' };
  if (!EMAIL.test(text)) return { ok: false, message: 'Not an email address (expected name@example.com)' };
  const at = text.lastIndexOf('@');
  return { ok: true, email: `${text.slice(0, at)}@${text.slice(at + 1).toLowerCase()}` };
}

/**
 * Customer id derived from the normalised phone (or, without a phone, the lower-cased email)
 * with an organisation secret: two desks registering the same person offline create the same
 * document, and the conflict handler merges them. Not reversible without the secret.
 */
export function deriveCustomerId(secret: string, phoneE164: string, email: string): string | null {
  const key = phoneE164 !== '' ? `phone:${phoneE164}` : email !== '' ? `email:${email.toLowerCase()}` : null;
  if (key === null) return null;
  const digest = bytesToHex(hmac(sha256, utf8ToBytes(secret), utf8ToBytes(key)));
  return `cu-${digest.slice(0, 24)}`;
}
