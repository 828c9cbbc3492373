// `open-link URL [--send] [--answer A] [--rating R] [--comment TEXT]`: follows a link from a mail
// (the outbox) as the requester's browser would: doGet of the web app with the link's parameters.
// It prints what the page says; with --send (implied by --answer/--rating/--comment) it also presses
// the page's send button — the choice the link preselected unless told otherwise.
import { register, CliError, flagString } from '../registry';

const ANSWERS = ['solved', 'notSolved'];
const RATINGS = ['satisfied', 'basic', 'unsatisfied'];

const unescape = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** What the answer page shows, read from its HTML (app/verifyPage.ts). */
export function readVerifyPage(html: string): { kind: 'form' | 'message'; heading: string; message: string; row: number | null; answer: string | null; rating: string | null } {
  const heading = unescape(/<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '');
  const result = /<p class="result" data-result="\w+">([\s\S]*?)<\/p>/.exec(html);
  if (result) return { kind: 'message', heading, message: unescape(result[1]), row: null, answer: null, rating: null };
  const checked = (name: string) => new RegExp(`name="${name}" value="(\\w+)" checked`).exec(html)?.[1] ?? null;
  const row = /var row = (\d+);/.exec(html);
  return { kind: 'form', heading, message: '', row: row ? Number(row[1]) : null, answer: checked('answer'), rating: checked('rating') };
}

register({
  name: 'open-link',
  options: ['send', 'answer', 'rating', 'comment', 'visitor'],
  usage: 'open-link URL [--send] [--answer solved|notSolved] [--rating satisfied|basic|unsatisfied] [--comment TEXT] [--visitor EMAIL]',
  run(c) {
    const raw = c.args[0];
    if (!raw || c.args.length > 1) throw new CliError('open-link: give one URL (quote it: it holds & characters)');
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new CliError(`open-link: not a URL: ${JSON.stringify(raw)}`);
    }
    const answerFlag = flagString(c, 'answer');
    const ratingFlag = flagString(c, 'rating');
    const comment = flagString(c, 'comment');
    if (answerFlag !== undefined && !ANSWERS.includes(answerFlag)) throw new CliError(`--answer: one of ${ANSWERS.join(', ')}`);
    if (ratingFlag !== undefined && !RATINGS.includes(ratingFlag)) throw new CliError(`--rating: one of ${RATINGS.join(', ')}`);
    const send = c.flags.send === true || answerFlag !== undefined || ratingFlag !== undefined || comment !== undefined;
    if (c.flags.send !== undefined && c.flags.send !== true) throw new CliError('--send takes no value');
    const visitor = flagString(c, 'visitor') ?? '';
    const rt = c.load();
    const parameter = Object.fromEntries(url.searchParams);
    const web = rt.webApp(visitor);
    const page = web.get(parameter).result;
    const shown = readVerifyPage(page.content);
    c.say(`${page.title}: ${shown.kind === 'form' ? shown.heading : shown.message}`);
    const json: Record<string, unknown> = { ok: true, title: page.title, page: shown.kind, heading: shown.heading, message: shown.message };
    if (shown.kind === 'form') Object.assign(json, { answer: shown.answer, rating: shown.rating });
    if (!send) return { json };
    if (shown.kind !== 'form') throw new CliError(`open-link: nothing to send: ${shown.message}`);
    const choice = { answer: answerFlag ?? shown.answer ?? '', rating: ratingFlag ?? shown.rating ?? '', comment: comment ?? '' };
    const r = web.run<{ ok: boolean; message: string; code?: string }>('answerVerification', parameter.t, choice, ...(shown.row ? [shown.row] : [])).result;
    // Refused (a used link, a choice missing…): an error like any refused command, nothing saved.
    if (!r.ok) throw new CliError(`open-link: ${r.message}`);
    c.say(r.message);
    return { json: { ...json, sent: choice, message: r.message }, save: rt };
  },
});
