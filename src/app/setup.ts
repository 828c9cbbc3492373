// Setup / repair: adopt the sheet a team already has (or create one), then apply dropdowns,
// formats, protections, colour rules, the side sheets and the triggers. Idempotent; shows its plan
// and asks before it changes a sheet that holds data; never removes a value. After the answer it
// works under the document lock, in steps, on what the sheet holds then (setupApply.ts).
import type { AdoptionPlan } from '../domain/adopt';
import { cellName } from '../domain/adopt';
import type { ColumnMap } from '../domain/columns';
import { t, langOfLocale } from '../domain/i18n';
import type { Lang } from '../domain/schema';
import { FIELDS, SHEET_NAMES, enumLabels, headerLabel } from '../domain/schema';
import { ensureAuditSheet } from '../gas/auditSheet';
import type { TrackerConfig } from '../gas/config';
import { loadConfig, saveConfig } from '../gas/config';
import { withTrackerLock } from '../gas/lock';
import { ensureKnowledgeSheet } from '../gas/knowledgeSheet';
import { ensureSettingsSheet, readSettings } from '../gas/settingsSheet';
import type { Services } from '../gas/services';
import { applyTicketFormat } from '../gas/ticketFormat';
import type { TicketSheet } from '../gas/ticketSheet';
import type { SheetHint } from '../gas/ticketSheet';
import { hintOf, locateTicketSheet } from '../gas/ticketSheet';
import type { FoundTicketSheet } from '../gas/ticketLocate';
import { findTicketSheet, restoreHeader } from '../gas/ticketLocate';
import { ensureTriggers } from '../gas/triggers';
import { actingEmail } from './tracker';
import { utilitiesZone } from '../gas/zone';
import type { ApplyContext, ApplyOptions } from './setupApply';
import { SETUP_LOCK_WAIT_MS, applyAdoption, planFrom } from './setupApply';

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
export function setupTracker(svc: Services, confirm: (message: string) => boolean, opts: ApplyOptions = {}): SetupReport {
  const started = opts.startedAt ?? Date.now();
  const app = svc.SpreadsheetApp;
  const ss = app.getActiveSpreadsheet();
  const props = svc.PropertiesService.getDocumentProperties();
  const previous = loadConfig(props);
  const timeZone = ss.getSpreadsheetTimeZone();
  const lang: Lang = previous?.lang ?? langOfLocale(ss.getSpreadsheetLocale());
  const zone = utilitiesZone(svc.Utilities, timeZone);
  const report: SetupReport = { ok: true, cancelled: false, created: false, sheet: '', addedColumns: [], backfilledIds: 0, mappedValues: 0, unmapped: [], triggers: [], messages: [] };
  const user = actingEmail(svc, 'user');
  const busy = t(lang, 'busy');

  // 1. The plan, from a read without the lock: only to show it and ask. Nothing is written from it.
  const where = findTicketSheet(ss, previous?.tickets ?? null, lang);
  if ('refused' in where) return { ...report, ok: false, sheet: where.refused.name, messages: [t(lang, where.refused.reason === 'notTickets' ? 'ticketNameTaken' : 'headerUnreadable', { sheet: where.refused.name })] };
  const first = 'found' in where ? where.found : null;
  let ts: TicketSheet;
  if (first) {
    const ctx = applyContext(svc, lang, zone, user, busy, previous?.tickets ?? null);
    const lastRow = first.sheet.getLastRow();
    const lastCol = Math.max(first.sheet.getLastColumn(), first.width);
    let data: unknown[][] = [];
    let formulas: string[][] = [];
    if (lastRow > first.headerRow) {
      const range = first.sheet.getRange(first.headerRow + 1, 1, lastRow - first.headerRow, lastCol);
      data = range.getValues();
      formulas = range.getFormulas();
    }
    const plan = planFrom(ctx, first, data, formulas, lastCol);
    const changes = plan.missing.length + plan.ids.length + plan.values.length + (first.damage ? 1 : 0);
    const described = [headerRepairLine(first, lang), describePlan(plan, first, lang)].filter(Boolean).join('\n');
    if (data.length && changes && !confirm(t(lang, 'setupConfirm', { sheet: first.name, rows: data.length, plan: described }))) {
      return { ...report, ok: false, cancelled: true, sheet: first.name, messages: [t(lang, 'setupCancelled')] };
    }
    // 2. After the answer: in steps under the lock, on what the sheet holds then.
    let done: ReturnType<typeof applyAdoption>;
    try {
      done = applyAdoption(ctx, { ...opts, startedAt: started });
    } catch (e) {
      // Busy, or the sheet gone meanwhile: say so. What earlier steps did is written and audited.
      return { ...report, ok: false, sheet: first.name, messages: [(e as Error)?.message || String(e)] };
    }
    ts = done.ts;
    report.sheet = ts.name;
    report.addedColumns = done.addedColumns;
    report.backfilledIds = done.backfilledIds;
    report.mappedValues = done.mappedValues;
    report.unmapped = done.unmapped;
    if (done.remaining) {
      report.ok = false;
      report.messages.push(t(lang, 'setupMore', { n: done.remaining }));
    }
  } else {
    try {
      ts = withTrackerLock(svc, SETUP_LOCK_WAIT_MS, busy, () => {
        const now = findTicketSheet(ss, previous?.tickets ?? null, lang);
        if ('found' in now) return restoreHeader(ss, now.found, lang, user, Date.now());
        if ('refused' in now) throw new Error(t(lang, now.refused.reason === 'notTickets' ? 'ticketNameTaken' : 'headerUnreadable', { sheet: now.refused.name }));
        report.created = true;
        return createTicketSheet(ss, lang, 'empty' in now ? now.empty : null);
      });
    } catch (e) {
      return { ...report, ok: false, messages: [(e as Error)?.message || String(e)] };
    }
    report.sheet = ts.name;
  }

  // 3. Formats, side sheets and the stored configuration: one more hold, on the sheet as it is now.
  const config = withTrackerLock(svc, SETUP_LOCK_WAIT_MS, busy, () => {
    const now = locateTicketSheet(ss) ?? ts;
    const { sheet: settingsSheet } = ensureSettingsSheet(app, ss, lang, enumLabels('tier', lang));
    const { settings, warnings } = readSettings(settingsSheet, lang, zone);
    report.messages.push(...warnings.map((w) => w.message));
    const formattedRows = applyTicketFormat(app, now, lang, settings);
    ensureAuditSheet(ss, lang);
    ensureKnowledgeSheet(ss, lang);
    if (report.created) removeBlankDefaultSheet(app, ss, now.sheet);
    // The side sheets were inserted last (insertSheet makes each one active): open on the tickets.
    ss.setActiveSheet(now.sheet);
    const cfg: TrackerConfig = { version: 1, tickets: { ...hintOf(now), formattedRows }, timeZone, lang, settings, addon: previous?.addon ?? true };
    saveConfig(props, cfg);
    return cfg;
  });
  report.triggers = ensureTriggers(svc, ss, config);
  if (report.unmapped.length) report.messages.push(t(lang, 'unmappedCells', { cells: report.unmapped.join(', ') }));
  if (report.ok) report.messages.push(t(lang, 'setupDone'));
  return report;
}

