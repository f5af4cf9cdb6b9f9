import { beforeEach, describe, expect, it } from 'vitest';
import { bumpSettings, bumpVersions, progressLabel, resetDeskStore, useDeskStore } from './store';

describe('desk store', () => {
  beforeEach(() => resetDeskStore());

  it('bumps only the versions a change touched', () => {
    bumpVersions({ branches: false, customers: true, bookings: true, activity: 3 });
    bumpVersions({ branches: false, customers: false, bookings: true, activity: 0 });
    bumpSettings();
    expect(useDeskStore.getState().versions).toEqual({ branches: 0, customers: 1, bookings: 2, activity: 1, settings: 1 });
  });

  it('labels load stages for the progress bar', () => {
    expect(progressLabel({ stage: 'bookings', done: 5000, total: 500_000 })).toEqual({ label: 'Reading bookings', done: 5000, total: 500_000 });
  });
});
