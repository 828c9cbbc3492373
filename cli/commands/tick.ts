// `tick --to ISO`: advances the clock, firing the time-driven triggers due on the way.
import { register, CliError, flagString, parseTime } from '../registry';

register({
  name: 'tick',
  options: ['to'],
  usage: 'tick --to ISO-8601',
  summary: 'advance the clock, firing time-driven triggers',
  run(c) {
    const to = flagString(c, 'to') ?? c.args[0];
    if (!to) throw new CliError('tick: need --to ISO-8601');
    const rt = c.load();
    const toMs = parseTime(to, '--to');
    if (toMs < rt.clock.now()) throw new CliError(`tick: ${to} is before the clock (${new Date(rt.clock.now()).toISOString()})`);
    const fired = rt.tick(toMs);
    for (const f of fired) c.say(`${new Date(f.at).toISOString()} ${f.handler} ${f.ok ? 'ok' : `failed: ${f.error}`}`);
    c.say(`${fired.length} trigger run(s); clock now ${new Date(rt.clock.now()).toISOString()}`);
    return { json: { fired, clock: new Date(rt.clock.now()).toISOString() }, save: rt };
  },
});
