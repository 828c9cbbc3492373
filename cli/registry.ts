// The CLI's command table. A command is a name, a usage line and a handler that gets the parsed
// arguments and a loader for the runtime; it returns the JSON summary for the last stdout line and,
// when it changed the state, the runtime to save. Later commands (submit, update, sweep, weekly)
// register a handler that maps to an entry-point call (see commands/call.ts `callEntryPoint`).
import type { ErrorCode } from '../src/domain/errors';
import type { LocalRuntime } from '../runtime';
import { DamagedStateError, NoStateError } from '../runtime/state';
import type { Lang } from '../src/domain/schema';
import { cliText, fill, type CliText } from './text';

export interface CommandContext {
  /** Positional arguments after the command name. */
  args: string[];
  /** `--name value` / `--flag` options, minus the global ones. */
  flags: Record<string, string | true>;
  workbookFile: string;
  distDir: string;
  /** --at as epoch ms. */
  at?: number;
  user?: string;
  /** Loads the saved state (with --at and --user applied). */
  load(): LocalRuntime;
  /** Appends a line to the readable report (stdout, before the JSON line). */
  say(line?: string): void;
}

export interface CommandResult {
  json: Record<string, unknown>;
  /** The runtime whose state is written back (atomically) after a successful command. */
  save?: LocalRuntime;
}

export interface Command {
  /** Its one-line summary in help is the catalog's `cli.summaries[name]` (cli/text.ts). */
  name: string;
  usage: string;
  /** Only for a command the catalog does not list yet (help shows it as is). */
  summary?: string;
  /** The command's own options (without --); any other option is an error. */
  options?: string[];
  run(c: CommandContext): CommandResult | Promise<CommandResult>;
}

const commands = new Map<string, Command>();

export function register(cmd: Command): void {
  commands.set(cmd.name, cmd);
}

export function lookup(name: string): Command | undefined {
  return commands.get(name);
}

export function allCommands(): Command[] {
  return [...commands.values()];
}

type ErrorTexts = CliText['errors'];
/** A CLI refusal's catalog key (cli.errors in src/domain/messages): also the failure JSON's `reason`. */
export type CliErrorKey = { [K in keyof ErrorTexts]: ErrorTexts[K] extends string ? K : never }[keyof ErrorTexts];
/** A value in a message, or words that themselves depend on the language. */
export type CliParam = string | number | ((lang: Lang) => string);

const resolve = (params: Record<string, CliParam>, lang: Lang): Record<string, string | number> =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'function' ? v(lang) : v]));

/** Words from the catalog's cli.errors (a nested group's entry too), filled once the language is known. */
export const errorWords =
  (pick: (texts: ErrorTexts) => string, params: Record<string, CliParam> = {}) =>
  (lang: Lang): string =>
    fill(pick(cliText(lang).errors), resolve(params, lang));

/**
 * A user-facing failure: message only, no stack. It is a catalog key and its values, worded when
 * the language is known (cli/local.ts: the workbook's, else the shell's); `message` is the English.
 * `code` when the add-on's result carried one (src/domain/errors.ts); `more` follows the message
 * on its own lines (the usage after an unknown command).
 */
export class CliError extends Error {
  constructor(
    readonly reason: CliErrorKey,
    readonly params: Record<string, CliParam> = {},
    readonly code?: ErrorCode,
    readonly more?: (lang: Lang) => string,
  ) {
    super(reason);
    this.message = this.in('en');
  }

  /** The message in `lang`. */
  in(lang: Lang): string {
    const text = errorWords((e) => e[this.reason], this.params)(lang);
    return this.more ? `${text}\n${this.more(lang)}` : text;
  }
}

/** The CliError for a workbook file that cannot be read (missing, damaged), or undefined for any other error. */
export function workbookFileError(e: unknown): CliError | undefined {
  if (e instanceof NoStateError) return new CliError('noWorkbook', { file: e.file });
  if (e instanceof DamagedStateError) {
    const { kind, ...values } = e.why;
    return new CliError('damagedWorkbook', { file: e.file, why: errorWords((t) => t.damaged[kind], values) });
  }
  return undefined;
}

export function flagString(c: CommandContext, name: string): string | undefined {
  const v = c.flags[name];
  if (v === true) throw new CliError('needsValue', { option: name });
  return v;
}

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,3})?)?(Z|([+-])(\d{2}):?(\d{2}))$/;

/** A full ISO-8601 date-time with a zone (Z or ±hh:mm); impossible dates (2024-02-30) are refused. */
export function parseTime(s: string, what: string): number {
  const m = ISO_TIME.exec(s);
  const t = m ? Date.parse(s) : NaN;
  const bad = () => new CliError('notIsoTime', { option: what, value: s });
  if (!m || Number.isNaN(t)) throw bad();
  // Date.parse rolls impossible dates over (2024-02-30 → 2024-03-01): the wall fields must survive.
  const offMin = m[6] === 'Z' ? 0 : (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9]));
  const wall = new Date(t + offMin * 60_000);
  if (wall.getUTCFullYear() !== +m[1] || wall.getUTCMonth() + 1 !== +m[2] || wall.getUTCDate() !== +m[3] || wall.getUTCHours() !== +m[4] || wall.getUTCMinutes() !== +m[5]) throw bad();
  return t;
}
