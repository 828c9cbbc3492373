// Builders of rules and protections, read member by member (issue 16): what the criteria values
// read back, which arguments match no signature, what build() needs. Local model:
// runtime/spreadsheet/{validation,conditionalFormat,booleanCondition,protection}.ts; runtime tests:
// test/runtime/spreadsheet/fidelity/{dataValidation,conditionalFormat,protection}.test.ts and
// test/runtime/spreadsheet/booleanCondition.test.ts.
import type { Case } from '../suite';
import { REF, threw } from '../suite';

const S = REF + 'spreadsheet/';

/** Calls a member with arguments its TypeScript signature would not take (what a script may do). */
const loose = (o: object, method: string, ...args: unknown[]) =>
  threw(() => (o as Record<string, (...a: unknown[]) => unknown>)[method](...args));

export const RULE_CASES: Case[] = [
  {
    id: 'validation.criteria-values',
    ref: S + 'data-validation#getcriteriavalues',
    expected: [['NUMBER_BETWEEN', [1, 10]], ['TEXT_CONTAINS', ['Google']], ['CHECKBOX', ['APPROVED', 'PENDING']], ['VALUE_IN_RANGE', 'B1:B10', true], false],
    how: "rules set on A1..A5 and read back with getDataValidation(): requireNumberBetween(1, 10), requireTextContains('Google'), requireCheckbox('APPROVED', 'PENDING'), requireValueInRange(B1:B10) (showDropdown left out), requireValueInRange(B1:B10, false); [type, values]",
    run: ({ scratch, svc }) => {
      const sh = scratch();
      const dv = () => svc.SpreadsheetApp.newDataValidation();
      const list = sh.getRange('B1:B10');
      const rules = [dv().requireNumberBetween(1, 10), dv().requireTextContains('Google'), dv().requireCheckbox('APPROVED', 'PENDING'), dv().requireValueInRange(list), dv().requireValueInRange(list, false)];
      rules.forEach((b, i) => sh.getRange(i + 1, 1).setDataValidation(b.build()));
      const back = (row: number) => sh.getRange(row, 1).getDataValidation()!;
      const read = (row: number) => [String(back(row).getCriteriaType()), back(row).getCriteriaValues()];
      const inRange = back(4).getCriteriaValues();
      return [read(1), read(2), read(3), [String(back(4).getCriteriaType()), (inRange[0] as GoogleAppsScript.Spreadsheet.Range).getA1Notation(), inRange[1]], back(5).getCriteriaValues()[1]];
    },
  },
  {
    id: 'validation.date-time-ignored',
    ref: S + 'data-validation-builder#requiredateafterdate',
    expected: [true, '00:00:00'],
    how: "requireDateAfter(now) set on A1, read back with getDataValidation().getCriteriaValues()[0]: [same day as now in the spreadsheet's zone, its time there] (\"The time fields of the Date object are ignored\"; what is read back is not documented: the runtime keeps midnight of that day)",
    run: ({ scratch, svc, ss }) => {
      const r = scratch().getRange('A1');
      const now = new Date();
      r.setDataValidation(svc.SpreadsheetApp.newDataValidation().requireDateAfter(now).build());
      const back = r.getDataValidation()!.getCriteriaValues()[0] as Date;
      const tz = ss.getSpreadsheetTimeZone();
      const fmt = (d: Date, p: string) => svc.Utilities.formatDate(d, tz, p);
      return [fmt(back, 'yyyy-MM-dd') === fmt(now, 'yyyy-MM-dd'), fmt(back, 'HH:mm:ss')];
    },
  },
  {
    id: 'validation.argument-types',
    ref: S + 'data-validation-builder#withcriteriacriteria,-args',
    expected: [null, 'threw', 'threw', 'threw', 'threw', 'threw', 'threw', 'threw', 'threw'],
    how: "newDataValidation().getCriteriaType() before any require…() (not documented: null in the runtime); then requireNumberBetween('1', 10) (a String for a Number), requireDateAfter('2024-01-01'), requireValueInRange(A1:A3, 'no'), withCriteria(NUMBER_BETWEEN, [1]) (one argument where the method takes two), withCriteria(TEXT_IS_VALID_EMAIL, ['x']), build() with no criteria, setAllowInvalid('false') and setHelpText() (a String for a Boolean; no argument)",
    run: ({ scratch, svc }) => {
      const app = svc.SpreadsheetApp;
      const dv = () => app.newDataValidation();
      const C = app.DataValidationCriteria;
      return [
        dv().getCriteriaType(),
        loose(dv(), 'requireNumberBetween', '1', 10),
        loose(dv(), 'requireDateAfter', '2024-01-01'),
        loose(dv(), 'requireValueInRange', scratch().getRange('A1:A3'), 'no'),
        loose(dv(), 'withCriteria', C.NUMBER_BETWEEN, [1]),
        loose(dv(), 'withCriteria', C.TEXT_IS_VALID_EMAIL, ['x']),
        threw(() => dv().setHelpText('no criteria').build()),
        loose(dv(), 'setAllowInvalid', 'false'),
        loose(dv(), 'setHelpText'),
      ];
    },
  },
  {
    id: 'rules.builder-checks',
    ref: S + 'conditional-format-rule-builder#setrangesranges',
    expected: [null, null, 'threw', 'threw', 'threw', 'threw', [true, null, false]],
    how: "newConditionalFormatRule(): getBooleanCondition() before a condition (\"Otherwise returns null\"); getGradientCondition() of a built whenCellEmpty() rule; build() with no range (\"A rule must have at least one range\": the runtime refuses it at build()); build() with no condition; setBold('yes'); withCriteria(NUMBER_BETWEEN, [1]); then setBold(true), setItalic(true) then setItalic(null), setUnderline(false): [getBold(), getItalic(), getUnderline()]",
    run: ({ scratch, svc }) => {
      const app = svc.SpreadsheetApp;
      const r = scratch().getRange('A1:B3');
      const cf = () => app.newConditionalFormatRule();
      const c = cf().whenCellEmpty().setRanges([r]).setBold(true).setItalic(true).setItalic(null as unknown as boolean).setUnderline(false).build().getBooleanCondition()!;
      return [
        cf().getBooleanCondition(),
        cf().whenCellEmpty().setRanges([r]).build().getGradientCondition(),
        threw(() => cf().whenCellEmpty().setBackground('#ff0000').build()),
        threw(() => cf().setBackground('#ff0000').setRanges([r]).build()),
        loose(cf(), 'setBold', 'yes'),
        loose(cf(), 'withCriteria', app.BooleanCriteria.NUMBER_BETWEEN, [1]),
        [c.getBold(), c.getItalic(), c.getUnderline()],
      ];
    },
  },
  {
    id: 'protection.argument-types',
    ref: S + 'protection#setwarningonlywarningonly',
    expected: [false, '', 'threw', 'threw', 'threw'],
    how: "getRange('A1:B2').protect(): [isWarningOnly() (\"By default, protected ranges or sheets are not warning-based\"), getDescription()]; then setWarningOnly('yes'), setWarningOnly() and setDescription() (arguments that match no signature); remove()",
    run: ({ scratch }) => {
      const p = scratch().getRange('A1:B2').protect();
      const seen = [p.isWarningOnly(), p.getDescription(), loose(p, 'setWarningOnly', 'yes'), loose(p, 'setWarningOnly'), loose(p, 'setDescription')];
      p.remove();
      return seen;
    },
  },
];
