import { useEffect, useState } from 'react';
import { problemMessage } from '../../sync/errors';
import type { SyncApi } from '../../sync/api';
import { pairedApi } from '../../sync/sync-session';

/** What a read from the server gave: its value, why it failed, or null while it runs. */
export type ServerRead<T> = { value: T } | { problem: string } | null;

/**
 * Reads `read` from the server whenever `key` (what is asked) or `refresh` (a new report) changes.
 * An answer is shown only for the key it was asked with, so a table never shows another range's
 * or branch's figures under the new heading while the new answer is on its way; a later answer
 * for the same key replaces the one shown without a "reading" flash.
 */
export function useServerRead<T>(key: string, read: (api: SyncApi, signal: AbortSignal) => Promise<T>, refresh: unknown): ServerRead<T> {
  const [answer, setAnswer] = useState<{ key: string; read: NonNullable<ServerRead<T>> } | null>(null);
  useEffect(() => {
    const api = pairedApi();
    if (api === null) return;
    const controller = new AbortController();
    read(api, controller.signal).then(
      (value) => setAnswer({ key, read: { value } }),
      (error: unknown) => {
        if (!controller.signal.aborted) setAnswer({ key, read: { problem: problemMessage(error) } });
      },
    );
    return () => controller.abort();
    // `read` is a new function at every render; what it asks for is `key`
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, refresh]);
  return answer?.key === key ? answer.read : null;
}
