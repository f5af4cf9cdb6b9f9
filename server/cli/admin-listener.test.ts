import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../store/store';
import { ADMIN_SECRET_HEADER } from './admin-client';
import { startAdmin, type AdminListener } from './admin-listener';

/** The local admin listener of a PGlite server: its body is checked by its schema, after the secret. */
describe('admin listener', () => {
  let store: Store;
  let admin: AdminListener;
  beforeAll(async () => {
    store = await Store.open({});
    admin = await startAdmin(Promise.resolve(store), pino({ level: 'silent' }));
  });
  afterAll(async () => {
    await admin.close();
    await store.close();
  });

  const post = async (body: string, secret = admin.secret) => {
    const response = await fetch(`http://127.0.0.1:${admin.port}/admin/cli`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [ADMIN_SECRET_HEADER]: secret },
      body,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('runs a forwarded command and answers its exit code and output', async () => {
    const { status, body } = await post(JSON.stringify({ command: 'devices', argv: [] }));
    expect(status).toBe(200);
    expect(body).toMatchObject({ exitCode: 0, message: '' });
    expect(typeof body.stdout).toBe('string');
  });

  it('refuses a wrong secret before it looks at the body', async () => {
    expect(await post('{"command": 1}', 'x'.repeat(admin.secret.length))).toEqual({ status: 401, body: { error: 'bad admin secret' } });
    expect(await post('not json', '')).toEqual({ status: 401, body: { error: 'bad admin secret' } });
  });

  it('refuses a bad body with 400, naming the field and what it must be', async () => {
    const commands = 'import, import-customers, import-bookings, import-batches, import-undo, enroll, verify, devices, revoke';
    expect(await post(JSON.stringify({ command: 'serve', argv: [] }))).toEqual({
      status: 400,
      body: { error: `invalid request body: command must be a command that needs the database (${commands})`, details: [{ field: 'command', message: `must be a command that needs the database (${commands})` }] },
    });
    expect(await post(JSON.stringify({ command: 'devices', argv: ['--json', 3] }))).toEqual({
      status: 400,
      body: { error: 'invalid request body: argv.1 must be text', details: [{ field: 'argv.1', message: 'must be text' }] },
    });
    const missing = await post(JSON.stringify({ command: 'devices' }));
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe("invalid request body: argv is required (the command's arguments, an array of at most 1000 texts)");
    expect((await post('[1, 2]')).body.error).toMatch(/^the request body must be an object \{"command"/);
    expect(await post('{"command": "devices", ')).toEqual({ status: 400, body: { error: 'the request body is not valid JSON' } });
  });
});
