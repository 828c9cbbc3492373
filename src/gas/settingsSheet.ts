// The `设置` (Settings) sheet: a key/value block (A:C) with a warnings column (D) beside it, the
// department list (F), the agents table (H:J) and the add-on's status (L:M). People edit it by
// hand, so it is parsed (and warned about) on read, never trusted.
import type { Lang } from '../domain/schema';
import type { Zone } from '../domain/zone';
import { formatLocal } from '../domain/zone';
import { SHEET_NAMES } from '../domain/schema';
import type { Settings, SettingsWarning } from '../domain/settings';
import { defaultSettingRows, defaultSettings, parseSettings } from '../domain/settings';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const SETTINGS_LAYOUT = {
  keyCol: 1, // A: label, B: value, C: help
  warnCol: 4, // D
  deptCol: 6, // F
  agentCol: 8, // H: name, I: tier, J: email
  statusCol: 12, // L: label, M: value
  width: 13,
} as const;

const HEADERS = {
  zh: { key: ['设置项', '值', '说明', '提示'], dept: '部门/区域', agents: ['支持人员', '级别', '邮箱'], status: ['运行状态', ''] },
  en: { key: ['Setting', 'Value', 'Help', 'Warning'], dept: 'Departments / Locations', agents: ['Agent', 'Tier', 'Email'], status: ['Status', ''] },
};

export function findSettingsSheet(ss: Spreadsheet): Sheet | null {
  return ss.getSheetByName(SHEET_NAMES.settings.zh) ?? ss.getSheetByName(SHEET_NAMES.settings.en);
}

/** Reads and validates the settings sheet in one read; writes the warnings column when it changed. */
/**
 * A date or time cell as the text a person sees, in the spreadsheet's zone (Sheets turns a typed
 * `09:00` into a time and `2024-05-01` into a date; the parsers read text).
 */
function cellText(v: unknown, zone: Zone): unknown {
  if (Object.prototype.toString.call(v) !== '[object Date]') return v;
  const ms = (v as Date).getTime();
  const local = formatLocal(ms, zone, 'minute');
  return local.startsWith('1899-12-30') ? local.slice(11) : local.endsWith(' 00:00') ? local.slice(0, 10) : local;
}

export function readSettings(sheet: Sheet | null, lang: Lang, zone: Zone): { settings: Settings; warnings: SettingsWarning[] } {
  if (!sheet) return { settings: defaultSettings(lang), warnings: [] };
  const lastRow = sheet.getLastRow();
  if (lastRow < 2) return { settings: defaultSettings(lang), warnings: [] };
  const grid = sheet.getSheetValues(1, 1, lastRow, SETTINGS_LAYOUT.width).map((r) => r.map((v) => cellText(v, zone)));
  const body = grid.slice(1);
  const col = (c: number) => body.map((r) => r[c - 1]);
  const parsed = parseSettings(
    {
      rows: body.map((r) => [r[0], r[1]]),
      departments: col(SETTINGS_LAYOUT.deptCol),
      agents: body.map((r) => r.slice(SETTINGS_LAYOUT.agentCol - 1, SETTINGS_LAYOUT.agentCol + 2)),
    },
    lang,
  );
  // Warnings sit beside the cell they concern; list-level ones go on the first row.
  const warn: string[][] = body.map(() => ['']);
  for (const w of parsed.warnings) {
    const r = w.row >= 0 ? w.row : 0;
    warn[r][0] = warn[r][0] ? `${warn[r][0]}\n${w.message}` : w.message;
  }
  const current = body.map((r) => String(r[SETTINGS_LAYOUT.warnCol - 1] ?? ''));
  if (warn.some((w, i) => w[0] !== current[i])) sheet.getRange(2, SETTINGS_LAYOUT.warnCol, warn.length, 1).setValues(warn);
  return parsed;
}

