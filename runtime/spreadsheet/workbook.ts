// The in-memory workbook: plain data, no Proxies, serialisable to JSON without loss.
// Values are dense per row (one array per row); every other per-cell attribute is sparse
// (run-length per column), so 100k rows × 25 columns stays small.
// Over ~400 lines: the one data model every Google class reads and writes (cells, runs, sheets,
// rules, pivots); its parts are not used apart.
import { randomBytes } from 'crypto';
import { Runs } from './runs';
import { Cell, Formula } from './values';
import type { PivotSpec, SlicerSpec } from './pivot/model';

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLS = 26;
export const DEFAULT_COL_WIDTH = 100;
export const DEFAULT_ROW_HEIGHT = 21;

/** Grid rectangle, 1-based inclusive start, sizes ≥ 1. */
export interface Rect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export interface ValidationSpec {
  criteria: string; // DataValidationCriteria name
  args: unknown[]; // criteria values as Apps Script reports them (lists, Dates, {sheetId, rect} for ranges)
  allowInvalid: boolean;
  helpText: string;
  /** top-left cell the rule was applied from: custom formulas are relative to it */
  anchor?: { row: number; col: number };
}

export interface CfFormat {
  background?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  strikethrough?: boolean;
  underline?: boolean;
}

export interface CfRuleSpec {
  sheetId: number; // sheet of the rule's ranges (-1 before setRanges)
  ranges: Rect[];
  criteria: string; // BooleanCriteria name
  args: unknown[];
  format: CfFormat;
}

export interface ProtectionSpec {
  id: number;
  type: 'RANGE' | 'SHEET';
  sheetId: number;
  rect?: Rect;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
  unprotected: Rect[];
}

export interface ChartSpec {
  id: number;
  type: string; // COLUMN, BAR, PIE, LINE, …
  ranges: Array<{ sheetId: number; rect: Rect }>;
  options: Record<string, unknown>;
  position: { row: number; col: number; offsetX: number; offsetY: number };
  numHeaders?: number;
}

/** Per-cell attributes kept sparse. `invalid` marks cells a person filled with a warned value. */
export interface SheetFormats {
  numberFormat: Runs<string>;
  background: Runs<string>;
  fontWeight: Runs<string>;
  fontColor: Runs<string>;
  fontStyle: Runs<string>;
  fontSize: Runs<number>;
  fontFamily: Runs<string>;
  /** 'underline' or 'line-through' (range#setfontline). */
  fontLine: Runs<string>;
  wrap: Runs<string>; // WrapStrategy name
  hAlign: Runs<string>;
  vAlign: Runs<string>;
  note: Runs<string>;
  border: Runs<string>;
  validation: Runs<ValidationSpec>;
  invalid: Runs<boolean>;
}

export const FORMAT_KEYS = [
  'numberFormat',
  'background',
  'fontWeight',
  'fontColor',
  'fontStyle',
  'fontSize',
  'fontFamily',
  'fontLine',
  'wrap',
  'hAlign',
  'vAlign',
  'border',
] as const;

export function emptyFormats(): SheetFormats {
  return {
    numberFormat: new Runs(),
    background: new Runs(),
    fontWeight: new Runs(),
    fontColor: new Runs(),
    fontStyle: new Runs(),
    fontSize: new Runs(),
    fontFamily: new Runs(),
    fontLine: new Runs(),
    wrap: new Runs(),
    hAlign: new Runs(),
    vAlign: new Runs(),
    note: new Runs(),
    border: new Runs(),
    validation: new Runs(),
    invalid: new Runs(),
  };
}

export class SheetData {
  /** rows[r-1][c-1]; missing rows/cells are empty. */
  rows: Array<Cell[] | undefined> = [];
  maxRows = DEFAULT_ROWS;
  maxCols = DEFAULT_COLS;
  frozenRows = 0;
  frozenCols = 0;
  hidden = false;
  tabColor: string | null = null;
  colWidths: Record<number, number> = {};
  rowHeights: Record<number, number> = {};
  hiddenCols: Record<number, boolean> = {};
  hiddenRows: Record<number, boolean> = {};
  fmt: SheetFormats = emptyFormats();
  cfRules: CfRuleSpec[] = [];
  charts: ChartSpec[] = [];
  /** Pivot tables anchored on this sheet and slicers placed on it (runtime/spreadsheet/pivot). */
  pivots: PivotSpec[] = [];
  slicers: SlicerSpec[] = [];
  /** Merged blocks (each at least 2 cells, none overlapping); only the top-left cell holds a value. */
  merges: Rect[] = [];
  /** Active range on this sheet (A1), kept per sheet as Sheets does. */
  activeA1 = 'A1';
  /** The current cell when it is not the active range's top-left (Range.activateAsCurrentCell). */
  currentA1: string | undefined = undefined;

