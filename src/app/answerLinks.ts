// How a requester answers a resolved ticket (issue 18): the "resolved" mail's block with the signed
// links to the web app of the script bound to the sheet (app/verify.ts answerInvitation: a link per
// choice and their lifetime). Undefined means "no links here" (an add-on deployment, which has no
// web app with a spreadsheet, or no web app deployed): the mail then says to answer by replying or
// by contacting the support team (catalog mail.answerByReply).
import type { Ticket } from '../domain/ticket';
import type { Tracker } from './tracker';
import type { LinkContext } from './verify';
import { answerInvitation, linkContext } from './verify';

/** Each execution's (each tracker's) link context, looked up once for all its mails (a sweep reminding fifty). */
const contexts = new WeakMap<Tracker, LinkContext | null>();

/** The "how to answer" block of the resolved mail for `tk`, or undefined for the reply text. Under the tracker lock. */
export function answerBlock(tr: Tracker, tk: Ticket): string | undefined {
  const context = (): LinkContext | null => {
    if (!contexts.has(tr)) contexts.set(tr, linkContext(tr.svc));
    return contexts.get(tr) ?? null;
  };
  const inv = answerInvitation(tr.svc, tk, tr.now, tr.lang, context);
  return inv.links ? inv.text : undefined;
}
