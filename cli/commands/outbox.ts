// `outbox`: the mail the tracker sent (the local runtime records every mail, never sends it), with
// the links in each body; what the daily quota still allows, and how much waits in the queue.
import { CliError, flagString, register } from '../registry';
import { fill, textOf } from '../text';
import { zonedIso } from '../zone';

/** http(s) links in a plain-text body, in order, without trailing punctuation. */
export function linksIn(body: string): string[] {
  return (body.match(/https?:\/\/[^\s<>"'）)】」]+/g) ?? []).map((u) => u.replace(/[.,;:!?。，；：！？]+$/, ''));
}

register({
  name: 'outbox',
  usage: 'outbox [--to ADDRESS] [--last N]',
  options: ['to', 'last'],
  run(c) {
    const rt = c.load();
    const to = flagString(c, 'to')?.trim().toLowerCase();
    const lastText = flagString(c, 'last');
    const last = lastText === undefined ? undefined : Number(lastText);
    if (last !== undefined && (!Number.isInteger(last) || last < 1)) throw new CliError('notPositive', { option: 'last', value: String(lastText) });
    const all = rt.mail.map((m, i) => ({ n: i + 1, m }));
    const matching = to ? all.filter(({ m }) => m.to.split(',').some((a) => a.trim().toLowerCase() === to)) : all;
    const shown = last ? matching.slice(-last) : matching;
    const quotaLeft = rt.services.MailApp.getRemainingDailyQuota();
    const queued = Object.keys(rt.properties.document).filter((k) => k.startsWith('notify.queue.')).length;
    const text = textOf(rt);
    c.say(fill(text.outboxHeader, { n: rt.mail.length, to: to ? fill(text.outboxTo, { n: matching.length, to }) : '', quotaLeft, queued }));
    const mails = shown.map(({ n, m }) => {
      const links = linksIn(m.body);
      c.say(fill(text.outboxMail, { n, at: zonedIso(m.at, rt.workbook.timeZone), to: m.to, subject: m.subject }));
      for (const l of links) c.say(`    ${l}`);
      return { n, at: zonedIso(m.at, rt.workbook.timeZone), to: m.to, subject: m.subject, body: m.body, links };
    });
    return { json: { total: rt.mail.length, shown: mails.length, quotaLeft, queued, mails } };
  },
});
