// The add-on menu. Built in onOpen, which may run in AuthMode.NONE: no spreadsheet access there,
// so the language comes from the user's locale when the document cannot be read.
import type { Lang } from '../domain/schema';
import { langOfLocale } from '../domain/i18n';
import type { Services } from '../gas/services';

/** [zh, en, handler]; null is a separator. Every handler is an entry point of Code.js. */
export const MENU_ITEMS: ([string, string, string] | null)[] = [
  ['提交问题', 'Report a problem', 'showIntakeSidebar'],
  ['处理工单', 'Work on a ticket', 'showTicketSidebar'],
  null,
  ['立即检查 SLA', 'Check SLAs now', 'runSlaSweepFromMenu'],
  ['生成周报…', 'Build weekly review…', 'buildWeeklyReviewFromMenu'],
  ['归档已关闭工单', 'Archive closed tickets', 'archiveFromMenu'],
  null,
  ['初始化 / 修复工单表', 'Set up / repair tracker', 'setupTrackerFromMenu'],
];

export function menuLang(svc: Services, authMode: unknown): Lang {
  try {
    if (authMode !== undefined && String(authMode) !== 'NONE') return langOfLocale(svc.SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
    return langOfLocale(svc.Session.getActiveUserLocale());
  } catch {
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
