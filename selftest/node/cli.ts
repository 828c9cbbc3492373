// `npm run selftest:compare FILE.csv`: Google's results sheet against a local run of the same
// self-test. `node build/selftest.cjs run --out FILE.csv` writes the local run's sheet as CSV.
import fs from 'node:fs';
import { compareTables } from './compare';
import { parseCsv, toCsv } from './csv';
import { KNOWN_GAPS } from './knownGaps';
import { runLocally } from './local';

function usage(): never {
  console.error('usage: selftest compare GOOGLE.csv [--local LOCAL.csv] [--dist DIR] | selftest run [--out FILE.csv] [--dist DIR]');
  process.exit(2);
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  if (!args[i + 1]) usage();
  return args[i + 1];
}

function main(args: string[]): number {
  const [command, ...rest] = args;
  // The built self-test project to run locally (default selftest-dist/, from `npm run selftest:build`).
  const dist = option(rest, '--dist');
  if (command === 'run') {
    const run = runLocally(dist);
    const csv = toCsv(run.table);
    const out = option(rest, '--out');
    if (out) fs.writeFileSync(out, csv);
    else process.stdout.write(csv);
    const s = run.summary;
    console.error(`local run: ${s.passed} passed, ${s.failed.length} failed${s.failed.length ? ` (${s.failed.join(', ')})` : ''}, ${s.pending.length} pending`);
    return 0;
  }
  if (command !== 'compare' || !rest[0] || rest[0].startsWith('--')) usage();
  const google = parseCsv(fs.readFileSync(rest[0], 'utf8'));
  const localFile = option(rest, '--local');
  const local = localFile ? parseCsv(fs.readFileSync(localFile, 'utf8')) : runLocally(dist).table;
  const { comparison, text } = compareTables(google, local, KNOWN_GAPS);
  console.log(text);
  const gaps = Object.entries(KNOWN_GAPS);
  if (gaps.length) console.log(`\nKnown runtime gaps (local runtime not yet as documented):\n${gaps.map(([id, why]) => `  ${id}: ${why}`).join('\n')}`);
  return comparison.disagreements.length ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  console.error((e as Error).message || e);
  process.exitCode = 1;
}
