// Setup's write path (issue 17). The plan a person approved was computed from a copy read before
// the Yes/No dialog; while the dialog was open the team went on working (sorting, submitting,
// acting). So nothing is written from that copy: after the answer, each step takes the document
// lock, reads what the sheet holds then, plans again, writes only the cells it changes (located in
// that fresh read, so by ticket ID for every ticket that has one) and releases the lock. Steps are
// small (a bounded number of write calls), so a long adoption never holds the lock for minutes:
// submits, agents and the edit trigger get their turn between steps, and the next step re-reads.
//
// Order inside a step: the audit rows first, then the cells. A failure between them leaves a
// record of a change that may not have landed (the next run re-plans and does it), never a change
// without a record.
import type { AdoptionPlan, CellChange } from '../domain/adopt';
import { cellName, dateOrdersOf, planAdoption } from '../domain/adopt';
import type { ColumnMap, DateOrders } from '../domain/columns';
import type { FieldKey, Lang } from '../domain/schema';
import { headerLabel } from '../domain/schema';
import type { AuditEntry } from '../domain/ticket';
import { parseTicketId } from '../domain/ticketId';
import type { DayMonthOrder } from '../domain/teamDates';
import type { Zone } from '../domain/zone';
import { appendAuditRows, auditRow } from '../gas/auditSheet';
import { findArchiveSheet, readArchiveSheet } from '../gas/archiveSheet';
import { PROPERTY_KEYS } from '../gas/properties';
import { withTrackerLock } from '../gas/lock';
import type { Services } from '../gas/services';
import type { TicketSheet } from '../gas/ticketSheet';
import { noteIssuedIds } from './ticketIds';

/** Cell writes per lock hold (two round trips each, 0.1–1 s apiece on Google): a hold stays in seconds. */
export const SETUP_WRITES_PER_HOLD = 15;
/** Stop before Google's 6-minute limit; the report says to run setup again for the rest. */
export const SETUP_BUDGET_MS = 240_000;
/** How long setup (a person waiting at the menu) waits for the lock before each step. */
export const SETUP_LOCK_WAIT_MS = 30_000;

export interface ApplyOptions {
  writesPerHold?: number;
  budgetMs?: number;
  startedAt?: number;
}

export interface ApplyOutcome {
  ts: TicketSheet;
  addedColumns: string[];
  backfilledIds: number;
  mappedValues: number;
  /** Cells left as they are (A1 names), from the last fresh plan. */
  unmapped: string[];
  /** Lock holds taken. */
  holds: number;
  /** Changes still planned when the budget ran out (0 when finished). */
  remaining: number;
  /** How the team's text dates are read (from the last fresh plan), kept in the configuration. */
  dateOrders: DateOrders;
}

