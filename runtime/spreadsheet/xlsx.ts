// xlsx export/import with ExcelJS: values (dates as wall-clock dates of the spreadsheet zone),
// formulas with their cached results, static formats, widths, frozen panes, list dropdowns and
// custom-formula conditional formats, embedded charts as native charts (xlsxCharts.ts). Protections
// and notes' authors are not exported. Pivot tables go out as the values they show, with a note on
// the anchor cell saying so: Excel gets values, not a live pivot table; slicers are not exported.
//
// Row heights: Sheets grows a row to fit its wrapped text (unless a height was set by hand), and a
// file without heights shows one line per row in Excel and LibreOffice; so each row is written with
// the height its wrapped cells need (rowHeights.ts estimates it from the text and column widths).
// Print setup: Sheets keeps print settings out of the file, so a downloaded tracker printed as one
// portrait page per few rows; the export sets landscape, fit to one page wide, and the frozen rows
// (the header) repeated on every page.
// Over ~400 lines: export and import are mirror images over the same mapping; charts are apart
// (xlsxCharts.ts), as is the zip container (zip.ts).
import ExcelJS from 'exceljs';
import { colToLetters, MAX_GRID_COLS, MAX_SPREADSHEET_CELLS, parseA1, rangeA1 } from './a1';
import { FErr, readCell } from './formula';
import { pivotLayout, refreshPivots } from './pivot';
import { utcAsWall, wallAsUtc, toWall } from '../zone';
import { AUTO_FORMAT, defaultDateFormats, Formula, isAutoFormat } from './values';
import { CfRuleSpec, DEFAULT_COL_WIDTH, SheetData, ValidationSpec, Workbook } from './workbook';
import { fittedRowHeight, PX_TO_PT } from './rowHeights';
import { addNativeCharts } from './xlsxCharts';

/** Sheets column pixels ↔ Excel character widths (Excel's default 8.43 chars ≈ 64 px). */
const PX_PER_CHAR = 7.5;

const argb = (hex: string) => 'FF' + hex.slice(1).toUpperCase();
const hexOf = (c: Partial<ExcelJS.Color> | undefined) =>
  c?.argb && /^[0-9A-Fa-f]{8}$/.test(c.argb) ? '#' + c.argb.slice(2).toLowerCase() : undefined;

