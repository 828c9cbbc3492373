// `call <entryPoint> [JSON args…]`: runs an entry point as google.script.run would (JSON-safe
// arguments, result copied back). An argument that is not valid JSON is passed as a string.
import type { LocalRuntime } from '../../runtime';
import { register, CliError, type CommandContext, type CommandResult } from '../registry';
import { effects, mark, shownSince, statsLine } from '../report';

export function parseArg(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch (e) {
    // Not JSON: the argument is the text itself.
    if (!(e instanceof SyntaxError)) throw e;
    return s;
  }
}

/**
 * Shared by commands that map to an entry point (submit, update, sweep, weekly…). The report shows
 * the call, then `summarise(result)` when the command has a readable summary (else the result as
 * JSON), then what was shown or sent and the call counts; the JSON line after it carries the data.
 */
export function callEntryPoint(
  c: CommandContext,
  rt: LocalRuntime,
  name: string,
  args: unknown[],
  summarise?: (result: any) => string[],
): CommandResult {
  if (!rt.bundle) throw new CliError('noBundle', { file: `${c.distDir}/Code.js` });
  if (!rt.entryPoints.includes(name)) throw new CliError('noEntryPoint', { name, entryPoints: rt.entryPoints.join(', ') });
  const m = mark(rt);
  const { result, stats } = rt.callFromClient(name, ...args);
  c.say(`${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`);
  const ok = !(result && typeof result === 'object' && (result as { ok?: unknown }).ok === false);
  if (summarise && ok) for (const l of summarise(result)) c.say(l);
  else c.say(`→ ${JSON.stringify(result, null, 2)}`);
  for (const l of effects(rt, m)) c.say(l);
  c.say(statsLine(rt, stats));
  return { json: { result, stats, ...shownSince(rt, m) }, save: rt };
}

register({
  name: 'call',
  usage: 'call <entryPoint> [JSON args…]',
  run(c) {
    const [name, ...rest] = c.args;
    if (!name) throw new CliError('callWhich');
    return callEntryPoint(c, c.load(), name, rest.map(parseArg));
  },
});
