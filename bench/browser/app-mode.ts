/**
 * The real app (App + startDesk, the same data layer and screens as the desk) for ui.memory and
 * ui.search. `?load=1&customers=…&bookings=…` first fills the page's replica with a generated
 * business through `loadDataset` (the demo's bulk path); without it the page just starts, as the
 * desk does, reading the replica from IndexedDB. `data-bench-ready` is set when the desk is open.
 */
import { createElement, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../../renderer/src/app/App';
import { currentDesk, loadDataset, startDesk } from '../../renderer/src/data/session';
import { initSync } from '../../renderer/src/sync/sync-session';
import '../../renderer/src/styles/index.css';
import { DemoGenerator, demoDocuments, demoOptions, generateDemoData } from '../../shared/demo';
import { formatDay } from '../../shared/time/calendar';
import { zoneClock } from '../../shared/time/zone';
import { installStartProbe, type StartProbe } from './cold-start';

declare global {
  interface Window {
    benchProbe?: StartProbe;
  }
}

/** The data set of the UI measurements: the demo business scaled up (4 branches). */
export function uiDataset(customers: number, bookings: number): ReturnType<typeof demoDocuments> & { branchId: string } {
  const first = new DemoGenerator(demoOptions('demo')).branches[0];
  if (first === undefined) throw new Error('no branches');
  const clock = zoneClock(first.timezone);
  const now = Date.now();
  const data = generateDemoData(
    demoOptions('demo', { customers, targetBookings: bookings, today: formatDay(clock.localDay(now)), nowMinute: clock.localMinuteOfDay(now) }),
  );
  return { ...demoDocuments(data), branchId: first.id };
}

export async function runApp(params: URLSearchParams): Promise<void> {
  const root = document.getElementById('root');
  if (root === null) throw new Error('no #root');
  // ui.cold_start: a probe of what shows when; `dayOffset` starts the desk that many days later.
  if (params.get('probe') === '1') window.benchProbe = installStartProbe();
  const offsetMs = Number(params.get('dayOffset') ?? '0') * 86_400_000;
  const t0 = performance.now();
  // as renderer/src/main.tsx starts the desk
  createRoot(root).render(createElement(StrictMode, null, createElement(App)));
  const started = startDesk(offsetMs === 0 ? {} : { now: () => Date.now() + offsetMs });
  initSync();
  await started;
  const startMs = performance.now() - t0;
  const info: Record<string, number> = { startMs: Math.round(startMs) };
  if (params.get('load') === '1') {
    const desk = currentDesk();
    if (desk.customers.size > 0) throw new Error('the page replica is not empty');
    const data = uiDataset(Number(params.get('customers')), Number(params.get('bookings')));
    const t1 = performance.now();
    await loadDataset(data, data.branchId);
    info.loadMs = Math.round(performance.now() - t1);
    info.customers = data.customers.length;
    info.bookings = data.bookings.length;
  }
  const desk = currentDesk();
  info.deskCustomers = desk.customers.size;
  info.pairs = desk.activity.size;
  info.asOfDay = desk.asOfDay;
  document.documentElement.dataset.benchBranch = desk.settings.branchId;
  document.documentElement.dataset.benchInfo = JSON.stringify(info);
  document.documentElement.dataset.benchReady = 'true';
}

/** The bare floor of a search: lower-cased names scanned with `includes`, nothing else. */
export function bareScan(queries: readonly string[]): number[] {
  const names = [...currentDesk().customers.values()].map((c) => c.name.toLowerCase());
  const out: number[] = [];
  for (const query of queries) {
    for (let i = 1; i <= query.length; i += 1) {
      const q = query.slice(0, i).toLowerCase();
      const t0 = performance.now();
      let hits = 0;
      for (const n of names) if (n.includes(q)) hits += 1;
      out.push(performance.now() - t0);
      if (hits < 0) throw new Error('unreachable');
    }
  }
  return out;
}

let toggle: Promise<number> | null = null;

/**
 * Arms a timer for the next click: from the click's event time to the first DOM mutation of the
 * customer list section after it (React commits the whole update at once).
 */
export function armClickTimer(): void {
  const section = document.querySelector('section[aria-label="Customer list"]');
  if (section === null) throw new Error('no customer list');
  toggle = new Promise<number>((resolve) => {
    let clickAt = -1;
    document.addEventListener('click', (e) => (clickAt = e.timeStamp), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (clickAt < 0) return;
      observer.disconnect();
      resolve(performance.now() - clickAt);
    });
    observer.observe(section, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

export function clickTime(): Promise<number> {
  if (toggle === null) throw new Error('no click timer armed');
  return toggle;
}
