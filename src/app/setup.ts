// Setup / repair: adopt the sheet a team already has (or create one), then apply dropdowns,
// formats, protections, colour rules, the side sheets and the triggers. Idempotent; shows its plan
// and asks before it changes a sheet that holds data; never removes a value.
import type { AdoptionPlan } from '../domain/adopt';
import { cellName, planAdoption } from '../domain/adopt';
import type { ColumnMap } from '../domain/columns';
import { t, langOfLocale } from '../domain/i18n';
import type { Lang } from '../domain/schema';
import { FIELDS, SHEET_NAMES, enumLabels, headerLabel } from '../domain/schema';
import { literalText } from '../domain/text';
import type { AuditEntry } from '../domain/ticket';
import { AUDIT_HEADERS, appendAuditRows, auditRow, findAuditSheet } from '../gas/auditSheet';
import { findArchiveSheet, readArchiveSheet } from '../gas/archiveSheet';
import type { TrackerConfig } from '../gas/config';
import { loadConfig, saveConfig } from '../gas/config';
import { PROPERTY_KEYS } from '../gas/properties';
import { ensureKnowledgeSheet } from '../gas/knowledgeSheet';
import { ensureSettingsSheet, readSettings } from '../gas/settingsSheet';
import type { Services } from '../gas/services';
import { applyTicketFormat, COLOURS, PROTECTION_MARK } from '../gas/ticketFormat';
import type { TicketSheet } from '../gas/ticketSheet';
import { hintOf, locateTicketSheet } from '../gas/ticketSheet';
import { ensureTriggers } from '../gas/triggers';
import { actingEmail } from './tracker';
import { utilitiesZone } from '../gas/zone';

export interface SetupReport {
  ok: boolean;
  cancelled: boolean;
  created: boolean;
  sheet: string;
  addedColumns: string[];
  backfilledIds: number;
  mappedValues: number;
  unmapped: string[];
  triggers: string[];
  messages: string[];
}

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** `confirm` is asked before changing a sheet that holds data (the menu shows a Yes/No dialog). */
export function setupTracker(svc: Services, confirm: (message: string) => boolean): SetupReport {
  const app = svc.SpreadsheetApp;
  const ss = app.getActiveSpreadsheet();
  const props = svc.PropertiesService.getDocumentProperties();
  const previous = loadConfig(props);
  const timeZone = ss.getSpreadsheetTimeZone();
  const lang: Lang = previous?.lang ?? langOfLocale(ss.getSpreadsheetLocale());
  const zone = utilitiesZone(svc.Utilities, timeZone);
  const report: SetupReport = { ok: true, cancelled: false, created: false, sheet: '', addedColumns: [], backfilledIds: 0, mappedValues: 0, unmapped: [], triggers: [], messages: [] };

  let ts = locateTicketSheet(ss);
  let plan: AdoptionPlan | null = null;
  let data: unknown[][] = [];
  let formulas: string[][] = [];
  if (ts) {
    const lastRow = ts.sheet.getLastRow();
    const lastCol = Math.max(ts.sheet.getLastColumn(), ts.width);
    if (lastRow > ts.headerRow) {
      const range = ts.sheet.getRange(ts.headerRow + 1, 1, lastRow - ts.headerRow, lastCol);
      data = range.getValues();
      formulas = range.getFormulas();
    }
    // IDs handed out before (archived tickets, the last one intake issued) are never given again.
    const archSheet = findArchiveSheet(ss, lang);
    const usedIds: unknown[] = archSheet ? [...(readArchiveSheet(archSheet)?.ids ?? [])] : [];
    const lastId = props.getProperty(PROPERTY_KEYS.lastId);
    if (lastId) usedIds.push(lastId);
    plan = planAdoption(data, ts.columns, zone, lang, (ms) => new Date(ms), Date.now(), lastCol, usedIds);
    // A team's formula is kept: its cell is listed, not replaced by a value.
    const p = plan;
    const keepFormula = (c: { row: number; col: number; from: unknown }) =>
      formulas[c.row]?.[c.col] ? (p.unmapped.push({ row: c.row, col: c.col, value: c.from }), false) : true;
    plan.values = plan.values.filter(keepFormula);
    plan.ids = plan.ids.filter(keepFormula);
    const changes = plan.missing.length + plan.ids.length + plan.values.length;
    if (data.length && changes && !confirm(t(lang, 'setupConfirm', { sheet: ts.name, rows: data.length, plan: describePlan(plan, ts, lang) }))) {
      return { ...report, ok: false, cancelled: true, sheet: ts.name, messages: [t(lang, 'setupCancelled')] };
    }
    report.sheet = ts.name;
    ts = adopt(ts, plan, data, formulas, lang, report);
  } else {
    ts = createTicketSheet(ss, lang);
    report.created = true;
    report.sheet = ts.name;
  }

  const { sheet: settingsSheet } = ensureSettingsSheet(app, ss, lang, enumLabels('tier', lang));
  const { settings, warnings } = readSettings(settingsSheet, lang, zone);
  report.messages.push(...warnings.map((w) => w.message));
  const formattedRows = applyTicketFormat(app, ts, lang, settings);
  ensureAuditSheet(ss, lang);
  if (plan) appendAuditRows(ss, adoptionAudit(plan, ts, data, actingEmail(svc, 'user'), Date.now(), lang));
  ensureKnowledgeSheet(ss, lang);

  const config: TrackerConfig = { version: 1, tickets: { ...hintOf(ts), formattedRows }, timeZone, lang, settings, addon: previous?.addon ?? true };
  saveConfig(props, config);
  report.triggers = ensureTriggers(svc, ss, config);
  if (plan && plan.unmapped.length) report.messages.push(t(lang, 'unmappedCells', { cells: report.unmapped.join(', ') }));
  report.messages.push(t(lang, 'setupDone'));
  return report;
}

