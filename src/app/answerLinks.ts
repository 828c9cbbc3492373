// How a requester answers a resolved ticket (issue 18): the seam the one-click verification work
// fills with signed links to the web app. Undefined means "no links here" (an add-on deployment,
// which has no web app with a spreadsheet): the mail then says to answer by replying or by
// contacting the support team (catalog mail.answerByReply).
import type { Ticket } from '../domain/ticket';
import type { Tracker } from './tracker';

/** The "how to answer" block of the resolved mail for `tk`, or undefined for the reply text. */
export function answerBlock(_tr: Tracker, _tk: Ticket): string | undefined {
  return undefined;
}
