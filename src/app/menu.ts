// The add-on menu. Built in onOpen, which may run in AuthMode.NONE: no spreadsheet access there,
// so the language comes from the user's locale when the document cannot be read.
import { rethrowDefect } from '../domain/errors';
import type { Lang } from '../domain/schema';
import { langOfLocale } from '../domain/i18n';
import { en } from '../domain/messages/en';
import { zh } from '../domain/messages/zh';
import type { Services } from '../gas/services';

const item = (key: keyof typeof zh.menu, handler: string): [string, string, string] => [zh.menu[key], en.menu[key], handler];

/** [zh, en, handler]; null is a separator. Every handler is an entry point of Code.js. */
export const MENU_ITEMS: ([string, string, string] | null)[] = [
  item('intake', 'showIntakeSidebar'),
  item('ticket', 'showTicketSidebar'),
  null,
  item('sweep', 'runSlaSweepFromMenu'),
  item('weekly', 'buildWeeklyReviewFromMenu'),
  item('archive', 'archiveFromMenu'),
  null,
  item('setup', 'setupTrackerFromMenu'),
];

export function menuLang(svc: Services, authMode: unknown): Lang {
  try {
    if (authMode !== undefined && String(authMode) !== 'NONE') return langOfLocale(svc.SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
    return langOfLocale(svc.Session.getActiveUserLocale());
  } catch (e) {
    rethrowDefect(e);
    // No document or user locale in this auth mode (or no grant): the template's language.
    return 'zh';
  }
}

export function buildMenu(svc: Services, e: { authMode?: unknown } | undefined): void {
  const lang = menuLang(svc, e?.authMode);
  const menu = svc.SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) {
    if (item) menu.addItem(lang === 'zh' ? item[0] : item[1], item[2]);
    else menu.addSeparator();
  }
  menu.addToUi();
}
