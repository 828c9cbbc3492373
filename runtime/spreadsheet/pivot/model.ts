// Pivot tables and slicers as stored data: plain objects on the sheet that holds them, so they
// persist with the workbook JSON. The cells a pivot shows are computed from these (compute.ts) and
// written into the sheet on read (sync.ts).
import type { Rect } from '../workbook';

/** A filter condition as FilterCriteria holds it (developers.google.com/apps-script/reference/spreadsheet/filter-criteria). */
export interface CriteriaSpec {
  /** BooleanCriteria name, or null when only visible/hidden values are set. */
  type: string | null;
  args: unknown[];
  /** Values to show (null: not set). Set and hidden values clear each other, as the builder's setters do. */
  visible: string[] | null;
  hidden: string[];
}

export interface PivotGroupSpec {
  /** Absolute column number of the source column (1 = A), as addRowGroup takes it. */
  col: number;
  ascending: boolean;
  /** sortBy(value, oppositeGroupValues): index into the pivot's values and the opposite path. */
  sortBy: { value: number; opposite: string[] } | null;
  limit: number | null;
  showTotals: boolean;
  repeatLabels: boolean;
  displayName: string | null;
}

export interface PivotValueSpec {
  /** Absolute source column; null for a calculated value. */
  col: number | null;
  fn: string; // PivotTableSummarizeFunction name
  formula: string | null;
  /** Calculated values are named by addCalculatedPivotValue; others by setDisplayName (null: default label). */
  displayName: string | null;
  displayType: string; // PivotValueDisplayType name
}

export interface PivotFilterSpec {
  col: number;
  criteria: CriteriaSpec;
}

export interface PivotSpec {
  id: number;
  /** The anchor cell on the holding sheet. */
  anchor: { row: number; col: number };
  source: { sheetId: number; rect: Rect };
  rows: PivotGroupSpec[];
  cols: PivotGroupSpec[];
  values: PivotValueSpec[];
  filters: PivotFilterSpec[];
  /** Dimension the values are laid out along: COLUMNS (Sheets' default) or ROWS. */
  valuesAlong: 'COLUMNS' | 'ROWS';
  /** Cells the pivot wrote at its last refresh (null: none yet). */
  out: Rect | null;
}

export interface SlicerSpec {
  id: number;
  source: { sheetId: number; rect: Rect };
  /** 1-based column position within the source range; null until set. */
  colPos: number | null;
  criteria: CriteriaSpec | null;
  applyToPivots: boolean;
  title: string;
  titleAlign: string;
  background: string | null;
  position: { row: number; col: number; offsetX: number; offsetY: number };
}

export const SUMMARIZE_FUNCTIONS = [
  'CUSTOM',
  'SUM',
  'COUNTA',
  'COUNT',
  'COUNTUNIQUE',
  'AVERAGE',
  'MAX',
  'MIN',
  'MEDIAN',
  'PRODUCT',
  'STDEV',
  'STDEVP',
  'VAR',
  'VARP',
];

export const DISPLAY_TYPES = ['DEFAULT', 'PERCENT_OF_ROW_TOTAL', 'PERCENT_OF_COLUMN_TOTAL', 'PERCENT_OF_GRAND_TOTAL'];

/**
 * Labels Sheets prints in a pivot. VERIFY (selftest pivot.labels-*): the reference does not list
 * them; "Grand Total", "<value> Total" and "SUM of <header>" are what English Sheets shows, the
 * Chinese ones follow Sheets' zh_CN interface ("总计", "<value> 汇总").
 */
export function pivotLabels(locale: string) {
  const zh = /^zh/i.test(locale);
  return {
    grandTotal: zh ? '总计' : 'Grand Total',
    total: (v: string) => (zh ? `${v} 汇总` : `${v} Total`),
    valueOf: (fn: string, header: string) => `${fn} of ${header}`,
    values: zh ? '值' : 'Values',
  };
}

export const cloneCriteria = (c: CriteriaSpec): CriteriaSpec => ({
  type: c.type,
  args: [...c.args],
  visible: c.visible ? [...c.visible] : null,
  hidden: [...c.hidden],
});
