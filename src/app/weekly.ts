// The weekly review: read everything once (tickets, archived tickets, the audit log, the knowledge
// base), compute the Review in memory (src/domain/review.ts), and replace the week's sheet in a
// constant number of calls. Built on demand (menu, CLI) for any week, and by the hourly trigger for
// the previous week once the configured weekday and hour have passed — exactly once per week.
//
// Over ~400 lines: one use case (read once, build, write under the lock, the schedule); the
// review's maths is in src/domain/review/, the sheet layout in src/gas/reviewSheet.ts.
import { workingTimeBetween } from '../domain/calendar';
import { HEADER_SCAN_ROWS, columnLetter, detectHeader } from '../domain/columns';
import type { ColumnMap } from '../domain/columns';
import { ERROR_CODES, errorCode, type ErrorCode, rethrowDefect } from '../domain/errors';
import { catalog, t } from '../domain/i18n';
import type { IsoWeek, Review } from '../domain/review';
import { buildReview, previousIsoWeek, weeklyDue, weekBounds } from '../domain/review';
import type { FieldKey, Lang } from '../domain/schema';
import { SHEET_NAMES } from '../domain/schema';
import { parseSlaStatus, settledSlaStates, slaStates } from '../domain/sla';
import { ticketWaitingMinutes, waitOf } from '../domain/waiting';
import { agentTier } from '../domain/tiers';
import type { KbEntry } from '../domain/knowledge';
import type { AuditEntry, Ticket } from '../domain/ticket';
import { formatIsoWeek, parseIsoWeek } from '../domain/zone';
import { auditEntriesOf } from '../gas/auditSheet';
import { BusyError, withTrackerLock } from '../gas/lock';
import type { TicketLink } from '../gas/reviewSheet';
import { writeReviewSheet } from '../gas/reviewSheet';
import { writeReviewData } from '../gas/reviewDataSheet';
import { writeReviewPivots } from '../gas/reviewPivots';
import { pivotPlan } from '../domain/review/pivots';
import { PROPERTY_KEYS, readWeeklyStatus, type WeeklyStatus } from '../gas/properties';
import type { Services } from '../gas/services';
import { locateTicketSheet } from '../gas/ticketSheet';
import { calendarOf, policyOf } from './slaContext';
import type { Tracker } from './tracker';
import { openTracker, ticketRowReader } from './tracker';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** Document property: the last week the scheduled build made (`2024-W19`). */
export const LAST_BUILT_KEY = PROPERTY_KEYS.weeklyLastBuilt;
/** Document property: the scheduled build's last outcome (JSON), since add-on triggers send no failure mail. */
export const WEEKLY_STATUS_KEY = PROPERTY_KEYS.weeklyStatus;

export type WeeklyResult =
  | {
      ok: true;
      sheet: string;
      week: string;
      /** `2024-05-06 – 2024-05-12 (Asia/Shanghai); 生成于 …` */
      period: string;
      /** Tickets read (ticket sheet + archive, each ID once). */
      tickets: number;
      archived: number;
      counts: Review['figures']['counts'];
      previous: Review['figures']['previous'];
      overdue: number;
      unsatisfied: number;
      charts: number;
      rows: number;
      /** The data sheet (`周报数据`) written: its name and its rows (one per ticket). */
      dataSheet: string;
      dataRows: number;
      /** The pivot sheet (`周报透视`) rebuilt: its name, native pivot tables and slicers. */
      pivotSheet: string;
      pivots: number;
      slicers: number;
    }
  | { ok: false; message: string; cancelled?: boolean; /** What a caller branches on (src/domain/errors.ts). */ code?: ErrorCode };

const msg = (lang: Lang) => catalog(lang).weekly;

// ---------------------------------------------------------------------------------------------
// Reading

interface TicketBlock {
  /** The sheet's ID for `#gid=` links, asked only when a listed ticket needs it (one call). */
  gid: () => number;
  /** Columns read (the header's width). */
  width: number;
  tickets: Ticket[];
  /** 1-based sheet row of each ticket. */
  rows: number[];
}

