import { create } from 'zustand';
import type { PairingRecord } from './pairing-record';
import { INITIAL_SYNC_STATUS, syncStatusReducer, type SyncEvent, type SyncStatusState } from './sync-status';

export interface SyncStoreState {
  /** The pairing record of the open replica was read (until then the app does not know its mode). */
  loaded: boolean;
  /** The pairing (active or a past one), null when this desk was never paired. */
  pairing: PairingRecord | null;
  /** Paired, but the device token is gone (web mode keeps it for the browser session only). */
  signedOut: boolean;
  status: SyncStatusState;
}

const initial: SyncStoreState = { loaded: false, pairing: null, signedOut: false, status: INITIAL_SYNC_STATUS };

/** The desk's sync state for the UI (indicator, Settings, HQ mode). Written by the sync session. */
export const useSyncStore = create<SyncStoreState>(() => initial);

export function dispatchSync(event: SyncEvent): void {
  useSyncStore.setState((s) => ({ status: syncStatusReducer(s.status, event) }));
}

/** The active pairing's role, or null when this desk is not paired. */
export function activeRole(s: SyncStoreState): PairingRecord['role'] | null {
  return s.pairing?.active === true ? s.pairing.role : null;
}
