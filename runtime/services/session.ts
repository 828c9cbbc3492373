// Session (developers.google.com/apps-script/reference/base/session). The active user's email may
// be '' (Google hides it across domains and in add-ons before authorisation): the runtime's `user`
// option decides; the effective user is the script's owner/trigger owner.
import { expose } from '../instrument';
import type { RuntimeContext } from '../context';

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

  getTemporaryActiveUserKey(): string {
    return Buffer.from(`key:${this.ctx.user.active || this.ctx.user.effective}`).toString('base64');
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
