// Setup / repair: adopt the sheet a team already has (or create one), then apply dropdowns,
// formats, protections, colour rules, the side sheets and the triggers. Idempotent; shows its plan
// and asks before it changes a sheet that holds data; never removes a value. After the answer it
// works under the document lock, in steps, on what the sheet holds then (setupApply.ts).
import type { AdoptionPlan } from '../domain/adopt';
import { dateOrdersOf, looseColumnsNotTaken } from '../domain/adopt';
import { countDueForArchive } from '../domain/archiveDue';
import { parseSettings } from '../domain/settings';
import type { PlanContext } from '../domain/adoptReport';
import { describeAdoption, describeUnmapped } from '../domain/adoptReport';
import type { ColumnMap, DateOrders, HeaderOverrides } from '../domain/columns';
import { HEADER_SCAN_ROWS, matchHeaderRow } from '../domain/columns';
import { DATE_ORDER_LABEL, mappingRows, parseDateOrder, parseMapping } from '../domain/mapping';
import type { DayMonthOrder } from '../domain/teamDates';
import { t, langOfLocale } from '../domain/i18n';
import type { FieldKey, Lang } from '../domain/schema';
import { FIELDS, SHEET_NAMES, enumLabels, headerLabel, headerMatch } from '../domain/schema';
import { ensureAuditSheet } from '../gas/auditSheet';
import type { TrackerConfig } from '../gas/config';
import { loadConfig, saveConfig } from '../gas/config';
import { PROPERTY_KEYS, noteKnowledgeChanged } from '../gas/properties';
import { withTrackerLock } from '../gas/lock';
import { ensureKnowledgeSheet } from '../gas/knowledgeSheet';
import { appendKeyRows, ensureSettingsSheet, findSettingsSheet, readKeyRows, readSettings } from '../gas/settingsSheet';
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
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A question to the person (which sheet holds the tickets, the day/month order): cancelled, or their answer. */
export type Ask = (message: string) => { cancelled: boolean; answer: string };

export interface SetupOptions extends ApplyOptions {
  /**
   * Asked when no sheet looks like a ticket list but some hold data (issue 23: never silently add
   * an empty ticket sheet beside the team's own), and when dates could be read either way round.
   * Without it setup then stops and says why, or keeps the column's usual order.
   */
  ask?: Ask;
}

