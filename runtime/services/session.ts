// Session (developers.google.com/apps-script/reference/base/session). The active user's email may
// be '' (Google hides it across domains and in add-ons before authorisation): the runtime's `user`
// option decides; the effective user is the script's owner/trigger owner.
import { createHash } from 'node:crypto';
import { expose } from '../instrument';
import type { RuntimeContext } from '../context';

/** reference/base/session#gettemporaryactiveuserkey: "rotates every 30 days". */
const KEY_ROTATION_MS = 30 * 24 * 3600 * 1000;

class LocalUser implements GoogleAppsScript.Base.User {
  constructor(private email: string) {}
  getEmail(): string {
    return this.email;
  }
  /** Deprecated "as of June 24, 2013, replaced by getEmail()" (reference/base/user): still answers the email. */
  getUserLoginId(): string {
    return this.email;
  }
}

export class LocalSession implements Pick<GoogleAppsScript.Base.Session, 'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone' | 'getActiveUserLocale' | 'getTemporaryActiveUserKey'> {
  constructor(
    private ctx: RuntimeContext,
    /** appsscript.json `timeZone`. */
    private scriptTimeZone: () => string,
    private locale: () => string,
  ) {}

  getActiveUser(): GoogleAppsScript.Base.User {
    return expose(new LocalUser(this.ctx.user.active), 'User', this.ctx.acct) as unknown as GoogleAppsScript.Base.User;
  }

  getEffectiveUser(): GoogleAppsScript.Base.User {
    return expose(new LocalUser(this.ctx.user.effective), 'User', this.ctx.acct) as unknown as GoogleAppsScript.Base.User;
  }

  getScriptTimeZone(): string {
    return this.scriptTimeZone();
  }

  /** Google returns e.g. 'en' or 'zh_CN' (underscore form). */
  getActiveUserLocale(): string {
    return this.locale().replace('-', '_');
  }

  /**
   * "a temporary key that is unique to the active user but does not reveal the user identity. The
   * temporary key rotates every 30 days and is unique to the script" (reference/base/session#gettemporaryactiveuserkey):
   * a one-way hash of the user and the 30-day period (it was the email in base64, which reveals it).
   */
  getTemporaryActiveUserKey(): string {
    const period = Math.floor(this.ctx.clock.now() / KEY_ROTATION_MS);
    const who = (this.ctx.user.active || this.ctx.user.effective).toLowerCase();
    return createHash('sha256').update(`local-script\n${period}\n${who}`).digest('base64url');
  }
}

export function userObject(ctx: RuntimeContext, email: string): GoogleAppsScript.Base.User {
  return expose(new LocalUser(email), 'User', ctx.acct) as unknown as GoogleAppsScript.Base.User;
}

/** Consumer Gmail domains: sharing one says nothing about belonging to one Workspace. */
const CONSUMER_DOMAINS = new Set(['gmail.com', 'googlemail.com']);
const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/**
 * The acting person's email as a script authorised by `authoriser` sees it (reference/base/user
 * #getEmail): blank when the script runs on someone else's authorisation (an installable trigger
 * set up by a colleague, a web app executing as its owner), unless it is the same person or both
 * belong to one Google Workspace domain.
 */
export function emailSeenBy(actor: string, authoriser: string): string {
  if (!actor) return '';
  if (actor.toLowerCase() === authoriser.toLowerCase()) return actor;
  const domain = domainOf(actor);
  return domain === domainOf(authoriser) && !CONSUMER_DOMAINS.has(domain) ? actor : '';
}
