import { basename, resolve } from 'node:path';
import {
  applyBookingMapOption,
  bookingMappingProblem,
  detectBookingMapping,
  parseStatusMapText,
  readClientDirectory,
  readHistory,
  statusMappingOf,
  statusValues,
  type ClientDirectory,
} from '../../../shared/csv/booking-import';
import { branchCountry } from '../../../shared/csv/customer-import';
import { importBookings } from '../../services/booking-import';
import { branchByName, loadBranches } from '../../store/branches';
import { ApiError } from '../../store/errors';
import { parseOptions, requireOption } from '../args';
import { CliError, EXIT_BAD_INPUT, usageError } from '../errors';
import { withStore } from '../store-target';
import { loadClientList, readExportFile } from './import-customers';

const COMMAND = 'import-bookings';

/**
 * The visit history exported by another system (docs/DESIGN.md §8): read with the detected (or
 * `--map`ped) columns and the status vocabulary (`--status-map` over the detected words), its
 * client ids looked up in the client list (`--clients`), planned against the stored customers
 * and bookings and written as one undoable batch. Prints `{"new", "skipped", "refused"}`.
 */
export async function importBookingsCommand(argv: string[]): Promise<string> {
  const opts = parseOptions(
    argv,
    {
      file: { type: 'string' },
      'branch-name': { type: 'string' },
      clients: { type: 'string' },
      'dry-run': { type: 'boolean' },
      map: { type: 'string' },
      'status-map': { type: 'string' },
      country: { type: 'string' },
      locale: { type: 'string' },
      'data-dir': { type: 'string' },
    },
    COMMAND,
  );
  const path = resolve(requireOption(opts.file, 'file', COMMAND));
  const branchName = requireOption(opts['branch-name'], 'branch-name', COMMAND);
  const countryOption = opts.country?.toUpperCase();
  if (countryOption !== undefined && !/^[A-Z]{2}$/.test(countryOption)) throw usageError(`${COMMAND}: --country must be a two-letter country code such as GB (got "${opts.country}")`);
  const locale = opts.locale ?? 'en';
  try {
    new Intl.NumberFormat(locale);
  } catch {
    throw usageError(`${COMMAND}: --locale "${locale}" is not a language tag such as en or de-DE`);
  }
  const chosen = opts['status-map'] === undefined ? new Map() : parseStatusMapText(opts['status-map']);
  if ('error' in chosen) throw usageError(`${COMMAND}: ${chosen.error}`);

  const file = await readExportFile(path, COMMAND);
  const detected = detectBookingMapping(file.headers);
  const mapping = opts.map === undefined ? detected : applyBookingMapOption(file.headers, detected, opts.map);
  if ('error' in mapping) throw usageError(`${COMMAND}: ${mapping.error}`);
  const missing = bookingMappingProblem(mapping);
  if (missing !== '') throw new CliError(`${COMMAND}: ${path}: ${missing} (header: ${file.headers.join(', ')}; use --map "Header=field")`, EXIT_BAD_INPUT);
  const clientsPath = opts.clients === undefined ? undefined : resolve(opts.clients);
  const clientList = clientsPath === undefined ? undefined : await loadClientList(clientsPath, undefined, COMMAND);

  const forward = [
    '--file', path,
    '--branch-name', branchName,
    ...(clientsPath !== undefined ? ['--clients', clientsPath] : []),
    ...(opts['dry-run'] === true ? ['--dry-run'] : []),
    ...(opts.map !== undefined ? ['--map', opts.map] : []),
    ...(opts['status-map'] !== undefined ? ['--status-map', opts['status-map']] : []),
    ...(countryOption !== undefined ? ['--country', countryOption] : []),
    '--locale', locale,
    ...(opts['data-dir'] ? ['--data-dir', opts['data-dir']] : []),
  ];
  return withStore({ command: COMMAND, argv: forward, dataDir: opts['data-dir'] }, async (store) => {
    const branches = await loadBranches(store.db);
    const branch = branchByName(branches, branchName);
    if ('error' in branch) throw new CliError(`${COMMAND}: ${branch.error}`, EXIT_BAD_INPUT);
    const country = countryOption ?? branchCountry(branch.doc);
    let clients: ClientDirectory | null = null;
    if (clientList !== undefined) {
      const directory = readClientDirectory(clientList.file, clientList.mapping, { country, timezone: branch.timezone });
      if ('error' in directory) throw new CliError(`${COMMAND}: ${clientsPath}: ${directory.error}`, EXIT_BAD_INPUT);
      clients = directory;
    }
    const { rows, refused } = readHistory(file, mapping, { timezone: branch.timezone, country, locale });
    try {
      const run = await importBookings(store, {
        branchName,
        fileName: basename(path),
        rows,
        refused,
        statuses: statusMappingOf(statusValues(file, mapping), chosen),
        clients,
        dryRun: opts['dry-run'] === true,
      });
      return `${JSON.stringify(run.counts)}\n`;
    } catch (error) {
      if (error instanceof ApiError) throw new CliError(`${COMMAND}: ${error.message}`, EXIT_BAD_INPUT);
      throw error;
    }
  });
}