export async function exportXlsx(wb: Workbook, nowMs: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'it-support-tracker local runtime';
  const tz = wb.timeZone;
  const dflt = defaultDateFormats(wb.locale);
  for (const sheet of wb.sheets) {
    refreshPivots(wb, sheet, nowMs);
    const views: Array<Partial<ExcelJS.WorksheetView>> =
      sheet.frozenRows || sheet.frozenCols
        ? [{ state: 'frozen', ySplit: sheet.frozenRows, xSplit: sheet.frozenCols }]
        : [];
    const ws = book.addWorksheet(sheet.name, {
      views,
      state: sheet.hidden ? 'hidden' : 'visible',
      properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : undefined,
    });
    const lastRow = sheet.lastRow();
    const lastCol = Math.max(sheet.lastCol(), ...Object.keys(sheet.colWidths).map(Number), 1);
    for (let c = 1; c <= lastCol; c++) {
      ws.getColumn(c).width = (sheet.colWidths[c] ?? DEFAULT_COL_WIDTH) / PX_PER_CHAR;
      if (sheet.hiddenCols[c]) ws.getColumn(c).hidden = true;
    }
    // values
    for (let r = 1; r <= lastRow; r++) {
      const row = sheet.rows[r - 1];
      if (!row) continue;
      for (let c = 1; c <= row.length; c++) {
        const v = row[c - 1];
        if (v === undefined) continue;
        const cell = ws.getCell(r, c);
        const fmt = sheet.fmt.numberFormat.get(r, c);
        if (v instanceof Formula) {
          const res = readCell(wb, sheet, r, c, nowMs);
          const result =
            res instanceof FErr
              ? { error: res.code }
              : res instanceof Date
                ? new Date(wallAsUtc(tz, res.getTime()))
                : res;
          cell.value = { formula: v.src.slice(1), result } as ExcelJS.CellFormulaValue;
          if (res instanceof Date && isAutoFormat(fmt)) cell.numFmt = dflt.dateTime;
        } else if (v instanceof Date) {
          cell.value = new Date(wallAsUtc(tz, v.getTime()));
          if (isAutoFormat(fmt)) {
            const w = toWall(tz, v.getTime());
            cell.numFmt = w.h || w.mi || w.s ? dflt.dateTime : dflt.date;
          }
        } else cell.value = v;
      }
    }
    for (const m of sheet.merges) ws.mergeCells(m.row, m.col, m.row + m.numRows - 1, m.col + m.numCols - 1);
    // static formats, as runs → cells (only the content area and formatted header rows)
    const fmtRows = Math.max(lastRow, sheet.frozenRows, 1);
    forEachRun(sheet.fmt.numberFormat, fmtRows, (r, c, v) => {
      if (v !== AUTO_FORMAT) ws.getCell(r, c).numFmt = v;
    });
    forEachRun(sheet.fmt.background, fmtRows, (r, c, v) => {
      ws.getCell(r, c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(v) } };
    });
    const fontAt = (r: number, c: number) => {
      const cell = ws.getCell(r, c);
      cell.font = { ...(cell.font ?? {}) };
      return cell.font as Partial<ExcelJS.Font>;
    };
    forEachRun(sheet.fmt.fontWeight, fmtRows, (r, c, v) => void (fontAt(r, c).bold = v === 'bold'));
    forEachRun(sheet.fmt.fontStyle, fmtRows, (r, c, v) => void (fontAt(r, c).italic = v === 'italic'));
    forEachRun(sheet.fmt.fontColor, fmtRows, (r, c, v) => void (fontAt(r, c).color = { argb: argb(v) }));
    forEachRun(sheet.fmt.fontSize, fmtRows, (r, c, v) => void (fontAt(r, c).size = v));
    const alignAt = (r: number, c: number) => {
      const cell = ws.getCell(r, c);
      cell.alignment = { ...(cell.alignment ?? {}) };
      return cell.alignment as Partial<ExcelJS.Alignment>;
    };
    forEachRun(
      sheet.fmt.hAlign,
      fmtRows,
      (r, c, v) => void (alignAt(r, c).horizontal = v as ExcelJS.Alignment['horizontal']),
    );
    forEachRun(
      sheet.fmt.vAlign,
      fmtRows,
      (r, c, v) => void (alignAt(r, c).vertical = v as ExcelJS.Alignment['vertical']),
    );
    forEachRun(sheet.fmt.wrap, fmtRows, (r, c, v) => void (alignAt(r, c).wrapText = v === 'WRAP'));
    forEachRun(sheet.fmt.note, fmtRows, (r, c, v) => void (ws.getCell(r, c).note = v));
    for (const p of sheet.pivots) {
      const lay = pivotLayout(p);
      if (!lay) continue;
      const src = wb.sheetById(p.source.sheetId);
      const from = src ? `${src.name}!${rangeA1(p.source.rect.row, p.source.rect.col, p.source.rect.numRows, p.source.rect.numCols)}` : '#REF!';
      const cell = ws.getCell(p.anchor.row, p.anchor.col);
      const own = typeof cell.note === 'string' && cell.note ? cell.note + '\n\n' : '';
      cell.note = `${own}Pivot table over ${from}, exported as its values: Excel gets the values, not a live pivot table.`;
    }
    // validation: whole runs become one range each (not one entry per cell)
    sheet.fmt.validation.cols.forEach((runs, c) =>
      runs?.forEach((run) => {
        const dv = toExcelValidation(run.v, wb);
        if (dv) dataValidations(ws).add(rangeA1(run.s, c, run.e - run.s + 1, 1), dv);
      }),
    );
    sheet.cfRules.forEach((rule, i) => {
      const cf = toExcelCf(rule, i + 1); // Excel: priority 1 wins, like Sheets' first rule
      if (cf) ws.addConditionalFormatting(cf);
    });
    for (let r = 1; r <= lastRow; r++) {
      const px = sheet.rowHeights[r] ?? fittedRowHeight(sheet, r);
      if (px !== undefined) ws.getRow(r).height = Math.round(px * PX_TO_PT * 4) / 4;
    }
    ws.pageSetup = {
      orientation: 'landscape',
      paperSize: 9, // A4
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages down as the rows need
      ...(sheet.frozenRows ? { printTitlesRow: `1:${sheet.frozenRows}` } : {}),
    };
  }
  return addNativeCharts(Buffer.from(await book.xlsx.writeBuffer()), wb, nowMs);
}

