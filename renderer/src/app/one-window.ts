import { create } from 'zustand';
import { ANSWER_WAIT_MS, HANDOVER_WAIT_MS, HandoverChannel, requestDeskLock, START_WAIT_MS, type DeskLock, type LockRequest } from '../data/desk-lock';
import { closeDesk, startDesk } from '../data/session';
import { lockDesk } from '../data/team';
import { stopSync } from '../sync/sync-session';

/**
 * One window at a time opens this desk's data (docs/DESIGN.md §16): `here` (the desk is open in
 * this window, or opening), `already-open` (another window had it when this one started),
 * `moved` (another window took it over), `taking-over` ("Use here instead" is waiting for the
 * other window to close its desk).
 */
export type WindowState = 'here' | 'already-open' | 'moved' | 'taking-over';

export const useWindowStore = create<{ state: WindowState }>(() => ({ state: 'here' }));

let held: DeskLock | null = null;
/** The current start-up of the desk in this window (a hand-over waits for it to finish). */
let starting: Promise<void> = Promise.resolve();
let leaving: Promise<void> | null = null;
let channel: HandoverChannel | null = null;

function show(state: WindowState): void {
  useWindowStore.setState({ state });
}

async function claim(how: LockRequest): Promise<DeskLock | null> {
  const lock = await requestDeskLock(how, () => void handOver());
  held = lock;
  return lock;
}

/** A task later: React has unmounted the screens (and their live queries). A timer, not a frame: the window may be hidden. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Another window asked for the desk (or took the lock): this window stops syncing at once (two
 * windows never sync one replica), lets its start-up finish reading, finishes its writes, closes
 * the replica, forgets who was signed in, and only then lets go of the lock.
 */
function handOver(): Promise<void> {
  if (held === null) return Promise.resolve();
  channel?.answerClosing();
  leaving ??= (async () => {
    show('moved');
    lockDesk();
    await stopSync();
    await starting.catch(() => undefined);
    await nextTask();
    // Again: a start-up still opening the replica above may have started sync since.
    await stopSync();
    await closeDesk();
    held?.release();
    held = null;
  })().finally(() => {
    leaving = null;
  });
  return leaving;
}

function handoverChannel(): HandoverChannel {
  channel ??= new HandoverChannel(() => void handOver());
  return channel;
}

/** At start-up (main.tsx): opens the desk here when no other window has it, else says so. */
export function openDeskHere(): void {
  handoverChannel();
  starting = claim({ timeoutMs: START_WAIT_MS }).then(async (lock) => {
    if (lock === null) show('already-open');
    else await startDesk();
  });
  setInterval(() => void openWhenFree(), FREE_CHECK_MS);
}

/** How often a window showing "open in another window" checks whether that window was closed. */
const FREE_CHECK_MS = 2000;
let checking: Promise<void> | null = null;

/**
 * A visible window showing "open in another window" opens the desk by itself once no window has
 * it (the other one was closed). Hidden windows wait: the one in front of the person gets it.
 */
function openWhenFree(): Promise<void> {
  const state = useWindowStore.getState().state;
  if (checking !== null || held !== null || (state !== 'already-open' && state !== 'moved') || document.visibilityState !== 'visible') return Promise.resolve();
  checking = (async () => {
    const lock = await claim({ ifAvailable: true });
    if (lock === null) return;
    show('here');
    starting = startDesk();
  })().finally(() => {
    checking = null;
  });
  return checking;
}

/**
 * "Use here instead": takes the lock when it is free (the other window was closed); else asks the
 * window that has the desk to close it and waits until it has. A window that does not answer
 * within ANSWER_WAIT_MS (stuck, e.g. on a modal alert) has the lock taken from it: it closes its
 * desk as soon as it runs again.
 */
export async function takeOverDesk(): Promise<void> {
  await checking;
  if (held !== null) return;
  const before = useWindowStore.getState().state;
  show('taking-over');
  try {
    let lock = await claim({ ifAvailable: true });
    if (lock === null) {
      const answered = await handoverChannel().askToTakeOver(ANSWER_WAIT_MS);
      if (answered) lock = await claim({ timeoutMs: HANDOVER_WAIT_MS });
      lock ??= await claim({ steal: true });
    }
    if (lock === null) throw new Error('the other window still has the desk');
  } catch (error) {
    show(before);
    throw error;
  }
  show('here');
  starting = startDesk();
  await starting;
}
