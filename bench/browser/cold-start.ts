/**
 * ui.cold_start floors and probes. The floors read the app's own IndexedDB databases directly
 * (Dexie, no RxDB), in a freshly started browser like the app's start: today's bookings of the
 * desk's branch by the `[branch_id+start_at]` index, every customer, every record of every
 * database. The probe, installed before the app starts, notes when Today's day summary first
 * shows and every text the Customers screen's count shows (the time it first shows all).
 */
import { Dexie, type Table } from 'dexie';
import { formatDay } from '../../shared/time/calendar';

export interface Floor {
  ms: number;
  records: number;
}

async function openExisting(name: string): Promise<Dexie> {
  const db = new Dexie(name);
  await db.open();
  return db;
}

async function replicaDb(collection: string): Promise<Dexie> {
  const names = (await indexedDB.databases()).map((d) => d.name ?? '');
  const name = names.find((n) => n.startsWith('rxdb-dexie-branchdesk--') && n.endsWith(`--${collection}`));
  if (name === undefined) throw new Error(`no IndexedDB database for ${collection} (found ${names.join(', ')})`);
  return openExisting(name);
}

/** The collection's documents table (RxDB's Dexie storage keeps them in `docs`). */
function storeOf(db: Dexie): Table {
  const table = db.tables.find((t) => t.name === 'docs');
  if (table === undefined) throw new Error(`${db.name}: no docs table (${db.tables.map((t) => t.name).join(', ')})`);
  return table;
}

/** Today's bookings of a branch by index (the day ±1, as the Today screen's query asks). */
export async function floorToday(branchId: string, day: number): Promise<Floor> {
  const t0 = performance.now();
  const db = await replicaDb('bookings');
  try {
    const table = storeOf(db);
    const index = table.schema.indexes.find((i) => Array.isArray(i.keyPath) && i.keyPath.includes('branch_id') && i.keyPath.includes('start_at'));
    if (index === undefined || !Array.isArray(index.keyPath)) throw new Error(`no [branch_id+start_at] index in ${table.name}: ${JSON.stringify(table.schema.indexes.map((i) => [i.name, i.keyPath]))}`);
    const bound = (start: string, other: unknown): unknown[] =>
      (index.keyPath as string[]).map((k) => (k === '_deleted' ? '0' : k === 'branch_id' ? branchId : k === 'start_at' ? start : other));
    const rows = await table.where(index.name).between(bound(formatDay(day - 1), Dexie.minKey), bound(formatDay(day + 2), Dexie.maxKey)).toArray();
    return { ms: performance.now() - t0, records: rows.length };
  } finally {
    db.close();
  }
}

/** Every customer record (getAll). */
export async function floorCustomers(): Promise<Floor> {
  const t0 = performance.now();
  const db = await replicaDb('customers');
  try {
    const rows = await storeOf(db).toArray();
    return { ms: performance.now() - t0, records: rows.length };
  } finally {
    db.close();
  }
}

/** Every record of every IndexedDB database of the page (getAll per store, in pages). */
export async function floorAll(): Promise<Floor> {
  const t0 = performance.now();
  let records = 0;
  for (const info of await indexedDB.databases()) {
    if (info.name === undefined) continue;
    const db = await openExisting(info.name);
    try {
      for (const table of db.tables) {
        let offset = 0;
        for (;;) {
          const page = await table.offset(offset).limit(50_000).toArray();
          records += page.length;
          offset += page.length;
          if (page.length < 50_000) break;
        }
      }
    } finally {
      db.close();
    }
  }
  return { ms: performance.now() - t0, records };
}

export interface StartProbe {
  /** ms from navigation start when Today's day summary first showed. */
  todayMs: number | null;
  /** Each text of the Customers screen's count with the time it showed. */
  counts: { ms: number; text: string }[];
}

/** Watches the DOM from before the app starts (see `StartProbe`). */
export function installStartProbe(): StartProbe {
  const probe: StartProbe = { todayMs: null, counts: [] };
  const look = (): void => {
    if (probe.todayMs === null && document.querySelector('[aria-label="Day summary"]') !== null) probe.todayMs = performance.now();
    const count = document.querySelector('[data-testid="customer-count"]')?.textContent ?? null;
    if (count !== null && probe.counts.at(-1)?.text !== count) probe.counts.push({ ms: performance.now(), text: count });
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true });
  return probe;
}
