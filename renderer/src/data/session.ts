import type { BranchDoc } from '../../../shared/domain/schemas';
import type { Thresholds, TierBoundaries } from '../../../shared/domain/settings';
import { defaultTiersFor } from '../../../shared/domain/currency';
import { canonicalZoneName } from '../../../shared/time/zone-names';
import { saveBranch, newBranchId } from './branches';
import { bulkLoad, type DatasetDocs } from './bulk-load';
import { watchLocalDay } from './day-watch';
import { DerivedDb, DERIVED_DB_NAME } from './derived-db';
import { DeskData, todayAt, type LoadProgress } from './desk-data';
import { loadDeskSettings, saveDeskSettings, type DeskSettings } from './desk-settings';
import { openReplica, removeReplica } from './replica';
import { bumpSettings, bumpVersions, progressLabel, resetDeskStore, useDeskStore } from './store';

/**
 * The desk's session: opens the replica at start-up, keeps the derived activity current across
 * local midnights, and carries out the desk-wide actions (set up, demo load, branch settings,
 * reset). One per page.
 */
let current: { desk: DeskData; stopWatch: () => void } | null = null;
let clock: () => number = () => Date.now();

/** The browser's own zone: the best guess for a new branch, and the date before one exists. */
export function browserTimeZone(): string {
  return canonicalZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}

/** The open desk; throws when called before the replica is open. */
export function currentDesk(): DeskData {
  if (current === null) throw new Error('The local replica is not open yet');
  return current.desk;
}

export function now(): number {
  return clock();
}

/** The zone whose local date the desk works in: its branch's, or the browser's before setup. */
export function deskTimeZone(desk: DeskData): string {
  return desk.currentBranch?.timezone ?? browserTimeZone();
}

function markAppReady(ready: boolean): void {
  if (ready) document.documentElement.dataset.appReady = 'true';
  else delete document.documentElement.dataset.appReady;
  if (ready) document.dispatchEvent(new CustomEvent('branchdesk:ready'));
}

/**
 * `data-outlook` on the root element: the predictions' state ("pending", "failed", or "ready"
 * with the day the model was fitted as of) — what an end-to-end test waits for before it
 * compares figures that depend on the model, as `data-app-ready` is for the data.
 */
function markOutlook(desk: DeskData): void {
  const state = desk.outlook.state;
  const text = state.kind === 'ready' ? `ready ${state.fittedAsOf}` : state.kind;
  if (document.documentElement.dataset.outlook !== text) document.documentElement.dataset.outlook = text;
}

/**
 * Opens the replica in three parts. First what Today needs — branches and the customers of the
 * branch's bookings around today with their statuses — then the app is shown (`phase: 'ready'`:
 * Today reads its day's bookings by index). Then every customer with every status from the
 * stored visit facts (screens that list customers wait for it), then every booking, both in the
 * background (`background` progress in the store), and the activity is recomputed from the
 * bookings; `data-app-ready="true"` is set on <html> when all are done (end-to-end tests wait
 * on it).
 */
export async function startDesk(options: { now?: () => number } = {}): Promise<void> {
  if (options.now) clock = options.now;
  markAppReady(false);
  shownPromise = new Promise((resolve) => (screenShown = resolve));
  useDeskStore.setState({ phase: 'opening', progress: { label: 'Opening local data', done: 0, total: 0 }, background: null, error: null });
  let desk: DeskData;
  try {
    // The derived database opens while RxDB opens the replica (each open waits on IndexedDB).
    const derived = new DerivedDb(DERIVED_DB_NAME);
    const derivedOpen = derived.open();
    derivedOpen.catch(() => undefined);
    const db = await openReplica();
    performance.mark('desk:replica-open');
    await derivedOpen;
    const settings = await loadDeskSettings(db);
    const branch = settings.branchId === '' ? null : await db.branches.findOne(settings.branchId).exec();
    const zone = branch?.timezone ?? browserTimeZone();
    desk = new DeskData(db, derived, settings, todayAt(zone, clock()));
    desk.subscribe(bumpVersions);
    const watched = desk;
    desk.subscribe(() => markOutlook(watched));
    useDeskStore.setState({ phase: 'loading', desk });
    const shown = (p: LoadProgress): void => useDeskStore.setState({ progress: progressLabel(p) });
    await desk.openFirst(shown);
    performance.mark('desk:first');
    // Without a branch there is no Today to show first (and onboarding looks at every customer).
    if (desk.currentBranch === undefined) await desk.loadCustomers(shown);
  } catch (error) {
    failStart(error);
    return;
  }
  const opened = desk;
  const stopWatch = watchLocalDay({
    timeZone: () => deskTimeZone(opened),
    now: clock,
    onNewDay: (day) => void opened.setAsOfDay(day).catch(reportBackgroundError),
  });
  current = { desk, stopWatch };
  const inBackground = (p: LoadProgress): void => useDeskStore.setState({ background: p.stage === 'done' ? null : progressLabel(p) });
  useDeskStore.setState({ phase: 'ready', progress: null, background: { label: 'Reading customers', done: 0, total: 0 } });
  bumpSettings();
  try {
    // The screens' first reads (Today's day by index, the sync state) go to IndexedDB before the
    // bulk reads do: measured, they otherwise wait behind their pages.
    await firstScreen(3000);
    if (desk.stage === 'customers') await desk.loadCustomers(inBackground);
    performance.mark('desk:open');
    // The screens waiting for every customer render before the bookings are read.
    await screensSettled();
    await desk.loadBookings(inBackground);
    useDeskStore.setState({ background: null });
    performance.mark('desk:bookings');
    markAppReady(true);
  } catch (error) {
    console.error('Reading the replica in the background failed', error);
    useDeskStore.setState({ background: null });
    reportBackgroundError(error);
    markAppReady(true);
  }
}

