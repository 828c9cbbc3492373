// Which OAuth scopes a service call needs: the "Authorization" line of each method's page in
// developers.google.com/apps-script/reference. When appsscript.json lists `oauthScopes`, Apps
// Script grants exactly those (guides/services/authorization, "Manual authorization scopes"), and a
// call needing a scope that is not listed throws instead of running.
import { SPREADSHEET_CLASSES } from './instrument';

const SPREADSHEETS = ['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/spreadsheets'];
const CONTAINER_UI = ['https://www.googleapis.com/auth/script.container.ui'];
const SCRIPTAPP = ['https://www.googleapis.com/auth/script.scriptapp'];
const SEND_MAIL = ['https://www.googleapis.com/auth/script.send_mail'];
const USERINFO_EMAIL = ['https://www.googleapis.com/auth/userinfo.email'];


/** `Class.method` → the scopes of which one is needed; methods not listed need none. */
const METHOD_SCOPES: Record<string, string[]> = {
  'Session.getActiveUser': USERINFO_EMAIL,
  'Session.getEffectiveUser': USERINFO_EMAIL,
  'MailApp.sendEmail': SEND_MAIL,
  'MailApp.getRemainingDailyQuota': SEND_MAIL,
  'ScriptApp.newTrigger': SCRIPTAPP,
  'ScriptApp.getProjectTriggers': SCRIPTAPP,
  'ScriptApp.getUserTriggers': SCRIPTAPP,
  'ScriptApp.deleteTrigger': SCRIPTAPP,
  'Ui.showSidebar': CONTAINER_UI,
  'Ui.showModalDialog': CONTAINER_UI,
  'Ui.showModelessDialog': CONTAINER_UI,
  'Ui.alert': CONTAINER_UI,
  'Ui.prompt': CONTAINER_UI,
};

/** The scopes a call needs (any one of them), or null when it needs none. */
export function scopesFor(className: string, method: string): string[] | null {
  const listed = METHOD_SCOPES[`${className}.${method}`];
  if (listed) return listed;
  // getUi() and the new…() builders assemble things locally; menus are built in AuthMode.NONE.
  if (className === 'SpreadsheetApp' && (method === 'getUi' || method.startsWith('new'))) return null;
  return SPREADSHEET_CLASSES.has(className) ? SPREADSHEETS : null;
}

/**
 * A check for every call: with `granted` null (no `oauthScopes` in the manifest) Apps Script
 * detects scopes from the code and grants them all; otherwise a call needing an unlisted scope
 * throws Google's message.
 */
export function scopeCheck(granted: readonly string[] | null): ((className: string, method: string) => void) | null {
  if (!granted) return null;
  const have = new Set(granted);
  return (className, method) => {
    const need = scopesFor(className, method);
    if (need && !need.some((s) => have.has(s))) {
      throw new Error(`You do not have permission to call ${className}.${method}. Required permissions: ${need.join(' || ')}`);
    }
  };
}

/** A manifest's `oauthScopes`, or null when it lists none (automatic detection). */
export function manifestScopes(manifest: { oauthScopes?: unknown } | null): string[] | null {
  const s = manifest?.oauthScopes;
  return Array.isArray(s) ? s.map(String) : null;
}
