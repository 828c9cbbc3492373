// One build for everything: src/ → dist/ (exactly what `clasp push` sends), and the Node tools
// (local runtime CLI, preview server, benchmark, self-test compare) → build/. Flags: --quiet,
// --apps-only, --selftest (only the self-test project: selftest/ → selftest-dist/, never dist/).
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const quiet = process.argv.includes('--quiet');
const appsOnly = process.argv.includes('--apps-only');
const selftestOnly = process.argv.includes('--selftest');
const dist = path.join(root, 'dist');
export const selftestDist = path.join(root, 'selftest-dist');
const log = (...a) => quiet || console.log(...a);

// Apps Script V8: one global scope, no modules; class fields have been reported to fail.
const appsScriptTarget = { bundle: true, target: 'es2019', platform: 'neutral', charset: 'utf8', legalComments: 'none' };

/** The entry module's export names, which become the only top-level functions of Code.js. */
async function entryPointNames(entry) {
  const r = await esbuild.build({ ...appsScriptTarget, entryPoints: [entry], format: 'esm', write: false, metafile: true });
  const out = Object.values(r.metafile.outputs)[0];
  return out.exports.slice().sort();
}

// Builtins the bundle uses in hot loops, handed to its wrapper function as parameters: a parameter
// is a local lookup, a global one is not (and in the local runtime's vm context each global lookup
// goes through an interceptor: the weekly review at 50k tickets spent a third of its CPU there).
const LOCAL_BUILTINS = 'Date, Object, Math, JSON, String, Number, Array, Map, Set, RegExp, Error';

function withLocalBuiltins(iife) {
  const open = 'var __app = (() => {';
  const close = '})();';
  const end = iife.lastIndexOf(close);
  if (!iife.startsWith(`"use strict";\n${open}`) || end < 0) throw new Error('build: unexpected esbuild IIFE shape');
  const head = iife.slice(0, end).replace(open, `var __app = ((${LOCAL_BUILTINS}) => {`);
  return `${head}})(${LOCAL_BUILTINS});${iife.slice(end + close.length)}`;
}

/**
 * One Apps Script project: `entry`'s exports become the only top-level functions of Code.js, next
 * to the manifest. `keep` names files of a previous build left in place (the self-test folder's
 * own .clasp.json).
 */
export async function buildScriptProject({ entry, outDir, manifest, keep = [] }) {
  for (const f of fs.existsSync(outDir) ? fs.readdirSync(outDir) : []) {
    if (!keep.includes(f)) fs.rmSync(path.join(outDir, f), { recursive: true, force: true });
  }
  fs.mkdirSync(outDir, { recursive: true });
  const names = await entryPointNames(entry);
  const r = await esbuild.build({ ...appsScriptTarget, entryPoints: [entry], format: 'iife', globalName: '__app', write: false });
  const stubs = names.map((n) => `function ${n}() { return __app.${n}.apply(this, arguments); }`).join('\n');
  const code = `${withLocalBuiltins(r.outputFiles[0].text)}\n// Entry points: the only callable globals (menus, triggers, google.script.run).\n${stubs}\n`;
  fs.writeFileSync(path.join(outDir, 'Code.js'), code);
  fs.copyFileSync(manifest, path.join(outDir, 'appsscript.json'));
  return { names, code };
}

export async function buildAppsScript(outDir = dist) {
  const { names, code } = await buildScriptProject({ entry: path.join(root, 'src/entry.ts'), outDir, manifest: path.join(root, 'appsscript.json') });
  const pages = await buildPages(outDir);
  log(`dist/Code.js ${(code.length / 1024).toFixed(1)} KiB, ${names.length} entry points; pages: ${pages.join(', ')}`);
  return { names, pages };
}

/** The live self-test (README, "Verify on your Google account"): its own project, never in dist/. */
export async function buildSelfTest(outDir = selftestDist) {
  const { names, code } = await buildScriptProject({
    entry: path.join(root, 'selftest/entry.ts'), outDir, manifest: path.join(root, 'selftest/appsscript.json'), keep: ['.clasp.json'],
  });
  log(`${path.relative(root, outDir)}/Code.js ${(code.length / 1024).toFixed(1)} KiB, entry points: ${names.join(', ')}`);
  return { names };
}

/** Each src/ui/<name>.ts becomes dist/<Name>.html: the one sidebar shell with the CSS and the bundled script inlined. */
async function buildPages(outDir) {
  const uiDir = path.join(root, 'src/ui');
  const shellFile = path.join(uiDir, 'sidebar.html');
  if (!fs.existsSync(shellFile)) return [];
  const shell = fs.readFileSync(shellFile, 'utf8');
  const css = fs.existsSync(path.join(uiDir, 'addon.css')) ? fs.readFileSync(path.join(uiDir, 'addon.css'), 'utf8') : '';
  const built = [];
  for (const file of fs.readdirSync(uiDir).filter((f) => f.endsWith('.ts'))) {
    const name = file.replace(/\.ts$/, '');
    const r = await esbuild.build({ ...appsScriptTarget, platform: 'browser', entryPoints: [path.join(uiDir, file)], format: 'iife', write: false });
    const js = r.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
    const html = shell
      .replace('<!-- inline:style -->', () => `<style>\n${css}</style>`)
      .replace('<!-- inline:script -->', () => `<script>\n${js}</script>`);
    const outName = name.charAt(0).toUpperCase() + name.slice(1);
    fs.writeFileSync(path.join(outDir, `${outName}.html`), html);
    built.push(`${outName}.html`);
  }
  return built;
}

/** Node tools are bundled to CommonJS so they run without a TypeScript loader. */
async function buildTools() {
  const tools = { cli: 'cli/local.ts', server: 'preview/server.ts', bench: 'bench/run.ts', selftest: 'selftest/node/cli.ts' };
  const entryPoints = Object.fromEntries(
    Object.entries(tools).filter(([, f]) => fs.existsSync(path.join(root, f))).map(([k, f]) => [k, path.join(root, f)]),
  );
  if (!Object.keys(entryPoints).length) return;
  await esbuild.build({
    entryPoints, outdir: path.join(root, 'build'), outExtension: { '.js': '.cjs' }, bundle: true,
    platform: 'node', target: 'node20', format: 'cjs', packages: 'external', sourcemap: true, logLevel: 'error',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  try {
    const outIndex = process.argv.indexOf('--out');
    const out = outIndex > 0 ? path.resolve(process.argv[outIndex + 1]) : undefined;
    if (selftestOnly) await buildSelfTest(out);
    else await buildAppsScript();
    if (!appsOnly && (!selftestOnly || process.argv.includes('--tools'))) await buildTools();
  } catch (e) {
    console.error(e.message || e);
    process.exit(1);
  }
}
