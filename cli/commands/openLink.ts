// `open-link URL [--send] [--answer A] [--rating R] [--comment TEXT]`: follows a link from a mail
// (the outbox) as the requester's browser would: doGet of the web app with the link's parameters.
// It prints what the page says; with --send (implied by --answer/--rating/--comment) it also presses
// the page's send button — the choice the link preselected unless told otherwise.
// `open-link --latest [--to EMAIL]` instead of a URL: the newest mail with links (to that address),
// its link for --answer/--rating when it has one, else its first (links are signed and random, so a
// README line cannot name one).
import type { LocalRuntime } from '../../runtime';
import { register, CliError, flagString } from '../registry';
import { linksIn } from './outbox';

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

/**
 * The link `--latest` follows: in the newest mail (to `to`) that carries links, the one whose
 * answer and rating are the ones asked for, else its first. Null when no mail has links.
 */
export function latestLink(rt: LocalRuntime, to: string | undefined, answer: string | undefined, rating: string | undefined): string | null {
  const who = to?.trim().toLowerCase();
  for (let i = rt.mail.length - 1; i >= 0; i--) {
    const m = rt.mail[i];
    if (who && !m.to.split(',').some((a) => a.trim().toLowerCase() === who)) continue;
    const links = linksIn(m.body);
    if (!links.length) continue;
    const fits = (u: string) => {
      const q = new URL(u).searchParams;
      return (answer === undefined || q.get('a') === answer) && (rating === undefined || answer === 'notSolved' || q.get('r') === rating);
    };
    return links.find(fits) ?? links[0];
  }
  return null;
}

register({
  name: 'open-link',
  options: ['send', 'answer', 'rating', 'comment', 'visitor', 'latest', 'to'],
  usage: 'open-link URL|--latest [--to EMAIL] [--send] [--answer solved|notSolved] [--rating satisfied|basic|unsatisfied] [--comment TEXT] [--visitor EMAIL]',
  run(c) {
    const latest = c.flags.latest !== undefined;
    if (latest && c.flags.latest !== true) throw new CliError('takesNoValue', { option: 'latest' });
    const to = flagString(c, 'to');
    if (to !== undefined && !latest) throw new CliError('onlyWith', { option: 'to', with: 'latest' });
    const raw = c.args[0];
    if (latest && c.args.length) throw new CliError('urlOrLatest');
    if (!latest && (!raw || c.args.length > 1)) throw new CliError('oneUrl');
    const answerFlag = flagString(c, 'answer');
    const ratingFlag = flagString(c, 'rating');
    const comment = flagString(c, 'comment');
    if (answerFlag !== undefined && !ANSWERS.includes(answerFlag)) throw new CliError('oneOf', { option: 'answer', values: ANSWERS.join(', ') });
    if (ratingFlag !== undefined && !RATINGS.includes(ratingFlag)) throw new CliError('oneOf', { option: 'rating', values: RATINGS.join(', ') });
    const send = c.flags.send === true || answerFlag !== undefined || ratingFlag !== undefined || comment !== undefined;
    if (c.flags.send !== undefined && c.flags.send !== true) throw new CliError('takesNoValue', { option: 'send' });
    const visitor = flagString(c, 'visitor') ?? '';
    const parse = (link: string): URL => {
      try {
        return new URL(link);
      } catch {
        throw new CliError('notUrl', { value: JSON.stringify(link) });
      }
    };
    let url = latest ? null : parse(raw);
    const rt = c.load();
    const link = latest ? latestLink(rt, to, answerFlag, ratingFlag) : raw;
    if (link === null) throw to ? new CliError('noLinkMailTo', { to }) : new CliError('noLinkMail');
    url ??= parse(link);
    if (latest) c.say(link);
    const parameter = Object.fromEntries(url.searchParams);
    const web = rt.webApp(visitor);
    const page = web.get(parameter).result;
    const shown = readVerifyPage(page.content);
    c.say(`${page.title}: ${shown.kind === 'form' ? shown.heading : shown.message}`);
    const json: Record<string, unknown> = { ok: true, title: page.title, page: shown.kind, heading: shown.heading, message: shown.message, ...(latest ? { url: link } : {}) };
    if (shown.kind === 'form') Object.assign(json, { answer: shown.answer, rating: shown.rating });
    if (!send) return { json };
    if (shown.kind !== 'form') throw new CliError('nothingToSend', { message: shown.message });
    const choice = { answer: answerFlag ?? shown.answer ?? '', rating: ratingFlag ?? shown.rating ?? '', comment: comment ?? '' };
    const r = web.run<{ ok: boolean; message: string; code?: string }>('answerVerification', parameter.t, choice, ...(shown.row ? [shown.row] : [])).result;
    // Refused (a used link, a choice missing…): an error like any refused command, nothing saved.
    if (!r.ok) throw new CliError('linkRefused', { message: r.message });
    c.say(r.message);
    return { json: { ...json, sent: choice, message: r.message }, save: rt };
  },
});