function describePlan(plan: AdoptionPlan, ts: TicketSheet, lang: Lang): string {
  const zh = lang === 'zh';
  const lines: string[] = [];
  if (plan.missing.length) lines.push(`${zh ? '• 在末尾添加列:' : '• Add columns at the end: '}${plan.missing.map((k) => headerLabel(k, lang)).join(zh ? '、' : ', ')}`);
  if (plan.ids.length) lines.push(zh ? `• 为 ${plan.ids.length} 行补充问题编号` : `• Give ${plan.ids.length} rows a ticket ID`);
  if (plan.values.length) lines.push(zh ? `• 规范 ${plan.values.length} 个单元格的取值(如 High → 高)` : `• Normalise ${plan.values.length} cells (e.g. 紧急 → High)`);
  if (plan.unmapped.length) {
    const cells = plan.unmapped.slice(0, 10).map((u) => cellName(ts.headerRow + 1 + u.row, u.col));
    lines.push(`${zh ? '• 无法识别、保持原样:' : '• Cannot map, left as they are: '}${cells.join(', ')}${plan.unmapped.length > 10 ? '…' : ''}`);
  }
  return lines.join('\n');
}

/** Adds missing columns at the end and writes only the columns whose cells change. */
function adopt(ts: TicketSheet, plan: AdoptionPlan, data: unknown[][], formulas: string[][], lang: Lang, report: SetupReport): TicketSheet {
  const { sheet, headerRow } = ts;
  const columns: ColumnMap = { ...ts.columns };
  const lastCol = Math.max(sheet.getLastColumn(), ts.width);
  if (plan.missing.length) {
    const needed = lastCol + plan.missing.length - sheet.getMaxColumns();
    if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
    sheet.getRange(headerRow, lastCol + 1, 1, plan.missing.length).setValues([plan.missing.map((k) => headerLabel(k, lang))]);
    plan.missing.forEach((k, i) => (columns[k] = lastCol + i));
    report.addedColumns = plan.missing.map((k) => headerLabel(k, lang));
  }
  const byCol = new Map<number, { row: number; to: unknown }[]>();
  for (const c of [...plan.ids, ...plan.values]) {
    if (!byCol.has(c.col)) byCol.set(c.col, []);
    (byCol.get(c.col) as { row: number; to: unknown }[]).push({ row: c.row, to: c.to });
  }
  for (const [col, cells] of byCol) {
    // The whole column is written back as read, formulas kept, with only the planned cells changed.
    const out: unknown[][] = data.map((r, i) => [formulas[i]?.[col] || (typeof r[col] === 'string' ? literalText(r[col] as string) : (r[col] ?? ''))]);
    for (const c of cells) out[c.row][0] = c.to;
    sheet.getRange(headerRow + 1, col + 1, out.length, 1).setValues(out);
  }
  report.backfilledIds = plan.ids.length;
  report.mappedValues = plan.values.length;
  report.unmapped = plan.unmapped.map((u) => cellName(headerRow + 1 + u.row, u.col));
  const header = [...ts.header, ...new Array(Math.max(lastCol - ts.header.length, 0)).fill(''), ...plan.missing.map((k) => headerLabel(k, lang))];
  return { sheet, name: ts.name, headerRow, header, columns, width: header.length };
}