/** ExcelJS keeps sheet-level validations here (not in its typings). */
function dataValidations(ws: ExcelJS.Worksheet): {
  model: Record<string, ExcelJS.DataValidation | undefined>;
  add(address: string, dv: ExcelJS.DataValidation): void;
} {
  return (ws as unknown as { dataValidations: ReturnType<typeof dataValidations> }).dataValidations;
}

function forEachRun<T>(
  runs: { cols: Array<Array<{ s: number; e: number; v: T }> | undefined> },
  maxRow: number,
  f: (r: number, c: number, v: T) => void,
): void {
  runs.cols.forEach((list, c) =>
    list?.forEach((run) => {
      for (let r = run.s; r <= Math.min(run.e, maxRow); r++) f(r, c, run.v);
    }),
  );
}

function toExcelValidation(spec: ValidationSpec, wb: Workbook): ExcelJS.DataValidation | undefined {
  const common = {
    allowBlank: true,
    showErrorMessage: !spec.allowInvalid,
    errorStyle: spec.allowInvalid ? 'warning' : 'stop',
    error: spec.helpText || undefined,
    showInputMessage: !!spec.helpText,
    prompt: spec.helpText || undefined,
  } as const;
  if (spec.criteria === 'VALUE_IN_LIST') {
    const items = (spec.args[0] as string[]).map(String);
    return { ...common, type: 'list', formulae: [`"${items.map((s) => s.replace(/"/g, '""')).join(',')}"`] };
  }
  if (spec.criteria === 'VALUE_IN_RANGE') {
    const st = spec.args[0] as {
      sheetId: number;
      rect: { row: number; col: number; numRows: number; numCols: number };
    };
    const s = wb.sheetById(st.sheetId);
    if (!s) return undefined;
    const ref = `'${s.name.replace(/'/g, "''")}'!$${colToLetters(st.rect.col)}$${st.rect.row}:$${colToLetters(st.rect.col + st.rect.numCols - 1)}$${st.rect.row + st.rect.numRows - 1}`;
    return { ...common, type: 'list', formulae: [ref] };
  }
  if (spec.criteria === 'CUSTOM_FORMULA')
    return { ...common, type: 'custom', formulae: [String(spec.args[0]).replace(/^=/, '')] };
  return undefined;
}

function toExcelCf(rule: CfRuleSpec, priority: number): ExcelJS.ConditionalFormattingOptions | undefined {
  if (!rule.ranges.length) return undefined;
  const style: Partial<ExcelJS.Style> = {};
  if (rule.format.background)
    style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.format.background) } };
  const font: Partial<ExcelJS.Font> = {};
  if (rule.format.fontColor) font.color = { argb: argb(rule.format.fontColor) };
  if (rule.format.bold) font.bold = true;
  if (rule.format.italic) font.italic = true;
  if (Object.keys(font).length) style.font = font;
  const ref = rule.ranges.map((r) => rangeA1(r.row, r.col, r.numRows, r.numCols)).join(' ');
  const a = rule.args;
  const first = rule.ranges[0];
  const cellRef = `${colToLetters(first.col)}${first.row}`;
  const q = (s: unknown) => `"${String(s).replace(/"/g, '""')}"`;
  let formula: string | undefined;
  switch (rule.criteria) {
    case 'CUSTOM_FORMULA':
      formula = String(a[0]).replace(/^=/, '');
      break;
    case 'CELL_EMPTY':
      formula = `LEN(TRIM(${cellRef}))=0`;
      break;
    case 'CELL_NOT_EMPTY':
      formula = `LEN(TRIM(${cellRef}))>0`;
      break;
    case 'TEXT_CONTAINS':
      formula = `NOT(ISERROR(SEARCH(${q(a[0])},${cellRef})))`;
      break;
    case 'TEXT_EQUAL_TO':
      formula = `${cellRef}=${q(a[0])}`;
      break;
    case 'NUMBER_GREATER_THAN':
      formula = `${cellRef}>${Number(a[0])}`;
      break;
    case 'NUMBER_LESS_THAN':
      formula = `${cellRef}<${Number(a[0])}`;
      break;
    default:
      return undefined;
  }
  return {
    ref,
    rules: [{ type: 'expression', priority, formulae: [formula], style }],
  } as ExcelJS.ConditionalFormattingOptions;
}

