#!/usr/bin/env node
// @ts-check
// `npm run --silent cli -- …`: the CLI (server/cli/main.ts) as compiled JavaScript, built into the
// gitignored `.cache/` when a source file changed (scripts/compiled.mjs).
import { runCompiled } from './compiled.mjs';

await runCompiled({ name: 'cli', entry: 'server/cli/main.ts', launcher: 'scripts/cli.mjs', what: 'CLI' });