/** The fields the review uses: the long texts (description, work log, solution…) are not parsed. */
const REVIEW_FIELDS: FieldKey[] = [
  'id',
  'title',
  'department',
  'urgency',
  'submittedAt',
  'status',
  'assignee',
  'resolvedAt',
  'feedback',
  'category',
  'tier',
  'firstResponseAt',
  'lastUpdateAt',
  'responseDueAt',
  'resolveDueAt',
  'slaStatus',
  // The hidden record holds the waiting periods (domain/waiting.ts): SLA clocks and time waiting.
  'record',
];

/**
 * Where each ticket kept for the review is, by ID: its index in the live block's rows, or −1 − its
 * index in the archive's. Filled while the rows are decoded (their IDs are in hand then).
 */
type TicketPlaces = Map<string, number>;

/**
 * Rows below the header (index `headerIndex` of `values`, sheet row `firstRow + index`) as tickets;
 * rows without an ID are skipped, and so is an ID already in `places` (each ID once: the live sheet,
 * read first, wins over the archive; a ticket being archived may be in both).
 */
function ticketsOf(
  values: unknown[][],
  headerIndex: number,
  all: ColumnMap,
  tr: Tracker,
  firstRow: number,
  places: TicketPlaces,
  archived: boolean,
): { tickets: Ticket[]; rows: number[] } {
  const columns: ColumnMap = {};
  for (const k of REVIEW_FIELDS) if (all[k] !== undefined) columns[k] = all[k];
  const idCol = columns.id as number;
  const decode = ticketRowReader(tr, columns);
  const tickets: Ticket[] = [];
  const rows: number[] = [];
  for (let i = headerIndex + 1; i < values.length; i++) {
    const id = values[i][idCol];
    if (id === '' || id === null || id === undefined) continue; // the empty rows below the data
    const tk = decode(values[i]);
    if (!tk.id || places.has(tk.id)) continue;
    places.set(tk.id, archived ? -1 - tickets.length : tickets.length);
    tickets.push(tk);
    rows.push(firstRow + i);
  }
  return { tickets, rows };
}

const once = <T>(f: () => T): (() => T) => {
  let done = false;
  let v: T;
  return () => {
    if (!done) [v, done] = [f(), true];
    return v;
  };
};

/**
 * A block of a sheet by name in one call, without looking the sheet up first: `'操作日志'!A2:G`
 * (open-ended: to the last row of the grid). Null when there is no such sheet or the block does
 * not fit it.
 */
function blockOf(ss: Spreadsheet, sheetName: string, a1: string): Range | null {
  try {
    return ss.getRange(`'${sheetName.replace(/'/g, "''")}'!${a1}`);
  } catch (e) {
    rethrowDefect(e);
    // Google refuses an A1 range on a sheet that is gone, or outside its grid.
    return null;
  }
}

/** The block of the sheet named in the tracker's language, else in the other language. */
function namedBlock(tr: Tracker, names: { zh: string; en: string }, a1: string): Range | null {
  const other: Lang = tr.lang === 'zh' ? 'en' : 'zh';
  return blockOf(tr.ss, names[tr.lang], a1) ?? blockOf(tr.ss, names[other], a1);
}

/**
 * The ticket sheet in one read (three calls: the block from the stored hint's header row down,
 * its values, its sheet ID for links); a stale hint falls back to the scan setup uses.
 */
function readTicketSheet(tr: Tracker, places: TicketPlaces): TicketBlock | null {
  const hint = tr.config.tickets;
  if (hint) {
    const block = blockOf(tr.ss, hint.name, `A${hint.headerRow}:${columnLetter(Math.max(1, hint.width))}`);
    const values = block ? block.getValues() : null;
    const match = values && values.length ? detectHeader([values[0]], hint.overrides) : null;
    if (block && values && match && match.columns.id !== undefined) {
      const { tickets, rows } = ticketsOf(values, 0, match.columns, tr, hint.headerRow, places, false);
      return { gid: once(() => block.getGridId()), width: values[0].length, tickets, rows };
    }
  }
  const ts = locateTicketSheet(tr.ss, tr.config.tickets?.overrides);
  if (!ts || ts.columns.id === undefined) return null;
  const last = ts.sheet.getLastRow();
  const values = ts.sheet.getSheetValues(ts.headerRow, 1, Math.max(1, last - ts.headerRow + 1), ts.width);
  const { tickets, rows } = ticketsOf(values, 0, ts.columns, tr, ts.headerRow, places, false);
  return { gid: once(() => ts.sheet.getSheetId()), width: ts.width, tickets, rows };
}

