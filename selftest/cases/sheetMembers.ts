// Sheet, Spreadsheet and SpreadsheetApp members read one by one against their reference pages
// (issue 16; docs/fidelity.md, "Member by member: Sheet, Spreadsheet, SpreadsheetApp"). Local
// model: runtime/spreadsheet/{sheet,spreadsheet,app}.ts; runtime test:
// test/runtime/spreadsheet/fidelity/{sheet,spreadsheet}.test.ts.
import type { Case } from '../suite';
import { REF, threw } from '../suite';

const S = REF + 'spreadsheet/';

export const SHEET_MEMBER_CASES: Case[] = [
  {
    id: 'sheet.activate-keeps-hidden',
    ref: S + 'sheet#activate',
    expected: [true, true],
    how: 'hideSheet() on the scratch sheet, then activate(): [it is the active sheet, isSheetHidden()] ("Does not alter the sheet itself, only the parent\'s notion of the active sheet")',
    run: ({ scratch, ss }) => {
      const sh = scratch();
      sh.hideSheet();
      sh.activate();
      return [ss.getActiveSheet().getSheetId() === sh.getSheetId(), sh.isSheetHidden()];
    },
  },
  {
    id: 'sheet.clear-formats-rules',
    ref: S + 'sheet#clearformats',
    expected: [1, 0, 'x', 'n'],
    how: "A1 = 'x' with a note 'n' and one conditional format rule on A1:A9; clearFormats(): [rules before, rules after, A1's value, A1's note] (formatting includes \"conditional formatting\", not notes)",
    run: ({ scratch, svc }) => {
      const sh = scratch();
      sh.getRange('A1').setValue('x').setNote('n');
      sh.setConditionalFormatRules([
        svc.SpreadsheetApp.newConditionalFormatRule().whenCellNotEmpty().setBold(true).setRanges([sh.getRange('A1:A9')]).build(),
      ]);
      const before = sh.getConditionalFormatRules().length;
      sh.clearFormats();
      return [before, sh.getConditionalFormatRules().length, sh.getRange('A1').getValue(), sh.getRange('A1').getNote()];
    },
  },
  {
    id: 'sheet.structure-bounds',
    ref: S + 'sheet#insertcolumnsbeforebeforeposition,-howmany',
    expected: ['threw', 'threw', 'threw', 100],
    how: 'on a 1000 × 26 sheet: insertColumnsBefore(1, 0), getColumnWidth(27), getRowHeight(1001), getColumnWidth(26) (a count below 1 and positions outside the grid are not documented: the runtime refuses them, the stricter answer)',
    run: ({ scratch }) => {
      const sh = scratch();
      return [threw(() => sh.insertColumnsBefore(1, 0)), threw(() => sh.getColumnWidth(27)), threw(() => sh.getRowHeight(1001)), sh.getColumnWidth(26)];
    },
  },
  {
    id: 'spreadsheet.named-ranges',
    ref: S + 'spreadsheet#removenamedrangename',
    expected: ['threw', 'threw', 'threw', 'B2'],
    how: "removeNamedRange of a name no range has (\"Throws an exception\"); setNamedRange('A1', …) and setNamedRange('tax.rates', …) (a cell reference and a period: the runtime refuses them, after the Sheets editor's rules, *model*); setNamedRange('selftest_range', B2) then getRangeByName",
    run: ({ scratch, ss }) => {
      const sh = scratch();
      const tryName = (n: string) => {
        const r = threw(() => ss.setNamedRange(n, sh.getRange('B2')));
        if (r === 'returned') ss.removeNamedRange(n);
        return r;
      };
      const out = [threw(() => ss.removeNamedRange('selftest_no_such_range')), tryName('A1'), tryName('tax.rates')];
      ss.setNamedRange('selftest_range', sh.getRange('B2'));
      const a1 = ss.getRangeByName('selftest_range')?.getA1Notation();
      ss.removeNamedRange('selftest_range');
      return [...out, a1];
    },
  },
  {
    id: 'selection.current-cell',
    ref: S + 'spreadsheet-app#setcurrentcellcell',
    expected: ['A1:D4', 'B3', 'F9', 'threw'],
    how: 'activate A1:D4, setCurrentCell(B3): [active range, current cell]; setCurrentCell(F9): active range; setCurrentCell(A1:B2) ("must consist of one cell, otherwise this method throws")',
    run: ({ scratch, svc }) => {
      const app = svc.SpreadsheetApp;
      const sh = scratch();
      sh.getRange('A1:D4').activate();
      app.setCurrentCell(sh.getRange('B3'));
      const inside = [app.getActiveRange().getA1Notation(), app.getCurrentCell().getA1Notation()];
      app.setCurrentCell(sh.getRange('F9'));
      return [...inside, app.getActiveRange().getA1Notation(), threw(() => app.setCurrentCell(sh.getRange('A1:B2')))];
    },
  },
  {
    id: 'spreadsheet.viewers-not-editors',
    ref: S + 'spreadsheet#getviewers',
    expected: [true, 0],
    how: 'on the throw-away spreadsheet, shared with nobody: [the owner is among getEditors(), getViewers().length] ("the list of viewers and commenters"; editors are promoted out of it)',
    run: ({ ss }) => {
      const owner = ss.getOwner()?.getEmail();
      return [ss.getEditors().some((u) => u.getEmail() === owner), ss.getViewers().length];
    },
  },
];
