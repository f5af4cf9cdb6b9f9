import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { rendererConfig } from '../../vite.renderer';

/** The benchmark page: the renderer's own Vite settings (plugins, CSP, define), another entry. */
export default defineConfig({
  ...rendererConfig('out/bench-customer-filter'),
  root: import.meta.dirname,
  build: { outDir: resolve(import.meta.dirname, '../../out/bench-customer-filter'), emptyOutDir: true, target: 'es2022' },
  logLevel: 'warn',
});