/**
 * Archived tickets (`归档` / `Archive`, src/gas/archiveSheet.ts), if that sheet exists: header
 * detected in the first rows as on the ticket sheet, one read of the first max(26, ticket width)
 * columns without a sheet lookup (the archive's columns follow the ticket sheet's, plus any the
 * archive added later). An archive whose grid is narrower than that is not read.
 */
function readArchive(tr: Tracker, ticketWidth: number, places: TicketPlaces): TicketBlock | null {
  const width = Math.max(26, ticketWidth);
  // A narrower grid (empty columns deleted) does not fit that block: read the sheet's own data range
  // (one call more, and only when there is no archive at all).
  const block =
    namedBlock(tr, SHEET_NAMES.archive, `A1:${columnLetter(width)}`) ??
    tr.ss.getSheetByName(SHEET_NAMES.archive[tr.lang])?.getDataRange() ??
    null;
  if (!block) return null;
  const values = block.getValues();
  const match = detectHeader(values.slice(0, HEADER_SCAN_ROWS));
  if (!match || match.columns.id === undefined) return null;
  const { tickets, rows } = ticketsOf(values, match.row, match.columns, tr, 1, places, true);
  return { gid: once(() => block.getGridId()), width, tickets, rows };
}

function readAudit(tr: Tracker): AuditEntry[] {
  // Time, user, ticket ID, field, old, new (the source column is not needed).
  const block = namedBlock(tr, SHEET_NAMES.audit, 'A2:F');
  return block ? auditEntriesOf(block.getValues(), 'status') : [];
}

/**
 * Knowledge-base entries for the recurring-problem link, one read of ID, title and category. The
 * match is title to title (is there an article for this problem?): descriptions and solutions are
 * left out, which keeps the index cheap for a large base (10,000 full entries take ~0.7 s to index,
 * titles only ~0.2 s).
 */
function readKnowledgeEntries(tr: Tracker): KbEntry[] {
  const block = namedBlock(tr, SHEET_NAMES.knowledge, 'A2:C');
  if (!block) return [];
  const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
  return block
    .getValues()
    .filter((r) => str(r[0]).trim())
    .map((r) => ({
      id: str(r[0]).trim(),
      title: str(r[1]),
      category: str(r[2]),
      description: '',
      solution: '',
      date: null,
    }));
}

// ---------------------------------------------------------------------------------------------
// Building

/** `2024-W19`, `2024w19`, `2024W19`; '' or null → null. */
export function parseWeekInput(s: unknown): IsoWeek | null {
  if (typeof s !== 'string' || !s.trim()) return null;
  return parseIsoWeek(s.trim().replace(/\s+/g, ''));
}

/**
 * Builds (or rebuilds) one week's review sheet. `week` is `2024-W19`; none = the previous week in
 * the spreadsheet's time zone. Only the week's own sheet is replaced.
 */
