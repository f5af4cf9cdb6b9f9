#!/usr/bin/env node
// `npm start` / `npm run demo`: build, then open the desktop app (see scripts/start-main.ts).
// Extra arguments go to the app: `npm start -- --demo`.
import { tsImport } from 'tsx/esm/api';

await tsImport('./start-main.ts', import.meta.url);
