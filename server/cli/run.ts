import { CliError, CliFailure, EXIT_BAD_INPUT } from './errors';

type Command = (argv: string[]) => Promise<string>;

/**
 * Each command's module is imported only when that command runs (`--help` loads none of them,
 * and `activity` never loads the database drivers): start-up stays at Node's own.
 */
const COMMANDS: Record<string, { run: Command; help: string }> = {
  activity: {
    run: async (argv) => (await import('./commands/activity')).activityCommand(argv),
    help: 'activity --data DIR --as-of YYYY-MM-DD   activity of every (customer, branch) pair as CSV',
  },
  metrics: {
    run: async (argv) => (await import('./commands/metrics')).metricsCommand(argv),
    help: 'metrics --data DIR --as-of YYYY-MM-DD    branch and organisation metrics as JSON',
  },
  trend: {
    run: async (argv) => (await import('./commands/trend')).trendCommand(argv),
    help: 'trend --data DIR --from YYYY-MM-DD --to YYYY-MM-DD   metrics of every day of a range as CSV',
  },
  cohorts: {
    run: async (argv) => (await import('./commands/cohorts')).cohortsCommand(argv),
    help: 'cohorts --data DIR --as-of YYYY-MM-DD    first-visit month cohorts: retention and revenue per customer, JSON',
  },
  import: {
    run: async (argv) => (await import('./commands/import')).importCommand(argv),
    help: 'import --data CSVDIR --data-dir DIR [--history-days N]   backfill the server database from CSV (DATABASE_URL replaces --data-dir)',
  },
  'import-customers': {
    run: async (argv) => (await import('./commands/import-customers')).importCustomersCommand(argv),
    help: 'import-customers --file F.csv --branch-name NAME [--dry-run] [--map "Header=field,…"] [--duplicates merge|separate] [--country CC] --data-dir DIR   a client list exported by another system, one undoable batch; prints {"new","merged","skipped","refused"} (DATABASE_URL replaces --data-dir)',
  },
  'import-bookings': {
    run: async (argv) => (await import('./commands/import-bookings')).importBookingsCommand(argv),
    help: 'import-bookings --file F.csv --branch-name NAME [--clients CLIENTS.csv] [--dry-run] [--map "Header=field,…"] [--status-map "Value=status,…"] [--country CC] [--locale L] --data-dir DIR   the visit history exported by another system, one undoable batch; prints {"new","skipped","refused"} (DATABASE_URL replaces --data-dir)',
  },
  'import-batches': {
    run: async (argv) => (await import('./commands/import-customers')).importBatchesCommand(argv),
    help: 'import-batches --data-dir DIR   the import-customers and import-bookings batches, newest first, as JSON',
  },
  'import-undo': {
    run: async (argv) => (await import('./commands/import-customers')).importUndoCommand(argv),
    help: 'import-undo --data-dir DIR (--batch ID | --last)   undo one import batch (created customers removed, merged ones restored; imported bookings removed)',
  },
  enroll: {
    run: async (argv) => (await import('./commands/enroll')).enrolCommand(argv),
    help: 'enroll --data-dir DIR --branch ID --role front_desk|manager|hq [--ttl-hours H] [--label NAME]   one-time enrolment code for a desk (NAME, e.g. "Front desk 2", is shown with what the desk changes; default: numbered per branch and role) (last line of stdout)',
  },
  verify: {
    run: async (argv) => (await import('./commands/verify')).verifyCommand(argv),
    help: 'verify --data-dir DIR   recompute the precomputed activity and list rows that differ (exit 1)',
  },
  devices: {
    run: async (argv) => (await import('./commands/devices')).devicesCommand(argv),
    help: 'devices --data-dir DIR   list enrolled devices',
  },
  revoke: {
    run: async (argv) => (await import('./commands/devices')).revokeCommand(argv),
    help: 'revoke --data-dir DIR --device ID   revoke a device token',
  },
  model: {
    run: async (argv) => (await import('./commands/model')).modelCommand(argv),
    help: 'model --data DIR --as-of YYYY-MM-DD      BG/NBD and Gamma-Gamma parameters fitted over the whole business, as JSON',
  },
  predict: {
    run: async (argv) => (await import('./commands/predict')).predictCommand(argv),
    help: 'predict --data DIR --as-of YYYY-MM-DD --horizon-days H   chance of return, expected visits and value in (D, D+H] per pair, as CSV',
  },
  backtest: {
    run: async (argv) => (await import('./commands/backtest')).backtestCommand(argv),
    help: 'backtest --data DIR --calibration-end D1 --holdout-end D2   fit as of D1, predicted vs actual visits in (D1, D2] in total and per decile, AUC of p_alive and of the rule-based status, as JSON',
  },
  generate: {
    run: async (argv) => (await import('./commands/generate')).generateCommand(argv),
    help: 'generate --out DIR [--preset demo|sample-like|bench-quick|bench-full] [--seed N] [--branches N] [--customers N] [--bookings N] [--today YYYY-MM-DD] [--history-days N]   realistic demo/scale data as branches.csv, customers.csv, bookings.csv',
  },
};

function usage(): string {
  return ['usage: npm run --silent cli -- <command> [options]', '', ...Object.values(COMMANDS).map((c) => `  ${c.help}`)].join('\n');
}

interface Writable {
  write(chunk: string): boolean;
}

/**
 * Runs one CLI command. Output is produced whole before anything is written, so a failing run
 * prints nothing to stdout (nothing half-written). Returns the exit code.
 */
export async function run(argv: string[], stdout: Writable, stderr: Writable): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    stdout.write(`${usage()}\n`);
    return 0;
  }
  if (name === undefined) {
    // An error: usage goes to stderr, stdout stays empty.
    stderr.write(`error: no command given\n${usage()}\n`);
    return EXIT_BAD_INPUT;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    stderr.write(`error: unknown command "${name}"\n${usage()}\n`);
    return EXIT_BAD_INPUT;
  }
  try {
    stdout.write(await command.run(rest));
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      if (error instanceof CliFailure) stdout.write(error.stdout);
      stderr.write(`error: ${error.message}\n${error.showUsage ? `usage: npm run --silent cli -- ${command.help}\n` : ''}`);
      return error.exitCode;
    }
    stderr.write(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 70;
  }
}
