// The height Sheets gives a row whose cells wrap their text: it grows to the tallest wrapped cell
// (Sheets' default row is 21 px for one line of 10 pt text; each further line adds about 16 px).
// Used by the xlsx export, whose rows would otherwise show one line each. An estimate from the
// text and the column widths: CJK and other wide characters take a full em, Latin text about half.
// Lines of CJK text are taller: LibreOffice (Noto Sans CJK) spaces them about 1.75 em apart, as
// measured on the demo's work logs, against 1.2 em for Latin text; at Latin line height a CJK work
// log overflowed its row by a line or two (the overflow is drawn over the row above). Excel's
// Microsoft YaHei is tighter: such rows show a little spare space there rather than lost lines.
import { DEFAULT_COL_WIDTH, DEFAULT_ROW_HEIGHT, SheetData } from './workbook';

export const PX_TO_PT = 0.75;
/** Excel's largest row height, 409 pt. */
const MAX_ROW_PX = Math.floor(409 / PX_TO_PT);
/** Left and right cell padding in Sheets, px. */
const PADDING_PX = 6;
const DEFAULT_FONT_PT = 10;

/** Wide (full-em) characters: CJK, kana, hangul, full-width forms, emoji. */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp >= 0x1f300
  );
}

/** How many lines `text` takes in a column `widthPx` wide at `fontPt`, wrapping at the width. */
export function wrappedLines(text: string, widthPx: number, fontPt = DEFAULT_FONT_PT): number {
  const em = (fontPt * 4) / 3; // px
  // A little short of the column: renderers with wider Latin glyphs (LibreOffice's CJK fonts) break sooner.
  const usable = Math.max((widthPx - PADDING_PX) * 0.95, em);
  let lines = 0;
  for (const para of text.split(/\r\n|\n|\r/)) {
    let w = 0;
    for (const ch of para) w += isWide(ch.codePointAt(0) as number) ? em : em * 0.6;
    lines += Math.max(1, Math.ceil(w / usable));
  }
  return lines;
}

/** Whether `text` holds a wide (CJK…) character, whose lines are spaced wider. */
export function hasWide(text: string): boolean {
  for (const ch of text) if (isWide(ch.codePointAt(0) as number)) return true;
  return false;
}

/** Height in px for `lines` lines of text at `fontPt` (`wide`: CJK text, whose lines are taller). */
export function heightForLines(lines: number, fontPt = DEFAULT_FONT_PT, wide = false): number {
  const line = Math.round(((fontPt * 4) / 3) * (wide ? 1.75 : 1.2));
  return Math.min(MAX_ROW_PX, Math.max(DEFAULT_ROW_HEIGHT, DEFAULT_ROW_HEIGHT + (lines - 1) * line));
}

/** The row's height when a wrapped cell needs more than one line; undefined for a one-line row. */
export function fittedRowHeight(sheet: SheetData, row: number): number | undefined {
  const values = sheet.rows[row - 1];
  if (!values) return undefined;
  let height: number | undefined;
  for (let c = 1; c <= values.length; c++) {
    const v = values[c - 1];
    if (typeof v !== 'string' || v === '' || sheet.fmt.wrap.get(row, c) !== 'WRAP') continue;
    const pt = (sheet.fmt.fontSize.get(row, c) as number | undefined) ?? DEFAULT_FONT_PT;
    const n = wrappedLines(v, sheet.colWidths[c] ?? DEFAULT_COL_WIDTH, pt);
    if (n > 1) height = Math.max(height ?? 0, heightForLines(n, pt, hasWide(v)));
  }
  return height;
}
