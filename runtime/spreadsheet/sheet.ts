// Sheet: grid size, structure (insert/delete rows and columns), frozen rows, widths, rules,
// protections and charts of one tab.
//
// Over ~400 lines: one Google class (Sheet); structure edits live in structure.ts.
import { unwrap } from '../instrument';
import { parseA1 } from './a1';
import { exposeSelf, Exposable, GRange, GSheet, normColor, Svc, toInt } from './common';
import { chartObj, chartSpecOf, newChartBuilder } from './chart';
import { ruleObj, ruleSpecOf } from './conditionalFormat';
import { insertSlicer, pivotTablesOf, refreshPivots, slicersOf } from './pivot';
import { guardEdit, guardStructure, newProtection, protectionObj, wholeSheet } from './protection';
import { checkedRange, checkDims, RangeImpl } from './range';
import { rangeListOf } from './rangeList';
import { deleteCols, deleteRows, insertCols, insertRows } from './structure';
import { newTextFinder } from './textFinder';
import { Runs } from './runs';
import { DEFAULT_COL_WIDTH, DEFAULT_ROW_HEIGHT, FORMAT_KEYS, SheetData } from './workbook';

type S = GoogleAppsScript.Spreadsheet.Sheet;

export function checkSheetName(svc: Svc, name: unknown, except?: SheetData): string {
  const n = String(name);
  if (!n.trim()) throw new Error('Invalid argument: name');
  if (n.length > 100) throw new Error('Sheet names must be 100 characters or fewer.');
  const clash = svc.wb.sheets.find((s) => s !== except && s.name.toLowerCase() === n.toLowerCase());
  if (clash) throw new Error(`A sheet with the name "${n}" already exists. Please enter another name.`);
  return n;
}

