/** Reading an exported audience CSV back, for the tests of the export (unit and end-to-end). */
import { ProblemSink, readTable, type InputProblem } from '../../../../shared/csv/table';

/** The audience CSV's columns, in their order: what a person opening the file sees. */
export const AUDIENCE_COLUMNS = ['customer_id', 'name', 'phone', 'email', 'group', 'message', 'status', 'last_visit_date', 'total_spent'] as const;

/** The file's rows by column, and its problems (a missing column is one); the header must be exactly AUDIENCE_COLUMNS. */
export function readAudienceCsv(text: string): { header: string; rows: Record<string, string>[]; problems: InputProblem[] } {
  const sink = new ProblemSink('audience.csv');
  const rows: Record<string, string>[] = [];
  readTable(text, AUDIENCE_COLUMNS, sink, (row) => rows.push(Object.fromEntries(AUDIENCE_COLUMNS.map((c) => [c, row.get(c)]))));
  return { header: text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '', rows, problems: sink.problems };
}