/** `confirm` is asked before changing a sheet that holds data (the menu shows a Yes/No dialog). */
export function setupTracker(svc: Services, confirm: (message: string) => boolean, opts: SetupOptions = {}): SetupReport {
  const { ask } = opts;
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

  // The admin's corrections from an earlier run (settings sheet): header mapping and date order.
  const existingSettings = findSettingsSheet(ss);
  const keyRows = existingSettings ? readKeyRows(existingSettings) : [];
  const mapping = parseMapping(keyRows);
  const overrides: HeaderOverrides = { ...(previous?.tickets?.overrides ?? {}), ...mapping.overrides };

  // 1. The plan, from a read without the lock: only to show it and ask. Nothing is written from it.
  const where = findTicketSheet(ss, previous?.tickets ?? null, lang, overrides);
  if ('refused' in where && where.refused.reason === 'unreadable') return { ...report, ok: false, sheet: where.refused.name, messages: [t(lang, 'headerUnreadable', { sheet: where.refused.name })] };
  let first: FoundTicketSheet | null = 'found' in where ? where.found : null;
  let chosenName: string | null = null;
  if (!first) {
    // No sheet looks like a ticket list. If some hold data, ask which one holds the tickets.
    const candidates = dataSheets(ss);
    if (candidates.length) {
      const names = candidates.map((c) => c.getName());
      if (!ask) {
        const taken = 'refused' in where ? [t(lang, 'ticketNameTaken', { sheet: where.refused.name })] : [];
        return { ...report, ok: false, messages: [...taken, t(lang, 'setupNeedsSheetChoice', { sheets: names.join(t(lang, 'listSeparator')) })] };
      }
      const listed = names.map((n, i) => `${i + 1}. ${n}`).join('\n');
      const reply = ask(
        'refused' in where
          ? t(lang, 'setupWhichSheetTaken', { sheets: listed, name: where.refused.name })
          : t(lang, 'setupWhichSheet', { sheets: listed, name: SHEET_NAMES.tickets[lang] }),
      );
      if (reply.cancelled) return { ...report, ok: false, cancelled: true, messages: [t(lang, 'setupCancelled')] };
      const answer = reply.answer.trim();
      if (answer) {
        const byNumber = /^\d+$/.test(answer) ? candidates[Number(answer) - 1] : undefined;
        const chosen = byNumber ?? candidates.find((c) => c.getName() === answer) ?? candidates.find((c) => c.getName().trim().toLowerCase() === answer.toLowerCase());
        if (!chosen) return { ...report, ok: false, cancelled: true, messages: [t(lang, 'setupNoSuchSheet', { name: answer })] };
        chosenName = chosen.getName();
        first = chosenTicketSheet(chosen, overrides);
      } else if ('refused' in where) {
        // A new sheet would need the name the team's own sheet has: it is theirs, never a second one.
        return { ...report, ok: false, sheet: where.refused.name, messages: [t(lang, 'ticketNameTaken', { sheet: where.refused.name })] };
      }
    }
  }
  let ts: TicketSheet;
  let planned: { plan: AdoptionPlan; text: PlanContext } | null = null;
  let decided: { header: unknown[]; columns: ColumnMap; dateOrder: DayMonthOrder | null } | null = null;
  // How the team's text dates are read, and where the team's own cells end (issue 23: kept as written).
  let dateOrders: DateOrders = {};
  let original: { rows: number; cols: number } | undefined;
  if (first) {
    const ctx = applyContext(svc, lang, zone, user, busy, previous?.tickets ?? null, overrides, chosenName);
    ctx.dateOrder = mapping.dateOrder;
    const lastRow = first.sheet.getLastRow();
    const lastCol = Math.max(first.sheet.getLastColumn(), first.width);
    let data: unknown[][] = [];
    let formulas: string[][] = [];
    if (lastRow > first.headerRow) {
      const range = first.sheet.getRange(first.headerRow + 1, 1, lastRow - first.headerRow, lastCol);
      data = range.getValues();
      formulas = range.getFormulas();
    }
    // A header that only looks like a time field ("Time to Resolution" holding 36 h, "Resolved"
    // holding Yes/No): that column stays the team's own, kept so for every later read (overrides).
    const notTaken = looseColumnsNotTaken(first.header, data).filter((n) => !(n.key in overrides));
    const moved = notTaken.filter((n) => first?.columns[n.key] === n.col);
    if (moved.length) {
      for (const n of moved) overrides[n.key] = otherColumnFor(first.header, n.key, new Set(notTaken.map((x) => x.col)), lang);
      first = { ...first, columns: matchHeaderRow(first.header, overrides).columns };
    }
    let plan = planFrom(ctx, first, data, formulas, lastCol);
    // Dates like 03/04/2025 with nothing in the column to tell: ask (the dialog), before any change.
    const guessed = plan.dates.filter((d) => d.basis === 'default');
    if (guessed.length && ask && data.length) {
      const col = guessed[0].col;
      const example = data.map((r) => r[col]).find((v) => typeof v === 'string' && /^\s*\d{1,2}[-/.]\d{1,2}[-/.]/.test(v));
      const order = t(lang, guessed[0].order === 'dmy' ? 'adoptOrderDmy' : 'adoptOrderMdy');
      const columns = guessed.map((d) => String(first?.header[d.col] ?? '')).join(t(lang, 'listSeparator'));
      const reply = ask(t(lang, 'adoptAskDateOrder', { columns, n: guessed.reduce((a, d) => a + d.ambiguous, 0), example: String(example ?? ''), order }));
      if (reply.cancelled) return { ...report, ok: false, cancelled: true, sheet: first.name, messages: [t(lang, 'setupCancelled')] };
      ctx.dateOrder = parseDateOrder(reply.answer) ?? guessed[0].order;
      plan = planFrom(ctx, first, data, formulas, lastCol);
    }
    const changes = plan.missing.length + plan.ids.length + plan.values.length + (first.damage ? 1 : 0);
    // The daily archive's first run would move the team's old closed tickets: said in the plan,
    // counted from the rows read above with the archive age the settings sheet holds (or 90).
    const afterDays = parseSettings({ rows: keyRows, departments: [], agents: [] }, lang).settings.archiveAfterDays;
    const due = countDueForArchive(data, first.columns, zone, dateOrdersOf(plan), Date.now(), afterDays);
    const text: PlanContext = { header: first.header, columns: { ...first.columns }, lang, zone, notTaken, archive: { due, afterDays } };
    planned = { plan, text };
    const described = [headerRepairLine(first, lang), describeAdoption(plan, text, data.length).join('\n')].filter(Boolean).join('\n');
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
    dateOrders = done.dateOrders;
    // The team's cells as first adopted; a later run (repair) keeps that line (rows since are
    // ours). A sheet set up before (created by setup, or adopted by an older version) has none.
    const before = previous?.tickets && previous.tickets.name === ts.name ? previous.tickets : null;
    original = before ? before.original : { rows: lastRow, cols: lastCol, plain: plainColumns(ts, first.headerRow, lastRow, lastCol) };
    const ordered = plan.dates.find((d) => d.basis === 'default' || d.basis === 'setting');
    decided = { header: [...first.header], columns: { ...first.columns }, dateOrder: ordered ? (ctx.dateOrder ?? ordered.order) : null };
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
        const now = findTicketSheet(ss, previous?.tickets ?? null, lang, overrides);
        if ('found' in now) return restoreHeader(ss, now.found, lang, user, Date.now());
        if ('refused' in now && now.refused.reason === 'unreadable') throw new Error(t(lang, 'headerUnreadable', { sheet: now.refused.name }));
        if ('refused' in now) throw new Error(t(lang, 'ticketNameTaken', { sheet: now.refused.name }));
        report.created = true;
        return createTicketSheet(ss, lang, 'empty' in now ? now.empty : null);
      });
    } catch (e) {
      return { ...report, ok: false, messages: [(e as Error)?.message || String(e)] };
    }
    report.sheet = ts.name;
  }

  // 3. The side sheets, under the lock (an action may be recreating a deleted one meanwhile).
  const settings = withTrackerLock(svc, SETUP_LOCK_WAIT_MS, busy, () => {
    const { sheet: settingsSheet } = ensureSettingsSheet(app, ss, lang, enumLabels('tier', lang));
    // What setup decided, written once where the admin can correct it and run again.
    const hasMappingRows = keyRows.some((r) => /^\s*(列|column|日期顺序|date order)/i.test(String(r[0] ?? '')));
    if (decided && !hasMappingRows) {
      const rows = mappingRows(decided.header, decided.columns, lang, t(lang, 'adoptMappingHelp'));
      if (decided.dateOrder) rows.push([DATE_ORDER_LABEL[lang], t(lang, decided.dateOrder === 'dmy' ? 'adoptOrderDmy' : 'adoptOrderMdy'), t(lang, 'adoptDateOrderHelp')]);
      appendKeyRows(settingsSheet, rows, existingSettings ? keyRows : readKeyRows(settingsSheet));
    }
    const read = readSettings(settingsSheet, lang, zone);
    report.messages.push(...read.warnings.map((w) => w.message));
    ensureAuditSheet(ss, lang, true);
    ensureKnowledgeSheet(ss, lang, true, app);
    // Setup may have rewritten the knowledge sheet's header or added its 状态 column.
    noteKnowledgeChanged(props);
    return read.settings;
  });
  // 4. Dropdowns, formats, protections and colour rules: a hundred calls or more, and no value
  //    changes, so without the lock (submits and the edit trigger are not kept waiting).
  const formatted = locateTicketSheet(ss, overrides) ?? ts;
  const formattedRows = applyTicketFormat(app, formatted, lang, settings, original);
  if (report.created) removeBlankDefaultSheet(app, ss, formatted.sheet);
  // The side sheets were inserted last (insertSheet makes each one active): open on the tickets.
  ss.setActiveSheet(formatted.sheet);
  // 5. The stored configuration, from the sheet as it is now (a short hold). A submit that grew
  //    the grid meanwhile formatted its rows and stored a larger end: the larger end stays.
  const config = withTrackerLock(svc, SETUP_LOCK_WAIT_MS, busy, () => {
    const now = locateTicketSheet(ss, overrides) ?? formatted;
    const stored = loadConfig(props)?.tickets;
    const rows = stored && stored.name === now.name ? Math.max(formattedRows, stored.formattedRows ?? 0) : formattedRows;
    const kept = {
      ...(Object.keys(overrides).length ? { overrides } : {}),
      ...(Object.keys(dateOrders).length ? { dateOrders } : {}),
      ...(original ? { original } : {}),
    };
    const cfg: TrackerConfig = { version: 1, tickets: { ...hintOf(now), formattedRows: rows, ...kept }, timeZone, lang, settings, addon: previous?.addon ?? true };
    saveConfig(props, cfg);
    return cfg;
  });
  report.triggers = ensureTriggers(svc, ss, config);
  // One line per column (how many, which values, why), not every cell.
  // Said once: a later run that finds the same cells says so in one line.
  if (report.unmapped.length && planned?.plan.unmapped.length) {
    const summary = describeUnmapped(planned.plan.unmapped, planned.text, planned.plan.missing).join('\n');
    const seen = fingerprint(summary);
    if (props.getProperty(PROPERTY_KEYS.unmappedShown) === seen) report.messages.push(t(lang, 'unmappedAgain', { n: planned.plan.unmapped.length }));
    else {
      report.messages.push(t(lang, 'unmappedSummary', { summary }));
      props.setProperty(PROPERTY_KEYS.unmappedShown, seen);
    }
  } else if (report.unmapped.length) report.messages.push(t(lang, 'unmappedCells', { cells: report.unmapped.join(', ') }));
  if (report.ok) report.messages.push(t(lang, 'setupDone'));
  return report;
}

