/**
 * A background job that runs in rounds, one at a time: after every change notice for one
 * collection (through PostgreSQL LISTEN/NOTIFY, so a change made through another process counts),
 * at start, on a reconnect of the listener, and every `pollMs`. A kick during a round runs one
 * more round right after it. Used by the outbox worker and the reminder scheduler.
 */
import { CHANGES_CHANNEL, parseNotice } from './notify';
import type { Store } from './store';

export interface RoundsOptions {
  /** Names the job in the log when a round fails. */
  name: string;
  /** The collection whose changes start a round. */
  collection: string;
  pollMs: number;
  round: () => Promise<unknown>;
}

export class ChangeDrivenRounds {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private unlisten: (() => Promise<void>) | null = null;

  constructor(
    private readonly store: Store,
    private readonly options: RoundsOptions,
  ) {}

  /** Runs a round now (or right after the one in progress). */
  kick(): void {
    if (this.stopped) return;
    if (this.running !== null) {
      this.again = true;
      return;
    }
    this.running = this.options
      .round()
      .then(() => undefined)
      .catch((error: unknown) => this.store.log.error({ err: error }, `${this.options.name} round failed`))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.unlisten = await this.store.db.listen(
      CHANGES_CHANNEL,
      (payload) => {
        if (parseNotice(payload)?.collection === this.options.collection) this.kick();
      },
      () => this.kick(),
    );
    this.timer = setInterval(() => this.kick(), this.options.pollMs);
    this.timer.unref();
    this.kick();
  }

  /** Stops polling and listening, then waits for the round in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    if (this.unlisten !== null) await this.unlisten();
    this.unlisten = null;
    while (this.running !== null) await this.running;
  }
}