// ---------------------------------------------------------------- import

export async function importXlsx(buf: Buffer, opts: { timeZone: string; locale: string }): Promise<Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buf as unknown as ExcelJS.Buffer);
  const wb = new Workbook({
    timeZone: opts.timeZone,
    locale: opts.locale,
    blank: true,
    name: book.title || undefined,
  });
  const tz = opts.timeZone;
  let cells = 0;
  book.worksheets.forEach((ws, i) => {
    const sheet = new SheetData(i === 0 ? 0 : wb.newId(), ws.name);
    wb.sheets.push(sheet);
    sheet.maxRows = Math.max(1000, ws.rowCount);
    sheet.maxCols = Math.max(26, ws.columnCount);
    // Sheets refuses a file past 10 million cells (support.google.com/drive/answer/37603): so does
    // the runtime, before anything is allocated for the grid.
    cells += sheet.maxRows * sheet.maxCols;
    if (sheet.maxCols > MAX_GRID_COLS || cells > MAX_SPREADSHEET_CELLS) {
      throw new Error(`The file has more than ${MAX_SPREADSHEET_CELLS.toLocaleString('en')} cells (sheet "${ws.name}": ${sheet.maxRows} × ${sheet.maxCols}), the limit of a spreadsheet.`);
    }
    sheet.hidden = ws.state !== 'visible';
    const tab = hexOf(ws.properties?.tabColor as Partial<ExcelJS.Color> | undefined);
    if (tab) sheet.tabColor = tab;
    const view = ws.views?.[0] as Partial<ExcelJS.WorksheetViewFrozen> | undefined;
    if (view?.state === 'frozen') {
      sheet.frozenRows = view.ySplit ?? 0;
      sheet.frozenCols = view.xSplit ?? 0;
    }
    for (let c = 1; c <= ws.columnCount; c++) {
      const col = ws.getColumn(c);
      if (col.width) {
        const px = Math.round(col.width * PX_PER_CHAR);
        if (px !== DEFAULT_COL_WIDTH) sheet.colWidths[c] = px;
      }
      if (col.hidden) sheet.hiddenCols[c] = true;
    }
    const f = sheet.fmt;
    // Merged cells stay merged, their value in the top-left cell only (ExcelJS reports the master's
    // value in every cell of the block; Sheets shows the other cells as empty).
    for (const a1 of (ws.model as { merges?: string[] }).merges ?? []) {
      const ref = parseA1(a1);
      if (!ref || ref.endRow === undefined || ref.endCol === undefined) continue;
      const rect = { row: ref.row, col: ref.col, numRows: ref.endRow - ref.row + 1, numCols: ref.endCol - ref.col + 1 };
      if (rect.numRows * rect.numCols > 1) sheet.merges.push(rect);
    }
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const v = cell.isMerged && cell.master.address !== cell.address ? undefined : importValue(cell, tz);
        if (v !== undefined) sheet.rowForWrite(r)[c - 1] = v;
        if (cell.numFmt && cell.numFmt !== 'General') f.numberFormat.fill(r, r, c, c, cell.numFmt);
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        if (fill?.type === 'pattern' && fill.pattern === 'solid') {
          const bg = hexOf(fill.fgColor);
          if (bg && bg !== '#ffffff') f.background.fill(r, r, c, c, bg);
        }
        if (cell.font?.bold) f.fontWeight.fill(r, r, c, c, 'bold');
        if (cell.font?.italic) f.fontStyle.fill(r, r, c, c, 'italic');
        const fc = hexOf(cell.font?.color);
        if (fc && fc !== '#000000') f.fontColor.fill(r, r, c, c, fc);
        if (cell.alignment?.horizontal) f.hAlign.fill(r, r, c, c, cell.alignment.horizontal);
        if (cell.alignment?.wrapText) f.wrap.fill(r, r, c, c, 'WRAP');
        const note = cell.note as string | { texts?: Array<{ text: string }> } | undefined;
        if (note)
          f.note.fill(
            r,
            r,
            c,
            c,
            typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join(''),
          );
      });
    });
    importValidations(ws, sheet, wb);
    importConditionalFormats(ws, sheet);
  });
  // Any zip loads; an .xlsx has at least one worksheet. Never turn "not a workbook" into an empty one.
  if (!wb.sheets.length) throw new Error('not an .xlsx workbook: it has no worksheets');
  wb.activeSheetId = wb.sheets[0].id;
  return wb;
}

