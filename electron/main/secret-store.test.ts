import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A reversible stand-in for the OS keychain cipher: XOR with a key, so ciphertext != plaintext. */
const electron = vi.hoisted(() => {
  const xor = (bytes: Buffer) => Buffer.from(bytes.map((b) => b ^ 0x5a));
  return {
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => true),
      getSelectedStorageBackend: vi.fn((): string => 'gnome_libsecret'),
      encryptString: vi.fn((plain: string) => Buffer.concat([Buffer.from('v10'), xor(Buffer.from(plain, 'utf8'))])),
      decryptString: vi.fn((cipher: Buffer) => {
        if (cipher.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
        return xor(cipher.subarray(3)).toString('utf8');
      }),
    },
  };
});
vi.mock('electron', () => electron);

const { createSecretStore } = await import('./secret-store');

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'branchdesk-secrets-'));
  file = join(dir, 'secrets.json');
  electron.safeStorage.isEncryptionAvailable.mockReturnValue(true);
  electron.safeStorage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('secret store', () => {
  it('stores values encrypted with safeStorage and reads them back', async () => {
    const store = createSecretStore(file, 'linux');
    expect(await store.get('device-token')).toBeNull();
    await store.set('device-token', 'bd_tok_0123456789');
    expect(electron.safeStorage.encryptString).toHaveBeenCalledWith('bd_tok_0123456789');
    expect(await store.get('device-token')).toBe('bd_tok_0123456789');
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('bd_tok_0123456789');
    expect(JSON.parse(text)).toEqual({ version: 1, secrets: { 'device-token': expect.any(String) } });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await createSecretStore(file, 'linux').get('device-token')).toBe('bd_tok_0123456789'); // survives a restart
  });
  it('deletes one key and keeps the others', async () => {
    const store = createSecretStore(file, 'linux');
    await store.set('device-token', 'a');
    await store.set('organisation-secret', 'b');
    await store.delete('device-token');
    expect(await store.get('device-token')).toBeNull();
    expect(await store.get('organisation-secret')).toBe('b');
    await store.delete('device-token'); // deleting a missing key is fine
  });
  it('serialises concurrent writes (no lost update)', async () => {
    const store = createSecretStore(file, 'linux');
    await Promise.all([store.set('device-token', 'one'), store.set('organisation-secret', 'two')]);
    expect(await store.get('device-token')).toBe('one');
    expect(await store.get('organisation-secret')).toBe('two');
  });
  it('refuses to store anything when OS encryption is unavailable, and never writes plaintext', async () => {
    electron.safeStorage.isEncryptionAvailable.mockReturnValue(false);
    const store = createSecretStore(file, 'darwin');
    await expect(store.set('device-token', 'tok')).rejects.toThrow(expect.objectContaining({ name: 'SecretStoreError' }));
    await expect(store.set('device-token', 'tok')).rejects.toThrow(/secrets\.set: the operating system's secure storage \(keychain\) is not available/);
    expect(await readdir(dir)).toEqual([]);
  });
  it('refuses to read a stored secret when OS encryption became unavailable', async () => {
    await createSecretStore(file, 'linux').set('device-token', 'tok');
    electron.safeStorage.isEncryptionAvailable.mockReturnValue(false);
    await expect(createSecretStore(file, 'linux').get('device-token')).rejects.toThrow(/secrets\.get: .*not available/);
  });
  it("refuses Linux's basic_text fallback (obfuscation, not encryption)", async () => {
    electron.safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    await expect(createSecretStore(file, 'linux').set('device-token', 'tok')).rejects.toThrow(/no keyring/);
    expect(await readdir(dir)).toEqual([]);
  });
  it('says so clearly when a value cannot be decrypted', async () => {
    await writeFile(file, JSON.stringify({ version: 1, secrets: { 'device-token': Buffer.from('garbage').toString('base64') } }));
    await expect(createSecretStore(file, 'linux').get('device-token')).rejects.toThrow(/the stored "device-token" could not be decrypted .*pair this desk again/);
  });
  it('reports a damaged file on read, and replaces it on the next write', async () => {
    await writeFile(file, '{"version":1,"secrets":');
    const store = createSecretStore(file, 'linux');
    await expect(store.get('device-token')).rejects.toThrow(/the secret store .*secrets\.json is damaged/);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await store.set('device-token', 'fresh');
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
    expect(await store.get('device-token')).toBe('fresh');
  });
  it('ignores unknown keys found in the file', async () => {
    await writeFile(file, JSON.stringify({ version: 1, secrets: { other: 'x' } }));
    expect(await createSecretStore(file, 'linux').get('device-token')).toBeNull();
  });
});
