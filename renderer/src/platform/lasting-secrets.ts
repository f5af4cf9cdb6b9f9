import Dexie, { type Table } from 'dexie';
import type { SecretKey } from '../../../shared/ipc';

/** A browser's lasting secrets: kept across restarts, sealed with a key no script can read out. */
export interface LastingSecrets {
  get(key: SecretKey): Promise<string | null>;
  set(key: SecretKey, value: string): Promise<void>;
  delete(key: SecretKey): Promise<void>;
}

/** What the lasting store needs of the browser (injected so tests run it on fake-indexeddb and Node's WebCrypto). */
export interface LastingSecretsEnvironment {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
  crypto: Crypto;
}

interface SealedSecret {
  key: SecretKey;
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

interface SealingKey {
  id: 'seal';
  key: CryptoKey;
}

const DB_NAME = 'branchdesk-secrets';

class SecretsDb extends Dexie {
  secrets!: Table<SealedSecret, SecretKey>;
  keys!: Table<SealingKey, 'seal'>;
  constructor(env: LastingSecretsEnvironment) {
    super(DB_NAME, { indexedDB: env.indexedDB, IDBKeyRange: env.IDBKeyRange });
    this.version(1).stores({ secrets: 'key', keys: 'id' });
  }
}

const ALGORITHM = 'AES-GCM';

/**
 * HQ's sign-in in a plain browser (issue 12, item 4): the device token is stored in IndexedDB
 * encrypted with AES-GCM under a key made with `extractable: false` and kept in the same
 * database — a script can ask the browser to decrypt with it but can never read the key's bytes,
 * so a copy of the stored token is useless elsewhere. The secret's name is bound in as
 * additional data (a sealed value cannot be moved to another key). A value that no longer opens
 * (the key was cleared) reads as absent and is removed: the person signs in again.
 */
export function createLastingSecrets(env: LastingSecretsEnvironment): LastingSecrets {
  const db = new SecretsDb(env);
  const subtle = env.crypto.subtle;
  let sealing: Promise<CryptoKey> | null = null;
  const sealingKey = (): Promise<CryptoKey> => {
    sealing ??= (async () => {
      const made = await subtle.generateKey({ name: ALGORITHM, length: 256 }, false, ['encrypt', 'decrypt']);
      return db.transaction('rw', db.keys, async () => {
        const stored = await db.keys.get('seal');
        if (stored !== undefined) return stored.key;
        await db.keys.put({ id: 'seal', key: made });
        return made;
      });
    })().catch((error: unknown) => {
      sealing = null;
      throw error;
    });
    return sealing;
  };
  // Until a lasting secret is stored the database does not exist, and reading or deleting must not
  // create it: every start of an unpaired desk deletes the token (sync-session.ts), which would
  // otherwise open a second IndexedDB database on the way to the first screen.
  let created = false;
  const exists = async (): Promise<boolean> => {
    if (created) return true;
    const listed = await env.indexedDB.databases();
    created = listed.some((d) => d.name === DB_NAME);
    return created;
  };
  const additionalData = (key: SecretKey): Uint8Array<ArrayBuffer> => new TextEncoder().encode(`branchdesk:${key}`);
  return {
    async get(key) {
      if (!(await exists())) return null;
      const sealed = await db.secrets.get(key);
      if (sealed === undefined) return null;
      try {
        const plain = await subtle.decrypt({ name: ALGORITHM, iv: sealed.iv, additionalData: additionalData(key) }, await sealingKey(), sealed.data);
        return new TextDecoder().decode(plain);
      } catch {
        await db.secrets.delete(key);
        return null;
      }
    },
    async set(key, value) {
      const iv = env.crypto.getRandomValues(new Uint8Array(12));
      const data = await subtle.encrypt({ name: ALGORITHM, iv, additionalData: additionalData(key) }, await sealingKey(), new TextEncoder().encode(value));
      await db.secrets.put({ key, iv, data });
      created = true;
    },
    async delete(key) {
      if (await exists()) await db.secrets.delete(key);
    },
  };
}
