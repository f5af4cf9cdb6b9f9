import { create } from 'zustand';
import type { DataChange, DeskData, LoadProgress } from './desk-data';

export type DeskPhase = 'opening' | 'loading' | 'ready' | 'failed';

export interface DeskState {
  phase: DeskPhase;
  /** Progress of the current long step (opening, loading, demo import). */
  progress: { label: string; done: number; total: number } | null;
  /**
   * The start-up's second part while the screens are in use (reading every booking behind the
   * customers' histories); `null` once done.
   */
  background: { label: string; done: number; total: number } | null;
  error: string | null;
  desk: DeskData | null;
  /** Bumped on every change of that kind: select one to re-render when it changes. */
  versions: { branches: number; customers: number; bookings: number; activity: number; settings: number };
}

const initial: DeskState = {
  phase: 'opening',
  progress: null,
  background: null,
  error: null,
  desk: null,
  versions: { branches: 0, customers: 0, bookings: 0, activity: 0, settings: 0 },
};

/** The app's view of the local replica. Components use the hooks in `hooks.ts`. */
export const useDeskStore = create<DeskState>(() => initial);

export function bumpVersions(change: DataChange): void {
  useDeskStore.setState((s) => ({
    versions: {
      branches: s.versions.branches + (change.branches ? 1 : 0),
      customers: s.versions.customers + (change.customers ? 1 : 0),
      bookings: s.versions.bookings + (change.bookings ? 1 : 0),
      activity: s.versions.activity + (change.activity > 0 ? 1 : 0),
      settings: s.versions.settings,
    },
  }));
}

export function bumpSettings(): void {
  useDeskStore.setState((s) => ({ versions: { ...s.versions, settings: s.versions.settings + 1 } }));
}

const STAGE_LABELS: Record<LoadProgress['stage'], string> = {
  branches: 'Reading branches',
  customers: 'Reading customers',
  visits: 'Reading customer activity',
  bookings: 'Reading bookings',
  computing: 'Computing customer activity',
  saving: 'Saving customer activity',
  done: 'Ready',
};

export function progressLabel(p: LoadProgress): { label: string; done: number; total: number } {
  return { label: STAGE_LABELS[p.stage], done: p.done, total: p.total };
}

export function resetDeskStore(): void {
  useDeskStore.setState(initial, true);
}