/**
 * Where a field goes when its loose column is not taken: another of the team's columns that names
 * it (the best-ranked), else the add-on's own column, added after the team's.
 */
function otherColumnFor(header: readonly unknown[], key: FieldKey, notDates: ReadonlySet<number>, lang: Lang): string {
  let best: { rank: number; header: string } | null = null;
  for (let c = 0; c < header.length; c++) {
    const m = notDates.has(c) ? null : headerMatch(header[c]);
    if (m && m.key === key && (best === null || m.rank < best.rank)) best = { rank: m.rank, header: String(header[c]).trim() };
  }
  return best ? best.header : headerLabel(key, lang);
}

/**
 * The team's columns formatted as plain text (`@`) in most of their filled original cells: there a
 * value an action writes back goes in as it is (an apostrophe would show, OriginalCells.plain).
 */
function plainColumns(ts: TicketSheet, headerRow: number, lastRow: number, lastCol: number): number[] {
  if (lastRow <= headerRow || lastCol < 1) return [];
  const range = ts.sheet.getRange(headerRow + 1, 1, lastRow - headerRow, lastCol);
  const values = range.getValues();
  const formats = range.getNumberFormats();
  const out: number[] = [];
  for (let c = 0; c < lastCol; c++) {
    let filled = 0;
    let plain = 0;
    values.forEach((r, i) => {
      if (r[c] === '' || r[c] === null) return;
      filled++;
      if (formats[i][c] === '@') plain++;
    });
    if (filled && plain * 2 > filled) out.push(c);
  }
  return out;
}

