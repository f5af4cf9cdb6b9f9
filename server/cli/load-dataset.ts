import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  bookingColumns,
  bookingObjects,
  datasetReader,
  parseDataset,
  type BookingSink,
  type Dataset,
  type ParseOptions,
} from '../../shared/csv/import';
import type { BookingColumns } from '../../shared/engine/booking-columns';
import { formatProblem, lastRecordEnd } from '../../shared/csv/table';
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

/** Bytes read from bookings.csv at a time. */
const PIECE_BYTES = 1 << 22;

/**
 * The fast path of `loadDataset`: bookings.csv streamed in pieces of a few MB cut at record
 * boundaries, decoded and parsed piece by piece, so neither its bytes nor its text are ever held
 * whole. Returns null when anything is not plainly right (a file that cannot be read, bytes that
 * are not UTF-8, any problem in any file): the caller then reads everything the whole-file way,
 * whose report is the reference, byte for byte.
 */
async function streamDataset<B>(dir: string, out: BookingSink<B>, pieceBytes: number): Promise<Dataset<B> | null> {
  let branches: string;
  let customers: string;
  try {
    [branches, customers] = await Promise.all([readInput(dir, 'branches.csv'), readInput(dir, 'customers.csv')]);
  } catch {
    return null;
  }
  const reader = datasetReader({ branches, customers }, out);
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let carry: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of createReadStream(join(dir, 'bookings.csv'), { highWaterMark: pieceBytes })) {
      const buf = carry.length === 0 ? (chunk as Buffer) : Buffer.concat([carry, chunk as Buffer]);
      const end = lastRecordEnd(buf);
      if (end === -1) {
        carry = buf;
        continue;
      }
      if (!reader.bookings.push(decoder.decode(buf.subarray(0, end + 1), { stream: true }))) return null;
      carry = buf.subarray(end + 1);
    }
    if (!reader.bookings.push(decoder.decode(carry))) return null;
  } catch {
    return null;
  }
  const outcome = reader.finish();
  return outcome.ok ? outcome.dataset : null;
}

/**
 * Reads and validates an import directory (branches.csv, customers.csv, bookings.csv), the
 * bookings into the sink `makeOut` makes (one per attempt). Any problem throws a CliError listing
 * every problem with its file and line, exit code 2. bookings.csv is streamed (`pieceBytes` at a
 * time; tests make it small).
 */
async function loadInto<B>(dir: string, makeOut: () => BookingSink<B>, pieceBytes: number): Promise<Dataset<B>> {
  const streamed = await streamDataset(dir, makeOut(), pieceBytes);
  if (streamed !== null) return streamed;
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
  const outcome = parseDataset({ branches, customers, bookings }, makeOut());
  if (outcome.ok) return outcome.dataset;
  const lines = outcome.problems.map(formatProblem);
  if (outcome.moreProblems > 0) lines.push(`… and ${outcome.moreProblems} more problems`);
  const total = outcome.problems.length + outcome.moreProblems;
  throw new CliError(`invalid input in ${dir} (${total} problem${total === 1 ? '' : 's'}):\n${lines.join('\n')}`, EXIT_BAD_INPUT);
}

/** `loadInto` with the bookings as `ParsedBooking` objects. */
export async function loadDataset(dir: string, options: ParseOptions = {}, pieceBytes = PIECE_BYTES): Promise<Dataset> {
  return loadInto(dir, () => bookingObjects(options), pieceBytes);
}

/** `loadInto` with the bookings as columns (the facts the engine reads; `activity`, `metrics`). */
export async function loadFacts(dir: string, pieceBytes = PIECE_BYTES): Promise<Dataset<BookingColumns>> {
  return loadInto(dir, bookingColumns, pieceBytes);
}