/** One audit row per ticket setup changed: its new ID and the values it normalised, via setup. */
function adoptionAudit(plan: AdoptionPlan, ts: TicketSheet, data: unknown[][], user: string, at: number, lang: Lang): unknown[][] {
  const byRow = new Map<number, AuditEntry[]>();
  const newIds = new Map(plan.ids.map((c) => [c.row, String(c.to)]));
  const idCol = ts.columns.id;
  for (const c of [...plan.ids, ...plan.values]) {
    const ticketId = newIds.get(c.row) ?? (idCol === undefined ? '' : String(data[c.row][idCol] ?? '').trim());
    const entry: AuditEntry = { at, user, ticketId: ticketId || `#${ts.headerRow + 1 + c.row}`, field: String(ts.header[c.col] ?? ''), oldValue: String(c.from ?? ''), newValue: String(c.to ?? ''), via: 'setup' };
    byRow.set(c.row, [...(byRow.get(c.row) ?? []), entry]);
  }
  return [...byRow.keys()].sort((a, b) => a - b).map((row) => auditRow(byRow.get(row) as AuditEntry[], lang));
}

function createTicketSheet(ss: Spreadsheet, lang: Lang): TicketSheet {
  const name = SHEET_NAMES.tickets[lang];
  const sheet = ss.insertSheet(name, 0);
  const headers = FIELDS.map((f) => headerLabel(f.key, lang));
  if (sheet.getMaxColumns() < headers.length) sheet.insertColumnsAfter(sheet.getMaxColumns(), headers.length - sheet.getMaxColumns());
  sheet.getRange(1, 1, 1, headers.length).setValues([headers]);
  const columns: ColumnMap = {};
  FIELDS.forEach((f, i) => (columns[f.key] = i));
  return { sheet, name, headerRow: 1, header: headers, columns, width: headers.length };
}

function ensureAuditSheet(ss: Spreadsheet, lang: Lang): void {
  if (findAuditSheet(ss)) return;
  const sheet = ss.insertSheet(SHEET_NAMES.audit[lang]);
  const headers = AUDIT_HEADERS[lang];
  sheet.getRange(1, 1, 1, headers.length).setValues([headers]).setFontWeight('bold').setBackground(COLOURS.header).setFontColor(COLOURS.headerText);
  sheet.setFrozenRows(1);
  sheet.getRange(2, 1, sheet.getMaxRows() - 1, 1).setNumberFormat('yyyy-mm-dd hh:mm:ss');
  sheet.getRange(2, 4, sheet.getMaxRows() - 1, 3).setWrap(true);
  [150, 160, 130, 120, 220, 220, 90].forEach((w, i) => sheet.setColumnWidth(i + 1, w));
  // Append-only by convention: people are warned before editing it.
  sheet.protect().setDescription(`${PROTECTION_MARK} ${SHEET_NAMES.audit[lang]}`).setWarningOnly(true);
}