function importValue(cell: ExcelJS.Cell, tz: string): string | number | boolean | Date | Formula | undefined {
  const v = cell.value as unknown;
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  if (v instanceof Date) return new Date(utcAsWall(tz, v.getTime()));
  const o = v as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) {
    const src = cell.formula;
    return src ? new Formula('=' + src) : undefined;
  }
  if ('richText' in o) return (o.richText as Array<{ text: string }>).map((t) => t.text).join('');
  if ('hyperlink' in o) return String(o.text ?? o.hyperlink);
  if ('error' in o) return String(o.error);
  return String(v);
}

function importValidations(ws: ExcelJS.Worksheet, sheet: SheetData, wb: Workbook): void {
  const model = dataValidations(ws).model;
  const interned = new Map<unknown, ValidationSpec | undefined>();
  for (const [addr, dv] of Object.entries(model)) {
    if (!dv) continue;
    if (!interned.has(dv)) interned.set(dv, fromExcelValidation(dv, wb));
    const spec = interned.get(dv);
    const ref = parseA1(addr);
    if (!spec || !ref) continue;
    sheet.fmt.validation.fill(ref.row, ref.endRow ?? ref.row, ref.col, ref.endCol ?? ref.col, spec);
  }
}

function fromExcelValidation(dv: ExcelJS.DataValidation, wb: Workbook): ValidationSpec | undefined {
  const base = {
    allowInvalid: !dv.showErrorMessage || dv.errorStyle === 'warning' || dv.errorStyle === 'information',
    helpText: dv.error || dv.prompt || '',
  };
  const f0 = String(dv.formulae?.[0] ?? '');
  if (dv.type === 'list') {
    if (f0.startsWith('"')) {
      const items = f0.slice(1, -1).replace(/""/g, '"').split(',');
      return { ...base, criteria: 'VALUE_IN_LIST', args: [items, true] };
    }
    const ref = parseA1(f0.replace(/\$/g, ''));
    const s = ref && (ref.sheet ? wb.sheetByName(ref.sheet) : undefined);
    if (ref && s) {
      return {
        ...base,
        criteria: 'VALUE_IN_RANGE',
        args: [
          {
            sheetId: s.id,
            rect: {
              row: ref.row,
              col: ref.col,
              numRows: (ref.endRow ?? ref.row) - ref.row + 1,
              numCols: (ref.endCol ?? ref.col) - ref.col + 1,
            },
          },
          true,
        ],
      };
    }
    return undefined;
  }
  if (dv.type === 'custom') return { ...base, criteria: 'CUSTOM_FORMULA', args: ['=' + f0] };
  return undefined;
}

function importConditionalFormats(ws: ExcelJS.Worksheet, sheet: SheetData): void {
  const cfs =
    (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings ?? [];
  const rules: Array<{ spec: CfRuleSpec; priority: number }> = [];
  for (const cf of cfs) {
    const ranges = cf.ref.split(/\s+/).flatMap((a) => {
      const p = parseA1(a);
      return p
        ? [
            {
              row: p.row,
              col: p.col,
              numRows: (p.endRow ?? p.row) - p.row + 1,
              numCols: (p.endCol ?? p.col) - p.col + 1,
            },
          ]
        : [];
    });
    for (const rule of cf.rules) {
      if (rule.type !== 'expression') continue;
      const style = (rule.style ?? {}) as Partial<ExcelJS.Style>;
      const fill = style.fill as ExcelJS.FillPattern | undefined;
      const format: CfRuleSpec['format'] = {};
      const bg = hexOf(fill?.bgColor) ?? hexOf(fill?.fgColor);
      if (bg) format.background = bg;
      const fc = hexOf(style.font?.color);
      if (fc) format.fontColor = fc;
      if (style.font?.bold) format.bold = true;
      if (style.font?.italic) format.italic = true;
      rules.push({
        spec: {
          sheetId: sheet.id,
          ranges,
          criteria: 'CUSTOM_FORMULA',
          args: ['=' + (rule.formulae?.[0] ?? 'FALSE')],
          format,
        },
        priority: rule.priority ?? 0,
      });
    }
  }
  // Excel's priority 1 is Sheets' first rule
  sheet.cfRules = rules.sort((a, b) => a.priority - b.priority).map((r) => r.spec);
}
