/**
 * The desk's sync status as one pure reducer, so the top-bar indicator, the Settings section and
 * the tests read the same state. Events come from the sync engine (connectivity, the live stream,
 * each collection's replication, the pending-changes tracker, first-sync progress).
 */
import type { SyncCollection } from '../../../shared/sync/protocol';
import type { SyncProblemKind } from './errors';
import type { RefusedDoc } from './refused-store';

export interface SyncProblem {
  kind: SyncProblemKind;
  message: string;
  /** The document and field the server named (refused changes), for a description in words. */
  document?: { collection: string; id: string; field: string; message: string };
}

export interface FirstSyncProgress {
  /** Documents pulled so far. */
  done: number;
  /** Documents the server holds for this desk (null: unknown). */
  total: number | null;
}

export interface SyncStatusState {
  /** Paired and syncing (or trying to). */
  running: boolean;
  /** The browser's view of connectivity (`navigator.onLine`). */
  online: boolean;
  /** The live stream delivered its `resync`: the server is reachable. */
  connected: boolean;
  /** Collections with a replication cycle under way. */
  active: SyncCollection[];
  /** Documents pulled + pushed since the current burst of activity began. */
  transferred: number;
  /** When every collection last became idle with nothing left to send (ms). */
  lastSyncedAt: number | null;
  /** Local changes not yet acknowledged by the server. */
  pending: number;
  /** Collections whose last push the server refused as a whole, with the reason (their changes wait locally). */
  rejected: Partial<Record<SyncCollection, SyncProblem>>;
  /** Documents the server refused, parked on this desk until fixed or discarded (the rest syncs). */
  refused: RefusedDoc[];
  /** The server cannot be reached or failed (retried automatically). */
  trouble: SyncProblem | null;
  /** Sync stopped until a person acts (revoked device, outdated app). */
  fatal: SyncProblem | null;
  firstSync: FirstSyncProgress | null;
}

export type SyncEvent =
  | { type: 'started'; online: boolean; firstSync: boolean }
  | { type: 'stopped' }
  | { type: 'online' }
  | { type: 'offline' }
  | { type: 'stream-open' }
  | { type: 'stream-down'; problem: SyncProblem }
  | { type: 'active'; collection: SyncCollection; active: boolean; at: number }
  | { type: 'transferred'; count: number }
  | { type: 'pulled'; count: number }
  | { type: 'pending'; count: number }
  | { type: 'rejected'; collection: SyncCollection; problem: SyncProblem }
  | { type: 'retrying'; collection: SyncCollection }
  | { type: 'refused'; documents: RefusedDoc[] }
  | { type: 'trouble'; problem: SyncProblem }
  | { type: 'fatal'; problem: SyncProblem }
  | { type: 'first-sync-total'; total: number | null }
  | { type: 'first-sync-done' };

export const INITIAL_SYNC_STATUS: SyncStatusState = {
  running: false,
  online: true,
  connected: false,
  active: [],
  transferred: 0,
  lastSyncedAt: null,
  pending: 0,
  rejected: {},
  refused: [],
  trouble: null,
  fatal: null,
  firstSync: null,
};

function withoutKey<K extends string, V>(record: Partial<Record<K, V>>, key: K): Partial<Record<K, V>> {
  if (!(key in record)) return record;
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key)) as Partial<Record<K, V>>;
}