function applyContext(svc: Services, lang: Lang, zone: ApplyContext['zone'], user: string, busyMessage: string, hint: SheetHint | null): ApplyContext {
  const ss = svc.SpreadsheetApp.getActiveSpreadsheet();
  return {
    svc,
    lang,
    zone,
    user,
    busyMessage,
    // The ticket sheet found again under the lock (it may have moved, or its header); a damaged
    // header is written back first, recorded in the audit sheet.
    locate: () => {
      const now = findTicketSheet(ss, hint, lang);
      return 'found' in now ? restoreHeader(ss, now.found, lang, user, Date.now()) : null;
    },
    lostMessage: t(lang, 'noTicketSheet'),
  };
}

/** The dialog's line for a header setup will write back. */
function headerRepairLine(found: FoundTicketSheet, lang: Lang): string {
  if (!found.damage) return '';
  const cells = found.damage.cells.map((c) => c.label).join(lang === 'zh' ? '、' : ', ');
  return t(lang, found.damage.insertAbove ? 'headerInsertPlan' : 'headerRepairPlan', { row: found.headerRow, cells });
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

/** A new ticket sheet, or the header written into an empty sheet that already has the name. */
function createTicketSheet(ss: Spreadsheet, lang: Lang, empty: GoogleAppsScript.Spreadsheet.Sheet | null): TicketSheet {
  const sheet = empty ?? ss.insertSheet(SHEET_NAMES.tickets[lang], 0);
  const name = sheet.getName();
  const headers = FIELDS.map((f) => headerLabel(f.key, lang));
  if (sheet.getMaxColumns() < headers.length) sheet.insertColumnsAfter(sheet.getMaxColumns(), headers.length - sheet.getMaxColumns());
  sheet.getRange(1, 1, 1, headers.length).setValues([headers]);
  const columns: ColumnMap = {};
  FIELDS.forEach((f, i) => (columns[f.key] = i));
  return { sheet, name, headerRow: 1, header: headers, columns, width: headers.length };
}

/** The name Sheets gives the first sheet of a new spreadsheet, in any locale the tracker knows. */
const DEFAULT_SHEET = /^(Sheet|工作表)1$/;

/**
 * A new spreadsheet comes with one empty sheet (`Sheet1` / `工作表1`); once setup has created the
 * ticket sheet it is only in the way. Removed only while it still has its default name and no
 * content at all (values, formats or protections), so nothing of anyone's is lost.
 */
function removeBlankDefaultSheet(app: GoogleAppsScript.Spreadsheet.SpreadsheetApp, ss: Spreadsheet, keep: GoogleAppsScript.Spreadsheet.Sheet): void {
  const sheets = ss.getSheets();
  const blank = sheets.find((s) => DEFAULT_SHEET.test(s.getName()) && s.getSheetId() !== keep.getSheetId());
  if (!blank || blank.getLastRow() > 0 || blank.getLastColumn() > 0) return;
  if (blank.getProtections(app.ProtectionType.SHEET).length || blank.getCharts().length) return;
  ss.deleteSheet(blank);
}
