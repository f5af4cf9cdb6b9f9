/**
 * Issue 8, found 8 (enrolment): the back-off cannot be raced by a burst (attempts are counted
 * before the code is checked), cannot be bypassed by a forged X-Forwarded-For (believed only from
 * the proxies given to --trust-proxy, and then only the address the proxy itself appended), and
 * cannot be turned into a lock-out of legitimate desks (a wait of at most a minute behind a shared
 * address; a valid code from an address that has not failed is never refused because of others).
 * Against a real server process on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FREE_FAILURES, GLOBAL_FAILURES, MAX_LOCKOUT_MS, mostCheckedWithin, timed } from './backoff-bound';
import { startServerProcess } from '../test-support/spawn';
import { PROCESS_TARGETS, startHarness, type Harness } from './limits-harness';

const SLOW = 180_000;
const WRONG = 'AAAA-BBBB-CCCC-DDDD';

function enrol(h: Harness, code: string, forwardedFor?: string): Promise<Response> {
  return fetch(`${h.url}/api/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(forwardedFor !== undefined ? { 'x-forwarded-for': forwardedFor } : {}) },
    body: JSON.stringify({ code }),
  });
}

describe.each(PROCESS_TARGETS)('enrolment back-off on %s (behind a trusted proxy on 127.0.0.1)', { timeout: SLOW }, (target) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(target, {
      args: ['--trust-proxy', '127.0.0.1'],
      spareCodes: [
        { branch: 'br-a', role: 'front_desk' },
        { branch: 'br-a', role: 'front_desk' },
        { branch: 'br-b', role: 'manager' },
      ],
    });
  }, SLOW);
  afterAll(async () => h?.close(), SLOW);

  it('lets exactly the free attempts of a concurrent burst through (counted before checking)', async () => {
    let answers: Response[] = [];
    const { statuses, elapsedMs } = await timed(async () => {
      answers = await Promise.all(Array.from({ length: 100 }, () => enrol(h, WRONG, '203.0.113.7')));
      return answers.map((a) => a.status);
    });
    // Exactly the free ones when the burst is quick; on a loaded machine, at most one more per lock-out that passed.
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked).toBeGreaterThanOrEqual(FREE_FAILURES);
    expect(checked).toBeLessThanOrEqual(mostCheckedWithin(elapsedMs));
    expect(statuses.filter((s) => s === 429)).toHaveLength(100 - checked);
    const refused = answers.find((a) => a.status === 429) as Response;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('believes only the address the trusted proxy appended: a forged, rotating X-Forwarded-For gains nothing', async () => {
    const { statuses, elapsedMs } = await timed(async () => {
      const answers: number[] = [];
      for (let i = 0; i < FREE_FAILURES + 5; i += 1) answers.push((await enrol(h, WRONG, `198.51.100.${i}, 203.0.113.8`)).status);
      return answers;
    });
    expect(statuses.slice(0, FREE_FAILURES).every((s) => s === 401)).toBe(true);
    // Every further one waits (429) unless a lock-out passed meanwhile: a rotating address would get all ten checked.
    expect(statuses.slice(FREE_FAILURES).every((s) => s === 429 || s === 401)).toBe(true);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(mostCheckedWithin(elapsedMs));
  });

  it('delays a desk sharing an attacker\u2019s address by at most a minute, and never blocks a valid code from another address', async () => {
    const shared = '203.0.113.9';
    for (let i = 0; i < 30; i += 1) await Promise.all(Array.from({ length: 5 }, () => enrol(h, WRONG, shared)));
    const wait = Number((await enrol(h, h.spareCodes[0] as string, shared)).headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(MAX_LOCKOUT_MS / 1000);
    // Another address with a valid code is not affected by those failures.
    expect((await enrol(h, h.spareCodes[1] as string, '192.0.2.10')).status).toBe(200);
  });

  it('under a distributed attack gives each new address one free wrong code, and still enrols a valid code', async () => {
    // More than the process-wide budget of wrong codes, from as many addresses.
    for (let i = 0; i <= GLOBAL_FAILURES; i += 20) {
      await Promise.all(Array.from({ length: 20 }, (_, j) => enrol(h, WRONG, `10.${Math.floor((i + j) / 250)}.${(i + j) % 250}.1`)));
    }
    expect((await enrol(h, WRONG, '172.16.0.1')).status).toBe(401);
    expect((await enrol(h, WRONG, '172.16.0.1')).status).toBe(429);
    expect((await enrol(h, h.spareCodes[2] as string, '172.16.0.2')).status).toBe(200);
  });
});

describe('X-Forwarded-For from a connection that is not a trusted proxy', { timeout: SLOW }, () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness('pglite', { args: ['--trust-proxy', '10.0.0.1,10.9.0.0/16'] });
  }, SLOW);
  afterAll(async () => h?.close(), SLOW);

  it('is ignored: rotating it does not give new attempts', async () => {
    const { statuses, elapsedMs } = await timed(async () => {
      const answers: number[] = [];
      for (let i = 0; i < FREE_FAILURES + 3; i += 1) answers.push((await enrol(h, WRONG, `198.51.100.${i}`)).status);
      return answers;
    });
    expect(statuses.slice(FREE_FAILURES).every((s) => s === 429 || s === 401)).toBe(true);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(mostCheckedWithin(elapsedMs));
  });

  it('--trust-proxy refuses what is not an address or range', async () => {
    await expect(startServerProcess(['--trust-proxy', 'everyone', '--data-dir', '/nonexistent'])).rejects.toThrow(/--trust-proxy: "everyone" is not an IP address/);
  });
});
