// A1 notation: column letters, cell and range references, quoted sheet names.
// Coordinates are 1-based (as in Apps Script); open-ended parts ("A:A", "2:5", "A2:A") are
// flagged so the caller can resolve them against the sheet's grid.

export interface A1Ref {
  sheet?: string;
  row: number; // 1-based; 1 when the rows are unbounded ("A:A")
  col: number;
  /** Last row/col; undefined when open-ended (to the end of the grid). */
  endRow?: number;
  endCol?: number;
  /** "A1:5": a cell, then a row only; the start column is named though the end column is open. */
  startColNamed?: boolean;
}

export function colToLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellA1(row: number, col: number): string {
  return colToLetters(col) + row;
}

/** "B3" for one cell, "A1:B2" otherwise (what Range.getA1Notation returns for a bounded range). */
export function rangeA1(row: number, col: number, numRows: number, numCols: number): string {
  if (numRows === 1 && numCols === 1) return cellA1(row, col);
  return `${cellA1(row, col)}:${cellA1(row + numRows - 1, col + numCols - 1)}`;
}

/** Sheet names that are not plain identifiers are quoted, with quotes doubled. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** Splits "Sheet!A1:B2" / "'My sheet'!A1" into the sheet name and the range part. */
export function splitSheet(a1: string): { sheet?: string; ref: string } {
  const s = a1.trim();
  if (s.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < s.length) {
      if (s[i] === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += s[i++];
    }
    if (s[i + 1] !== '!') return { ref: s };
    return { sheet: name, ref: s.slice(i + 2) };
  }
  const bang = s.lastIndexOf('!');
  if (bang < 0) return { ref: s };
  return { sheet: s.slice(0, bang), ref: s.slice(bang + 1) };
}

const PART = /^\$?([A-Za-z]{0,3})\$?([0-9]*)$/;

/**
 * The largest grid any sheet can have: 18,278 columns (ZZZ) and, with Sheets' 10 million cells per
 * spreadsheet (support.google.com/drive/answer/37603; docs/platform.md "Limits"), 10 million rows. A
 * reference past either names no cell of any sheet: it is refused here, before anything sized by it
 * is allocated (a hostile `A1:ZZZ9999999` would otherwise ask for 180 billion cells).
 */
export const MAX_SPREADSHEET_CELLS = 10_000_000;
export const MAX_GRID_ROWS = MAX_SPREADSHEET_CELLS;
export const MAX_GRID_COLS = 18_278;

/** Parses A1 notation; returns null when it is not a valid reference ("Range not found"). */
export function parseA1(a1: string): A1Ref | null {
  const { sheet, ref } = splitSheet(a1);
  const [a, b, extra] = ref.split(':');
  if (extra !== undefined || !a) return null;
  const pa = PART.exec(a);
  const pb = b === undefined ? pa : PART.exec(b);
  if (!pa || !pb) return null;
  const c1 = pa[1] ? lettersToCol(pa[1]) : undefined;
  const r1 = pa[2] ? Number(pa[2]) : undefined;
  const c2 = pb[1] ? lettersToCol(pb[1]) : undefined;
  const r2 = pb[2] ? Number(pb[2]) : undefined;
  if (c1 === undefined && r1 === undefined) return null;
  if (r1 === 0 || r2 === 0) return null;
  if ((r1 ?? 1) > MAX_GRID_ROWS || (r2 ?? 1) > MAX_GRID_ROWS || (c1 ?? 1) > MAX_GRID_COLS || (c2 ?? 1) > MAX_GRID_COLS) return null;
  if (b === undefined) {
    // a single cell needs both parts
    if (c1 === undefined || r1 === undefined) return null;
    return { sheet, row: r1, col: c1, endRow: r1, endCol: c1 };
  }
  // range#isendcolumnbounded names "A1:5" (bound "only to particular rows at the end of the
  // range"): a cell, then a row only, runs to the last column. The mirror form ("5:A1") is not
  // documented and stays refused.
  if (c1 !== undefined && r1 !== undefined && c2 === undefined && r2 !== undefined)
    return { sheet, row: Math.min(r1, r2), col: c1, endRow: Math.max(r1, r2), endCol: undefined, startColNamed: true };
  // Whole columns "A:C", whole rows "2:5", or half-open "A2:C".
  if ((c1 === undefined) !== (c2 === undefined)) return null;
  const row = Math.min(r1 ?? 1, r2 ?? r1 ?? 1);
  const col = Math.min(c1 ?? 1, c2 ?? c1 ?? 1);
  const endRow = r1 === undefined || r2 === undefined ? undefined : Math.max(r1, r2);
  const endCol = c1 === undefined || c2 === undefined ? undefined : Math.max(c1, c2);
  return { sheet, row, col, endRow, endCol };
}
