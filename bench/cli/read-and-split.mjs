// The floor of `cli.activity` / `cli.metrics` (bench/suites/cli.ts): read the three CSV files of a
// data set, decode them as UTF-8 and split every line into its comma-separated fields, keeping
// nothing else — the least any command over the files must do. Prints the field count.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: read-and-split.mjs <data dir>');
let fields = 0;
for (const file of ['branches.csv', 'customers.csv', 'bookings.csv']) {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(join(dir, file)));
  for (const line of text.split('\n')) fields += line.split(',').length;
}
process.stdout.write(`${fields}\n`);
