import { defineConfig } from 'vite';
import { rendererConfig } from './vite.renderer';

/** Web mode: the same renderer in a plain browser (HQ dashboard, end-to-end tests, `start:web`). */
export default defineConfig({
  ...rendererConfig('out/web'),
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
});