export class SheetImpl
  implements
    Pick<
      S,
      | 'activate'
      | 'appendRow'
      | 'autoResizeColumn'
      | 'autoResizeColumns'
      | 'clear'
      | 'clearConditionalFormatRules'
      | 'clearContents'
      | 'clearFormats'
      | 'clearNotes'
      | 'createTextFinder'
      | 'deleteColumn'
      | 'deleteColumns'
      | 'deleteRow'
      | 'deleteRows'
      | 'getActiveCell'
      | 'getActiveRange'
      | 'getCharts'
      | 'getColumnWidth'
      | 'getConditionalFormatRules'
      | 'getDataRange'
      | 'getFilter'
      | 'getFrozenColumns'
      | 'getFrozenRows'
      | 'getIndex'
      | 'getLastColumn'
      | 'getLastRow'
      | 'getMaxColumns'
      | 'getMaxRows'
      | 'getName'
      | 'getParent'
      | 'getProtections'
      | 'getRange'
      | 'getRangeList'
      | 'getRowHeight'
      | 'getSelection'
      | 'getSheetId'
      | 'getSheetName'
      | 'getSheetValues'
      | 'getTabColor'
      | 'hideColumns'
      | 'hideRows'
      | 'hideSheet'
      | 'insertChart'
      | 'insertColumnAfter'
      | 'insertColumnBefore'
      | 'insertColumns'
      | 'insertColumnsAfter'
      | 'insertColumnsBefore'
      | 'insertRowAfter'
      | 'insertRowBefore'
      | 'insertRows'
      | 'insertRowsAfter'
      | 'insertRowsBefore'
      | 'isColumnHiddenByUser'
      | 'isRowHiddenByUser'
      | 'isSheetHidden'
      | 'newChart'
      | 'protect'
      | 'removeChart'
      | 'setActiveRange'
      | 'setActiveSelection'
      | 'setColumnWidth'
      | 'setColumnWidths'
      | 'setConditionalFormatRules'
      | 'setFrozenColumns'
      | 'setFrozenRows'
      | 'setName'
      | 'setRowHeight'
      | 'setRowHeights'
      | 'setTabColor'
      | 'showColumns'
      | 'showRows'
      | 'showSheet'
      | 'sort'
      | 'updateChart'
    >,
    Exposable
{
  _self: unknown;
  constructor(
    readonly _svc: Svc,
    readonly _sheet: SheetData,
  ) {}
  private self(): S {
    return this._self as S;
  }
  private get wb() {
    return this._svc.wb;
  }
  private live(): SheetData {
    if (!this.wb.sheets.includes(this._sheet)) throw new Error('Sheet has been deleted.');
    return this._sheet;
  }

  // ------------------------------------------------------------ identity

  getName(): string {
    return this._sheet.name;
  }
  getSheetName(): string {
    return this._sheet.name;
  }
  setName(name: string): S {
    this.live().name = checkSheetName(this._svc, name, this._sheet);
    return this.self();
  }
  getSheetId(): number {
    return this._sheet.id;
  }
  getIndex(): number {
    return this.wb.sheets.indexOf(this._sheet) + 1;
  }
  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this._svc.spreadsheet();
  }
  getTabColor(): string | null {
    return this._sheet.tabColor;
  }
  setTabColor(color: string | null): S {
    this.live().tabColor = normColor(color) ?? null;
    return this.self();
  }
  getType(): GoogleAppsScript.Spreadsheet.SheetType {
    return 'GRID' as unknown as GoogleAppsScript.Spreadsheet.SheetType;
  }

  /** "Does not alter the sheet itself, only the parent's notion of the active sheet" (sheet#activate): a hidden sheet stays hidden. */
  activate(): S {
    this.live();
    this.wb.activeSheetId = this._sheet.id;
    return this.self();
  }
  hideSheet(): S {
    const visible = this.wb.sheets.filter((s) => !s.hidden);
    if (visible.length === 1 && visible[0] === this._sheet)
      throw new Error("You can't hide all the sheets in a document.");
    this.live().hidden = true;
    return this.self();
  }
  showSheet(): S {
    this.live().hidden = false;
    return this.self();
  }
  isSheetHidden(): boolean {
    return this._sheet.hidden;
  }

  // ------------------------------------------------------------ ranges

  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): GRange {
    if (typeof a === 'string' && column === undefined) {
      const ref = parseA1(a);
      if (!ref || (ref.sheet !== undefined && ref.sheet !== this._sheet.name))
        throw new Error('Range not found');
      const endRow = ref.endRow ?? this._sheet.maxRows;
      const endCol = ref.endCol ?? this._sheet.maxCols;
      return checkedRange(
        this._svc,
        this._sheet,
        ref.row,
        ref.col,
        endRow - ref.row + 1,
        endCol - ref.col + 1,
        {
          rows: ref.endRow === undefined,
          cols: ref.endCol === undefined,
          startCol: ref.startColNamed,
        },
      );
    }
    const row = toInt(a);
    if (column === undefined)
      throw new Error(
        "The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
      );
    const col = toInt(column);
    const nr = numRows === undefined ? 1 : toInt(numRows);
    const nc = numColumns === undefined ? 1 : toInt(numColumns);
    return checkedRange(this._svc, this._sheet, row, col, nr, nc);
  }

  /** Several ranges of this sheet in one call (reference/spreadsheet/sheet#getrangelista1notations). */
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    this.live();
    return rangeListOf(this._svc, a1Notations, (a1) => this.getRange(a1));
  }

  /** A pivot's cells count as content: recomputed before the sheet's extent is read. */
  private fresh(): void {
    if (this._sheet.pivots.length) refreshPivots(this.wb, this._sheet, this._svc.ctx.clock.now());
  }

  getDataRange(): GRange {
    this.fresh();
    const nr = Math.max(1, this._sheet.lastRow());
    const nc = Math.max(1, this._sheet.lastCol());
    return checkedRange(this._svc, this._sheet, 1, 1, nr, nc);
  }

  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): any[][] {
    // "A -1 value given as the row or column position is equivalent to getting the very last row
    // or column that has data in the sheet" (sheet#getsheetvaluesstartrow,-startcolumn,-numrows,-numcolumns).
    // The page says it of the positions only: a count of -1 is refused as any count below 1 (the
    // stricter reading; self-test values.sheet-values-minus-one).
    const row = toInt(startRow) === -1 ? this._sheet.lastRow() : startRow;
    const col = toInt(startColumn) === -1 ? this._sheet.lastCol() : startColumn;
    // One call on Google: the range here is internal and not counted again.
    return (unwrap(this.getRange(row, col, numRows, numColumns)) as unknown as RangeImpl).getValues();
  }

  getLastRow(): number {
    this.fresh();
    return this._sheet.lastRow();
  }
  getLastColumn(): number {
    this.fresh();
    return this._sheet.lastCol();
  }
  getMaxRows(): number {
    this.fresh(); // a pivot grows the grid to fit its result
    return this._sheet.maxRows;
  }
  getMaxColumns(): number {
    this.fresh();
    return this._sheet.maxCols;
  }

  getActiveRange(): GRange | null {
    if (this.wb.activeSheetId !== this._sheet.id) return null;
    return this.getRange(this._sheet.activeA1);
  }
  getActiveCell(): GRange {
    // the current cell: the active range's top-left unless Range.activateAsCurrentCell moved it
    const ref = parseA1(this._sheet.currentA1 ?? this._sheet.activeA1)!;
    return checkedRange(this._svc, this._sheet, ref.row, ref.col, 1, 1);
  }
  setActiveRange(range: GRange): GRange {
    return range.activate();
  }
  setActiveSelection(range: GRange | string): GRange {
    return (typeof range === 'string' ? this.getRange(range) : range).activate();
  }
  getSelection(): GoogleAppsScript.Spreadsheet.Selection {
    return this._svc.spreadsheet().getSelection();
  }

  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    return newTextFinder(
      this._svc,
      [
        {
          sheet: this._sheet,
          rect: { row: 1, col: 1, numRows: this._sheet.maxRows, numCols: this._sheet.maxCols },
        },
      ],
      findText,
    );
  }

  getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    return null;
  }

  // ------------------------------------------------------------ contents

  /** Writes after the last row with content; the grid grows by a row when full. */
  appendRow(rowContents: any[]): S {
    if (!Array.isArray(rowContents))
      throw new Error(
        "The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
      );
    if (!rowContents.length) return this.self();
    const s = this.live();
    const row = s.lastRow() + 1;
    // a protected row, or a grid that must grow on a protected sheet, is refused before anything moves
    if (row > s.maxRows) guardStructure(this._svc, s, 'rows', row, 1, 'insert');
    guardEdit(this._svc, s, { row, col: 1, numRows: 1, numCols: rowContents.length });
    if (row > s.maxRows) s.maxRows = row;
    if (rowContents.length > s.maxCols) s.maxCols = rowContents.length;
    const range = checkedRange(this._svc, s, row, 1, 1, rowContents.length);
    checkDims([rowContents], 1, rowContents.length, 'appendRow');
    // appendRow is one call: its cells are counted, the inner setValues call is not
    (unwrap(range) as unknown as RangeImpl).setValues([rowContents]);
    return this.self();
  }

  // Clearing a sheet edits every cell of it: refused where a protection keeps the user out of any
  // (range#protect), as Range.clear is.
  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): S {
    const s = this.live();
    guardEdit(this._svc, s, wholeSheet(s));
    const o = options ?? {};
    if (!o.formatOnly || o.contentsOnly) s.rows = [];
    if (!o.contentsOnly || o.formatOnly) this.clearFormats();
    s.fmt.invalid = new Runs();
    return this.self();
  }
  clearContents(): S {
    guardEdit(this._svc, this.live(), wholeSheet(this._sheet));
    this.live().rows = [];
    this._sheet.fmt.invalid = new Runs();
    return this.self();
  }
  // "Formatting refers to how data is formatted as allowed by choices under the "Format" menu
  // (ex: bold, italics, conditional formatting) and not width or height of cells"
  // (sheet#clearformats): the sheet's conditional format rules go too; notes, dropdowns
  // (the Data menu), widths and heights stay.
  clearFormats(): S {
    const s = this.live();
    guardEdit(this._svc, s, wholeSheet(s));
    const f = s.fmt as unknown as Record<string, Runs<unknown>>;
    for (const k of FORMAT_KEYS) f[k] = new Runs();
    s.cfRules = [];
    return this.self();
  }
  clearNotes(): S {
    guardEdit(this._svc, this.live(), wholeSheet(this._sheet));
    this.live().fmt.note = new Runs();
    return this.self();
  }

  // "Sorts a sheet by column" (sheet#sortcolumnposition): the rows below the frozen ones, by a
  // column of the grid; a position outside the grid is refused even on an empty sheet, and one
  // past the data by the range's sort (not documented: the stricter answer).
  sort(columnPosition: number, ascending = true): S {
    const s = this.live();
    const column = toInt(columnPosition);
    this.checkCols(column, 1);
    const first = s.frozenRows + 1;
    const last = s.lastRow();
    if (last >= first)
      this.getRange(first, 1, last - first + 1, Math.max(1, s.lastCol())).sort({ column, ascending });
    return this.self();
  }

  // ------------------------------------------------------------ structure

  private checkRows(pos: number, n: number, what = 'rows'): void {
    if (pos < 1 || n < 1 || pos + n - 1 > this._sheet.maxRows)
      throw new Error(`Those ${what} are out of bounds.`);
  }
  private checkCols(pos: number, n: number): void {
    if (pos < 1 || n < 1 || pos + n - 1 > this._sheet.maxCols)
      throw new Error('Those columns are out of bounds.');
  }

  insertRowsBefore(beforePosition: number, howMany: number): S {
    const at = toInt(beforePosition);
    const n = toInt(howMany);
    this.checkRows(at, 1);
    if (n < 1) throw new Error('The number of rows to insert must be at least 1.');
    guardStructure(this._svc, this.live(), 'rows', at, n, 'insert');
    insertRows(this.wb, this.live(), at, n);
    return this.self();
  }
  insertRowsAfter(afterPosition: number, howMany: number): S {
    const after = toInt(afterPosition);
    const n = toInt(howMany);
    this.checkRows(after, 1);
    if (n < 1) throw new Error('The number of rows to insert must be at least 1.');
    guardStructure(this._svc, this.live(), 'rows', after + 1, n, 'insert');
    insertRows(this.wb, this.live(), after + 1, n);
    return this.self();
  }
  insertRowBefore(beforePosition: number): S {
    return this.insertRowsBefore(beforePosition, 1);
  }
  insertRowAfter(afterPosition: number): S {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRows(rowIndex: number, numRows = 1): void {
    this.insertRowsBefore(rowIndex, numRows);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    const at = toInt(rowPosition);
    const n = toInt(howMany);
    this.checkRows(at, n);
    const s = this.live();
    if (n >= s.maxRows - s.frozenRows && at > 0 && at <= s.frozenRows + 1)
      throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    guardStructure(this._svc, s, 'rows', at, n, 'delete');
    deleteRows(this.wb, s, at, n);
  }
  deleteRow(rowPosition: number): S {
    this.deleteRows(rowPosition, 1);
    return this.self();
  }

  // A count below 1 inserts nothing on any reading of "The number of columns to insert"
  // (sheet#insertcolumnsbeforebeforeposition,-howmany): refused as insertRowsBefore refuses it
  // (the wording is the runtime's, after the rows one).
  insertColumnsBefore(beforePosition: number, howMany: number): S {
    const at = toInt(beforePosition);
    const n = toInt(howMany);
    this.checkCols(at, 1);
    if (n < 1) throw new Error('The number of columns to insert must be at least 1.');
    guardStructure(this._svc, this.live(), 'cols', at, n, 'insert');
    insertCols(this.wb, this.live(), at, n);
    return this.self();
  }
  insertColumnsAfter(afterPosition: number, howMany: number): S {
    const after = toInt(afterPosition);
    const n = toInt(howMany);
    this.checkCols(after, 1);
    if (n < 1) throw new Error('The number of columns to insert must be at least 1.');
    guardStructure(this._svc, this.live(), 'cols', after + 1, n, 'insert');
    insertCols(this.wb, this.live(), after + 1, n);
    return this.self();
  }
  insertColumnBefore(beforePosition: number): S {
    return this.insertColumnsBefore(beforePosition, 1);
  }
  insertColumnAfter(afterPosition: number): S {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    this.insertColumnsBefore(columnIndex, numColumns);
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    const at = toInt(columnPosition);
    const n = toInt(howMany);
    this.checkCols(at, n);
    const s = this.live();
    if (n >= s.maxCols - s.frozenCols && at <= s.frozenCols + 1)
      throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
    guardStructure(this._svc, s, 'cols', at, n, 'delete');
    deleteCols(this.wb, s, at, n);
  }
  deleteColumn(columnPosition: number): S {
    this.deleteColumns(columnPosition, 1);
    return this.self();
  }

  // ------------------------------------------------------------ layout

  getFrozenRows(): number {
    return this._sheet.frozenRows;
  }
  setFrozenRows(rows: number): void {
    const n = toInt(rows);
    if (n < 0 || n > this._sheet.maxRows) throw new Error('Invalid argument: rows');
    this.live().frozenRows = n;
  }
  getFrozenColumns(): number {
    return this._sheet.frozenCols;
  }
  setFrozenColumns(columns: number): void {
    const n = toInt(columns);
    if (n < 0 || n > this._sheet.maxCols) throw new Error('Invalid argument: columns');
    this.live().frozenCols = n;
  }
  // "The position of the column to examine" (sheet#getcolumnwidthcolumnposition): a position
  // outside the grid names no column; refused as setColumnWidths refuses it (not documented:
  // the stricter answer, self-test sheet.size-of-missing-column).
  getColumnWidth(columnPosition: number): number {
    const c = toInt(columnPosition);
    this.checkCols(c, 1);
    return this._sheet.colWidths[c] ?? DEFAULT_COL_WIDTH;
  }
  setColumnWidth(columnPosition: number, width: number): S {
    return this.setColumnWidths(columnPosition, 1, width);
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): S {
    const c = toInt(startColumn);
    const n = toInt(numColumns);
    this.checkCols(c, n);
    const w = toInt(width);
    // "The width in pixels to set it to" (sheet#setcolumnwidthscolumnposition,-numcolumns,-width):
    // a negative width is none; refused (not documented: the stricter answer, self-test sheet.size-bounds).
    if (w < 0) throw new Error('Invalid argument: width');
    for (let k = c; k < c + n; k++) {
      if (w === DEFAULT_COL_WIDTH) delete this._sheet.colWidths[k];
      else this._sheet.colWidths[k] = w;
    }
    return this.self();
  }
  /** Fits columns to their longest display text (about 7 px a character, CJK double). */
  autoResizeColumns(startColumn: number, numColumns: number): S {
    const c = toInt(startColumn);
    const n = toInt(numColumns);
    this.checkCols(c, n);
    const last = this._sheet.lastRow();
    for (let k = c; k < c + n; k++) {
      let px = 0;
      if (last > 0) {
        const texts = this.getRange(1, k, last, 1).getDisplayValues();
        for (const [t] of texts) {
          const w = [...t].reduce((s, ch) => s + (ch.charCodeAt(0) > 0x2e80 ? 14 : 7), 0) + 10;
          px = Math.max(px, w);
        }
      }
      this._sheet.colWidths[k] = Math.max(px, 20);
    }
    return this.self();
  }
  autoResizeColumn(columnPosition: number): S {
    return this.autoResizeColumns(columnPosition, 1);
  }
  getRowHeight(rowPosition: number): number {
    const r = toInt(rowPosition);
    this.checkRows(r, 1);
    return this._sheet.rowHeights[r] ?? DEFAULT_ROW_HEIGHT;
  }
  setRowHeight(rowPosition: number, height: number): S {
    return this.setRowHeights(rowPosition, 1, height);
  }
  setRowHeights(startRow: number, numRows: number, height: number): S {
    const r = toInt(startRow);
    const n = toInt(numRows);
    this.checkRows(r, n);
    const h = toInt(height);
    // "The height in pixels to set it to": a negative height is refused as a negative width is.
    if (h < 0) throw new Error('Invalid argument: height');
    for (let k = r; k < r + n; k++) this._sheet.rowHeights[k] = h;
    return this.self();
  }
  // Positions are 1-indexed ("Use 1-index for this method", reference/spreadsheet/sheet#hidecolumnscolumnindex,-numcolumns).
  // Outside the grid, or fewer than one, is not documented: refused as setColumnWidths and
  // deleteRows refuse it (the stricter answer; self-test sheet.hide-out-of-bounds).
  hideColumns(columnIndex: number, numColumns = 1): void {
    const [at, n] = [toInt(columnIndex), toInt(numColumns)];
    this.checkCols(at, n);
    for (let k = at; k < at + n; k++) this._sheet.hiddenCols[k] = true;
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    const [at, n] = [toInt(columnIndex), toInt(numColumns)];
    this.checkCols(at, n);
    for (let k = at; k < at + n; k++) delete this._sheet.hiddenCols[k];
  }
  hideRows(rowIndex: number, numRows = 1): void {
    const [at, n] = [toInt(rowIndex), toInt(numRows)];
    this.checkRows(at, n);
    for (let k = at; k < at + n; k++) this._sheet.hiddenRows[k] = true;
  }
  showRows(rowIndex: number, numRows = 1): void {
    const [at, n] = [toInt(rowIndex), toInt(numRows)];
    this.checkRows(at, n);
    for (let k = at; k < at + n; k++) delete this._sheet.hiddenRows[k];
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return !!this._sheet.hiddenCols[toInt(columnPosition)];
  }
  isRowHiddenByUser(rowPosition: number): boolean {
    return !!this._sheet.hiddenRows[toInt(rowPosition)];
  }

  // ------------------------------------------------------------ rules, protections, charts

  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return this._sheet.cfRules.map((r) => ruleObj(r, this._svc));
  }
  /** Replaces ALL rules of the sheet (Google's documented behaviour): merge with getConditionalFormatRules first. */
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    if (!Array.isArray(rules)) throw new Error('Invalid argument: rules');
    this.live().cfRules = rules.map((r) => {
      const spec = ruleSpecOf(r);
      if (spec.sheetId !== -1 && spec.sheetId !== this._sheet.id)
        throw new Error('The conditional format rule ranges must be on the sheet the rules are set on.');
      return {
        ...spec,
        sheetId: this._sheet.id,
        ranges: spec.ranges.map((x) => ({ ...x })),
        format: { ...spec.format },
        args: [...spec.args],
      };
    });
  }
  clearConditionalFormatRules(): void {
    this.live().cfRules = [];
  }

  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    const t = String(type);
    return this.wb.protections
      .filter((p) => p.sheetId === this._sheet.id && p.type === t)
      .map((p) => protectionObj(p, this._svc));
  }
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    return newProtection(this._svc, this.live(), 'SHEET');
  }

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return newChartBuilder(this._svc, this._sheet);
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const spec = chartSpecOf(chart);
    if (spec.id > 0 && this._sheet.charts.some((c) => c.id === spec.id))
      throw new Error('The chart is already in the sheet.');
    const stored = {
      ...spec,
      id: this.wb.newId(),
      ranges: spec.ranges.map((r) => ({ ...r, rect: { ...r.rect } })),
      options: { ...spec.options },
      position: { ...spec.position },
    };
    this.live().charts.push(stored);
    // the chart object the script holds now refers to the inserted chart
    Object.assign(spec, { id: stored.id });
  }
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return this._sheet.charts.map((c) => chartObj(c, this._svc));
  }
  /** "Removes a chart from the parent sheet" (sheet#removechartchart): a chart not on this sheet is refused, as updateChart refuses it (*model*). */
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const id = chartSpecOf(chart).id;
    if (!this.live().charts.some((c) => c.id === id)) throw new Error('The chart is not in the sheet.');
    this._sheet.charts = this._sheet.charts.filter((c) => c.id !== id);
  }
  // ------------------------------------------------------------ pivot tables, slicers (pivot/)

  getPivotTables(): GoogleAppsScript.Spreadsheet.PivotTable[] {
    return pivotTablesOf(this._svc, this.live());
  }
  insertSlicer(
    range: GRange,
    anchorRowPos: number,
    anchorColPos: number,
    offsetX?: number,
    offsetY?: number,
  ): GoogleAppsScript.Spreadsheet.Slicer {
    return insertSlicer(this._svc, this.live(), range, anchorRowPos, anchorColPos, offsetX, offsetY);
  }
  getSlicers(): GoogleAppsScript.Spreadsheet.Slicer[] {
    return slicersOf(this._svc, this.live());
  }

  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const spec = chartSpecOf(chart);
    const i = this._sheet.charts.findIndex((c) => c.id === spec.id);
    if (i < 0) throw new Error('The chart is not in the sheet.');
    this._sheet.charts[i] = {
      ...spec,
      options: { ...spec.options },
      ranges: spec.ranges.map((r) => ({ ...r })),
      position: { ...spec.position },
    };
  }
}

export function sheetObj(svc: Svc, sheet: SheetData): GSheet {
  return exposeSelf(new SheetImpl(svc, sheet), 'Sheet', svc) as unknown as GSheet;
}
