// Only code that runs in a browser sees the DOM's types (issue 21). With the DOM lib everywhere,
// `status`, `name` and `event` are globals, and a domain function that forgot its local `status`
// compiled. tsconfig.json (no DOM) checks the add-on, the runtime and the tools;
// tsconfig.browser.json (DOM) the sidebars, the preview page and the browser tests. `npm run
// typecheck` runs both. This test holds the split in place: the configs themselves, that every
// TypeScript file is under one of them, and that a domain file using `status` as a global fails.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
const BROWSER_DIRS = ['src/ui/', 'preview/page/', 'test/browser/'];
const CHECKED_DIRS = ['src', 'runtime', 'cli', 'preview', 'bench', 'selftest', 'test', 'scripts'];

function parse(configFile: string): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, configFile), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`cannot read ${configFile}`);
  return parsed;
}

const rel = (p: string) => path.relative(ROOT, p).split(path.sep).join('/');

function tsFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((e) => {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : tsFiles(p);
    return /\.ts$/.test(e.name) ? [p] : [];
  });
}

/** The semantic errors of one in-memory file compiled under a config's options. */
function errorsOf(options: ts.CompilerOptions, fileName: string, text: string): string[] {
  const file = path.join(ROOT, fileName);
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) =>
    path.resolve(name) === file ? ts.createSourceFile(name, text, lang) : read(name, lang, ...rest);
  host.fileExists = ((exists) => (name: string) => path.resolve(name) === file || exists(name))(host.fileExists);
  const program = ts.createProgram({ rootNames: [file], options, host });
  const source = program.getSourceFile(file);
  return program.getSemanticDiagnostics(source).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
}

const node = parse('tsconfig.json');
const browser = parse('tsconfig.browser.json');

describe('the DOM lib is only where a browser runs the code', () => {
  it('tsconfig.json has no DOM lib; tsconfig.browser.json has it', () => {
    const libs = (o: ts.CompilerOptions) => (o.lib ?? []).map((l) => l.toLowerCase());
    expect(libs(node.options).some((l) => l.includes('dom'))).toBe(false);
    expect(libs(browser.options).some((l) => l.includes('lib.dom'))).toBe(true);
  });

  it('npm run typecheck checks both configs', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.typecheck).toMatch(/tsc --noEmit -p \.(\s|$)/);
    expect(pkg.scripts.typecheck).toContain('tsc --noEmit -p tsconfig.browser.json');
    expect(pkg.scripts.test).toMatch(/npm run -s typecheck/);
  });

  it('every TypeScript file is checked by exactly one config, and the browser one holds only browser code', () => {
    const nodeFiles = new Set(node.fileNames.map(rel));
    const browserFiles = new Set(browser.fileNames.map(rel));
    const all = CHECKED_DIRS.flatMap(tsFiles);
    expect(all).toContain('src/domain/sla/engine.ts');
    expect(all).toContain('src/ui/intake.ts');
    const unchecked = all.filter((f) => !nodeFiles.has(f) && !browserFiles.has(f));
    const twice = all.filter((f) => nodeFiles.has(f) && browserFiles.has(f));
    expect({ unchecked, twice }).toEqual({ unchecked: [], twice: [] });
    const outside = [...browserFiles].filter((f) => !BROWSER_DIRS.some((d) => f.startsWith(d)));
    expect(outside).toEqual([]);
    const inBrowserDirs = [...nodeFiles].filter((f) => BROWSER_DIRS.some((d) => f.startsWith(d)));
    expect(inBrowserDirs).toEqual([]);
  });

  it('a domain file that uses status, name or event as globals does not compile', () => {
    const probe = 'export const seen = [status, name, event];\n';
    const errors = errorsOf(node.options, 'src/domain/domProbe.ts', probe);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining("Cannot find name 'status'"),
        expect.stringContaining("Cannot find name 'name'"),
        expect.stringContaining("Cannot find name 'event'"),
      ]),
    );
    // The probe can pass: under the browser's config the same globals exist.
    expect(errorsOf(browser.options, 'src/ui/domProbe.ts', probe)).toEqual([]);
  });
});