export interface ApplyContext {
  svc: Services;
  lang: Lang;
  zone: Zone;
  user: string;
  busyMessage: string;
  /** The ticket sheet as it is now (called under the lock before every step). */
  locate: () => TicketSheet | null;
  /** Where the ticket sheet went (it may have been renamed or deleted while the dialog was open). */
  lostMessage: string;
  /** The day/month order for dates that could be either (settings sheet or the person's answer). */
  dateOrder?: DayMonthOrder | null;
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
const str = (v: unknown): string => (v === null || v === undefined ? '' : isDate(v) ? v.toISOString() : String(v));

interface Fresh {
  ts: TicketSheet;
  data: unknown[][];
  lastCol: number;
  plan: AdoptionPlan;
}

/** Reads the sheet as it is now and plans against it (formulas are kept: their cells are listed). */
function readAndPlan(ctx: ApplyContext, ts: TicketSheet): Fresh {
  const { sheet, headerRow } = ts;
  const lastRow = sheet.getLastRow();
  const lastCol = Math.max(sheet.getLastColumn(), ts.width);
  let data: unknown[][] = [];
  let formulas: string[][] = [];
  if (lastRow > headerRow) {
    const range = sheet.getRange(headerRow + 1, 1, lastRow - headerRow, lastCol);
    data = range.getValues();
    formulas = range.getFormulas();
  }
  return { ts, data, lastCol, plan: planFrom(ctx, ts, data, formulas, lastCol) };
}

/** The adoption plan for rows read now; IDs handed out before (archive, last issued) are never reused. */
export function planFrom(ctx: ApplyContext, ts: TicketSheet, data: unknown[][], formulas: string[][], lastCol: number): AdoptionPlan {
  const ss = ctx.svc.SpreadsheetApp.getActiveSpreadsheet();
  const archSheet = findArchiveSheet(ss, ctx.lang);
  const usedIds: unknown[] = archSheet ? [...(readArchiveSheet(archSheet)?.ids ?? [])] : [];
  const lastId = ctx.svc.PropertiesService.getDocumentProperties().getProperty(PROPERTY_KEYS.lastId);
  if (lastId) usedIds.push(lastId);
  const plan = planAdoption(data, ts.columns, ctx.zone, ctx.lang, (ms) => new Date(ms), Date.now(), lastCol, usedIds, ctx.dateOrder ?? null);
  // A team's formula is kept: its cell is listed, not replaced by a value.
  const keep = (c: CellChange) => (formulas[c.row]?.[c.col] ? (plan.unmapped.push({ row: c.row, col: c.col, value: c.from, reason: 'formula' }), false) : true);
  plan.values = plan.values.filter(keep);
  plan.ids = plan.ids.filter(keep);
  return plan;
}

/** Adds the missing columns after the last one (one header write); returns the sheet with them. */
function addColumns(fresh: Fresh, lang: Lang): { ts: TicketSheet; added: string[] } {
  const { ts, plan, lastCol } = fresh;
  if (!plan.missing.length) return { ts, added: [] };
  const { sheet, headerRow } = ts;
  const needed = lastCol + plan.missing.length - sheet.getMaxColumns();
  if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
  const labels = plan.missing.map((k) => headerLabel(k, lang));
  sheet.getRange(headerRow, lastCol + 1, 1, labels.length).setValues([labels]);
  const columns: ColumnMap = { ...ts.columns };
  plan.missing.forEach((k: FieldKey, i) => (columns[k] = lastCol + i));
  const header = [...ts.header, ...new Array(Math.max(lastCol - ts.header.length, 0)).fill(''), ...labels];
  return { ts: { ...ts, header, columns, width: header.length }, added: labels };
}

interface Run {
  col: number;
  /** 0-based data row of the first cell. */
  row: number;
  values: unknown[];
}

/**
 * The rows this step takes and the writes they need: one setValues per run of adjacent changed
 * cells in a column, never a cell that does not change. Every change of a row goes in the same
 * step (each ticket gets one audit row). Rows given an ID come first, in the order of their new
 * IDs (submit order), so a later step, planning again, numbers the rest exactly as one step would.
 */
export function pickStep(changes: readonly CellChange[], maxWrites: number): { rows: number[]; runs: Run[] } {
  const byRow = new Map<number, CellChange[]>();
  for (const c of changes) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  const idOrder = (row: number): [string, number] | null => {
    const p = parseTicketId((byRow.get(row) as CellChange[]).find((c) => typeof c.to === 'string' && parseTicketId(c.to))?.to);
    return p ? [p.date, p.serial] : null;
  };
  const order = [...byRow.keys()].map((row) => ({ row, id: idOrder(row) }));
  order.sort((a, b) => (a.id && b.id ? a.id[0].localeCompare(b.id[0]) || a.id[1] - b.id[1] : a.id ? -1 : b.id ? 1 : a.row - b.row));
  const cells = new Set<string>();
  const key = (col: number, row: number) => `${col}:${row}`;
  let runCount = 0;
  const picked: number[] = [];
  for (const { row } of order) {
    const mine = byRow.get(row) as CellChange[];
    let delta = 0;
    for (const c of mine) {
      const above = cells.has(key(c.col, row - 1));
      const below = cells.has(key(c.col, row + 1));
      delta += above && below ? -1 : above || below ? 0 : 1;
    }
    if (picked.length && runCount + delta > maxWrites) break;
    runCount += delta;
    picked.push(row);
    for (const c of mine) cells.add(key(c.col, row));
  }
  picked.sort((a, b) => a - b);
  const runs: Run[] = [];
  const open = new Map<number, Run>();
  for (const row of picked) {
    for (const c of byRow.get(row) as CellChange[]) {
      const r = open.get(c.col);
      if (r && r.row + r.values.length === row) r.values.push(c.to);
      else {
        const run: Run = { col: c.col, row, values: [c.to] };
        runs.push(run);
        open.set(c.col, run);
      }
    }
  }
  return { rows: picked, runs };
}

/** One audit row per ticket the step changes: its (new) ID and the cells normalised, via setup. */
function stepAudit(fresh: Fresh, ts: TicketSheet, rows: readonly number[], changes: readonly CellChange[], user: string, lang: Lang): unknown[][] {
  const newIds = new Map(fresh.plan.ids.map((c) => [c.row, String(c.to)]));
  const idCol = ts.columns.id;
  const out: unknown[][] = [];
  const at = Date.now();
  for (const row of rows) {
    const ticketId = newIds.get(row) ?? (idCol === undefined ? '' : str(fresh.data[row]?.[idCol]).trim());
    const entries: AuditEntry[] = changes
      .filter((c) => c.row === row)
      .map((c) => ({ at, user, ticketId: ticketId || `#${ts.headerRow + 1 + row}`, field: str(ts.header[c.col]), oldValue: str(c.from), newValue: str(c.to), via: 'setup' }));
    if (entries.length) out.push(auditRow(entries, lang));
  }
  return out;
}

/**
 * Applies the adoption in steps under the document lock, each on a fresh read. Throws BusyError
 * (from withTrackerLock) when the lock cannot be had for a step; what earlier steps wrote stays
 * written and audited, and running setup again continues.
 */
export function applyAdoption(ctx: ApplyContext, opts: ApplyOptions = {}): ApplyOutcome {
  const maxWrites = Math.max(1, opts.writesPerHold ?? SETUP_WRITES_PER_HOLD);
  const started = opts.startedAt ?? Date.now();
  const budget = opts.budgetMs ?? SETUP_BUDGET_MS;
  const { svc, lang } = ctx;
  const out: ApplyOutcome = { ts: null as unknown as TicketSheet, addedColumns: [], backfilledIds: 0, mappedValues: 0, unmapped: [], holds: 0, remaining: 0, dateOrders: {} };
  // Cells written in this run are not planned again (a cell format could turn a written date back into text).
  const written = new Set<string>();
  for (;;) {
    const done = withTrackerLock(svc, SETUP_LOCK_WAIT_MS, ctx.busyMessage, () => {
      out.holds++;
      const located = ctx.locate();
      if (!located) throw new Error(ctx.lostMessage);
      let fresh = readAndPlan(ctx, located);
      if (fresh.plan.missing.length) {
        const { ts, added } = addColumns(fresh, lang);
        out.addedColumns.push(...added);
        fresh = { ...fresh, ts, lastCol: ts.width };
      }
      const ts = fresh.ts;
      out.ts = ts;
      out.dateOrders = dateOrdersOf(fresh.plan);
      const keyOf = (c: CellChange) => {
        const id = fresh.plan.ids.find((x) => x.row === c.row)?.to ?? (ts.columns.id === undefined ? '' : fresh.data[c.row]?.[ts.columns.id]);
        return `${str(id).trim() || `#${c.row}`}|${c.col}`;
      };
      const changes = [...fresh.plan.ids, ...fresh.plan.values].filter((c) => !written.has(keyOf(c)));
      out.unmapped = fresh.plan.unmapped.map((u) => cellName(ts.headerRow + 1 + u.row, u.col));
      if (!changes.length) return true;
      if (out.holds > 1 && Date.now() - started >= budget) {
        out.remaining = changes.length;
        return true;
      }
      const { rows, runs } = pickStep(changes, maxWrites);
      const taken = new Set(rows);
      const stepChanges = changes.filter((c) => taken.has(c.row));
      appendAuditRows(svc.SpreadsheetApp.getActiveSpreadsheet(), stepAudit(fresh, ts, rows, stepChanges, ctx.user, lang), lang);
      for (const r of runs) ts.sheet.getRange(ts.headerRow + 1 + r.row, r.col + 1, r.values.length, 1).setValues(r.values.map((v) => [v]));
      for (const c of stepChanges) {
        written.add(keyOf(c));
        if (fresh.plan.ids.includes(c)) out.backfilledIds++;
        else out.mappedValues++;
      }
      // Backfilled IDs were issued too: intake's counter goes past them (app/ticketIds.ts).
      const issued = stepChanges.filter((c) => fresh.plan.ids.includes(c)).map((c) => c.to);
      if (issued.length) noteIssuedIds(svc.PropertiesService.getDocumentProperties(), issued);
      return stepChanges.length === changes.length;
    });
    if (done) return out;
  }
}