export function buildWeeklyReview(
  svc: Services,
  week?: unknown,
  tracker?: Tracker,
  opts: { locked?: boolean } = {},
): WeeklyResult {
  const tr = tracker ?? openTracker(svc);
  const M = msg(tr.lang);
  let target: IsoWeek;
  if (week === undefined || week === null || (typeof week === 'string' && !week.trim()))
    target = previousIsoWeek(tr.now, tr.zone);
  else {
    const parsed = parseWeekInput(week);
    if (!parsed) return { ok: false, message: M.badWeek(String(week)), code: ERROR_CODES.invalid };
    target = parsed;
  }
  if (weekBounds(target, tr.zone).start > tr.now)
    return { ok: false, message: M.futureWeek(formatIsoWeek(target)), code: ERROR_CODES.invalid };

  const where: TicketPlaces = new Map();
  const main = readTicketSheet(tr, where);
  if (!main) return { ok: false, message: t(tr.lang, 'noTicketSheet'), code: ERROR_CODES.noTicketSheet };
  const archive = readArchive(tr, main.width, where);
  const audit = readAudit(tr);
  const knowledge = readKnowledgeEntries(tr);

  // Each ID once already (ticketsOf): the live sheet's tickets, then the archive's.
  const tickets: Ticket[] = archive ? main.tickets.concat(archive.tickets) : main.tickets;
  const archived = archive ? archive.tickets.length : 0;
  const linkOf = (id: string): TicketLink | null => {
    const w = where.get(id);
    if (w === undefined) return null;
    return w >= 0 ? { gid: main.gid(), row: main.rows[w] } : { gid: archive!.gid(), row: archive!.rows[-1 - w] };
  };

  const { settings } = tr.config;
  const cal = calendarOf(settings, tr.zone);
  const policy = policyOf(settings);
  // Asked of every ticket, by several sections: the tier looked up once per assignee. (A ticket's
  // waits are not kept: waitOf parses only the records that have waited, a few.)
  const tiers = new Map<string, ReturnType<typeof agentTier>>();
  const review = buildReview({
    week: target,
    zone: tr.zone,
    tickets,
    audit,
    now: tr.now,
    lang: tr.lang,
    knowledge,
    workingMs: (a, b) => {
      try {
        return workingTimeBetween(cal, a, b);
      } catch (e) {
        if (errorCode(e) !== 'noWorkingTime') throw e;
        return Math.max(0, b - a); // a calendar without working time: count clock time
      }
    },
    waitingMinutes: (tk) => ticketWaitingMinutes(tk, tr.now, cal),
    tierOf: (tk) => {
      if (!tiers.has(tk.assignee)) tiers.set(tk.assignee, agentTier(settings.agents, tk.assignee));
      return tiers.get(tk.assignee) ?? null;
    },
    sla: (tk) => {
      // A done ticket whose SLA cell holds final states: as the cell (and the sweep) says.
      const settled = settledSlaStates(tk.status, tk.slaStatus);
      if (settled) return settled;
      try {
        return slaStates(tk, tr.now, policy, cal, { lastWorkLogAt: tk.lastUpdateAt, wait: waitOf(tk) });
      } catch (e) {
        if (errorCode(e) !== 'noWorkingTime') throw e;
        // A calendar without working time: the states the sweep last wrote.
        const p = parseSlaStatus(tk.slaStatus);
        return { response: p.response, resolution: p.resolution };
      }
    },
  });
  // Replacing the sheet runs under the document lock (two builds of one week must not interleave
  // their delete and insert); reading and computing do not hold it.
  const write = () => {
    const snapshot = writeReviewSheet(tr.ss, svc.SpreadsheetApp, review, linkOf);
    const data = writeReviewData(tr.ss, review.data, tr.lang);
    const D = catalog(tr.lang).reviewData;
    const pivots = writeReviewPivots(tr.ss, svc.SpreadsheetApp, pivotPlan(target, D, review.data), data, D);
    return { ...snapshot, data, pivots };
  };
  let written: ReturnType<typeof write>;
  try {
    written = opts.locked
      ? write()
      : withTrackerLock(svc, 10_000, M.busy, write);
  } catch (e) {
    if (e instanceof BusyError) return { ok: false, message: e.message, code: ERROR_CODES.busy };
    throw e;
  }
  // A finished week built by hand counts as built: the schedule must not build (replace) it again.
  const last = parseWeekInput(tr.props.getProperty(LAST_BUILT_KEY));
  if (weekBounds(target, tr.zone).end <= tr.now && (!last || weekBounds(last, tr.zone).start < weekBounds(target, tr.zone).start))
    tr.props.setProperty(LAST_BUILT_KEY, formatIsoWeek(target));
  const f = review.figures;
  return {
    ok: true,
    sheet: review.sheetName,
    week: review.weekLabel,
    period: review.period,
    tickets: tickets.length,
    archived,
    counts: f.counts,
    previous: f.previous,
    overdue: f.overdueIds.length,
    unsatisfied: f.satisfaction.unsatisfiedIds.length,
    charts: written.layout.charts.length,
    rows: written.layout.height,
    dataSheet: catalog(tr.lang).reviewData.dataSheet,
    dataRows: review.data.rows.length,
    pivotSheet: catalog(tr.lang).reviewData.pivotSheet,
    pivots: written.pivots.pivots,
    slicers: written.pivots.slicers,
  };
}

