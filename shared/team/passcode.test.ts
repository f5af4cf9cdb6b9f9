import { describe, expect, it } from 'vitest';
import { MIN_PASSCODE_ITERATIONS } from '../domain/schemas';
import { validateDocument } from '../domain/validate';
import { hashPasscode, passcodeProblem, verifyPasscode } from './passcode';

const bytes = (base64: string): number => Buffer.from(base64, 'base64').length;

// the floor, not the production count: the derivation is the same, only slower in the product
const FAST = MIN_PASSCODE_ITERATIONS;

describe('team passcodes', () => {
  it('hashes with a per-member salt: the same passcode twice gives two different hashes, both verify', async () => {
    const a = await hashPasscode('482913', FAST);
    const b = await hashPasscode('482913', FAST);
    expect(a.kdf).toBe('PBKDF2-SHA256');
    expect(a.iterations).toBe(FAST);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(bytes(a.salt)).toBe(16);
    expect(bytes(a.hash)).toBe(32);
    expect(await verifyPasscode('482913', a)).toBe(true);
    expect(await verifyPasscode('482913', b)).toBe(true);
    expect(await verifyPasscode('482914', a)).toBe(false);
    expect(await verifyPasscode('', a)).toBe(false);
    // the stored salt and hash belong together
    expect(await verifyPasscode('482913', { ...a, salt: b.salt })).toBe(false);
  });

  it('matches a PBKDF2-SHA256 reference vector (RFC 7914 §11 inputs, 1 round, checked with Node)', async () => {
    const { pbkdf2Sync } = await import('node:crypto');
    const stored = await hashPasscode('135790', FAST);
    const salt = Buffer.from(stored.salt, 'base64');
    expect(pbkdf2Sync('135790', salt, FAST, 32, 'sha256').toString('base64')).toBe(stored.hash);
  });

  it('defaults to a high iteration count and refuses a weak one', async () => {
    expect((await hashPasscode('482913')).iterations).toBe(600_000);
    await expect(hashPasscode('482913', 1000)).rejects.toThrow(/at least 100000/);
  });

  it('refuses passcodes that are not 4-8 digits or are one repeated digit, saying why', async () => {
    expect(passcodeProblem('123')).toMatch(/4 to 8 digits/);
    expect(passcodeProblem('123456789')).toMatch(/4 to 8 digits/);
    expect(passcodeProblem('12a4')).toMatch(/digits only/);
    expect(passcodeProblem('0000')).toMatch(/repeated digit/);
    expect(passcodeProblem('2580')).toBe('');
    await expect(hashPasscode('12')).rejects.toThrow(/4 to 8 digits/);
  });

  it('a member document: the schema and the domain check name what is wrong', async () => {
    const passcode = await hashPasscode('482913', FAST);
    const member = { id: 'mb-1', branch_id: 'br-1', name: 'Ana', role: 'manager', active: true, passcode, created_at: '', updated_at: '' };
    expect(validateDocument('members', member)).toEqual([]);
    expect(validateDocument('members', { ...member, role: 'owner' })).toEqual([{ field: 'role', message: 'must be one of front_desk, manager' }]);
    expect(validateDocument('members', { ...member, passcode: { ...passcode, iterations: 1000 } }).map((p) => p.field)).toEqual(['passcode.iterations']);
    expect(validateDocument('members', { ...member, passcode: { ...passcode, hash: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg==' } })).toEqual([{ field: 'passcode.hash', message: 'must be the 32-byte PBKDF2-SHA256 key, base64' }]);
    expect(validateDocument('members', { ...member, passcode: { ...passcode, plain: '482913' } }).map((p) => p.field)).toContain('passcode.plain');
  });
});
