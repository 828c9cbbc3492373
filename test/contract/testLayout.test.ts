// Tests mirror the source (issue 21, test/README.md): test/<layer>/<path>.test.ts for src/<layer>/<path>.ts,
// or for the folder module src/<layer>/<path>/; likewise test/runtime/, test/cli/ and test/preview/ for
// runtime/, cli/ and preview/ (a CLI command's test may drop the `commands/`: test/cli/weekly.test.ts
// tests cli/commands/weekly.ts). In test/runtime/ a file may instead be named after the Google class it
// checks the emulation of (test/runtime/spreadsheet/pivot/pivotTable.test.ts: PivotTable, as declared in
// @types/google-apps-script), and the fidelity cases (test/runtime/spreadsheet/fidelity/) are one file
// per Google class, each run through ./cases, which makes every case name its reference page.
// A test file that names no module is a journey (test/scenarios/) or a module's cases under another
// name; either way it fails here, so the layout cannot drift back. Helpers and fixtures are not
// `.test.ts` files and need no entry. What is listed below spans modules on purpose, each with why.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
/** Test folder → the source folder its files mirror. */
const MIRRORS: Record<string, string> = {
  app: 'src/app',
  domain: 'src/domain',
  gas: 'src/gas',
  ui: 'src/ui',
  runtime: 'runtime',
  cli: 'cli',
  preview: 'preview',
};
const FIDELITY = 'test/runtime/spreadsheet/fidelity/';

/** Test files not named after one module, with why. Keep it short: empty is the goal. */
const NOT_ONE_MODULE: Record<string, string> = {
  'test/runtime/accounting.test.ts':
    'the assembled runtime’s accounting of an execution (issue 22): instrument.ts counts, services/executions.ts frames, index.ts freezes the figures',
  'test/runtime/spreadsheet/merges.test.ts':
    'merged cells through every path that keeps them: range.ts merges, structure.ts inserts, workbook.ts JSON and xlsx.ts files',
  'test/runtime/spreadsheet/persistence.test.ts':
    'the workbook saved and loaded both ways, JSON (workbook.ts) and .xlsx (xlsx.ts), compared cell by cell',
  'test/runtime/spreadsheet/pivot/xlsx.test.ts':
    'a pivot’s .xlsx export: spreadsheet/xlsx.ts over pivot/view.ts, kept beside the other pivot cases and their fixture',
  'test/cli/badInput.test.ts':
    'the CLI’s contract on bad input, one case per command: exit code, JSON line and untouched workbook (local.ts, registry.ts, every command)',
  'test/cli/built.test.ts': 'the CLI as shipped: bundled by scripts/build.mjs and run as a process',
  'test/cli/errorLanguage.test.ts':
    'every class of CLI refusal (registry.ts, every command, the message catalog) in both languages',
  'test/cli/readme.test.ts': 'the README’s command-line examples run literally, across commands',
  'test/preview/errorLanguage.test.ts':
    'the preview’s refusals in the workbook’s language: server.ts with the CLI’s shell-language rule (cli/text.ts)',
  'test/preview/outbox.test.ts':
    'GET /api/outbox (server.ts) fed by a web-form submit through the runtime’s mail (runtime/services/mail.ts)',
};

function testFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return testFiles(p);
    return e.name.endsWith('.test.ts') ? [p] : [];
  });
}

const exists = (p: string) => fs.existsSync(path.join(ROOT, p));
const isDir = (p: string) => exists(p) && fs.statSync(path.join(ROOT, p)).isDirectory();

/** The classes @types/google-apps-script declares (interface names), for the runtime's class-named tests. */
const GOOGLE_CLASSES: Set<string> = (() => {
  const dir = path.join(ROOT, 'node_modules/@types/google-apps-script');
  const names = new Set<string>();
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.d.ts'))) {
    for (const m of fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/\binterface (\w+)/g)) names.add(m[1]);
  }
  return names;
})();

/** Fidelity files are one Google class each, run through ./cases (every case names its reference page). */
const runsFidelityCases = (testFile: string): boolean =>
  testFile.startsWith(FIDELITY) &&
  /import \{[^}]*\brunCases\b[^}]*\} from '\.\/cases';/.test(fs.readFileSync(path.join(ROOT, testFile), 'utf8'));

