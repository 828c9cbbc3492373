// The audit trail (`操作日志`): append-only, one appendRow per action. An action that changes
// several fields is one row whose field/old/new cells hold one line per field, in the same order,
// so the log costs one spreadsheet call whatever the action.
import type { Lang } from '../domain/schema';
import { SHEET_NAMES } from '../domain/schema';
import type { AuditEntry } from '../domain/ticket';
import { literalText } from '../domain/text';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const AUDIT_HEADERS = {
  zh: ['时间', '用户', '问题编号', '字段', '原值', '新值', '来源'],
  en: ['Time', 'User', 'Ticket ID', 'Field', 'Old value', 'New value', 'Via'],
};

const VIA = {
  zh: { sidebar: '侧边栏', edit: '手动编辑', trigger: '定时任务', setup: '初始化', menu: '菜单', form: '表单' },
  en: { sidebar: 'sidebar', edit: 'hand edit', trigger: 'trigger', setup: 'setup', menu: 'menu', form: 'form' },
};

export function findAuditSheet(ss: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet | null {
  return ss.getSheetByName(SHEET_NAMES.audit.zh) ?? ss.getSheetByName(SHEET_NAMES.audit.en);
}

/** One row for the changes one action made to one ticket. */
export function auditRow(entries: readonly AuditEntry[], lang: Lang): unknown[] {
  const first = entries[0];
  const col = (f: (e: AuditEntry) => string) => literalText(entries.map(f).join('\n'));
  return [
    new Date(first.at),
    literalText(first.user || (lang === 'zh' ? '未知' : 'unknown')),
    literalText(first.ticketId),
    col((e) => e.field),
    col((e) => e.oldValue),
    col((e) => e.newValue),
    VIA[lang][first.via],
  ];
}

/** One action's changes as one appended row. A deleted audit sheet never blocks the work itself. */
export function appendAudit(ss: Spreadsheet, entries: readonly AuditEntry[], lang: Lang): void {
  if (entries.length) appendAuditRows(ss, [auditRow(entries, lang)]);
}

/** Several rows at once (a pasted block): one write after making room at the bottom. */
export function appendAuditRows(ss: Spreadsheet, rows: unknown[][]): void {
  if (!rows.length) return;
  const sheet = findAuditSheet(ss);
  if (!sheet) return;
  if (rows.length === 1) {
    sheet.appendRow(rows[0]);
    return;
  }
  const last = sheet.getLastRow();
  const room = sheet.getMaxRows() - last;
  if (room < rows.length) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - room);
  sheet.getRange(last + 1, 1, rows.length, rows[0].length).setValues(rows);
}
