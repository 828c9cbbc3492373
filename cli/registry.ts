// The CLI's command table. A command is a name, a usage line and a handler that gets the parsed
// arguments and a loader for the runtime; it returns the JSON summary for the last stdout line and,
// when it changed the state, the runtime to save. Later commands (submit, update, sweep, weekly)
// register a handler that maps to an entry-point call (see commands/call.ts `callEntryPoint`).
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
  name: string;
  usage: string;
  summary: string;
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

/** A user-facing failure: message only, no stack. */
export class CliError extends Error {}

export function flagString(c: CommandContext, name: string): string | undefined {
  const v = c.flags[name];
  if (v === true) throw new CliError(`--${name} needs a value`);
  return v;
}

export function parseTime(s: string, what: string): number {
  const t = Date.parse(s);
  if (Number.isNaN(t)) throw new CliError(`${what}: not an ISO-8601 time: ${s}`);
  return t;
}
