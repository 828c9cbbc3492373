// The intake form as a web app, for requesters who must not see the sheet (docs/spec.md, intake). It is
// deployed from the script bound to the sheet with "Execute as: Me": visitors never get access to
// the file, and every call they make runs on the owner's authority. google.script.run can reach
// any global function, so everything but the intake form refuses callers who are not the person
// the script runs as (teamOnly).
import { rethrowDefect } from '../domain/errors';
import { langOfLocale, t } from '../domain/i18n';
import type { Services } from '../gas/services';
import { openTracker } from './tracker';

/** doGet: the intake page, or why there is none (an add-on's web app has no spreadsheet). */
export function serveIntakeForm(svc: Services): GoogleAppsScript.HTML.HtmlOutput {
  if (!svc.SpreadsheetApp.getActiveSpreadsheet()) {
    const lang = langOfLocale(svc.Session.getActiveUserLocale());
    // Our own fixed text, no markup in it: nothing to escape.
    return svc.HtmlService.createHtmlOutput(`<p style="font-family:Arial,sans-serif;margin:24px">${t(lang, 'webFormNeedsBoundScript')}</p>`).setTitle(t(lang, 'webFormTitle'));
  }
  const { lang } = openTracker(svc);
  // Web apps ignore <meta> tags in the page; the viewport has to be added here (guides/html/restrictions).
  return svc.HtmlService.createHtmlOutputFromFile('Intake').setTitle(t(lang, 'webFormTitle')).addMetaTag('viewport', 'width=device-width, initial-scale=1');
}

/**
 * Runs `fn` only for the person the script runs as. In a sidebar or menu that is whoever uses
 * it; a web-app visitor runs on the owner's authority and is refused. The trigger functions are
 * not guarded (a colleague's edit legitimately runs as the trigger's owner): onTrackerEdit needs a
 * real Range, which google.script.run cannot send, and onSlaTimer only does the work the timer
 * would do anyway (sweep, due review, due archiving).
 */
export function teamOnly<T>(svc: Services, fn: () => T): T {
  if (!runsAsCaller(svc)) throw new Error(t(langOfLocale(svc.Session.getActiveUserLocale()), 'teamOnly'));
  return fn();
}

function runsAsCaller(svc: Services): boolean {
  try {
    return svc.Session.getActiveUser().getEmail().toLowerCase() === svc.Session.getEffectiveUser().getEmail().toLowerCase();
  } catch (e) {
    rethrowDefect(e);
    return false; // who runs the script cannot be told: refuse rather than guess
  }
}
