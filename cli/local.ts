// The local runtime's command line: `node build/cli.cjs <command> [--workbook FILE] [--at ISO]
// [--user EMAIL] [--dist DIR] …`. Output: a readable report, then as the last stdout line one JSON
// object ({"ok":true,…} or {"ok":false,"error":…,"code":…}). On error: message on stderr, exit code 1, and the
// workbook file untouched (state is written only after success, atomically).
import fs from 'node:fs';
import path from 'node:path';
import { loadRuntime, saveRuntime } from '../runtime';
import { useScriptZone, zonedIso } from './zone';
import { cliText, helpLang, type CommandName } from './text';
import type { Lang } from '../src/domain/schema';
import { errorCode } from '../src/domain/errors';
import { allCommands, lookup, CliError, errorWords, parseTime, workbookFileError, type CommandContext } from './registry';
import { langOfLocale } from '../src/domain/i18n';
import { normaliseLocale } from './commands/init';
import './commands/init';
import './commands/call';
import './commands/edit';
import './commands/tick';
import './commands/open';
import './commands/show';
import './commands/transfer';
import './commands/status';
import './commands/weekly';
import './commands/tracker';
import './commands/openLink';
import './commands/outbox';

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

const GLOBAL = new Set(['workbook', 'at', 'rewind', 'user', 'dist', 'verbose']);
const DEFAULT_DIST = path.resolve(__dirname, '..', 'dist');

export function parseArgv(argv: string[]): { command?: string; args: string[]; flags: Record<string, string | true> } {
  const args: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      if (eq > 0) flags[a.slice(2, eq)] = a.slice(eq + 1);
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) flags[a.slice(2)] = argv[++i];
      else flags[a.slice(2)] = true;
    } else args.push(a);
  }
  // Boolean flags must not swallow a positional argument.
  for (const b of ['force', 'addon', 'no-setup', 'verbose', 'rewind']) {
    const v = flags[b];
    if (typeof v === 'string') {
      args.push(v);
      flags[b] = true;
    }
  }
  return { command: args.shift(), args, flags };
}

/**
 * One command at a time per workbook: load → run → save is a read-modify-write of the whole file, so
 * two processes at once would each save their own copy and one would lose the other's changes.
 * An exclusive FILE.lock (holding the pid; a dead holder's lock is taken over) is held until saved.
 */
export async function lockWorkbook(file: string, waitMs = 30_000): Promise<() => void> {
  if (!fs.existsSync(path.dirname(path.resolve(file)))) return () => {}; // no workbook yet: nothing to race on
  const lock = `${file}.lock`;
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lock, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let holder: number;
    try {
      holder = Number(fs.readFileSync(lock, 'utf8'));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      continue; // released meanwhile: try again
    }
    if (holder > 0 && holder !== process.pid) {
      try {
        process.kill(holder, 0);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ESRCH') fs.rmSync(lock, { force: true });
      }
    }
    if (Date.now() > deadline) throw new CliError('inUse', { file, lock, pid: holder || '?' });
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The saved workbook, or a CliError saying why it cannot be read (missing, damaged). */
function loadWorkbook(file: string, opts: Parameters<typeof loadRuntime>[1]) {
  try {
    return loadRuntime(file, opts);
  } catch (e) {
    throw workbookFileError(e) ?? e;
  }
}

const safeJson = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x === undefined ? null : x));

/** Help: the global options, then each command's usage and summary, in `lang`. */
function usage(lang: Lang): string {
  const text = cliText(lang);
  const summary = (c: ReturnType<typeof allCommands>[number]) => (c.name in text.summaries ? text.summaries[c.name as CommandName] : (c.summary ?? ''));
  return [text.usage, ...allCommands().map((c) => `  ${c.usage.padEnd(60)} ${summary(c)}`)].join('\n');
}