let screenShown: () => void = () => undefined;
let shownPromise: Promise<void> = Promise.resolve();

/**
 * Called by the app once its first screen is up (after the replica opened and the sync state
 * was read): the start-up's bulk reads wait for it, as the screen's own reads would otherwise
 * queue behind theirs in IndexedDB.
 */
export function firstScreenShown(): void {
  screenShown();
}

/** Resolves when `firstScreenShown` was called for this start, or after `timeoutMs`. */
function firstScreen(timeoutMs: number): Promise<void> {
  return Promise.race([shownPromise, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs))]);
}

/** Resolves once the page has been idle after rendering (at most 3 s). */
function screensSettled(): Promise<void> {
  return new Promise((resolve) => {
    const idle = (): void => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 3000 });
      else setTimeout(resolve, 50);
    };
    // Two frames: React has committed the shell and its effects have asked for their data.
    requestAnimationFrame(() => requestAnimationFrame(idle));
  });
}

function failStart(error: unknown): void {
  console.error('Opening the local replica failed', error);
  useDeskStore.setState({ phase: 'failed', progress: null, background: null, error: error instanceof Error ? error.message : String(error) });
  markAppReady(true);
}

function reportBackgroundError(error: unknown): void {
  console.error(error);
  useDeskStore.setState({ error: error instanceof Error ? error.message : String(error) });
}

async function updateSettings(desk: DeskData, settings: DeskSettings): Promise<void> {
  await saveDeskSettings(desk.db, settings);
  await desk.setSettings(settings);
  bumpSettings();
}

/** Re-reads the local date in the desk's zone (after the branch or its zone changed). */
async function refreshToday(desk: DeskData): Promise<void> {
  await desk.setAsOfDay(todayAt(deskTimeZone(desk), clock()));
}

export interface BranchSetup {
  name: string;
  timezone: string;
  country: string;
  thresholds: Thresholds;
  /** The business's currency ('' = none): money shows in it and the spending tiers scale to it. */
  currency?: string;
}

/** First run: creates the desk's branch (validated) and makes it the desk's branch. */
export async function setUpBranch(input: BranchSetup): Promise<BranchDoc> {
  const desk = currentDesk();
  const doc = await saveBranch(
    desk.db,
    {
      id: newBranchId(input.name),
      name: input.name,
      timezone: input.timezone,
      country: input.country,
      active_days: input.thresholds.activeDays,
      at_risk_days: input.thresholds.atRiskDays,
      updated_at: '',
    },
    clock(),
  );
  const money = input.currency === undefined ? {} : { currency: input.currency, tiers: defaultTiersFor(input.currency) };
  await updateSettings(desk, { ...desk.settings, branchId: doc.id, ...money });
  await refreshToday(desk);
  return doc;
}

/**
 * The business's currency and spending-tier boundaries on a desk that is not paired (a paired
 * desk's come from the organisation's server). Validated whole; customer tiers recompute.
 */
