/**
 * One window at a time works with this desk's data (docs/DESIGN.md §16). The window whose desk is
 * open holds the Web Lock `branchdesk-desk` (shared by every tab and window of the app's origin)
 * until it closes its desk; the lock goes with the window when it is closed or reloaded. Another
 * window finds the lock held and shows "Branchdesk is already open in another window"; its
 * "Use here instead" asks the holder, over a BroadcastChannel, to close its desk and let go.
 */
const LOCK_NAME = 'branchdesk-desk';
const CHANNEL_NAME = 'branchdesk-desk';

/** How long a window starting up waits for the lock (a reload's previous page letting go of it). */
export const START_WAIT_MS = 1500;
/** How long "Use here instead" waits for the window with the desk to answer that it is closing it. */
export const ANSWER_WAIT_MS = 3000;
/** How long it then waits for that window to finish closing the desk before taking the lock anyway. */
export const HANDOVER_WAIT_MS = 60_000;

type Message = { type: 'take-over' } | { type: 'closing' };

function isMessage(data: unknown): data is Message {
  const type = typeof data === 'object' && data !== null ? (data as { type?: unknown }).type : undefined;
  return type === 'take-over' || type === 'closing';
}

/** The held lock: `release` lets another window have it. */
export interface DeskLock {
  release: () => void;
}

export type LockRequest = { ifAvailable: true } | { timeoutMs: number } | { steal: true };

function lockOptions(how: LockRequest): LockOptions {
  if ('steal' in how) return { steal: true };
  if ('ifAvailable' in how) return { ifAvailable: true };
  return { signal: AbortSignal.timeout(how.timeoutMs) };
}

/**
 * Requests the lock: only if no window holds it, waiting at most `timeoutMs` for the window
 * holding it to let go (both resolve null when they do not get it), or, with `steal`, at once
 * from whoever holds it (that window's `onLost` runs). `onLost` runs when another window steals
 * the lock later.
 */
export function requestDeskLock(how: LockRequest, onLost: () => void): Promise<DeskLock | null> {
  return new Promise((resolve, reject) => {
    let granted = false;
    navigator.locks
      .request(LOCK_NAME, lockOptions(how), (lock) => {
        if (lock === null) {
          resolve(null);
          return undefined;
        }
        granted = true;
        return new Promise<void>((release) => resolve({ release: () => release() }));
      })
      .catch((error: unknown) => {
        if (granted) onLost();
        else if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) resolve(null);
        else reject(error instanceof Error ? error : new Error(String(error)));
      });
  });
}

/**
 * The channel on which a window asks the one with the desk to hand it over. `onAsked` runs in
 * every other window of the app when one of them calls `askToTakeOver`; the window with the desk
 * answers with `answerClosing`.
 */
export class HandoverChannel {
  private readonly channel = new BroadcastChannel(CHANNEL_NAME);
  private answered: (() => void) | null = null;

  constructor(onAsked: () => void) {
    this.channel.onmessage = (event: MessageEvent<unknown>) => {
      if (!isMessage(event.data)) return;
      if (event.data.type === 'take-over') onAsked();
      else this.answered?.();
    };
  }

  /** Asks for the desk; resolves true when the window with it answers within `waitMs`. */
  askToTakeOver(waitMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.answered = null;
        resolve(false);
      }, waitMs);
      this.answered = () => {
        clearTimeout(timer);
        this.answered = null;
        resolve(true);
      };
      this.post({ type: 'take-over' });
    });
  }

  /** The window with the desk: "closing it now, the lock follows". */
  answerClosing(): void {
    this.post({ type: 'closing' });
  }

  private post(message: Message): void {
    this.channel.postMessage(message);
  }
}