export async function main(
  argv: string[],
  io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) },
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const lines: string[] = [];
  const { command, args, flags } = parseArgv(argv);
  const helpIn = () => helpLang(typeof flags.workbook === 'string' ? flags.workbook : path.join('local', 'workbook.json'), env);
  /** The loaded workbook's language, once a command has loaded it. */
  let loadedLang: Lang | undefined;
  try {
    if (!command || command === 'help' || flags.help) {
      io.out(`${usage(helpIn())}\n${safeJson({ ok: true, commands: allCommands().map((c) => c.name) })}\n`);
      return 0;
    }
    const cmd = lookup(command);
    if (!cmd) throw new CliError('unknownCommand', { command }, undefined, usage);
    for (const k of ['workbook', 'at', 'user', 'dist']) if (flags[k] === true) throw new CliError('needsValue', { option: k });
    const str = (k: string) => (typeof flags[k] === 'string' ? (flags[k] as string) : undefined);
    const workbookFile = str('workbook') ?? path.join('local', 'workbook.json');
    const distDir = path.resolve(str('dist') ?? DEFAULT_DIST);
    const at = str('at') !== undefined ? parseTime(str('at')!, '--at') : undefined;
    const user = str('user');
    const own = Object.fromEntries(Object.entries(flags).filter(([k]) => !GLOBAL.has(k)));
    const unknown = Object.keys(own).filter((k) => !(cmd.options ?? []).includes(k));
    if (unknown.length) throw new CliError('unknownOption', { command, option: unknown[0] }, undefined, errorWords((e) => e.usageOf, { usage: cmd.usage }));
    const ctx: CommandContext = {
      args,
      flags: own,
      workbookFile,
      distDir,
      at,
      user,
      say: (l = '') => lines.push(l),
      load: () => {
        const rt = loadWorkbook(workbookFile, { distDir, verbose: !!flags.verbose, ...(user ? { user } : {}) });
        loadedLang = langOfLocale(rt.workbook.locale);
        // The clock is saved with the workbook; --at moves it. Backwards only when asked: a stray
        // --at of another year would otherwise silently rewind every later command's clock.
        if (at !== undefined && at < rt.clock.now() && !flags.rewind) {
          const zone = rt.workbook.timeZone;
          throw new CliError('beforeSavedClock', { at: zonedIso(at, zone), clock: zonedIso(rt.clock.now(), zone) });
        }
        if (at !== undefined) rt.clock.set(at);
        useScriptZone(rt.scriptTimeZone);
        return rt;
      },
    };
    const unlock = await lockWorkbook(workbookFile);
    let r;
    try {
      r = await cmd.run(ctx);
      if (r.save) saveRuntime(r.save, workbookFile);
    } finally {
      unlock();
    }
    if (lines.length) io.out(`${lines.join('\n')}\n`);
    io.out(`${safeJson({ ok: true, command, ...r.json })}\n`);
    return 0;
  } catch (e) {
    // The message in the workbook's language: the loaded one's; before any is loaded, init's --locale,
    // else the workbook file's when it reads, else the shell's (LC_ALL, LC_MESSAGES, LANG; English
    // unless it says Chinese), as help does.
    const lang = loadedLang ?? (command === 'init' && typeof flags.locale === 'string' ? langOfLocale(normaliseLocale(flags.locale)) : helpIn());
    // Errors thrown by the bundle come from another realm: not `instanceof Error`; their message is
    // the add-on's own (already in the sheet's language) or Google's.
    const msg = e instanceof CliError ? e.in(lang) : e && typeof e === 'object' && 'message' in e ? String((e as Error).message) : String(e);
    const verbose = argv.includes('--verbose');
    if (lines.length) io.out(`${lines.join('\n')}\n`);
    io.err(`${errorWords((t) => t.prefix, { message: msg })(lang)}\n${verbose && !(e instanceof CliError) && (e as Error)?.stack ? `${(e as Error).stack}\n` : ''}`);
    // `code`: the add-on's error code (src/domain/errors.ts) when it refused, null otherwise;
    // `reason`: the CLI's own refusal (its catalog key, e.g. unknownOption, noWorkbook), null for the add-on's.
    // Scripts branch on these, never on the message, which is translated.
    io.out(`${safeJson({ ok: false, error: msg, code: errorCode(e), reason: e instanceof CliError && e.reason !== 'addon' ? e.reason : null })}\n`);
    return 1;
  }
}

/**
 * A reader that stops early (`show 工单 | head`) closes the pipe: the rest of the report has nowhere
 * to go, which is not an error of the command (whose work is saved before anything is printed).
 * Stop quietly, as other command-line tools do, instead of dying with an EPIPE stack trace.
 */
export function quietOnClosedPipe(stream: NodeJS.WriteStream, exit: (code?: number) => void): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') exit();
    else throw e;
  });
}

if (require.main === module) {
  quietOnClosedPipe(process.stdout, () => process.exit());
  quietOnClosedPipe(process.stderr, () => process.exit());
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
