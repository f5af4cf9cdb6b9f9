import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { rendererConfig } from '../../vite.renderer';

/** The benchmark page: the renderer's own Vite settings (plugins, CSP, define), another entry. */
export default defineConfig({
  ...rendererConfig('out/bench-browser'),
  root: import.meta.dirname,
  build: { outDir: resolve(import.meta.dirname, '../../out/bench-browser'), emptyOutDir: true, target: 'es2022', sourcemap: false, minify: process.env.BENCH_MINIFY !== '0' },
  logLevel: 'warn',
});