function applyContext(svc: Services, lang: Lang, zone: ApplyContext['zone'], user: string, busyMessage: string, hint: SheetHint | null, overrides: HeaderOverrides, chosen: string | null): ApplyContext {
  const ss = svc.SpreadsheetApp.getActiveSpreadsheet();
  const locate: ApplyContext['locate'] = chosen
    ? // The sheet the person named: found again by its name (its header may name few fields yet).
      () => {
        const sheet = ss.getSheetByName(chosen);
        return sheet ? chosenTicketSheet(sheet, overrides) : null;
      }
    : // The ticket sheet found again under the lock (it may have moved, or its header); a damaged
      // header is written back first, recorded in the audit sheet.
      () => {
        const now = findTicketSheet(ss, hint, lang, overrides);
        return 'found' in now ? restoreHeader(ss, now.found, lang, user, Date.now()) : null;
      };
  return { svc, lang, zone, user, busyMessage, locate, lostMessage: t(lang, 'noTicketSheet') };
}

/** The dialog's line for a header setup will write back. */
function headerRepairLine(found: FoundTicketSheet, lang: Lang): string {
  if (!found.damage) return '';
  const cells = found.damage.cells.map((c) => c.label).join(t(lang, 'listSeparator'));
  return t(lang, found.damage.insertAbove ? 'headerInsertPlan' : 'headerRepairPlan', { row: found.headerRow, cells });
}

/** A short hash of a text (FNV-1a), to recognise a summary shown before. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${text.length}:${h.toString(36)}`;
}

/** Sheets that hold something and are not the add-on's own: where a team's tickets may be. */
function dataSheets(ss: Spreadsheet): Sheet[] {
  const own = new Set<string>((['settings', 'audit', 'knowledge', 'archive', 'logArchive'] as const).flatMap((k) => [SHEET_NAMES[k].zh, SHEET_NAMES[k].en]));
  const isReview = (n: string) => n.startsWith(`${SHEET_NAMES.review.zh} `) || n.startsWith(`${SHEET_NAMES.review.en} `) || n.startsWith(SHEET_NAMES.review.zh);
  return ss.getSheets().filter((s) => !own.has(s.getName()) && !isReview(s.getName()) && s.getLastRow() > 0 && s.getLastColumn() > 0);
}

/**
 * The sheet the person named: its header is the row among the first ones that names the most
 * fields (the first non-empty row when none does); every field it lacks is added after it.
 */
function chosenTicketSheet(sheet: Sheet, overrides: HeaderOverrides): FoundTicketSheet {
  const rows = sheet.getSheetValues(1, 1, Math.max(1, Math.min(HEADER_SCAN_ROWS, sheet.getLastRow())), Math.max(1, sheet.getLastColumn()));
  let best = -1;
  let bestCount = 0;
  rows.forEach((r, i) => {
    const n = Object.keys(matchHeaderRow(r, overrides).columns).length;
    if (n > bestCount) [best, bestCount] = [i, n];
  });
  if (best < 0) best = Math.max(0, rows.findIndex((r) => r.some((c) => String(c ?? '').trim())));
  const cells = rows[best];
  let width = cells.length;
  while (width > 0 && !String(cells[width - 1] ?? '').trim()) width--;
  const header = cells.slice(0, width);
  const { columns } = matchHeaderRow(header, overrides);
  return { sheet, name: sheet.getName(), headerRow: best + 1, header, columns, width: Math.max(header.length, 1), damage: null };
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