/** Creates the settings sheet with defaults, styled and validated. Leaves an existing one as it is. */
export function ensureSettingsSheet(
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  ss: Spreadsheet,
  lang: Lang,
  tierLabels: string[],
): { sheet: Sheet; created: boolean } {
  const existing = findSettingsSheet(ss);
  if (existing) return { sheet: existing, created: false };
  const sheet = ss.insertSheet(SHEET_NAMES.settings[lang]);
  const h = HEADERS[lang];
  const d = defaultSettings(lang);
  const rows = defaultSettingRows(lang);
  const height = Math.max(rows.length, d.departments.length, d.agents.length) + 1;
  const grid: unknown[][] = Array.from({ length: height }, () => new Array(SETTINGS_LAYOUT.width).fill(''));
  grid[0].splice(0, 4, ...h.key);
  grid[0][SETTINGS_LAYOUT.deptCol - 1] = h.dept;
  grid[0].splice(SETTINGS_LAYOUT.agentCol - 1, 3, ...h.agents);
  grid[0].splice(SETTINGS_LAYOUT.statusCol - 1, 2, ...h.status);
  rows.forEach((r, i) => grid[i + 1].splice(0, 3, ...r.map((x) => `'${x}`.replace(/^'$/, ''))));
  d.departments.forEach((x, i) => (grid[i + 1][SETTINGS_LAYOUT.deptCol - 1] = x));
  d.agents.forEach((a, i) =>
    grid[i + 1].splice(SETTINGS_LAYOUT.agentCol - 1, 3, a.name, tierLabels[a.tier === 'tier1' ? 0 : 1], a.email),
  );
  sheet.getRange(1, 1, height, SETTINGS_LAYOUT.width).setValues(grid);
  sheet.getRange(1, 1, 1, SETTINGS_LAYOUT.width).setFontWeight('bold').setBackground('#e8f0fe');
  sheet.setFrozenRows(1);
  sheet.setColumnWidth(1, 200);
  sheet.setColumnWidth(2, 170);
  sheet.setColumnWidth(3, 300);
  sheet.setColumnWidth(4, 260);
  sheet.getRange(2, 3, height, 2).setWrap(true).setFontColor('#5f6368');
  sheet.getRange(2, SETTINGS_LAYOUT.warnCol, height, 1).setFontColor('#d93025');
  sheet
    .getRange(2, SETTINGS_LAYOUT.agentCol + 1, 50, 1)
    .setDataValidation(app.newDataValidation().requireValueInList(tierLabels, true).setAllowInvalid(false).build());
  return { sheet, created: true };
}

/** Writes the add-on's status lines (last sweep, errors…) into the L:M block in one call. */
export function writeStatus(sheet: Sheet, lines: [string, string][]): void {
  const values = lines.map(([k, v]) => [k, `'${v}`.replace(/^'$/, '')]);
  sheet.getRange(2, SETTINGS_LAYOUT.statusCol, values.length, 2).setValues(values);
}


/** The key/value rows (A:B) below the header, for the mapping corrections (domain/mapping). */
export function readKeyRows(sheet: Sheet): unknown[][] {
  const lastRow = sheet.getLastRow();
  return lastRow < 2 ? [] : sheet.getSheetValues(2, SETTINGS_LAYOUT.keyCol, lastRow - 1, 2);
}

/** Appends rows (label, value, help) to the key/value block, after its last filled row. */
export function appendKeyRows(sheet: Sheet, rows: string[][], keyRows: readonly unknown[][]): void {
  if (!rows.length) return;
  let last = keyRows.length;
  while (last > 0 && !String(keyRows[last - 1][0] ?? '').trim()) last--;
  const at = last + 2;
  const needed = at + rows.length - 1 - sheet.getMaxRows();
  if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
  // Labels and headers as text: a team header like `=x` or `2024` stays what it says.
  sheet.getRange(at, SETTINGS_LAYOUT.keyCol, rows.length, 3).setValues(rows.map((r) => r.map((x) => `'${x}`.replace(/^'$/, ''))));
}
