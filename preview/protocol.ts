// The preview server ↔ page protocol (preview/server.ts answers, preview/page/main.ts asks): one
// declaration both sides compile against, so a renamed or dropped field fails the type check
// instead of a blank cell in the browser. Everything is JSON; instants are epoch milliseconds.
import type { ErrorCode } from '../src/domain/errors';
import type { ButtonName, MenuRecord } from '../runtime/services/ui';
import type { FiringRecord } from '../runtime/state';

/**
 * One rendered cell, keys kept to a letter or two (a sheet is thousands of cells per answer). A
 * key is present only when the cell differs from the default (empty, white, black, plain).
 */
export interface WireCell {
  /** display text */
  v?: string;
  /** background colour (default #ffffff) */
  bg?: string;
  /** font colour (default #000000) */
  fc?: string;
  /** bold */
  b?: 1;
  /** italic */
  i?: 1;
  /** horizontal alignment */
  al?: string;
  /** wrap */
  w?: 1;
  /** note */
  n?: string;
  /** formula */
  f?: string;
  /** index into PreviewState.grid.lists: the cell's dropdown entries */
  l?: number;
  /** the list shows as a dropdown chip */
  dd?: 1;
  /** strict validation: invalid input is rejected */
  s?: 1;
  /** validation help text */
  h?: string;
  /** a warned (allowed but invalid) value sits in the cell */
  x?: 1;
}

/** An embedded chart as the page draws it: its type, placement, options and the data it plots. */
export interface WireChart {
  id: number;
  /** ChartType name: COLUMN, LINE and PIE are drawn; other types show as a labelled box */
  type: string;
  /** source ranges, A1 with the sheet name */
  ranges: string[];
  title: string;
  /** anchor cell (1-based) and offset from its top-left corner, in pixels */
  row: number;
  col: number;
  offsetX: number;
  offsetY: number;
  /** size in pixels (options width/height; Sheets' default 600 × 371) */
  width: number;
  height: number;
  /** legend.position: right, top, bottom, left, in, none */
  legend: string;
  xTitle: string;
  yTitle: string;
  /** options colors: one per series (per slice for a pie) */
  colors: string[];
  stacked: boolean;
  /** pie: what each slice says (pieSliceText: percentage, value, label, none) */
  sliceText: string;
  /** the domain's labels, one per category */
  categories: string[];
  series: { name: string; values: Array<number | null> }[];
}

/** A pivot table's cells on the grid (1-based), for Sheets' pivot look: header rows, total rows/columns bold on grey. */
export interface WirePivot {
  id: number;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
  headerRows: number;
  /** sheet rows holding a total (a group's or the grand total) */
  totalRows: number[];
  /** sheet columns holding a total */
  totalCols: number[];
  /** the pivot shows #REF! (its result would overwrite data) */
  error: boolean;
}

/** A slicer: a card over the grid; its list of values with checkboxes sets its criteria (POST /api/slicer). */
export interface WireSlicer {
  /** the slicer's position in Sheet.getSlicers() order on its sheet */
  index: number;
  id: number;
  title: string;
  /** header of the column it filters ('' until set) */
  columnName: string;
  /** 1-based column position in its data range, null until set */
  column: number | null;
  row: number;
  col: number;
  offsetX: number;
  offsetY: number;
  /** every value the column holds, in Sheets' ascending order */
  values: string[];
  /** values the criteria show (null: not set) and hide */
  visible: string[] | null;
  hidden: string[];
}

/** POST /api/slicer: the values a person unticked in a slicer (none: show all). */
export interface SlicerRequest {
  sheet: string;
  index: number;
  hidden: string[];
}

/** GET /api/outbox: the mail the runtime recorded (never sent), oldest first (issue 18). */
export interface WireOutbox {
  mails: { at: string; to: string; subject: string; body: string }[];
  /** MailApp.getRemainingDailyQuota() now. */
  quotaLeft: number;
  /** Mail parts waiting for the quota (the tracker's queue in document properties). */
  queued: number;
}

/** GET /api/state: the sheet tabs, the active sheet rendered at the runtime's now, the menus, the clock. */
export interface PreviewState {
  title: string;
  locale: string;
  timeZone: string;
  user: string;
  sheets: { name: string; tabColor: string | null }[];
  active: string;
  activeA1: string;
  grid: {
    name: string;
    frozenRows: number;
    frozenCols: number;
    numRows: number;
    numCols: number;
    totalRows: number;
    truncated: boolean;
    colWidths: number[];
    hiddenCols: number[];
    rows: WireCell[][];
    /** distinct dropdown lists, referenced by WireCell.l */
    lists: string[][];
    charts: WireChart[];
    pivots: WirePivot[];
    slicers: WireSlicer[];
  };
  menus: MenuRecord[];
  clock: {
    now: number;
    nextTrigger: number | null;
    triggers: { handler: string; next: number | null | undefined }[];
    firings: FiringRecord[];
  };
  /** what google.script.run offers */
  entryPoints: string[];
}

/** A question the run stopped at: ask it, then send the request again with the answers. */
export interface WireQuestion {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: ButtonName[];
  /** answers the request already carried */
  answered: number;
}

/** Answers sent with a request that asks questions (`answers` in the body), in order. */
export interface WireAnswer {
  button: ButtonName;
  text?: string;
}

export interface WireDialog {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  width?: number;
  height?: number;
  /** the add-on's HTML with the google.script.run bridge inserted */
  html: string;
}

export interface WireRun {
  handler: string;
  ok: boolean;
  error?: string;
}

export interface WireToast {
  title: string;
  message: string;
}

/**
 * POST /api/edit, /api/menu, /api/run: what a run the person started did. Either `pending` alone
 * (nothing was kept), or the rest.
 */
export interface Outcome {
  pending?: WireQuestion;
  ok?: boolean;
  error?: string;
  /** an edit the sheet's validation refused */
  reason?: string;
  /** /api/run: the entry point's return value (null for undefined) */
  value?: unknown;
  dialogs?: WireDialog[];
  /** OK-only alerts, answered at once: show them now */
  alerts?: { title: string; prompt: string }[];
  toasts?: WireToast[];
  /** /api/edit: the triggers the edit ran */
  runs?: WireRun[];
  /** the run changed what the page shows (it redraws); any change of the state is saved */
  changed?: boolean;
}

/** POST /api/open: the open triggers' runs. */
export interface OpenResult {
  runs: WireRun[];
}

/** POST /api/clock: the time moved forward, due triggers fired. */
export interface ClockResult {
  ok: true;
  now: number;
  fired: FiringRecord[];
  toasts: WireToast[];
}

/** POST /api/form/run: the web form's google.script.run. */
export type FormRunResult = { ok: true; value: unknown } | { ok: false; error: string };

/** Any failed request (4xx/5xx). */
export interface WireError {
  ok: false;
  error: string;
  /** The add-on's error code (src/domain/errors.ts) when the add-on refused; null for the preview's own errors. Branch on this, never on `error`. */
  code: ErrorCode | null;
}
