// The CLI's command table. A command is a name, a usage line and a handler that gets the parsed
// arguments and a loader for the runtime; it returns the JSON summary for the last stdout line and,
// when it changed the state, the runtime to save. Later commands (submit, update, sweep, weekly)
// register a handler that maps to an entry-point call (see commands/call.ts `callEntryPoint`).
import type { ErrorCode } from '../src/domain/errors';
import type { LocalRuntime } from '../runtime';

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

/** A user-facing failure: message only, no stack; `code` when the add-on's result carried one (src/domain/errors.ts). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code?: ErrorCode,
  ) {
    super(message);
  }
}

export function flagString(c: CommandContext, name: string): string | undefined {
  const v = c.flags[name];
  if (v === true) throw new CliError(`--${name} needs a value`);
  return v;
}

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,3})?)?(Z|([+-])(\d{2}):?(\d{2}))$/;

/** A full ISO-8601 date-time with a zone (Z or ±hh:mm); impossible dates (2024-02-30) are refused. */
export function parseTime(s: string, what: string): number {
  const m = ISO_TIME.exec(s);
  const t = m ? Date.parse(s) : NaN;
  const bad = () => new CliError(`${what}: not an ISO-8601 time: ${s} (use e.g. 2024-05-08T15:00:00+08:00)`);
  if (!m || Number.isNaN(t)) throw bad();
  // Date.parse rolls impossible dates over (2024-02-30 → 2024-03-01): the wall fields must survive.
  const offMin = m[6] === 'Z' ? 0 : (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9]));
  const wall = new Date(t + offMin * 60_000);
  if (wall.getUTCFullYear() !== +m[1] || wall.getUTCMonth() + 1 !== +m[2] || wall.getUTCDate() !== +m[3] || wall.getUTCHours() !== +m[4] || wall.getUTCMinutes() !== +m[5]) throw bad();
  return t;
}
