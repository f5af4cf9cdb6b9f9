import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createLastingSecrets } from './lasting-secrets';
import { createWebBridge, type WebBridgeEnvironment } from './web-bridge';
import type { DownloadAnchor } from './web-download';
import type { NotificationApi } from './web-notify';
import type { SessionStorageLike } from './web-secrets';

class FakeAnchor implements DownloadAnchor {
  href = '';
  download = '';
  rel = '';
  clicked = 0;
  removed = false;
  constructor(private readonly log: string[]) {}
  click(): void {
    this.clicked += 1;
    this.log.push(`click ${this.download}`);
  }
  remove(): void {
    this.removed = true;
  }
}

class FakeStorage implements SessionStorageLike {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

function fakeNotifications(permission: NotificationPermission) {
  const shown: { title: string; body: string }[] = [];
  const api = class {
    static readonly permission = permission;
    readonly title: string;
    constructor(title: string, options: { body: string }) {
      this.title = title;
      shown.push({ title, body: options.body });
    }
  } satisfies NotificationApi;
  return { api, shown };
}

function first<T>(items: readonly T[]): T {
  const item = items[0];
  if (item === undefined) throw new Error('expected at least one item');
  return item;
}

function setup(overrides: Partial<WebBridgeEnvironment> = {}) {
  const log: string[] = [];
  const anchors: FakeAnchor[] = [];
  const blobs: Blob[] = [];
  const pending: (() => void)[] = [];
  const storage = new FakeStorage();
  const env: WebBridgeEnvironment = {
    version: '1.2.3',
    search: '',
    sessionStorage: storage,
    lastingSecrets: createLastingSecrets({ indexedDB: new IDBFactory(), IDBKeyRange, crypto: globalThis.crypto }),
    Notification: undefined,
    download: {
      createAnchor: () => {
        const a = new FakeAnchor(log);
        anchors.push(a);
        return a;
      },
      attach: (a) => log.push(`attach ${a.download}`),
      createObjectURL: (blob) => {
        blobs.push(blob);
        return `blob:fake/${blobs.length}`;
      },
      revokeObjectURL: (url) => log.push(`revoke ${url}`),
      later: (callback) => pending.push(callback),
    },
    ...overrides,
  };
  return { bridge: createWebBridge(env), log, anchors, blobs, pending, storage };
}

describe('web bridge: app', () => {
  it('reports the build version', async () => {
    expect(await setup().bridge.app.version()).toBe('1.2.3');
  });
  it('reads ?demo=1 (and only a true value) from the query string', async () => {
    expect(await setup({ search: '?demo=1' }).bridge.app.launchOptions()).toEqual({ demo: true });
    expect(await setup({ search: '?x=2&demo=true' }).bridge.app.launchOptions()).toEqual({ demo: true });
    expect(await setup({ search: '?demo=0' }).bridge.app.launchOptions()).toEqual({ demo: false });
    expect(await setup({ search: '' }).bridge.app.launchOptions()).toEqual({ demo: false });
  });
});

describe('web bridge: files', () => {
  it('downloads a CSV through a Blob and <a download>, then revokes the URL later', async () => {
    const { bridge, log, anchors, blobs, pending } = setup();
    const result = await bridge.files.saveCsv({ suggestedName: 'customers.csv', content: 'id,name\nc1,Zoë\n' });
    expect(result).toEqual({ saved: true });
    expect(anchors).toHaveLength(1);
    const anchor = first(anchors);
    expect(anchor).toMatchObject({ href: 'blob:fake/1', download: 'customers.csv', clicked: 1, removed: true });
    expect(first(blobs).type).toBe('text/csv;charset=utf-8');
    expect(await first(blobs).text()).toBe('id,name\nc1,Zoë\n');
    expect(log).toEqual(['attach customers.csv', 'click customers.csv']);
    expect(pending).toHaveLength(1);
    first(pending)();
    expect(log).toContain('revoke blob:fake/1');
  });
  it('downloads JSON with a JSON type', async () => {
    const { bridge, blobs } = setup();
    await bridge.files.saveJson({ suggestedName: 'customer-c1.json', content: '{"id":"c1"}' });
    expect(first(blobs).type).toBe('application/json;charset=utf-8');
  });
  it('rejects a bad request exactly like the desktop, downloading nothing', async () => {
    const { bridge, anchors } = setup();
    await expect(bridge.files.saveCsv({ suggestedName: '../x.csv', content: '' })).rejects.toThrow(/^files\.saveCsv: suggestedName/);
    await expect(bridge.files.saveJson({ suggestedName: 'x.json', content: '{' })).rejects.toThrow(/content is not valid JSON/);
    expect(anchors).toHaveLength(0);
  });
});

describe('web bridge: notify', () => {
  it('shows a Web Notification when permission is granted', async () => {
    const { api, shown } = fakeNotifications('granted');
    const { bridge } = setup({ Notification: api });
    expect(await bridge.notify({ title: 'Synced', body: '12 changes' })).toBe(true);
    expect(shown).toEqual([{ title: 'Synced', body: '12 changes' }]);
  });
  it.each(['default', 'denied'] as const)('does nothing and returns false when permission is %s', async (permission) => {
    const { api, shown } = fakeNotifications(permission);
    expect(await setup({ Notification: api }).bridge.notify({ title: 't', body: '' })).toBe(false);
    expect(shown).toEqual([]);
  });
  it('returns false without the API and when the constructor throws', async () => {
    expect(await setup().bridge.notify({ title: 't', body: '' })).toBe(false);
    const throwing = class {
      static readonly permission = 'granted' as const;
      readonly title: string;
      constructor(title: string) {
        this.title = title;
        throw new TypeError('Illegal constructor');
      }
    } satisfies NotificationApi;
    expect(await setup({ Notification: throwing }).bridge.notify({ title: 't', body: '' })).toBe(false);
  });
  it('validates the request', async () => {
    await expect(setup().bridge.notify({ title: '', body: '' })).rejects.toThrow('notify: title must not be empty');
  });
});

describe('web bridge: secrets', () => {
  it('keeps values in memory and sessionStorage, and deletes them from both', async () => {
    const { bridge, storage } = setup();
    expect(await bridge.secrets.get('device-token')).toBeNull();
    await bridge.secrets.set('device-token', 'tok-1', 'session');
    expect(await bridge.secrets.get('device-token')).toBe('tok-1');
    expect(storage.items.get('branchdesk.secret.device-token')).toBe('tok-1');
    await bridge.secrets.delete('device-token');
    expect(await bridge.secrets.get('device-token')).toBeNull();
    expect(storage.items.size).toBe(0);
  });
  it('finds a value stored earlier in the session (after a reload)', async () => {
    const storage = new FakeStorage();
    storage.setItem('branchdesk.secret.organisation-secret', 'org');
    expect(await setup({ sessionStorage: storage }).bridge.secrets.get('organisation-secret')).toBe('org');
  });
  it('works from memory when sessionStorage is missing or throws', async () => {
    const noStorage = setup({ sessionStorage: null }).bridge;
    await noStorage.secrets.set('device-token', 'a', 'session');
    expect(await noStorage.secrets.get('device-token')).toBe('a');
    const broken: SessionStorageLike = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    const throwing = setup({ sessionStorage: broken }).bridge;
    expect(await throwing.secrets.get('device-token')).toBeNull();
    await throwing.secrets.set('device-token', 'b', 'session');
    expect(await throwing.secrets.get('device-token')).toBe('b');
    await throwing.secrets.delete('device-token');
    expect(await throwing.secrets.get('device-token')).toBeNull();
  });
  it('refuses keys outside the allow-list and empty values', async () => {
    const { bridge, storage } = setup();
    // @ts-expect-error -- a key the type forbids, as a careless caller might pass at runtime
    await expect(bridge.secrets.set('password', 'x', 'session')).rejects.toThrow(/^secrets\.set: key must be one of/);
    await expect(bridge.secrets.set('device-token', '', 'session')).rejects.toThrow('secrets.set: value must not be empty');
    // @ts-expect-error -- a lifetime the type forbids
    await expect(bridge.secrets.set('device-token', 'x', 'forever')).rejects.toThrow(/^secrets\.set: lifetime must be one of/);
    expect(storage.items.size).toBe(0);
  });
});

describe('web bridge: lasting secrets (HQ stays signed in across browser restarts)', () => {
  const browser = () => {
    const indexedDB = new IDBFactory();
    const lasting = () => createLastingSecrets({ indexedDB, IDBKeyRange, crypto: globalThis.crypto });
    return { indexedDB, start: () => setup({ lastingSecrets: lasting() }) };
  };

  it('a lasting secret survives a restart (a new session, nothing in memory or sessionStorage); a session one does not', async () => {
    const b = browser();
    const first = b.start();
    await first.bridge.secrets.set('device-token', 'hq-token', 'lasting');
    await first.bridge.secrets.set('organisation-secret', 'org', 'session');
    expect(first.storage.items.has('branchdesk.secret.device-token')).toBe(false);
    const restarted = b.start();
    expect(await restarted.bridge.secrets.get('device-token')).toBe('hq-token');
    expect(await restarted.bridge.secrets.get('organisation-secret')).toBeNull();
  });

  it('stores the value sealed under a key no script can read out, bound to its name', async () => {
    const b = browser();
    await b.start().bridge.secrets.set('device-token', 'hq-token-0123456789', 'lasting');
    const raw = new Dexie('branchdesk-secrets', { indexedDB: b.indexedDB, IDBKeyRange });
    raw.version(1).stores({ secrets: 'key', keys: 'id' });
    const sealed = (await raw.table('secrets').get('device-token')) as { iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer };
    expect(Buffer.from(sealed.data).toString('latin1')).not.toContain('hq-token');
    const { key } = (await raw.table('keys').get('seal')) as { key: CryptoKey };
    expect(key.extractable).toBe(false);
    await expect(globalThis.crypto.subtle.exportKey('raw', key)).rejects.toThrow();
    // moved to another name it does not open: it reads as absent, and is removed
    await raw.table('secrets').put({ ...sealed, key: 'organisation-secret' });
    raw.close();
    const restarted = b.start();
    expect(await restarted.bridge.secrets.get('organisation-secret')).toBeNull();
    expect(await restarted.bridge.secrets.get('device-token')).toBe('hq-token-0123456789');
  });

  it('signing out deletes it everywhere; a session sign-in replaces a lasting one', async () => {
    const b = browser();
    const first = b.start();
    await first.bridge.secrets.set('device-token', 'hq', 'lasting');
    await first.bridge.secrets.delete('device-token');
    expect(await b.start().bridge.secrets.get('device-token')).toBeNull();
    const second = b.start();
    await second.bridge.secrets.set('device-token', 'hq', 'lasting');
    await second.bridge.secrets.set('device-token', 'desk', 'session');
    expect(await b.start().bridge.secrets.get('device-token')).toBeNull();
  });

  it('reading or deleting before anything lasting was stored creates no database (an unpaired desk deletes its token at every start)', async () => {
    const b = browser();
    const { bridge } = b.start();
    expect(await bridge.secrets.get('device-token')).toBeNull();
    await bridge.secrets.delete('device-token');
    await bridge.secrets.set('organisation-secret', 'org', 'session');
    expect(await b.indexedDB.databases()).toEqual([]);
    await bridge.secrets.set('device-token', 'hq', 'lasting');
    expect((await b.indexedDB.databases()).map((d) => d.name)).toEqual(['branchdesk-secrets']);
  });

  it('without a usable lasting store a lasting secret is kept for the session instead, never lost', async () => {
    const broken = { get: () => Promise.reject(new Error('blocked')), set: () => Promise.reject(new Error('blocked')), delete: () => Promise.reject(new Error('blocked')) };
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const { bridge, storage } = setup({ lastingSecrets: broken });
      await bridge.secrets.set('device-token', 'hq', 'lasting');
      expect(storage.items.get('branchdesk.secret.device-token')).toBe('hq');
      expect(await bridge.secrets.get('device-token')).toBe('hq');
      expect(await setup({ lastingSecrets: null }).bridge.secrets.get('device-token')).toBeNull();
    } finally {
      console.warn = warn;
    }
  });
});