// ---------------------------------------------------------------------------------------------
// Menu

/** Asks for a week (empty = last week), builds it, and says what happened in the sheet's language. */
export function buildWeeklyReviewFromMenu(svc: Services): WeeklyResult {
  const tr = openTracker(svc);
  const M = msg(tr.lang);
  const ui = svc.SpreadsheetApp.getUi();
  const last = formatIsoWeek(previousIsoWeek(tr.now, tr.zone));
  const answer = ui.prompt(M.promptTitle, M.prompt(last), ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return { ok: false, cancelled: true, message: '' };
  const text = answer.getResponseText().trim();
  if (text && !parseWeekInput(text)) {
    const message = M.badWeek(text);
    ui.alert(M.promptTitle, message, ui.ButtonSet.OK);
    return { ok: false, message };
  }
  let r: WeeklyResult;
  try {
    r = buildWeeklyReview(svc, text || last, tr);
  } catch (e) {
    r = { ok: false, message: `${M.failed}${(e as Error)?.message ?? String(e)}` };
  }
  if (r.ok) tr.ss.toast(M.done(r.sheet), M.promptTitle, 5);
  else ui.alert(M.promptTitle, r.message, ui.ButtonSet.OK);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Schedule (called by the hourly trigger)

export interface DueWeeklyResult {
  /** The week built in this run, or null when none was due. */
  built: string | null;
  sheet?: string;
  error?: string;
}

/**
 * Builds the previous week once the configured weekday/hour has passed, exactly once per week:
 * the last week built is kept in document properties and checked again under the document lock,
 * so late runs still build, doubled runs build once, and after skipped weeks only the latest
 * due week is built. A failure leaves the mark unset (the next run retries) and is recorded.
 */
export function buildDueWeeklyReview(svc: Services, opened?: Tracker): DueWeeklyResult {
  const tr = opened ?? openTracker(svc);
  const schedule = { weekday: tr.config.settings.weeklyWeekday, hour: tr.config.settings.weeklyHour };
  if (!weeklyDue(tr.props.getProperty(LAST_BUILT_KEY), tr.now, tr.zone, schedule)) return { built: null };
  const record = (r: DueWeeklyResult): void => {
    tr.props.setProperty(
      WEEKLY_STATUS_KEY,
      JSON.stringify({ at: tr.now, week: r.built, ok: !r.error, error: r.error ?? '' } satisfies WeeklyStatus),
    );
  };
  let result: DueWeeklyResult;
  try {
    result = withTrackerLock(
      svc,
      30_000,
      t(tr.lang, 'busy'),
      (): DueWeeklyResult => {
        // Another run may have built it while this one waited.
        const due = weeklyDue(tr.props.getProperty(LAST_BUILT_KEY), tr.now, tr.zone, schedule);
        if (!due) return { built: null };
        const week = formatIsoWeek(due);
        const r = buildWeeklyReview(svc, week, tr, { locked: true });
        if (!r.ok) return { built: null, error: r.message };
        tr.props.setProperty(LAST_BUILT_KEY, week);
        return { built: week, sheet: r.sheet };
      },
    );
  } catch (e) {
    record({ built: null, error: (e as Error)?.message || String(e) });
    throw e;
  }
  if (result.built || result.error) record(result);
  return result;
}

/** The scheduled build's last outcome as recorded (for status displays). */
export function lastWeeklyStatus(svc: Services): WeeklyStatus | null {
  return readWeeklyStatus(svc.PropertiesService.getDocumentProperties());
}
