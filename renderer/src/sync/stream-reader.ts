import type { StreamMessage } from '../../../shared/sync/protocol';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { isFatal, problemKind, SyncHttpError, SyncNetworkError } from './errors';
import { createSseParser } from './sse-parser';
import { parseStreamMessage } from './wire';

export type StreamState =
  | { phase: 'connecting'; attempt: number }
  /** Connected: the server's `resync` arrived. */
  | { phase: 'open' }
  /** Disconnected; the next attempt starts in `retryInMs` unless woken earlier. */
  | { phase: 'waiting'; error: unknown; retryInMs: number }
  | { phase: 'stopped' };

export interface StreamReaderOptions {
  openStream(signal: AbortSignal): Promise<Response>;
  onMessage(message: StreamMessage): void;
  onState(state: StreamState): void;
  /** 401 / 426: reconnecting cannot help; the reader has stopped. */
  onFatal(error: SyncHttpError): void;
  backoff?: BackoffOptions;
  /** No bytes for this long (the server pings every 15 s) means a dead connection. */
  idleTimeoutMs?: number;
  /** Waits `ms` or until the signal aborts (injected in tests). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

/**
 * ONE fetch-based reader of the server's live stream (`GET /api/sync/stream`, the device token in
 * the Authorization header) feeding every collection. It reconnects with back-off whenever the
 * stream drops or goes silent, and every connection starts with the server's `resync`.
 */
export class StreamReader {
  private running = false;
  private connection: AbortController | null = null;
  private wake: AbortController | null = null;
  private attempt = 0;
  private loop: Promise<void> = Promise.resolve();

  constructor(private readonly options: StreamReaderOptions) {}

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.attempt = 0;
    const previous = this.loop;
    this.loop = previous.then(() => this.run());
  }

  /** Stops reading; resolves when the current connection is closed. */
  async stop(): Promise<void> {
    if (!this.running) return this.loop;
    this.running = false;
    this.connection?.abort();
    this.wake?.abort();
    await this.loop;
    this.options.onState({ phase: 'stopped' });
  }

  /** Skips the current back-off wait (e.g. the browser came back online). */
  reconnectNow(): void {
    this.attempt = 0;
    this.wake?.abort();
  }

  private async run(): Promise<void> {
    const sleep = this.options.sleep ?? defaultSleep;
    while (this.running) {
      const connection = new AbortController();
      this.connection = connection;
      this.options.onState({ phase: 'connecting', attempt: this.attempt });
      let error: unknown;
      try {
        const res = await this.options.openStream(connection.signal);
        await this.read(res, connection);
        error = new SyncNetworkError('the live stream was closed');
      } catch (e) {
        error = e;
      }
      this.connection = null;
      if (!this.running) break;
      if (error instanceof SyncHttpError && isFatal(problemKind(error))) {
        this.running = false;
        this.options.onFatal(error);
        break;
      }
      const retryInMs = backoffDelay(this.attempt, this.options.backoff ?? DEFAULT_BACKOFF);
      this.attempt += 1;
      this.options.onState({ phase: 'waiting', error, retryInMs });
      const wake = new AbortController();
      this.wake = wake;
      await sleep(retryInMs, wake.signal);
      this.wake = null;
    }
  }

  private async read(res: Response, connection: AbortController): Promise<void> {
    const body = res.body;
    if (body === null) return;
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    const idleMs = this.options.idleTimeoutMs ?? 45_000;
    let idle: ReturnType<typeof setTimeout> | undefined;
    const arm = (): void => {
      clearTimeout(idle);
      idle = setTimeout(() => connection.abort(new SyncNetworkError(`the live stream was silent for ${Math.round(idleMs / 1000)} s`)), idleMs);
    };
    let failure: unknown = null;
    const parser = createSseParser({
      onEvent: (event) => {
        if (failure !== null) return;
        try {
          const message = parseStreamMessage(event.data);
          if (message.type === 'resync') {
            this.attempt = 0;
            this.options.onState({ phase: 'open' });
          }
          this.options.onMessage(message);
        } catch (e) {
          failure = e;
        }
      },
    });
    const onAbort = (): void => void reader.cancel().catch(() => undefined);
    connection.signal.addEventListener('abort', onAbort);
    if (connection.signal.aborted) onAbort();
    try {
      arm();
      for (;;) {
        const { done, value } = await reader.read();
        if (done || connection.signal.aborted) break;
        arm();
        parser.push(value);
        if (failure !== null) throw failure;
      }
      if (connection.signal.aborted && this.running) throw connection.signal.reason ?? new SyncNetworkError('the live stream was interrupted');
    } finally {
      clearTimeout(idle);
      connection.signal.removeEventListener('abort', onAbort);
      parser.end();
      connection.abort();
    }
  }
}
