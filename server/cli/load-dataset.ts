import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDataset, type Dataset } from '../../shared/csv/import';
import { formatProblem } from '../../shared/csv/table';
import { CliError, EXIT_BAD_INPUT } from './errors';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** 1-based line of the first byte sequence that is not UTF-8 (a newline byte never occurs inside one). */
function firstInvalidLine(bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i += 1) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        utf8.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line += 1;
      start = i + 1;
    }
  }
  return 1;
}

async function readInput(dir: string, name: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(join(dir, name));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : String(error);
    throw new CliError(`${name}: cannot read ${join(dir, name)}: ${reason}`, EXIT_BAD_INPUT);
  }
  try {
    // Strict: a file in another encoding (a Windows-1252 export) must not be garbled into the data.
    return utf8.decode(bytes);
  } catch {
    throw new CliError(
      `invalid input in ${dir}:\n${name}, line ${firstInvalidLine(bytes)}: not valid UTF-8 (save the file as UTF-8)`,
      EXIT_BAD_INPUT,
    );
  }
}

/**
 * Reads and validates an import directory (branches.csv, customers.csv, bookings.csv).
 * Any problem throws a CliError listing every problem with its file and line, exit code 2.
 */
export async function loadDataset(dir: string): Promise<Dataset> {
  // Read together, report in file order: with Promise.all the first file to FAIL would win, so a
  // missing directory named bookings.csv or branches.csv depending on the disk's timing.
  const reads = await Promise.allSettled([
    readInput(dir, 'branches.csv'),
    readInput(dir, 'customers.csv'),
    readInput(dir, 'bookings.csv'),
  ]);
  const [branches, customers, bookings] = reads.map((read) => {
    if (read.status === 'rejected') throw read.reason;
    return read.value;
  }) as [string, string, string];
  const outcome = parseDataset({ branches, customers, bookings });
  if (outcome.ok) return outcome.dataset;
  const lines = outcome.problems.map(formatProblem);
  if (outcome.moreProblems > 0) lines.push(`… and ${outcome.moreProblems} more problems`);
  const total = outcome.problems.length + outcome.moreProblems;
  throw new CliError(`invalid input in ${dir} (${total} problem${total === 1 ? '' : 's'}):\n${lines.join('\n')}`, EXIT_BAD_INPUT);
}
