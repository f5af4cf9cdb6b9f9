/**
 * The attack suite's target: ONE real server process per database (PGlite directory, or a
 * PostgreSQL database of its own when DATABASE_URL is set) with the two-branch data set, an SMS
 * gateway stand-in, and devices of every role enrolled over HTTP.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCHEMA_VERSION } from '../../shared/domain/schemas';
import { SCHEMA_HEADER, type EnrolResponse, type PullResponse, type Role } from '../../shared/sync/protocol';
import { acquireDataDir, pgliteDir } from '../db/data-dir';
import { createEnrolmentCode } from '../store/auth';
import { importDataset } from '../services/import';
import { Store } from '../store/store';
import { createPostgresDatabase, POSTGRES_URL } from '../test-support/databases';
import { twoBranches } from '../test-support/dataset';
import { startServerProcess, type ServerProcess } from '../test-support/spawn';
import { startWebhook, type TestWebhook } from '../test-support/webhook';

export interface Answer {
  status: number;
  body: unknown;
}

export interface Actor {
  name: string;
  role: Role;
  branch: string;
  session: EnrolResponse;
  get(path: string): Promise<Answer>;
  post(path: string, body: unknown): Promise<Answer>;
  put(path: string, body: unknown): Promise<Answer>;
}

export interface Target {
  /** The server's address (changes when `offline` restarts it). */
  url: string;
  hook: TestWebhook;
  actors: Record<'fdA' | 'mgA' | 'fdB' | 'mgB' | 'hq', Actor>;
  /**
   * Stops the server, runs `fn` on its database (test set-up the HTTP API does not offer, e.g.
   * an hour of earlier outbox history), and starts a new server process on the same database.
   */
  offline(fn: (store: Store) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export const TARGET_NAMES: ('pglite' | 'postgres')[] = POSTGRES_URL === undefined ? ['pglite'] : ['pglite', 'postgres'];

/** fdB is enrolled with a label (`cli enroll --label`), the others numbered by the server. */
const DEVICES: { key: keyof Target['actors']; branch: string; role: Role; label?: string }[] = [
  { key: 'fdA', branch: 'br-a', role: 'front_desk' },
  { key: 'mgA', branch: 'br-a', role: 'manager' },
  { key: 'fdB', branch: 'br-b', role: 'front_desk', label: 'Reception B' },
  { key: 'mgB', branch: 'br-b', role: 'manager' },
  { key: 'hq', branch: '', role: 'hq' },
];

async function seed(store: Store): Promise<Map<string, string>> {
  await importDataset(store, twoBranches(), 0);
  const codes = new Map<string, string>();
  for (const d of DEVICES) codes.set(d.key, (await createEnrolmentCode(store, d.branch, d.role, undefined, d.label)).code);
  return codes;
}

function actor(url: () => string, name: string, session: EnrolResponse): Actor {
  const headers = { authorization: `Bearer ${session.token}`, [SCHEMA_HEADER]: String(SCHEMA_VERSION) };
  const call = async (method: string, path: string, body?: unknown): Promise<Answer> => {
    const res = await fetch(`${url()}${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
  };
  return {
    name,
    role: session.role,
    branch: session.branch_id,
    session,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    put: (path, body) => call('PUT', path, body),
  };
}

/** One page (up to 2,000) of what `who` pulls of `collection`: the answer's status and its documents (none when refused). */
export async function pullDocs<T>(who: Actor, collection: string): Promise<{ status: number; docs: T[] }> {
  const res = await who.get(`/api/sync/${collection}/pull?limit=2000`);
  return { status: res.status, docs: res.status === 200 ? (res.body as PullResponse<T>).documents : [] };
}

/** `who` pushes one document of `collection`, assuming `assumed` is the server's current state (null: a new one). */
export function pushDoc(who: Actor, collection: string, next: unknown, assumed: unknown = null): Promise<Answer> {
  return who.post(`/api/sync/${collection}/push`, [{ assumedMasterState: assumed, newDocumentState: next }]);
}

/** `extra`: more server environment and arguments (e.g. reminders' PUBLIC_URL and a fixed --port). */
export async function openTarget(name: 'pglite' | 'postgres', extra: { env?: Record<string, string>; args?: string[] } = {}): Promise<Target> {
  const hook = await startWebhook();
  const env = { SMS_WEBHOOK_URL: hook.url, OUTBOX_POLL_SECONDS: '1', ...extra.env };
  const args = extra.args ?? [];
  let server: ServerProcess;
  let cleanup: () => Promise<void>;
  let codes: Map<string, string>;
  let start: () => Promise<ServerProcess>;
  let openStore: () => Promise<{ store: Store; release(): Promise<void> }>;
  if (name === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'bd-attack-'));
    openStore = async () => {
      const lock = await acquireDataDir(dir, 'cli');
      const store = await Store.open({ pgliteDir: pgliteDir(dir) });
      const release = async () => {
        await store.close();
        await lock.release();
      };
      return { store, release };
    };
    start = () => startServerProcess(['--data-dir', dir, ...args], env);
    cleanup = () => rm(dir, { recursive: true, force: true });
  } else {
    const db = await createPostgresDatabase();
    openStore = async () => {
      const store = await Store.open({ databaseUrl: db.url });
      return { store, release: () => store.close() };
    };
    start = () => startServerProcess(args, { ...env, DATABASE_URL: db.url });
    cleanup = () => db.drop();
  }
  const seeding = await openStore();
  try {
    codes = await seed(seeding.store);
  } finally {
    await seeding.release();
  }
  server = await start();
  const actors = {} as Target['actors'];
  for (const d of DEVICES) {
    const res = await fetch(`${server.url}/api/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: codes.get(d.key) }) });
    if (res.status !== 200) throw new Error(`enrolment of ${d.key} failed: ${res.status} ${await res.text()}`);
    actors[d.key] = actor(() => server.url, d.key, (await res.json()) as EnrolResponse);
  }
  const target: Target = {
    url: server.url,
    hook,
    actors,
    async offline(fn) {
      await server.stop();
      const opened = await openStore();
      try {
        await fn(opened.store);
      } finally {
        await opened.release();
      }
      server = await start();
      target.url = server.url;
    },
    async close() {
      await server.stop();
      await hook.close();
      await cleanup();
    },
  };
  return target;
}
