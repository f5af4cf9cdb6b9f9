import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import {
  applyMapOption,
  branchCountry,
  detectMapping,
  hasNameColumn,
  readClientFile,
  readPeople,
  type ClientFile,
  type ColumnMapping,
  type DuplicatePolicy,
} from '../../../shared/csv/customer-import';
import { importCustomers, listBatches, undoBatch } from '../../services/customer-import';
import { branchByName, loadBranches } from '../../store/branches';
import { ApiError } from '../../store/errors';
import { parseOptions, requireOption } from '../args';
import { CliError, EXIT_BAD_INPUT, usageError } from '../errors';
import { withStore } from '../store-target';

export interface LoadedFile {
  file: ClientFile;
  mapping: ColumnMapping;
}

/** Reads another system's CSV export; exit 2 when it cannot be read (missing, not UTF-8, semicolons). */
export async function readExportFile(path: string, command: string): Promise<ClientFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : (code ?? (error as Error).message);
    throw new CliError(`${command}: cannot read ${path}: ${reason}`, EXIT_BAD_INPUT);
  }
  let text: string;
  try {
    // Strict: an export in another encoding (Windows-1252) must not be garbled into the customers.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${command}: ${path} is not valid UTF-8 (save the file as UTF-8)`, EXIT_BAD_INPUT);
  }
  const file = readClientFile(text);
  if ('error' in file) throw new CliError(`${command}: ${path}: ${file.error}`, EXIT_BAD_INPUT);
  return file;
}

/** Reads the file and its mapping; exit 2 when it cannot be read or names no person. */
export async function loadClientList(path: string, map: string | undefined, command = 'import-customers'): Promise<LoadedFile> {
  const file = await readExportFile(path, command);
  const detected = detectMapping(file.headers);
  const mapping = map === undefined ? detected : applyMapOption(file.headers, detected, map);
  if ('error' in mapping) throw usageError(`${command}: ${mapping.error}`);
  if (!hasNameColumn(mapping)) {
    throw new CliError(
      `${command}: ${path}: no name column found in the header (${file.headers.join(', ')}); map one with --map "Header=full_name" (or first_name / last_name)`,
      EXIT_BAD_INPUT,
    );
  }
  return { file, mapping };
}

export async function importCustomersCommand(argv: string[]): Promise<string> {
  const opts = parseOptions(
    argv,
    {
      file: { type: 'string' },
      'branch-name': { type: 'string' },
      'dry-run': { type: 'boolean' },
      map: { type: 'string' },
      duplicates: { type: 'string' },
      country: { type: 'string' },
      'data-dir': { type: 'string' },
    },
    'import-customers',
  );
  const path = resolve(requireOption(opts.file, 'file', 'import-customers'));
  const branchName = requireOption(opts['branch-name'], 'branch-name', 'import-customers');
  const duplicates = (opts.duplicates ?? 'merge') as DuplicatePolicy;
  if (duplicates !== 'merge' && duplicates !== 'separate') throw usageError(`import-customers: --duplicates must be merge or separate (got "${String(opts.duplicates)}")`);
  const countryOption = opts.country?.toUpperCase();
  if (countryOption !== undefined && !/^[A-Z]{2}$/.test(countryOption)) throw usageError(`import-customers: --country must be a two-letter country code such as GB (got "${opts.country}")`);
  const { file, mapping } = await loadClientList(path, opts.map);

  const forward = [
    '--file', path,
    '--branch-name', branchName,
    ...(opts['dry-run'] === true ? ['--dry-run'] : []),
    ...(opts.map !== undefined ? ['--map', opts.map] : []),
    '--duplicates', duplicates,
    ...(countryOption !== undefined ? ['--country', countryOption] : []),
    ...(opts['data-dir'] ? ['--data-dir', opts['data-dir']] : []),
  ];
  return withStore({ command: 'import-customers', argv: forward, dataDir: opts['data-dir'] }, async (store) => {
    const branches = await loadBranches(store.db);
    const branch = branchByName(branches, branchName);
    if ('error' in branch) throw new CliError(`import-customers: ${branch.error}`, EXIT_BAD_INPUT);
    const { people, refused } = readPeople(file, mapping, { country: countryOption ?? branchCountry(branch.doc), timezone: branch.timezone });
    try {
      const run = await importCustomers(store, { branchName, fileName: basename(path), people, refused, dryRun: opts['dry-run'] === true, duplicates });
      return `${JSON.stringify(run.counts)}\n`;
    } catch (error) {
      if (error instanceof ApiError) throw new CliError(`import-customers: ${error.message}`, EXIT_BAD_INPUT);
      throw error;
    }
  });
}

export async function importBatchesCommand(argv: string[]): Promise<string> {
  const opts = parseOptions(argv, { 'data-dir': { type: 'string' } }, 'import-batches');
  return withStore({ command: 'import-batches', argv, dataDir: opts['data-dir'] }, async (store) => {
    const batches = await listBatches(store.db);
    return `${JSON.stringify(batches.map((b) => ({ id: b.id, kind: b.kind, branch_id: b.branch_id, file: b.file_name, created_at: new Date(b.created_ms).toISOString(), ...b.summary, undone: b.undone_ms !== null })))}\n`;
  });
}

export async function importUndoCommand(argv: string[]): Promise<string> {
  const opts = parseOptions(argv, { batch: { type: 'string' }, last: { type: 'boolean' }, 'data-dir': { type: 'string' } }, 'import-undo');
  if ((opts.batch === undefined) === (opts.last !== true)) throw usageError('import-undo: give either --batch ID or --last');
  return withStore({ command: 'import-undo', argv, dataDir: opts['data-dir'] }, async (store) => {
    let id = opts.batch ?? '';
    if (opts.last === true) {
      const last = (await listBatches(store.db)).find((b) => b.undone_ms === null);
      if (last === undefined) throw new CliError('import-undo: there is no import batch left to undo', EXIT_BAD_INPUT);
      id = last.id;
    }
    try {
      const result = await undoBatch(store, id);
      return `${JSON.stringify({ batch: id, ...result })}\n`;
    } catch (error) {
      if (error instanceof ApiError) throw new CliError(`import-undo: ${error.message}`, EXIT_BAD_INPUT);
      throw error;
    }
  });
}
