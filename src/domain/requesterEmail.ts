// Where a new ticket's updates go (issue 18): the one rule the sidebar and the web form share,
// applied by the server to whatever the client sent.
import { notifyEmailProblem } from './intake';

/** Where a new ticket's 提交人邮箱 came from (requesterEmail). */
export type UpdatesSource = 'google' | 'contact' | 'typed' | 'none';

/**
 * The address a new ticket stores in 提交人邮箱, in the order (issue 18): the address Google
 * reveals for the person submitting (Session.getActiveUser(): blank where Google hides it, e.g. a
 * web-form visitor outside the owner's Workspace domain, reference/base/session#getactiveuser);
 * else the contact field when it is an email; else the "email for updates" typed in the form.
 * Whatever the client sent, Google's address wins when there is one: the form does not even offer
 * the field then. An address holding a personal mobile number is never stored. '' when none fits.
 * An agent filing from the sidebar for a caller is named by Google, so the updates go to the agent.
 */
export function requesterEmail(google: string, contact: string, typed: string): { address: string; source: UpdatesSource } {
  const usable = (s: string): boolean => s !== '' && notifyEmailProblem(s) === null;
  const g = google.trim();
  if (usable(g)) return { address: g, source: 'google' };
  const c = contact.normalize('NFC').trim();
  if (usable(c)) return { address: c, source: 'contact' };
  const t = typed.normalize('NFC').trim();
  if (usable(t)) return { address: t, source: 'typed' };
  return { address: '', source: 'none' };
}
