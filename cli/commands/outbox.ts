// `outbox`: the mail the tracker sent (the local runtime records every mail, never sends it), with
// the links in each body; what the daily quota still allows, and how much waits in the queue.
import { CliError, flagString, register } from '../registry';
import { zonedIso } from '../zone';

/** http(s) links in a plain-text body, in order, without trailing punctuation. */
export function linksIn(body: string): string[] {
  return (body.match(/https?:\/\/[^\s<>"'）)】」]+/g) ?? []).map((u) => u.replace(/[.,;:!?。，；：！？]+$/, ''));
}

register({
  name: 'outbox',
  usage: 'outbox [--to ADDRESS] [--last N]',
  summary: 'mail sent (recorded, not sent), its links, quota left and mail waiting for the quota',
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
    c.say(`${rt.mail.length} mail${rt.mail.length === 1 ? '' : 's'} sent${to ? `, ${matching.length} to ${to}` : ''}; quota left today ${quotaLeft}; waiting for the quota ${queued}`);
    const mails = shown.map(({ n, m }) => {
      const links = linksIn(m.body);
      c.say(`#${n} ${zonedIso(m.at, rt.workbook.timeZone)} to ${m.to}: ${m.subject}`);
      for (const l of links) c.say(`    ${l}`);
      return { n, at: zonedIso(m.at, rt.workbook.timeZone), to: m.to, subject: m.subject, body: m.body, links };
    });
    return { json: { total: rt.mail.length, shown: mails.length, quotaLeft, queued, mails } };
  },
});