  constructor(
    public id: number,
    public name: string,
  ) {}

  /** Last row with content (values or formulas), 0 when empty. */
  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) {
      const row = this.rows[r - 1];
      if (row && row.some((v) => v !== undefined)) return r;
    }
    return 0;
  }

  lastCol(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row || row.length <= last) continue;
      for (let c = row.length; c > last; c--) {
        if (row[c - 1] !== undefined) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  /** Row array for writing, created on demand. */
  rowForWrite(r: number): Cell[] {
    let row = this.rows[r - 1];
    if (!row) {
      while (this.rows.length < r - 1) this.rows.push(undefined);
      row = this.rows[r - 1] = [];
    }
    return row;
  }
}

// ---------------------------------------------------------------- JSON form

export interface SheetJson {
  id: number;
  name: string;
  maxRows: number;
  maxCols: number;
  frozenRows: number;
  frozenCols: number;
  hidden: boolean;
  tabColor: string | null;
  colWidths: Record<number, number>;
  rowHeights: Record<number, number>;
  hiddenCols: Record<number, boolean>;
  hiddenRows: Record<number, boolean>;
  activeA1: string;
  currentA1?: string;
  /** rows as arrays of encoded cells (null = empty); trailing empties trimmed */
  rows: Array<unknown[] | null>;
  fmt: Record<string, Array<[number, number, number, unknown]>>;
  cfRules: unknown[];
  charts: unknown[];
  /** Present only when the sheet has merged cells. */
  merges?: Rect[];
  /** Present only when the sheet holds pivot tables / slicers. */
  pivots?: unknown[];
  slicers?: unknown[];
}

export interface WorkbookJson {
  version: 1;
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  recalculationInterval: string;
  owner: string;
  editors: string[];
  activeSheetId: number;
  nextId: number;
  namedRanges: Record<string, { sheetId: number; rect: Rect }>;
  protections: unknown[];
  sheets: SheetJson[];
}

/** Dates, formulas and nested values in a JSON-safe form. */
export function encodeValue(v: unknown): unknown {
  if (v instanceof Formula) return { $f: v.src };
  if (Object.prototype.toString.call(v) === '[object Date]') return { $d: (v as Date).getTime() };
  if (Array.isArray(v)) return v.map(encodeValue);
  if (v !== null && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) o[k] = encodeValue(x);
    return o;
  }
  return v;
}

export function decodeValue(v: unknown): any {
  if (Array.isArray(v)) return v.map(decodeValue);
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('$f' in o) return new Formula(o.$f as string);
    if ('$d' in o) return new Date(o.$d as number);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = decodeValue(x);
    return out;
  }
  return v;
}

export class Workbook {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  recalculationInterval = 'ON_CHANGE';
  /** Owner and editors of the file (protections copy them). */
  owner = '';
  editors: string[] = [];
  sheets: SheetData[] = [];
  activeSheetId = 0;
  protections: ProtectionSpec[] = [];
  namedRanges: Record<string, { sheetId: number; rect: Rect }> = {};
  /** Source of sheet, protection and chart ids. */
  nextId = 1;

  constructor(opts: { name?: string; timeZone: string; locale: string; id?: string; blank?: boolean }) {
    this.id = opts.id ?? randomBytes(22).toString('base64url').slice(0, 44);
    this.name = opts.name ?? 'Untitled spreadsheet';
    this.timeZone = opts.timeZone;
    this.locale = opts.locale;
    // A new spreadsheet has one sheet with gid 0, named by locale ("Sheet1" / "工作表1").
    if (!opts.blank) this.sheets.push(new SheetData(0, this.defaultSheetName(1)));
  }

  defaultSheetName(n: number): string {
    return /^zh/i.test(this.locale) ? `工作表${n}` : `Sheet${n}`;
  }

  newId(): number {
    // Sheet ids in Sheets are large random-looking integers; deterministic here for repeatable runs.
    return this.nextId++;
  }

  sheetByName(name: string): SheetData | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  sheetById(id: number): SheetData | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  activeSheet(): SheetData {
    return this.sheetById(this.activeSheetId) ?? this.sheets.find((s) => !s.hidden) ?? this.sheets[0];
  }

  toJSON(): WorkbookJson {
    return {
      version: 1,
      id: this.id,
      name: this.name,
      timeZone: this.timeZone,
      locale: this.locale,
      recalculationInterval: this.recalculationInterval,
      owner: this.owner,
      editors: [...this.editors],
      activeSheetId: this.activeSheetId,
      nextId: this.nextId,
      namedRanges: encodeValue(this.namedRanges) as WorkbookJson['namedRanges'],
      protections: this.protections.map((p) => encodeValue(p)),
      sheets: this.sheets.map(sheetToJson),
    };
  }

