// Sheet structure, dropdowns, colour rules, protections and formats: what setup, intake and
// archiving build on. Local model: runtime/spreadsheet/{sheet,structure,validation,
// conditionalFormat,protection,range}.ts; runtime test: test/runtime/spreadsheet/fidelity/<class>.test.ts.
import type { Case } from '../suite';
import { REF, threw } from '../suite';

const S = REF + 'spreadsheet/';

export const SHEET_CASES: Case[] = [
  {
    id: 'sheet.new-size',
    ref: S + 'spreadsheet#insertsheetsheetname',
    expected: [1000, 26],
    how: 'insertSheet(name); [getMaxRows(), getMaxColumns()] (intake formats the next 1,000 rows on this assumption)',
    run: ({ scratch }) => {
      const sh = scratch();
      return [sh.getMaxRows(), sh.getMaxColumns()];
    },
  },
  {
    id: 'sheet.range-list',
    ref: S + 'sheet#getrangelista1notations',
    expected: [['A1:Z3', 'H8', 'C5:D6'], 'x', 'threw', 'threw'],
    how: "getRangeList(['A1:Z3', 'H8', 'C5:D6']).getRanges(): [A1 notations, H8 after setValue('x') on the second range]; getRangeList([]); getRangeList(['A1', 'A1001']) on a 1000-row sheet (the weekly pivot sheet takes its anchors this way)",
    run: ({ scratch }) => {
      const sh = scratch();
      const ranges = sh.getRangeList(['A1:Z3', 'H8', 'C5:D6']).getRanges();
      ranges[1].setValue('x');
      return [ranges.map((r) => r.getA1Notation()), sh.getRange('H8').getValue(), threw(() => sh.getRangeList([])), threw(() => sh.getRangeList(['A1', 'A1001']))];
    },
  },
  {
    id: 'sheet.last-row-counts-content',
    ref: S + 'sheet#getlastrow',
    expected: [0, 0, 3, 2],
    how: "setBackground on A10 only: [getLastRow(), getLastColumn()]; then setValue on B3: [getLastRow(), getLastColumn()]",
    run: ({ scratch }) => {
      const sh = scratch();
      sh.getRange('A10').setBackground('#ff0000');
      const before = [sh.getLastRow(), sh.getLastColumn()];
      sh.getRange('B3').setValue('x');
      return [...before, sh.getLastRow(), sh.getLastColumn()];
    },
  },
  {
    id: 'sheet.hide-out-of-bounds',
    ref: S + 'sheet#hidecolumnscolumnindex,-numcolumns',
    expected: [true, 'threw', 'threw', 'threw'],
    how: 'hideColumns(1) hides column A ("Use 1-index for this method": isColumnHiddenByUser(1)); then hideColumns(27) and hideColumns(26, 2) on a 26-column sheet, and hideRows(0) (outside the grid: not documented, the runtime refuses, the stricter answer)',
    run: ({ scratch }) => {
      const sh = scratch();
      sh.hideColumns(1);
      return [sh.isColumnHiddenByUser(1), threw(() => sh.hideColumns(27)), threw(() => sh.hideColumns(26, 2)), threw(() => sh.hideRows(0))];
    },
  },
  {
    id: 'sheet.size-bounds',
    ref: S + 'sheet#setcolumnwidthcolumnposition,-width',
    expected: ['threw', 'threw', 'threw', 'returned'],
    how: 'setColumnWidth(1, -5), setRowHeight(1, -1), setFontSize(0) on A1 (widths, heights and point sizes below zero or one are not documented: the runtime refuses them, the stricter answer); setFontSize(14) is accepted',
    run: ({ scratch }) => {
      const sh = scratch();
      return [threw(() => sh.setColumnWidth(1, -5)), threw(() => sh.setRowHeight(1, -1)), threw(() => sh.getRange('A1').setFontSize(0)), threw(() => sh.getRange('A1').setFontSize(14))];
    },
  },
  {
    id: 'validation.empty-list',
    ref: S + 'data-validation-builder#requirevalueinlistvalues',
    expected: 'threw',
    how: 'A1.setDataValidation(newDataValidation().requireValueInList([]).build()): a list with no acceptable value (not documented: the runtime refuses it, the stricter answer; the add-on never builds one)',
    run: ({ scratch, svc }) => threw(() => scratch().getRange('A1').setDataValidation(svc.SpreadsheetApp.newDataValidation().requireValueInList([]).build())),
  },
  {
    id: 'sheet.append-row',
    ref: S + 'sheet#appendrowrowcontents',
    expected: [3, ['x', 2, 12]],
    how: "values in A1:A2, appendRow(['x', '=1+1', '12']); [getLastRow(), getValues() of row 3]",
    run: ({ scratch }) => {
      const sh = scratch();
      sh.getRange('A1:A2').setValues([['a'], ['b']]);
      sh.appendRow(['x', '=1+1', '12']);
      return [sh.getLastRow(), sh.getRange('A3:C3').getValues()[0]];
    },
  },
  {
    id: 'sheet.append-row-past-grid',
    ref: S + 'sheet#appendrowrowcontents',
    expected: [2, 3, 'x', false],
    how: 'a sheet cut to 2 rows with a dropdown on A2, both rows filled: appendRow([x]); [max rows before, after, A3, A3 has a dropdown] (README: to confirm)',
    run: ({ scratch, svc }) => {
      const sh = scratch();
      sh.deleteRows(3, sh.getMaxRows() - 2);
      const before = sh.getMaxRows();
      sh.getRange('A2').setDataValidation(svc.SpreadsheetApp.newDataValidation().requireValueInList(['x', 'y'], true).build());
      sh.getRange('A1:A2').setValues([['h'], ['x']]);
      sh.appendRow(['x']);
      return [before, sh.getMaxRows(), sh.getRange('A3').getValue(), sh.getRange('A3').getDataValidation() !== null];
    },
  },
  {
    id: 'sheet.insert-delete-rows',
    ref: S + 'sheet#insertrowsafterafterposition,-howmany',
    expected: [['a', '', '', 'b', 'c'], ['a', 'c']],
    how: "A1:A3 = a, b, c; insertRowsAfter(1, 2): A1:A5; then deleteRows(2, 3): A1:A2",
    run: ({ scratch }) => {
      const sh = scratch();
      sh.getRange('A1:A3').setValues([['a'], ['b'], ['c']]);
      sh.insertRowsAfter(1, 2);
      const after = sh.getRange('A1:A5').getValues().map((r) => r[0]);
      sh.deleteRows(2, 3);
      return [after, sh.getRange('A1:A2').getValues().map((r) => r[0])];
    },
  },
  {
    id: 'sheet.insert-columns',
    ref: S + 'sheet#insertcolumnsaftercolumnindex,-howmany',
    expected: [28, ['a', '', '', 'b']],
    how: 'A1:B1 = a, b; insertColumnsAfter(1, 2); [getMaxColumns(), A1:D1]',
    run: ({ scratch }) => {
      const sh = scratch();
      sh.getRange('A1:B1').setValues([['a', 'b']]);
      sh.insertColumnsAfter(1, 2);
      return [sh.getMaxColumns(), sh.getRange('A1:D1').getValues()[0]];
    },
  },
  {
    id: 'spreadsheet.unique-sheet-names',
    ref: S + 'spreadsheet#insertsheetsheetname',
    expected: 'threw',
    how: 'insertSheet with the name of an existing sheet',
    run: ({ scratch, ss }) => threw(() => ss.insertSheet(scratch().getName())),
  },
  {
    id: 'spreadsheet.sheet-name-case',
    ref: S + 'spreadsheet#getsheetbynamename',
    expected: [true, 'threw'],
    how: "the scratch sheet's name in another letter case: [getSheetByName(it) is null, insertSheet(it)] (getSheetByName's matching of letter case is not documented: the runtime finds only the exact name, the stricter answer for a script looking its sheets up; names stay unique ignoring case)",
    run: ({ scratch, ss }) => {
      const name = scratch().getName();
      const other = name.toUpperCase() === name ? name.toLowerCase() : name.toUpperCase();
      const found = ss.getSheetByName(other) === null;
      let made: GoogleAppsScript.Spreadsheet.Sheet | null = null;
      const inserted = threw(() => (made = ss.insertSheet(other)));
      if (made) ss.deleteSheet(made);
      return [found, inserted];
    },
  },
  {
    id: 'sheet.frozen-rows-and-widths',
    ref: S + 'sheet#setfrozenrowsrows',
    expected: [1, 150, 90],
    how: 'setFrozenRows(1), setColumnWidths(1, 2, 150), setColumnWidth(3, 90); [getFrozenRows(), getColumnWidth(2), getColumnWidth(3)]',
    run: ({ scratch }) => {
      const sh = scratch();
      sh.setFrozenRows(1);
      sh.setColumnWidths(1, 2, 150);
      sh.setColumnWidth(3, 90);
      return [sh.getFrozenRows(), sh.getColumnWidth(2), sh.getColumnWidth(3)];
    },
  },
  {
    id: 'validation.list',
    ref: S + 'data-validation-builder#requirevalueinlistvalues,-showdropdown',
    expected: ['VALUE_IN_LIST', [['高', '中'], true], true, 'pick one'],
    how: "newDataValidation().requireValueInList(['高','中'], true).setHelpText('pick one').build() set on A1; read back: criteria type, values, getAllowInvalid() (default), getHelpText()",
    run: ({ scratch, svc }) => {
      const r = scratch().getRange('A1');
      r.setDataValidation(svc.SpreadsheetApp.newDataValidation().requireValueInList(['高', '中'], true).setHelpText('pick one').build());
      const dv = r.getDataValidation()!;
      return [String(dv.getCriteriaType()), dv.getCriteriaValues(), dv.getAllowInvalid(), dv.getHelpText()];
    },
  },
  {
    id: 'validation.no-help-text',
    ref: S + 'data-validation#gethelptext',
    expected: null,
    how: "a list rule built without setHelpText; getHelpText() ('or null if no help text is set')",
    run: ({ scratch, svc }) => {
      const r = scratch().getRange('A1');
      r.setDataValidation(svc.SpreadsheetApp.newDataValidation().requireValueInList(['a'], true).build());
      return r.getDataValidation()!.getHelpText();
    },
  },
  {
    id: 'objects.to-string',
    ref: S + 'data-validation-builder',
    expected: ['DataValidationBuilder', 'DataValidation', 'Range', 'Sheet', 'User'],
    how: 'String() of a builder, a built rule, a range, a sheet and Session.getEffectiveUser() (the reference is silent: the runtime\'s model, class names as Logger.log prints them; the add-on never relies on it)',
    run: ({ scratch, svc }) => {
      const sh = scratch();
      const b = svc.SpreadsheetApp.newDataValidation().requireValueInList(['a'], true);
      return [String(b), String(b.build()), String(sh.getRange('A1')), String(sh), String(svc.Session.getEffectiveUser())];
    },
  },
  {
    id: 'validation.script-writes-bypass',
    ref: S + 'data-validation-builder#setallowinvalidallowinvaliddata',
    expected: 'off-list',
    how: "a strict rule (setAllowInvalid(false)) on A1; setValue('off-list'); getValue()",
    run: ({ scratch, svc }) => {
      const r = scratch().getRange('A1');
      r.setDataValidation(svc.SpreadsheetApp.newDataValidation().requireValueInList(['a'], true).setAllowInvalid(false).build());
      r.setValue('off-list');
      return r.getValue();
    },
  },
  {
    id: 'rules.replace-all',
    ref: S + 'sheet#setconditionalformatrulesrules',
    expected: [1, 'CUSTOM_FORMULA', ['=$A1>0'], '#ff0000', ['A1:B10']],
    how: "setConditionalFormatRules([r1, r2]) then ([r3]) with r3 = whenFormulaSatisfied('=$A1>0').setBackground('#FF0000') on A1:B10; read back count, condition type, values, background, ranges",
    run: ({ scratch, svc }) => {
      const sh = scratch();
      const rule = (f: string) =>
        svc.SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(f).setBackground('#FF0000').setRanges([sh.getRange('A1:B10')]).build();
      sh.setConditionalFormatRules([rule('=$A1<0'), rule('=$A1=0')]);
      sh.setConditionalFormatRules([rule('=$A1>0')]);
      const rules = sh.getConditionalFormatRules();
      const c = rules[0].getBooleanCondition()!;
      return [rules.length, String(c.getCriteriaType()), c.getCriteriaValues(), c.getBackground(), rules[0].getRanges().map((r) => r.getA1Notation())];
    },
  },
  {
    id: 'rules.condition-arguments',
    ref: S + 'conditional-format-rule-builder#whennumberbetweenstart,-end',
    expected: ['threw', 'threw', 'threw', 'threw', 'DATE_BEFORE_RELATIVE'],
    how: "newConditionalFormatRule().whenNumberGreaterThan('5') (a String where the signature takes a Number), newFilterCriteria().whenNumberGreaterThan('5'), newConditionalFormatRule().whenDateAfter('soon') (neither a Date nor a RelativeDate), withCriteria(NUMBER_EQUAL_TO, 3) (args not an array); whenDateBefore(RelativeDate.PAST_WEEK).getBooleanCondition().getCriteriaType()",
    run: ({ svc }) => {
      const app = svc.SpreadsheetApp;
      const loose = (b: object, method: string, ...args: unknown[]) => threw(() => (b as Record<string, (...a: unknown[]) => unknown>)[method](...args));
      return [
        loose(app.newConditionalFormatRule(), 'whenNumberGreaterThan', '5'),
        loose(app.newFilterCriteria(), 'whenNumberGreaterThan', '5'),
        loose(app.newConditionalFormatRule(), 'whenDateAfter', 'soon'),
        loose(app.newConditionalFormatRule(), 'withCriteria', app.BooleanCriteria.NUMBER_EQUAL_TO, 3),
        String(app.newConditionalFormatRule().whenDateBefore(app.RelativeDate.PAST_WEEK).getBooleanCondition()!.getCriteriaType()),
      ];
    },
  },
  {
    id: 'protection.warning-only',
    ref: S + 'protection#setwarningonlywarningonly',
    expected: [true, 'selftest', 'A1:B2', 0],
    how: "getRange('A1:B2').protect().setDescription('selftest').setWarningOnly(true); read back from getProtections(RANGE), then remove()",
    run: ({ scratch, svc }) => {
      const sh = scratch();
      sh.getRange('A1:B2').protect().setDescription('selftest').setWarningOnly(true);
      const mine = () => sh.getProtections(svc.SpreadsheetApp.ProtectionType.RANGE).filter((p) => p.getDescription() === 'selftest');
      const p = mine()[0];
      const seen = [p.isWarningOnly(), p.getDescription(), p.getRange().getA1Notation()];
      p.remove();
      return [...seen, mine().length];
    },
  },
  {
    id: 'format.setters-read-back',
    ref: S + 'range#setbackgroundcolor',
    expected: ['#ff0000', 'bold', '#0000ff', 'center', false],
    how: "setBackground('#FF0000'), setFontWeight('bold'), setFontColor('#0000FF'), setHorizontalAlignment('center'), setWrap(false); the getters",
    run: ({ scratch }) => {
      const r = scratch().getRange('A1');
      r.setBackground('#FF0000').setFontWeight('bold').setFontColor('#0000FF').setHorizontalAlignment('center').setWrap(false);
      return [r.getBackground(), r.getFontWeight(), r.getFontColor(), r.getHorizontalAlignment(), r.getWrap()];
    },
  },
  {
    id: 'spreadsheet.flush',
    ref: S + 'spreadsheet-app#flush',
    expected: '(undefined)',
    how: 'SpreadsheetApp.flush() returns nothing (void)',
    run: ({ svc }) => svc.SpreadsheetApp.flush(),
  },
];
