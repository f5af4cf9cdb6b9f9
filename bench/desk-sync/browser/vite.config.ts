import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { rendererConfig } from '../../../vite.renderer';

/** The measurement page: the renderer's production Vite settings (and CSP), another entry. */
export default defineConfig({
  ...rendererConfig('out/bench-desk-push'),
  root: import.meta.dirname,
  build: { outDir: resolve(import.meta.dirname, '../../../out/bench-desk-push'), emptyOutDir: true, target: 'es2022', sourcemap: false },
  logLevel: 'warn',
});
