import { randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `content` as UTF-8 to `path` without ever leaving a half-written file there: the bytes
 * go to a temporary file in the same folder, are flushed to disk, and the temporary file is
 * renamed over `path` (atomic on one file system). On any error the temporary file is removed and
 * `path` is untouched.
 */
export async function writeFileAtomic(path: string, content: string, mode = 0o666): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
