/**
 * When the HQ dashboard fetches again after the live stream said something changed: a throttle,
 * never a debounce. The first request after a quiet spell runs after `delayMs` (a burst of
 * notices becomes one refresh); later requests never push a scheduled refresh back, and two
 * refreshes start at least `minGapMs` apart and never overlap. So while changes keep coming the
 * dashboard refreshes every `minGapMs` (or as soon as the previous refresh ends, if slower), and
 * at most that often; a request is never lost. What to refresh is a set of parts, merged until
 * the refresh runs.
 */
export interface ThrottleOptions {
  delayMs: number;
  minGapMs: number;
  now?: () => number;
}

export class RefreshThrottle<Part> {
  private readonly pending = new Set<Part>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private lastStart = Number.NEGATIVE_INFINITY;
  private stopped = false;

  constructor(
    private readonly run: (parts: ReadonlySet<Part>) => Promise<void>,
    private readonly options: ThrottleOptions,
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Asks for `parts` to be refreshed; returns at once. */
  request(parts: Iterable<Part>): void {
    if (this.stopped) return;
    for (const p of parts) this.pending.add(p);
    if (this.pending.size > 0) this.arm();
  }

  /** Counts a refresh made outside the throttle (e.g. at start-up) for the gap. */
  ranNow(): void {
    this.lastStart = this.now();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }

  private arm(): void {
    if (this.running || this.timer !== undefined) return;
    const wait = Math.max(this.options.delayMs, this.lastStart + this.options.minGapMs - this.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // `run` reports its own failures (the dashboard shows them); nothing is left to handle here
      void this.fire().catch(() => undefined);
    }, wait);
  }

  private async fire(): Promise<void> {
    if (this.stopped || this.pending.size === 0) return;
    const parts = new Set(this.pending);
    this.pending.clear();
    this.running = true;
    this.lastStart = this.now();
    try {
      await this.run(parts);
    } finally {
      this.running = false;
      if (this.pending.size > 0) this.arm();
    }
  }
}
