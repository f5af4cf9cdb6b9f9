/**
 * Issue 8, found 7: the PGlite data directory (organisation secrets, token hashes) is private:
 * 0700 directories and 0600 files, PGlite's own files included, even when the server starts
 * with a permissive umask (000) and on a directory an older version left world-readable.
 */
import { chmod, lstat, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteDir } from '../db/data-dir';
import { customerDoc } from '../test-support/docs';
import { client } from '../test-support/http';
import { startHarness, type Harness } from './limits-harness';

const SLOW = 120_000;

async function loose(dir: string, out: string[] = []): Promise<string[]> {
  const info = await lstat(dir);
  if (info.isDirectory()) {
    if ((info.mode & 0o777) !== 0o700) out.push(`${dir} ${(info.mode & 0o777).toString(8)}`);
    for (const name of await readdir(dir)) await loose(join(dir, name), out);
  } else if ((info.mode & 0o077) !== 0) {
    out.push(`${dir} ${(info.mode & 0o777).toString(8)}`);
  }
  return out;
}

describe('data directory permissions (PGlite)', { timeout: SLOW }, () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness('pglite', {
      devices: [{ branch: 'br-a', role: 'front_desk' }],
      umask: 0,
      async prepare(dir) {
        // As an older version left it: world-readable files and directories.
        await writeFile(join(dir, 'old-notes.txt'), 'left by an older version');
        await chmod(join(dir, 'old-notes.txt'), 0o666);
        await chmod(pgliteDir(dir), 0o777);
        await chmod(dir, 0o777);
      },
    });
  }, SLOW);
  afterAll(async () => h?.close(), SLOW);

  it('keeps every directory 0700 and every file 0600 while the server writes', async () => {
    const desk = client(h.url, h.devices[0]?.token as string);
    const docs = Array.from({ length: 50 }, (_, i) => ({ newDocumentState: customerDoc({ id: `cu-perm-${i}`, registered_branch_id: 'br-a', notes: 'n'.repeat(2000) }) }));
    expect((await desk.post('/api/sync/customers/push', docs)).status).toBe(200);
    const dir = h.dataDir as string;
    expect(await loose(dir)).toEqual([]);
    // PGlite's files are there and were checked.
    expect((await readdir(pgliteDir(dir))).length).toBeGreaterThan(5);
  });
});
