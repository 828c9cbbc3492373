// MailApp (developers.google.com/apps-script/reference/mail/mail-app). Mail is recorded, never
// sent. Quota (guides/services/quotas): recipients per day, 100 for consumer accounts by default
// (configurable); every to/cc/bcc address counts. "Quotas are per user and reset 24 hours after
// the first request" (guides/services/quotas): the day is a window opened by the first send and
// closed 24 hours later, not a calendar day.
import type { RuntimeContext } from '../context';

export const MAIL_QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';
export const DEFAULT_MAIL_QUOTA = 100;
/** guides/services/quotas: "Email recipients per message 50 / msg" (message as reported on Google; VERIFY). */
export const MAX_RECIPIENTS_PER_MESSAGE = 50;
export const TOO_MANY_RECIPIENTS_MESSAGE = 'Limit Exceeded: Email Recipients Per Message.';

export interface SentMail {
  at: number;
  to: string;
  cc?: string;
  bcc?: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  from: string;
}

export interface MailJson {
  sent: SentMail[];
  /** The quota's current day: opened by its first send (epoch ms), and the recipients used in it. */
  window?: { start: number; used: number };
  /** Older states counted calendar days here; no longer read. */
  used?: Record<string, number>;
  dailyQuota: number;
}

/** guides/services/quotas: "reset 24 hours after the first request". */
export const QUOTA_WINDOW_MS = 24 * 3600 * 1000;

export const emptyMail = (quota = DEFAULT_MAIL_QUOTA): MailJson => ({ sent: [], dailyQuota: quota });

const recipients = (s?: string) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []);

/**
 * "the addresses of the recipients, separated by commas" (reference/mail/mail-app#sendemailrecipient,-subject,-body):
 * something else in the list is not an address. The page does not say what happens then; the
 * runtime refuses the whole message, the stricter answer (message as reported on Google; VERIFY,
 * self-test mail.invalid-address, which sends nothing).
 */
export const INVALID_EMAIL = (addr: string) => `Invalid email: ${addr}`;
const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+$/;
/** `a@b.example` or `Name <a@b.example>`. */
export const isMailAddress = (s: string): boolean => {
  const named = /^[^<>]*<([^<>]+)>$/.exec(s.trim());
  return ADDRESS.test(named ? named[1] : s.trim());
};

export class LocalMailApp implements Pick<GoogleAppsScript.Mail.MailApp, 'sendEmail' | 'getRemainingDailyQuota'> {
  constructor(
    private ctx: RuntimeContext,
    private data: () => MailJson,
    /** Throws when the execution's auth mode may not send mail (simple triggers). */
    private guard: (what: string, scope: string) => void = () => {},
  ) {}

  /** The recipients used in the open window (0 once it has closed). */
  private usedNow(): number {
    const w = this.data().window;
    return w && this.ctx.clock.now() < w.start + QUOTA_WINDOW_MS ? w.used : 0;
  }

  getRemainingDailyQuota(): number {
    return Math.max(0, this.data().dailyQuota - this.usedNow());
  }

  sendEmail(...args: any[]): void {
    this.guard('MailApp.sendEmail', 'https://www.googleapis.com/auth/script.send_mail');
    let m: Omit<SentMail, 'at' | 'from'>;
    if (args.length === 1 && args[0] && typeof args[0] === 'object') {
      const o = args[0];
      m = { to: String(o.to ?? ''), cc: o.cc, bcc: o.bcc, subject: String(o.subject ?? ''), body: String(o.body ?? ''), htmlBody: o.htmlBody, name: o.name, replyTo: o.replyTo, noReply: o.noReply };
    } else {
      const [to, subject, body, opts] = args;
      if (args.length === 4 && typeof opts === 'string') throw new Error('sendEmail(recipient, replyTo, subject, body) is not provided by the local runtime');
      const o = opts ?? {};
      m = { to: String(to), cc: o.cc, bcc: o.bcc, subject: String(subject), body: String(body), htmlBody: o.htmlBody, name: o.name, replyTo: o.replyTo, noReply: o.noReply };
    }
    const all = [...recipients(m.to), ...recipients(m.cc), ...recipients(m.bcc)];
    const count = all.length;
    if (!count) throw new Error('Exception: Failed to send email: no recipient');
    const bad = all.find((a) => !isMailAddress(a));
    if (bad !== undefined) throw new Error(INVALID_EMAIL(bad));
    if (count > MAX_RECIPIENTS_PER_MESSAGE) throw new Error(TOO_MANY_RECIPIENTS_MESSAGE);
    if (count > this.getRemainingDailyQuota()) throw new Error(MAIL_QUOTA_MESSAGE);
    const d = this.data();
    const now = this.ctx.clock.now();
    const open = d.window && now < d.window.start + QUOTA_WINDOW_MS ? d.window : null;
    d.window = { start: open ? open.start : now, used: (open ? open.used : 0) + count };
    const clean = Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)) as typeof m;
    d.sent.push({ at: this.ctx.clock.now(), from: this.ctx.user.effective, ...clean });
  }
}
