#!/usr/bin/env node
// @ts-check
// `npm run server -- …`: the sync server (server/main.ts) as compiled JavaScript, built into the
// gitignored `.cache/` when a source file changed (scripts/compiled.mjs).
import { runCompiled } from './compiled.mjs';

await runCompiled({ name: 'server', entry: 'server/main.ts', launcher: 'scripts/server.mjs', what: 'server' });
