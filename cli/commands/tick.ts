// `tick --to ISO`: advances the clock, firing the time-driven triggers due on the way.
import { MAX_FIRINGS_PER_TICK } from '../../runtime';
import { register, CliError, flagString, parseTime } from '../registry';
import { fill, textOf } from '../text';
import { zonedIso } from '../zone';

register({
  name: 'tick',
  options: ['to'],
  usage: 'tick --to ISO-8601',
  run(c) {
    const to = flagString(c, 'to') ?? c.args[0];
    if (!to) throw new CliError('tickNeedsTo');
    const rt = c.load();
    const toMs = parseTime(to, '--to');
    // Times read in the workbook's zone, as the sheet shows them (the JSON line keeps UTC ISO).
    const zoned = (ms: number) => zonedIso(ms, rt.workbook.timeZone);
    if (toMs < rt.clock.now()) throw new CliError('tickBeforeClock', { to, clock: zoned(rt.clock.now()) });
    // A jump that would fire more runs than the runtime replays in one tick is refused before anything runs.
    if (rt.firingsDue(toMs, MAX_FIRINGS_PER_TICK + 1) > MAX_FIRINGS_PER_TICK) throw new CliError('tickTooLong', { to: zoned(toMs), max: MAX_FIRINGS_PER_TICK });
    const fired = rt.tick(toMs);
    const text = textOf(rt);
    for (const f of fired) c.say(`${zoned(f.at)} ${f.handler} ${f.ok ? text.ok : fill(text.failed, { error: String(f.error) })}`);
    c.say(fill(text.fired, { n: fired.length, clock: zoned(rt.clock.now()), zone: rt.workbook.timeZone }));
    return { json: { fired, clock: new Date(rt.clock.now()).toISOString() }, save: rt };
  },
});
