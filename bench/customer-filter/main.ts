/**
 * Benchmark page: the real app (same data layer, screens and CSP) on a large demo business
 * loaded through the same bulk path as sync pulls and the one-click demo (`loadDataset`).
 * `?customers=50000&bookings=250000` sets the size. `data-bench-ready` is set on <html> when the
 * data is in and computed.
 */
import { createElement, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../../renderer/src/app/App';
import { currentDesk, loadDataset, startDesk } from '../../renderer/src/data/session';
import '../../renderer/src/styles/index.css';
import { DemoGenerator, demoDocuments, demoOptions, generateDemoData } from '../../shared/demo';
import { formatDay } from '../../shared/time/calendar';
import { zoneClock } from '../../shared/time/zone';

const params = new URLSearchParams(window.location.search);
const customers = Number(params.get('customers') ?? '50000');
const bookings = Number(params.get('bookings') ?? String(customers * 5));

async function run(): Promise<void> {
  const root = document.getElementById('root');
  if (root === null) throw new Error('no #root');
  createRoot(root).render(createElement(StrictMode, null, createElement(App)));
  await startDesk();
  const desk = currentDesk();
  if (desk.customers.size === 0) {
    const started = performance.now();
    const first = new DemoGenerator(demoOptions('demo')).branches[0];
    if (first === undefined) throw new Error('no branches');
    const clock = zoneClock(first.timezone);
    const now = Date.now();
    const data = generateDemoData(
      demoOptions('demo', { customers, targetBookings: bookings, today: formatDay(clock.localDay(now)), nowMinute: clock.localMinuteOfDay(now) }),
    );
    const docs = demoDocuments(data);
    const generated = performance.now();
    await loadDataset(docs, first.id);
    document.documentElement.dataset.benchLoad = JSON.stringify({
      customers: docs.customers.length,
      bookings: docs.bookings.length,
      generateMs: Math.round(generated - started),
      loadMs: Math.round(performance.now() - generated),
    });
  }
  document.documentElement.dataset.benchReady = 'true';
}

void run();
