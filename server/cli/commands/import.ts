import { resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readTable, ProblemSink } from '../../../shared/csv/table';
import { fitBusinessModel } from '../../services/retention';
import { ImportRejected, importDataset, type ImportProblem } from '../../services/import';
import { parseOptions, requireOption } from '../args';
import { CliError, EXIT_BAD_INPUT, usageError } from '../errors';
import { loadDataset } from '../load-dataset';
import { withStore } from '../store-target';

/** Line of each id in a CSV file (only read again when a document is rejected). */
async function linesOf(dir: string, file: string): Promise<Map<string, number>> {
  const lines = new Map<string, number>();
  try {
    const text = await readFile(join(dir, file), 'utf8');
    readTable(text, ['id'], new ProblemSink(file), (row) => {
      lines.set(row.get('id').trim(), row.line);
    });
  } catch {
    // The file was readable a moment ago; without it the id alone still names the row.
  }
  return lines;
}

async function describeProblems(dir: string, problems: ImportProblem[]): Promise<string> {
  const cache = new Map<string, Map<string, number>>();
  const out: string[] = [];
  for (const p of problems) {
    let lines = cache.get(p.file);
    if (lines === undefined) cache.set(p.file, (lines = await linesOf(dir, p.file)));
    const line = lines.get(p.id);
    out.push(`${p.file}, line ${line ?? '?'} (id ${p.id})${p.field ? `, column ${p.field}` : ''}: ${p.message}`);
  }
  return out.join('\n');
}

export async function importCommand(argv: string[]): Promise<string> {
  const opts = parseOptions(argv, { data: { type: 'string' }, 'data-dir': { type: 'string' }, 'history-days': { type: 'string' } }, 'import');
  const data = resolve(requireOption(opts.data, 'data', 'import'));
  const historyText = opts['history-days'] ?? '30';
  if (!/^\d{1,3}$/.test(historyText) || Number(historyText) > 366) throw usageError('import: --history-days must be a whole number from 0 to 366');
  const historyDays = Number(historyText);
  const dataset = await loadDataset(data);
  const forward = ['--data', data, '--history-days', String(historyDays), ...(opts['data-dir'] ? ['--data-dir', opts['data-dir']] : [])];
  return withStore({ command: 'import', argv: forward, dataDir: opts['data-dir'] }, async (store) => {
    try {
      const s = await importDataset(store, dataset, historyDays);
      // New history: the business's retention model is fitted again at once (docs/DESIGN.md §7).
      const model = await fitBusinessModel(store);
      const fitted = model.ok
        ? `retention model fitted as of ${model.as_of} over ${model.model.pairs} pairs (${model.fit_ms} ms)`
        : `retention model not fitted as of ${model.as_of}: ${model.reason}`;
      return `imported ${s.branches} branches, ${s.customers} customers, ${s.bookings} bookings (${s.changed} documents new or changed)\n${fitted}\n`;
    } catch (error) {
      if (!(error instanceof ImportRejected)) throw error;
      throw new CliError(`invalid input in ${data} (${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}), nothing imported:\n${await describeProblems(data, error.problems)}`, EXIT_BAD_INPUT);
    }
  });
}