export function syncStatusReducer(state: SyncStatusState, event: SyncEvent): SyncStatusState {
  switch (event.type) {
    case 'started':
      return { ...INITIAL_SYNC_STATUS, running: true, online: event.online, pending: state.pending, refused: state.refused, lastSyncedAt: state.lastSyncedAt, firstSync: event.firstSync ? { done: 0, total: null } : null };
    case 'stopped':
      return { ...state, running: false, connected: false, active: [], transferred: 0, trouble: null };
    case 'online':
      return { ...state, online: true };
    case 'offline':
      return { ...state, online: false, connected: false, active: [], transferred: 0, trouble: null };
    case 'stream-open':
      return { ...state, connected: true, trouble: state.trouble?.kind === 'unreachable' ? null : state.trouble };
    case 'stream-down':
      return { ...state, connected: false, trouble: state.online ? event.problem : null };
    case 'active': {
      const has = state.active.includes(event.collection);
      if (event.active === has) return state;
      const active = event.active ? [...state.active, event.collection] : state.active.filter((c) => c !== event.collection);
      const idle = active.length === 0;
      return {
        ...state,
        active,
        transferred: idle ? 0 : state.transferred,
        lastSyncedAt: idle && state.connected && state.online && state.trouble === null ? event.at : state.lastSyncedAt,
      };
    }
    case 'transferred':
      return { ...state, transferred: state.transferred + event.count, trouble: state.trouble?.kind === 'unreachable' || state.trouble?.kind === 'server' ? null : state.trouble };
    case 'pulled':
      return state.firstSync === null ? state : { ...state, firstSync: { ...state.firstSync, done: state.firstSync.done + event.count } };
    case 'pending':
      return state.pending === event.count ? state : { ...state, pending: event.count };
    case 'rejected':
      return { ...state, rejected: { ...state.rejected, [event.collection]: event.problem } };
    case 'retrying':
      return { ...state, rejected: withoutKey(state.rejected, event.collection) };
    case 'refused':
      return { ...state, refused: event.documents.filter((d) => d.discarded !== true) };
    case 'trouble':
      return { ...state, trouble: state.online ? event.problem : null };
    case 'fatal':
      return { ...state, running: false, connected: false, active: [], transferred: 0, fatal: event.problem, firstSync: null };
    case 'first-sync-total':
      return state.firstSync === null ? state : { ...state, firstSync: { ...state.firstSync, total: event.total } };
    case 'first-sync-done':
      return { ...state, firstSync: null };
  }
}

export type SyncTone = 'idle' | 'offline' | 'syncing' | 'synced' | 'warning' | 'error';

export interface SyncSummary {
  tone: SyncTone;
  /** Short text for the top bar. */
  label: string;
  /** A sentence with the reason or the next step, when there is one. */
  detail: string;
}

const count = new Intl.NumberFormat('en');

export function plural(n: number, one: string, many: string): string {
  return `${count.format(n)} ${n === 1 ? one : many}`;
}

/**
 * What the indicator says. `clock` formats an instant as HH:MM in the desk's zone. Order of
 * precedence: stopped for good, offline, refused changes (a collection, then parked documents), server trouble, syncing, synced.
 */
export function summarizeSync(state: SyncStatusState, clock: (ms: number) => string): SyncSummary {
  const waiting = state.pending > 0 ? ` ${plural(state.pending, 'change waits', 'changes wait')} on this desk.` : '';
  if (state.fatal !== null) return { tone: 'error', label: state.fatal.kind === 'outdated' ? 'Update needed' : 'Not syncing', detail: state.fatal.message };
  if (!state.running) return { tone: 'idle', label: 'Not paired', detail: 'This desk works on its own. Pair it with a server in Settings to sync.' };
  if (!state.online) return { tone: 'offline', label: 'Offline', detail: `Working offline; changes are kept on this desk and sent when the connection is back.${waiting}` };
  const rejected = Object.values(state.rejected);
  if (rejected.length > 0) {
    const first = rejected[0] as SyncProblem;
    return { tone: 'error', label: 'Sync error', detail: `${first.message}${rejected.length > 1 ? ` (and ${rejected.length - 1} more)` : ''}. Nothing is lost: the change stays on this desk until it is fixed.` };
  }
  const refused = state.refused;
  if (refused.length > 0) {
    const first = refused[0] as RefusedDoc;
    return {
      tone: 'error',
      label: `${count.format(refused.length)} not synced`,
      detail: `The server refused ${first.collection} ${first.id}: ${first.field === '' ? '' : `${first.field} `}${first.message}${refused.length > 1 ? ` (and ${refused.length - 1} more)` : ''}. Everything else syncs; fix or discard it under Not synced.`,
    };
  }
  if (state.trouble !== null) return { tone: 'warning', label: state.trouble.kind === 'unreachable' ? 'Server unreachable' : 'Sync problem', detail: `${state.trouble.message}${waiting}` };
  if (state.firstSync !== null) {
    const { done, total } = state.firstSync;
    return { tone: 'syncing', label: total === null ? `First sync: ${count.format(done)}` : `First sync: ${count.format(done)} of ${count.format(total)}`, detail: 'Receiving this branch’s customers and bookings.' };
  }
  if (state.active.length > 0 || !state.connected) {
    return { tone: 'syncing', label: state.transferred > 0 ? `Syncing ${count.format(state.transferred)}` : state.connected ? 'Syncing' : 'Connecting', detail: waiting.trim() };
  }
  if (state.lastSyncedAt !== null) {
    return { tone: 'synced', label: `Synced at ${clock(state.lastSyncedAt)}`, detail: state.pending > 0 ? waiting.trim() : 'Everything on this desk is on the server.' };
  }
  return { tone: 'synced', label: 'Connected', detail: waiting.trim() };
}
