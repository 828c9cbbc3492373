// `status`: clock, mode, sheets, triggers, properties, mail: the state at a glance.
import { register } from '../registry';
import { fill, textOf } from '../text';
import { zonedIso } from '../zone';

register({
  name: 'status',
  usage: 'status',
  run(c) {
    const rt = c.load();
    const iso = (ms?: number | null) => (ms == null ? '-' : new Date(ms).toISOString());
    const zoned = (ms?: number | null) => (ms == null ? '-' : zonedIso(ms, rt.workbook.timeZone));
    const text = textOf(rt);
    c.say(fill(text.statusClock, { clock: zoned(rt.clock.now()), zone: rt.workbook.timeZone, scriptZone: rt.scriptTimeZone, mode: rt.ctx.addonMode ? text.addonMode : text.boundMode, user: rt.ctx.user.effective }));
    c.say(fill(text.statusSheets, { sheets: rt.workbook.sheets.map((s) => s.name).join(', ') }));
    c.say(fill(text.statusTriggers, { n: rt.triggers.length }));
    for (const t of rt.triggers) c.say(`  #${t.id} ${t.eventType} ${t.handler}${t.schedule ? ` ${JSON.stringify(t.schedule)} ${fill(text.statusNext, { at: zoned(t.nextFireAt) })}` : ''}`);
    c.say(fill(text.statusProperties, { keys: Object.keys(rt.properties.document).join(', ') || '-' }));
    c.say(fill(text.statusMail, { n: rt.mail.length, entryPoints: rt.entryPoints.join(', ') || text.noBundle }));
    return {
      json: {
        clock: iso(rt.clock.now()),
        sheets: rt.workbook.sheets.map((s) => s.name),
        triggers: rt.triggers.map((t) => ({ id: t.id, handler: t.handler, eventType: t.eventType, nextFireAt: t.nextFireAt == null ? null : iso(t.nextFireAt) })),
        documentProperties: Object.keys(rt.properties.document),
        mail: rt.mail.length,
      },
    };
  },
});
