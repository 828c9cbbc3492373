// The audit trail (`操作日志`): append-only, one appendRow per action. An action that changes
// several fields is one row whose field/old/new cells hold one line per field, in the same order,
// so the log costs one spreadsheet call whatever the action.
import type { FieldKey, Lang } from '../domain/schema';
import { SHEET_NAMES, fieldForHeader } from '../domain/schema';
import type { AuditEntry } from '../domain/ticket';
import { literalText } from '../domain/text';
import { t } from '../domain/i18n';
import { lineBreaksShown } from '../domain/worklog';
import { repairHeader } from './sideSheet';
import { COLOURS, PROTECTION_MARK } from './ticketFormat';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const AUDIT_HEADERS = {
  zh: ['时间', '用户', '问题编号', '字段', '原值', '新值', '来源'],
  en: ['Time', 'User', 'Ticket ID', 'Field', 'Old value', 'New value', 'Via'],
};

const VIA = {
  zh: { sidebar: '侧边栏', edit: '手动编辑', trigger: '定时任务', setup: '初始化', menu: '菜单', form: '表单', link: '邮件链接' },
  en: { sidebar: 'sidebar', edit: 'hand edit', trigger: 'trigger', setup: 'setup', menu: 'menu', form: 'form', link: 'mail link' },
};

/** A "via" cell read back, in either language (or the code itself). */
const VIA_OF_LABEL = new Map<string, AuditEntry['via']>(
  (Object.keys(VIA.zh) as AuditEntry['via'][]).flatMap((v) => [[VIA.zh[v], v], [VIA.en[v], v], [v, v]] as const),
);

export function findAuditSheet(ss: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet | null {
  return ss.getSheetByName(SHEET_NAMES.audit.zh) ?? ss.getSheetByName(SHEET_NAMES.audit.en);
}

/** One row for the changes one action made to one ticket. */
export function auditRow(entries: readonly AuditEntry[], lang: Lang): unknown[] {
  const first = entries[0];
  // One line per field: a value's own line breaks are shown as ⏎, so the lines of the field, old
  // and new cells stay aligned (a typed reason cannot shift another field's value, or forge one).
  const col = (f: (e: AuditEntry) => string) => literalText(entries.map((e) => lineBreaksShown(f(e))).join('\n'));
  return [
    new Date(first.at),
    literalText(first.user || t(lang, 'unknownUser')),
    literalText(first.ticketId),
    col((e) => e.field),
    col((e) => e.oldValue),
    col((e) => e.newValue),
    VIA[lang][first.via],
  ];
}

/**
 * A new, empty audit sheet: header, formats, warning-only protection. Called by setup and whenever
 * a change is to be recorded and the sheet is gone (deleted by someone): the record is kept from
 * then on, never silently skipped.
 */
export function createAuditSheet(ss: Spreadsheet, lang: Lang): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ss.insertSheet(SHEET_NAMES.audit[lang]);
  const headers = AUDIT_HEADERS[lang];
  sheet.getRange(1, 1, 1, headers.length).setValues([headers]).setFontWeight('bold').setBackground(COLOURS.header).setFontColor(COLOURS.headerText);
  sheet.setFrozenRows(1);
  sheet.getRange(2, 1, sheet.getMaxRows() - 1, 1).setNumberFormat('yyyy-mm-dd hh:mm:ss');
  sheet.getRange(2, 4, sheet.getMaxRows() - 1, 3).setWrap(true);
  [150, 160, 130, 120, 220, 220, 90].forEach((w, i) => sheet.setColumnWidth(i + 1, w));
  // Append-only by convention: people are warned before editing it.
  sheet.protect().setDescription(`${PROTECTION_MARK} ${SHEET_NAMES.audit[lang]}`).setWarningOnly(true);
  return sheet;
}

/**
 * The audit sheet, recreated (header only) when someone deleted it. `repair` (setup) also puts the
 * header back above rows left in a headerless sheet (a creation that stopped half-way).
 */
export function ensureAuditSheet(ss: Spreadsheet, lang: Lang, repair = false): GoogleAppsScript.Spreadsheet.Sheet {
  const found = findAuditSheet(ss);
  if (found && repair) repairHeader(found, AUDIT_HEADERS, lang);
  return found ?? createAuditSheet(ss, lang);
}

/** One action's changes as one appended row; a deleted audit sheet is recreated first. */
export function appendAudit(ss: Spreadsheet, entries: readonly AuditEntry[], lang: Lang): void {
  if (entries.length) appendAuditRows(ss, [auditRow(entries, lang)], lang);
}

/**
 * Several rows at once (a pasted block): one write after making room at the bottom. A deleted
 * audit sheet is recreated (in `lang`) so the change is recorded; a failure throws, so no caller
 * goes on as if it were recorded.
 */
export function appendAuditRows(ss: Spreadsheet, rows: unknown[][], lang?: Lang): void {
  if (!rows.length) return;
  // The rows' own "via" label tells their language when the caller does not.
  const sheet = ensureAuditSheet(ss, lang ?? (Object.values(VIA.en).includes(String(rows[0][6]) as never) ? 'en' : 'zh'));
  if (rows.length === 1) {
    sheet.appendRow(rows[0]);
    return;
  }
  const last = sheet.getLastRow();
  const room = sheet.getMaxRows() - last;
  if (room < rows.length) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - room);
  sheet.getRange(last + 1, 1, rows.length, rows[0].length).setValues(rows);
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/**
 * Audit rows as entries: an action's fields are newline-joined in one row (field, old and new
 * cells line up), so each line becomes its own entry. With `only`, just that field's entries
 * (the review needs status changes only).
 */
export function auditEntriesOf(values: readonly (readonly unknown[])[], only?: FieldKey): AuditEntry[] {
  const out: AuditEntry[] = [];
  const known = new Map<string, boolean>(); // field cell → holds the wanted field (a log repeats a few cells)
  for (const r of values) {
    const fieldCell = String(r[3] ?? '');
    if (only) {
      let has = known.get(fieldCell);
      if (has === undefined)
        known.set(fieldCell, (has = fieldCell.split('\n').some((f) => fieldForHeader(f) === only)));
      if (!has) continue;
    }
    const at = isDate(r[0]) ? r[0].getTime() : typeof r[0] === 'string' ? Date.parse(r[0]) : NaN;
    const id = String(r[2] ?? '').trim();
    if (!Number.isFinite(at) || !id) continue;
    const fields = fieldCell.split('\n');
    const olds = String(r[4] ?? '').split('\n');
    const news = String(r[5] ?? '').split('\n');
    const via = VIA_OF_LABEL.get(String(r[6] ?? '').trim()) ?? 'edit';
    fields.forEach((field, i) => {
      if (!field.trim() || (only && fieldForHeader(field) !== only)) return;
      out.push({
        at,
        user: String(r[1] ?? ''),
        ticketId: id,
        field: field.trim(),
        oldValue: olds[i] ?? '',
        newValue: news[i] ?? '',
        via,
      });
    });
  }
  return out;
}
