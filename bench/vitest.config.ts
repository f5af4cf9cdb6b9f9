import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The harness smoke test (`npm run bench:test`): bench/ tests only, the root config's settings. */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
