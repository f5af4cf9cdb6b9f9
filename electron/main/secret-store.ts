import { safeStorage } from 'electron';
import { readFile } from 'node:fs/promises';
import { isSecretKey, type SecretKey } from '../../shared/ipc';
import { writeFileAtomic } from './atomic-write';

/** The device's secrets (sync device token, organisation secret), encrypted by the OS keychain. */
export interface SecretStore {
  get(key: SecretKey): Promise<string | null>;
  set(key: SecretKey, value: string): Promise<void>;
  delete(key: SecretKey): Promise<void>;
}

class SecretStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretStoreError';
  }
}

/** On disk: `{ "version": 1, "secrets": { "<key>": "<base64 of the safeStorage ciphertext>" } }`. */
type Ciphertexts = Partial<Record<SecretKey, string>>;

class DamagedFileError extends SecretStoreError {}

function errorCode(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

function parseFile(text: string, file: string): Ciphertexts {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new DamagedFileError(`the secret store ${file} is damaged (${error instanceof Error ? error.message : String(error)})`);
  }
  const secrets = (raw as { version?: unknown; secrets?: unknown } | null)?.secrets;
  if ((raw as { version?: unknown }).version !== 1 || typeof secrets !== 'object' || secrets === null || Array.isArray(secrets)) {
    throw new DamagedFileError(`the secret store ${file} is damaged (not a version 1 secret file)`);
  }
  const result: Ciphertexts = {};
  for (const [key, value] of Object.entries(secrets)) {
    if (isSecretKey(key) && typeof value === 'string') result[key] = value;
  }
  return result;
}

/**
 * A secret store in one file (typically `<userData>/secrets.json`), each value encrypted with
 * Electron `safeStorage` (macOS Keychain, Windows DPAPI, libsecret/kwallet on Linux). It never
 * stores plaintext: when the OS offers no encryption, or only Chromium's hard-coded-password
 * fallback on Linux (`basic_text`), saving and reading refuse with a clear error. Operations are
 * serialised; the file is replaced atomically and readable by the user only.
 */
export function createSecretStore(file: string, platform: NodeJS.Platform = process.platform): SecretStore {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(operation: () => Promise<T>): Promise<T> => {
    const next = queue.then(operation, operation);
    queue = next.catch(() => undefined);
    return next;
  };

  const requireEncryption = (method: string): void => {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new SecretStoreError(
        `${method}: the operating system's secure storage (keychain) is not available, so Branchdesk will not keep this secret; it never stores secrets in plain text`,
      );
    }
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      throw new SecretStoreError(
        `${method}: no keyring (GNOME Keyring, KWallet) is running, so secrets could only be obfuscated, not encrypted; start a keyring and try again`,
      );
    }
  };

  const read = async (): Promise<Ciphertexts> => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return {};
      throw new SecretStoreError(`the secret store ${file} cannot be read (${error instanceof Error ? error.message : String(error)})`);
    }
    return parseFile(text, file);
  };

  /** For writes: a damaged file is replaced (its contents were unreadable anyway). */
  const readForUpdate = async (): Promise<Ciphertexts> => {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof DamagedFileError)) throw error;
      console.warn(`Branchdesk: ${error.message}; starting a new one`);
      return {};
    }
  };

  const write = (secrets: Ciphertexts): Promise<void> => writeFileAtomic(file, `${JSON.stringify({ version: 1, secrets }, null, 2)}\n`, 0o600);

  return {
    get: (key) =>
      serial(async () => {
        const ciphertext = (await read())[key];
        if (ciphertext === undefined) return null;
        requireEncryption('secrets.get');
        try {
          return safeStorage.decryptString(Buffer.from(ciphertext, 'base64'));
        } catch (error) {
          throw new SecretStoreError(
            `secrets.get: the stored "${key}" could not be decrypted (${error instanceof Error ? error.message : String(error)}); pair this desk again`,
          );
        }
      }),
    set: (key, value) =>
      serial(async () => {
        requireEncryption('secrets.set');
        const ciphertext = safeStorage.encryptString(value).toString('base64');
        const secrets = await readForUpdate();
        secrets[key] = ciphertext;
        await write(secrets);
      }),
    delete: (key) =>
      serial(async () => {
        const { [key]: removed, ...rest } = await readForUpdate();
        if (removed !== undefined) await write(rest);
      }),
  };
}