  static fromJSON(j: WorkbookJson): Workbook {
    const wb = new Workbook({ name: j.name, timeZone: j.timeZone, locale: j.locale, id: j.id, blank: true });
    wb.recalculationInterval = j.recalculationInterval;
    wb.owner = j.owner ?? '';
    wb.editors = [...(j.editors ?? [])];
    wb.activeSheetId = j.activeSheetId;
    wb.nextId = j.nextId;
    wb.namedRanges = decodeValue(j.namedRanges ?? {});
    wb.protections = (j.protections ?? []).map((p) => decodeValue(p));
    wb.sheets = j.sheets.map(sheetFromJson);
    return wb;
  }
}

function sheetToJson(s: SheetData): SheetJson {
  const fmt: SheetJson['fmt'] = {};
  for (const [k, runs] of Object.entries(s.fmt) as Array<[string, Runs<unknown>]>) {
    if (!runs.isEmpty()) fmt[k] = runs.toJSON(encodeValue);
  }
  const lastRow = s.rows.length;
  const rows: SheetJson['rows'] = [];
  for (let r = 0; r < lastRow; r++) {
    const row = s.rows[r];
    if (!row || !row.some((v) => v !== undefined)) {
      rows.push(null);
      continue;
    }
    let end = row.length;
    while (end > 0 && row[end - 1] === undefined) end--;
    rows.push(row.slice(0, end).map((v) => (v === undefined ? null : encodeValue(v))));
  }
  while (rows.length && rows[rows.length - 1] === null) rows.pop();
  return {
    id: s.id,
    name: s.name,
    maxRows: s.maxRows,
    maxCols: s.maxCols,
    frozenRows: s.frozenRows,
    frozenCols: s.frozenCols,
    hidden: s.hidden,
    tabColor: s.tabColor,
    colWidths: { ...s.colWidths },
    rowHeights: { ...s.rowHeights },
    hiddenCols: { ...s.hiddenCols },
    hiddenRows: { ...s.hiddenRows },
    activeA1: s.activeA1,
    ...(s.currentA1 ? { currentA1: s.currentA1 } : {}),
    rows,
    fmt,
    cfRules: s.cfRules.map((r) => encodeValue(r)),
    charts: s.charts.map((c) => encodeValue(c)),
    ...(s.merges.length ? { merges: s.merges.map((m) => ({ ...m })) } : {}),
    ...(s.pivots.length ? { pivots: s.pivots.map((p) => encodeValue(p)) } : {}),
    ...(s.slicers.length ? { slicers: s.slicers.map((x) => encodeValue(x)) } : {}),
  };
}

function sheetFromJson(j: SheetJson): SheetData {
  const s = new SheetData(j.id, j.name);
  s.maxRows = j.maxRows;
  s.maxCols = j.maxCols;
  s.frozenRows = j.frozenRows;
  s.frozenCols = j.frozenCols;
  s.hidden = j.hidden;
  s.tabColor = j.tabColor;
  s.colWidths = { ...j.colWidths };
  s.rowHeights = { ...(j.rowHeights ?? {}) };
  s.hiddenCols = { ...(j.hiddenCols ?? {}) };
  s.hiddenRows = { ...(j.hiddenRows ?? {}) };
  s.activeA1 = j.activeA1 ?? 'A1';
  s.currentA1 = j.currentA1;
  s.rows = j.rows.map((row) => (row ? row.map((v) => (v === null ? undefined : decodeValue(v))) : undefined));
  // identical validation rules decode to one shared object, so runs merge again
  const interned = new Map<string, unknown>();
  const intern = (v: unknown) => {
    if (v === null || typeof v !== 'object') return v;
    const key = JSON.stringify(v);
    if (!interned.has(key)) interned.set(key, decodeValue(v));
    return interned.get(key);
  };
  for (const [k, runs] of Object.entries(j.fmt ?? {})) {
    (s.fmt as unknown as Record<string, Runs<unknown>>)[k] = Runs.fromJSON(runs, intern);
  }
  s.cfRules = (j.cfRules ?? []).map((r) => decodeValue(r));
  s.charts = (j.charts ?? []).map((c) => decodeValue(c));
  s.merges = (j.merges ?? []).map((m) => ({ row: m.row, col: m.col, numRows: m.numRows, numCols: m.numCols }));
  s.pivots = (j.pivots ?? []).map((p) => decodeValue(p));
  s.slicers = (j.slicers ?? []).map((x) => decodeValue(x));
  return s;
}
