// `status`: clock, mode, sheets, triggers, properties, mail: the state at a glance.
import { register } from '../registry';
import { zonedIso } from '../zone';

register({
  name: 'status',
  usage: 'status',
  summary: 'clock, sheets, triggers, properties, mail',
  run(c) {
    const rt = c.load();
    const iso = (ms?: number | null) => (ms == null ? '-' : new Date(ms).toISOString());
    const zoned = (ms?: number | null) => (ms == null ? '-' : zonedIso(ms, rt.workbook.timeZone));
    c.say(`clock ${zoned(rt.clock.now())}; spreadsheet zone ${rt.workbook.timeZone}, script zone ${rt.scriptTimeZone}; ${rt.ctx.addonMode ? 'add-on' : 'bound'} mode; user ${rt.ctx.user.effective}`);
    c.say(`sheets: ${rt.workbook.sheets.map((s) => s.name).join(', ')}`);
    c.say(`triggers (${rt.triggers.length}):`);
    for (const t of rt.triggers) c.say(`  #${t.id} ${t.eventType} ${t.handler}${t.schedule ? ` ${JSON.stringify(t.schedule)} next ${zoned(t.nextFireAt)}` : ''}`);
    c.say(`document properties: ${Object.keys(rt.properties.document).join(', ') || '-'}`);
    c.say(`mail sent: ${rt.mail.length}; entry points: ${rt.entryPoints.join(', ') || '(no bundle)'}`);
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
