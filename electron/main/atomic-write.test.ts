import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'branchdesk-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes UTF-8 and replaces an existing file, leaving no temporary file', async () => {
    const file = join(dir, 'export.csv');
    await writeFile(file, 'old');
    await writeFileAtomic(file, 'name\nZoë Ångström 😀\n');
    expect(await readFile(file, 'utf8')).toBe('name\nZoë Ångström 😀\n');
    expect(await readdir(dir)).toEqual(['export.csv']);
  });
  it('creates files with the requested mode', async () => {
    const file = join(dir, 'secrets.json');
    await writeFileAtomic(file, '{}', 0o600);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
  it('on failure leaves the target untouched and removes the temporary file', async () => {
    const target = join(dir, 'taken.csv');
    await mkdir(target); // renaming a file over a directory fails
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['taken.csv']);
    expect((await stat(target)).isDirectory()).toBe(true);
  });
  it('fails cleanly when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'x.csv'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual([]);
  });
});
