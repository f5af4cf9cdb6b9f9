import type { LaunchOptions } from '../../shared/ipc';

/** `--demo` on the command line (`npm run demo`, `npm start -- --demo`) asks for demo data. */
export function launchOptionsFromArgv(argv: readonly string[]): LaunchOptions {
  return { demo: argv.slice(1).includes('--demo') };
}
