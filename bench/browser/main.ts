/**
 * Benchmark page (bench/run.ts drives it with Playwright): the renderer's real modules under the
 * app's production build settings and CSP. `?mode=app` runs the app (ui.memory, ui.search);
 * otherwise the page exposes `window.bench` (replica.ingest, sync.initial_pull, memory baseline).
 */
import { armClickTimer, bareScan, clickTime, runApp } from './app-mode';
import { floorAll, floorCustomers, floorToday } from './cold-start';
import { ingest } from './ingest';
import { holdDataset } from './memory';
import { initialPull, rawPull } from './pull';

const api = { ingest, initialPull, rawPull, holdDataset, bareScan, armClickTimer, clickTime, floorToday, floorCustomers, floorAll };
export type BenchApi = typeof api;

declare global {
  interface Window {
    bench: BenchApi;
  }
}

window.bench = api;
const params = new URLSearchParams(window.location.search);
if (params.get('mode') === 'app') {
  runApp(params).catch((error: unknown) => {
    console.error(error);
    document.documentElement.dataset.benchError = error instanceof Error ? error.message : String(error);
  });
} else {
  document.documentElement.dataset.benchReady = 'true';
}
