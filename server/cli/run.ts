import { activityCommand, activityHelp } from './commands/activity';
import { metricsCommand, metricsHelp } from './commands/metrics';
import { importCommand, importHelp } from './commands/import';
import { enrollCommand, enrollHelp } from './commands/enroll';
import { verifyCommand, verifyHelp } from './commands/verify';
import { devicesCommand, devicesHelp, revokeCommand, revokeHelp } from './commands/devices';
import { CliError, CliFailure, EXIT_BAD_INPUT } from './errors';

type Command = (argv: string[]) => Promise<string>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  activity: { run: activityCommand, help: activityHelp },
  metrics: { run: metricsCommand, help: metricsHelp },
  import: { run: importCommand, help: importHelp },
  enroll: { run: enrollCommand, help: enrollHelp },
  verify: { run: verifyCommand, help: verifyHelp },
  devices: { run: devicesCommand, help: devicesHelp },
  revoke: { run: revokeCommand, help: revokeHelp },
  generate: { run: (argv) => import('./commands/generate').then((m) => m.generateCommand(argv)), help: 'generate --out DIR [--preset demo|sample-like|bench-quick|bench-full] [--seed N] [--branches N] [--customers N] [--bookings N] [--today YYYY-MM-DD] [--history-days N]   realistic demo/scale data as branches.csv, customers.csv, bookings.csv' },
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
