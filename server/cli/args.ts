import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseDay } from '../../shared/time/calendar';
import { usageError } from './errors';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict option parsing: unknown options and stray arguments are usage errors (exit 2). */
export function parseOptions<T extends Options>(argv: string[], options: T, command: string) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw usageError(`${command}: ${(error as Error).message}`);
  }
}

export function requireOption(value: string | undefined, name: string, command: string): string {
  if (value === undefined || value === '') throw usageError(`${command}: --${name} is required`);
  return value;
}

/** A strict YYYY-MM-DD option as a day number. */
export function dayOption(value: string, name: string, command: string): number {
  const day = parseDay(value);
  if (day === null) throw usageError(`${command}: --${name} "${value}" is not a date (YYYY-MM-DD)`);
  return day;
}
