/** An app on a real socket (port 0) for tests, and small request helpers. */
import pino from 'pino';
import { SCHEMA_VERSION } from '../../shared/domain/schemas';
import { SCHEMA_HEADER, type EnrolResponse, type Role } from '../../shared/sync/protocol';
import { buildApp, type BuiltApp } from '../http/app';
import { createEnrolmentCode } from '../store/auth';
import type { Store } from '../store/store';
import type { RemindersConfig } from '../reminders/config';

export interface TestServer extends BuiltApp {
  url: string;
  close(): Promise<void>;
}

export async function startTestServer(store: Store, options: { heartbeatMs?: number; webRoot?: string; schemaVersion?: number; reminders?: RemindersConfig } = {}): Promise<TestServer> {
  const built = await buildApp({
    store,
    trustProxy: true,
    logger: pino({ level: 'silent' }),
    webRoot: options.webRoot ?? '/nonexistent-web-root',
    ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
    ...(options.schemaVersion !== undefined ? { schemaVersion: options.schemaVersion } : {}),
    ...(options.reminders !== undefined ? { reminders: options.reminders } : {}),
  });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const address = built.app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    ...built,
    url: `http://127.0.0.1:${port}`,
    async close() {
      built.beginShutdown();
      await built.hub.close();
      await built.app.close();
    },
  };
}

export async function enrolDevice(store: Store, server: { url: string }, branch: string, role: Role): Promise<EnrolResponse> {
  const { code } = await createEnrolmentCode(store, branch, role);
  const res = await fetch(`${server.url}/api/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  if (res.status !== 200) throw new Error(`enrol failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as EnrolResponse;
}

/** A small client for one device token. */
export function client(url: string, token: string) {
  const headers = { authorization: `Bearer ${token}`, [SCHEMA_HEADER]: String(SCHEMA_VERSION) };
  return {
    async get(path: string): Promise<{ status: number; body: unknown }> {
      const res = await fetch(`${url}${path}`, { headers });
      return { status: res.status, body: await res.json() };
    },
    async post(path: string, body: unknown): Promise<{ status: number; body: unknown }> {
      const res = await fetch(`${url}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, body: await res.json() };
    },
    async put(path: string, body: unknown): Promise<{ status: number; body: unknown }> {
      const res = await fetch(`${url}${path}`, { method: 'PUT', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, body: await res.json() };
    },
  };
}
