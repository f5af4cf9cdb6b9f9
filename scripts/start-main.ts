/**
 * `npm start` / `npm run demo` (through scripts/start.mjs): build, then open the desktop app on
 * this checkout with the real processes and files (scripts/start-lib.ts). Extra arguments go to
 * the app: `npm start -- --demo`.
 */
import { fileURLToPath } from 'node:url';
import { realDependencies, start } from './start-lib';

const root = fileURLToPath(new URL('..', import.meta.url));

process.exitCode = await start(process.argv.slice(2), realDependencies(root));
