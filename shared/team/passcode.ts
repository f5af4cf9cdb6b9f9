/**
 * Team passcodes (docs/DESIGN.md §14): a short numeric passcode a member types at the desk,
 * checked offline against a slow key derivation synced with the member — never the passcode.
 * PBKDF2-SHA256 through WebCrypto (the browser's and Node's `crypto.subtle`, nothing bundled),
 * a random 16-byte salt per member and PASSCODE_ITERATIONS rounds, so each guess costs the
 * desk (and anyone holding a copy of the hashes) a noticeable fraction of a second.
 *
 * A short passcode is a convenience gate, not a secret: whoever has the synced hash can try all
 * 10^6 six-digit codes offline in hours. The server's token role checks stay the authority.
 */
import { MIN_PASSCODE_ITERATIONS, PASSCODE_KDF, type MemberDoc } from '../domain/schemas';

/** Rounds for a new passcode (OWASP's 2023 figure for PBKDF2-SHA256). */
const PASSCODE_ITERATIONS = 600_000;
const PASSCODE_MIN_DIGITS = 4;
const PASSCODE_MAX_DIGITS = 8;

export type StoredPasscode = MemberDoc['passcode'];

/** The part of WebCrypto used here (shared/ has no DOM or Node types). */
interface Subtle {
  importKey(format: 'raw', key: Uint8Array, algorithm: 'PBKDF2', extractable: false, usages: ['deriveBits']): Promise<unknown>;
  deriveBits(algorithm: { name: 'PBKDF2'; hash: 'SHA-256'; salt: Uint8Array; iterations: number }, key: unknown, length: number): Promise<ArrayBuffer>;
}
interface WebCrypto {
  subtle: Subtle;
  getRandomValues(array: Uint8Array): Uint8Array;
}

function webCrypto(): WebCrypto {
  const crypto = (globalThis as { crypto?: WebCrypto }).crypto;
  if (crypto?.subtle === undefined) throw new Error('WebCrypto (crypto.subtle) is not available: passcodes cannot be checked here');
  return crypto;
}

/** Why `passcode` cannot be a member's passcode ('' when it can). */
export function passcodeProblem(passcode: string): string {
  if (!/^\d*$/.test(passcode)) return 'A passcode is digits only.';
  if (passcode.length < PASSCODE_MIN_DIGITS || passcode.length > PASSCODE_MAX_DIGITS) return `A passcode has ${PASSCODE_MIN_DIGITS} to ${PASSCODE_MAX_DIGITS} digits.`;
  if (/^(\d)\1+$/.test(passcode)) return 'A passcode of one repeated digit is too easy to guess.';
  return '';
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function toBase64(bytes: Uint8Array): string {
  const digit = (n: number): string => BASE64.charAt(n & 63);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += digit(n >> 18) + digit(n >> 12);
    out += i + 1 < bytes.length ? digit(n >> 6) : '=';
    out += i + 2 < bytes.length ? digit(n) : '=';
  }
  return out;
}

/** Decodes base64; null when it is not base64. */
function fromBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  const clean = text.replace(/=+$/, '');
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    value = (value << 6) | BASE64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 255);
    }
  }
  return Uint8Array.from(bytes);
}

async function derive(passcode: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const { subtle } = webCrypto();
  const key = await subtle.importKey('raw', new TextEncoder().encode(passcode), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256));
}

/** The stored form of a new passcode: a fresh random salt, PASSCODE_ITERATIONS rounds. Throws on a bad passcode. */
export async function hashPasscode(passcode: string, iterations: number = PASSCODE_ITERATIONS): Promise<StoredPasscode> {
  const problem = passcodeProblem(passcode);
  if (problem !== '') throw new Error(problem);
  if (!Number.isInteger(iterations) || iterations < MIN_PASSCODE_ITERATIONS) throw new Error(`A passcode needs at least ${MIN_PASSCODE_ITERATIONS} PBKDF2 iterations`);
  const salt = webCrypto().getRandomValues(new Uint8Array(16));
  return { kdf: PASSCODE_KDF, iterations, salt: toBase64(salt), hash: toBase64(await derive(passcode, salt, iterations)) };
}

/** Does `passcode` match the stored one? Compared in constant time over the derived bytes. */
export async function verifyPasscode(passcode: string, stored: StoredPasscode): Promise<boolean> {
  const salt = fromBase64(stored.salt);
  const expected = fromBase64(stored.hash);
  if (salt === null || expected === null || stored.kdf !== PASSCODE_KDF) return false;
  const actual = await derive(passcode, salt, stored.iterations);
  if (actual.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < actual.length; i += 1) diff |= (actual[i] ?? 0) ^ (expected[i] ?? 0);
  return diff === 0;
}

/** Domain checks of a member document beyond its schema (its salt and hash decode to the right sizes). */
export function memberProblems(doc: MemberDoc): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const salt = fromBase64(doc.passcode.salt);
  if (salt === null || salt.length < 16) problems.push({ field: 'passcode.salt', message: 'must be at least 16 random bytes, base64' });
  const hash = fromBase64(doc.passcode.hash);
  if (hash === null || hash.length !== 32) problems.push({ field: 'passcode.hash', message: 'must be the 32-byte PBKDF2-SHA256 key, base64' });
  return problems;
}
