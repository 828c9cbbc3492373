// `tick --to ISO`: advances the clock, firing the time-driven triggers due on the way.
import { register, CliError, flagString, parseTime } from '../registry';
import { fill, textOf } from '../text';
import { zonedIso } from '../zone';

register({
  name: 'tick',
  options: ['to'],
  usage: 'tick --to ISO-8601',
  run(c) {
    const to = flagString(c, 'to') ?? c.args[0];
    if (!to) throw new CliError('tick: need --to ISO-8601');
    const rt = c.load();
    const toMs = parseTime(to, '--to');
    // Times read in the workbook's zone, as the sheet shows them (the JSON line keeps UTC ISO).
    const zoned = (ms: number) => zonedIso(ms, rt.workbook.timeZone);
    if (toMs < rt.clock.now()) throw new CliError(`tick: ${to} is before the clock (${zoned(rt.clock.now())})`);
    const fired = rt.tick(toMs);
    const text = textOf(rt);
    for (const f of fired) c.say(`${zoned(f.at)} ${f.handler} ${f.ok ? text.ok : fill(text.failed, { error: String(f.error) })}`);
    c.say(fill(text.fired, { n: fired.length, clock: zoned(rt.clock.now()), zone: rt.workbook.timeZone }));
    return { json: { fired, clock: new Date(rt.clock.now()).toISOString() }, save: rt };
  },
});
