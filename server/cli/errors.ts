/** An error the CLI reports as-is (no stack) with a specific exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    /** The command line itself was wrong: the command's usage follows the message. */
    readonly showUsage = false,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * Exit codes: 1 = a check failed (verify) or the data cannot support a model (model, predict,
 * backtest: too little history, or a fit that did not converge), 2 = bad input or usage.
 */
export const EXIT_CHECK_FAILED = 1;
export const EXIT_BAD_INPUT = 2;

export function usageError(message: string): CliError {
  return new CliError(message, EXIT_BAD_INPUT, true);
}

/** A failed check whose report still belongs on stdout (e.g. `verify` listing the rows that differ). */
export class CliFailure extends CliError {
  constructor(
    message: string,
    exitCode: number,
    readonly stdout: string,
  ) {
    super(message, exitCode);
    this.name = 'CliFailure';
  }
}