export async function setBusinessMoney(currency: string, spending: TierBoundaries['spending']): Promise<void> {
  const desk = currentDesk();
  await updateSettings(desk, { ...desk.settings, currency, tiers: { ...desk.settings.tiers, spending: { ...spending } } });
}

/**
 * The business's currency and tiers as the server keeps them (a paired desk, at pairing and at
 * each session check): saved, and every customer's tiers recomputed, only when they differ from
 * the desk's. `currency` undefined (a server before migration 19) keeps the desk's own. Whether
 * anything changed.
 */
export async function adoptServerMoney(desk: DeskData, currency: string | undefined, tiers: TierBoundaries): Promise<boolean> {
  const next: DeskSettings = { ...desk.settings, ...(currency === undefined ? {} : { currency }), tiers: structuredClone(tiers) };
  if ((next.currency ?? '') === (desk.settings.currency ?? '') && JSON.stringify(next.tiers) === JSON.stringify(desk.settings.tiers)) return false;
  await updateSettings(desk, next);
  return true;
}

/** This desk's own country for phone numbers (a paired desk's branch belongs to the server). */
export async function setDeskPhoneCountry(country: string): Promise<void> {
  const desk = currentDesk();
  await updateSettings(desk, { ...desk.settings, phoneCountry: country });
}

/** Saves the desk branch's name, zone, country and thresholds; activity follows. */
export async function updateCurrentBranch(changes: Pick<BranchDoc, 'name' | 'timezone' | 'country' | 'active_days' | 'at_risk_days'>): Promise<BranchDoc> {
  const desk = currentDesk();
  const branch = desk.currentBranch;
  if (branch === undefined) throw new Error('This desk has no branch yet');
  const doc = await saveBranch(desk.db, { ...branch, ...changes }, clock());
  await desk.flush();
  await refreshToday(desk);
  return doc;
}

/** Makes another branch of the replica this desk's branch. */
export async function switchBranch(branchId: string): Promise<void> {
  const desk = currentDesk();
  if (!desk.branches.has(branchId)) throw new Error(`Unknown branch ${branchId}`);
  await updateSettings(desk, { ...desk.settings, branchId });
  await refreshToday(desk);
}

/**
 * Loads a data set (the demo) through bulkUpsert — the path sync pulls take — with progress,
 * then makes `branchId` the desk's branch.
 */
export async function loadDataset(docs: DatasetDocs, branchId: string, orgSecret?: string): Promise<void> {
  const desk = currentDesk();
  const labels = { branches: 'Adding branches', customers: 'Adding customers', bookings: 'Adding bookings' } as Record<string, string>;
  useDeskStore.setState({ progress: { label: 'Preparing', done: 0, total: 0 } });
  try {
    await bulkLoad(desk.db, docs, (p) => useDeskStore.setState({ progress: { label: labels[p.collection] ?? p.collection, done: p.done, total: p.total } }));
    useDeskStore.setState({ progress: { label: 'Saving customer activity', done: 0, total: 0 } });
    await desk.flush();
    await updateSettings(desk, { ...desk.settings, branchId, ...(orgSecret === undefined ? {} : { orgSecret }) });
    await refreshToday(desk);
  } finally {
    useDeskStore.setState({ progress: null });
  }
}

/**
 * Closes this window's desk without deleting anything (another window of the desk takes it
 * over, docs/DESIGN.md §16): derived writes are finished, the replica and the derived database
 * are closed and the store is back to its initial state. Sync is stopped by the caller first.
 */
export async function closeDesk(): Promise<void> {
  const session = current;
  current = null;
  markAppReady(false);
  if (session !== null) {
    session.stopWatch();
    // Flushed before closing too: closing drops the customer copy's pending write (derived-db.ts),
    // which the next window would otherwise rebuild from every customer record.
    await session.desk.flush().catch(() => undefined);
    session.desk.close();
    await session.desk.flush().catch(() => undefined);
    await session.desk.db.close();
    session.desk.derived.close();
  }
  resetDeskStore();
}

/** Deletes the replica and the derived data of this desk, then starts afresh. */
export async function resetLocalData(): Promise<void> {
  const session = current;
  current = null;
  markAppReady(false);
  if (session !== null) {
    session.stopWatch();
    session.desk.close();
    await session.desk.flush().catch(() => undefined);
    await session.desk.db.remove();
    session.desk.derived.close();
  } else {
    await removeReplica();
  }
  await new DerivedDb(DERIVED_DB_NAME).delete();
  resetDeskStore();
  await startDesk();
}
