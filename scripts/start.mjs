#!/usr/bin/env node
// `npm start` / `npm run demo`: build, then open the desktop app (see scripts/start-lib.ts).
// Extra arguments go to the app: `npm start -- --demo`.
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const { start, realDependencies } = await tsImport('./start-lib.ts', import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));

process.exitCode = await start(process.argv.slice(2), realDependencies(root));