/**
 * What a test file names: the module src/<layer>/<path>.ts (runtime/, cli/, preview/ likewise) or the
 * folder <path>/, a CLI command cli/commands/<name>.ts, or a Google class for test/runtime/; null if none.
 */
function moduleOf(testFile: string): string | null {
  const m = /^test\/(\w+)\/(.+)\.test\.ts$/.exec(testFile);
  if (!m || !(m[1] in MIRRORS)) return null;
  const base = `${MIRRORS[m[1]]}/${m[2]}`;
  if (exists(`${base}.ts`)) return `${base}.ts`;
  if (isDir(base)) return `${base}/`;
  if (m[1] === 'cli' && exists(`cli/commands/${m[2]}.ts`)) return `cli/commands/${m[2]}.ts`;
  if (m[1] === 'runtime') {
    const name = path.basename(m[2]);
    const cls = name[0].toUpperCase() + name.slice(1);
    if (GOOGLE_CLASSES.has(cls)) return `Google class ${cls}`;
  }
  return null;
}

const rel = (p: string) => path.relative(ROOT, p).split(path.sep).join('/');
const files = Object.keys(MIRRORS)
  .flatMap((l) => testFiles(path.join(ROOT, 'test', l)))
  .map(rel)
  .sort();

describe('one test file per module', () => {
  it('finds the layers’ and the tools’ test files', () => {
    expect(files).toContain('test/app/agent.test.ts');
    expect(files).toContain('test/domain/review/week.test.ts');
    expect(files).toContain('test/runtime/services/lock.test.ts');
    expect(files).toContain('test/cli/table.test.ts');
    expect(files).toContain('test/preview/server.test.ts');
  });

  it('every test file of src/{app,domain,gas,ui}, runtime/, cli/ and preview/ names its module, or is listed with a reason', () => {
    const orphans = files.filter((f) => moduleOf(f) === null && !runsFidelityCases(f) && !(f in NOT_ONE_MODULE));
    expect(orphans).toEqual([]);
  });

  it('the list holds no stale entry: each file still exists and still names no module', () => {
    for (const f of Object.keys(NOT_ONE_MODULE)) expect([f, files.includes(f), moduleOf(f)]).toEqual([f, true, null]);
  });

  it('every fidelity file runs its cases through ./cases', () => {
    const fidelity = files.filter((f) => f.startsWith(FIDELITY));
    expect(fidelity.length).toBeGreaterThan(5);
    expect(fidelity.filter((f) => !runsFidelityCases(f))).toEqual([]);
  });

  it('the check itself: a module file, a folder module, a command, a Google class, and names that are no module', () => {
    expect(moduleOf('test/app/agent.test.ts')).toBe('src/app/agent.ts');
    expect(moduleOf('test/app/edit/rows.test.ts')).toBe('src/app/edit/rows.ts');
    expect(moduleOf('test/domain/review.test.ts')).toBe('src/domain/review/');
    expect(moduleOf('test/runtime/services/lock.test.ts')).toBe('runtime/services/lock.ts');
    expect(moduleOf('test/runtime/spreadsheet.test.ts')).toBe('runtime/spreadsheet/');
    expect(moduleOf('test/cli/weekly.test.ts')).toBe('cli/commands/weekly.ts');
    expect(moduleOf('test/preview/page.test.ts')).toBe('preview/page/');
    expect(moduleOf('test/runtime/spreadsheet/pivot/pivotGroup.test.ts')).toBe('Google class PivotGroup');
    expect(moduleOf('test/cli/pivotGroup.test.ts')).toBeNull();
    expect(moduleOf('test/runtime/someJourney.test.ts')).toBeNull();
    expect(moduleOf('test/app/someJourney.test.ts')).toBeNull();
    expect(moduleOf('test/scenarios/nothingLost.test.ts')).toBeNull();
    expect(runsFidelityCases('test/runtime/spreadsheet/merges.test.ts')).toBe(false);
  });
});
