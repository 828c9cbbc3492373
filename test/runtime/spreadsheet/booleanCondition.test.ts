// runtime/spreadsheet/booleanCondition.ts: the `when…` vocabulary ConditionalFormatRuleBuilder and
// FilterCriteriaBuilder share (developers.google.com/apps-script/reference/spreadsheet/
// conditional-format-rule-builder, …/filter-criteria-builder), and the comparisons both evaluate.
import {
  BOOLEAN_CRITERIA,
  COMPARED_CRITERIA,
  comparison,
} from '../../../runtime/spreadsheet/booleanCondition';
import { env } from './helpers';

type Cf = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type Fc = GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder;

/** Each `when…` method, its arguments, and the criteria and values Google's reference says it sets. */
function whenMethods(day: Date): Array<[string, unknown[], string, unknown[]]> {
  return [
    ['whenCellEmpty', [], 'CELL_EMPTY', []],
    ['whenCellNotEmpty', [], 'CELL_NOT_EMPTY', []],
    ['whenDateAfter', [day], 'DATE_AFTER', [day]],
    ['whenDateBefore', [day], 'DATE_BEFORE', [day]],
    ['whenDateEqualTo', [day], 'DATE_EQUAL_TO', [day]],
    ['whenNumberBetween', [5, 1], 'NUMBER_BETWEEN', [5, 1]],
    ['whenNumberEqualTo', [3], 'NUMBER_EQUAL_TO', [3]],
    ['whenNumberGreaterThan', [3], 'NUMBER_GREATER_THAN', [3]],
    ['whenNumberGreaterThanOrEqualTo', [3], 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [3]],
    ['whenNumberLessThan', [3], 'NUMBER_LESS_THAN', [3]],
    ['whenNumberLessThanOrEqualTo', [3], 'NUMBER_LESS_THAN_OR_EQUAL_TO', [3]],
    ['whenNumberNotBetween', [1, 5], 'NUMBER_NOT_BETWEEN', [1, 5]],
    ['whenNumberNotEqualTo', [3], 'NUMBER_NOT_EQUAL_TO', [3]],
    ['whenTextContains', ['ab'], 'TEXT_CONTAINS', ['ab']],
    ['whenTextDoesNotContain', ['ab'], 'TEXT_DOES_NOT_CONTAIN', ['ab']],
    ['whenTextEndsWith', ['ab'], 'TEXT_ENDS_WITH', ['ab']],
    ['whenTextEqualTo', ['ab'], 'TEXT_EQUAL_TO', ['ab']],
    ['whenTextStartsWith', ['ab'], 'TEXT_STARTS_WITH', ['ab']],
  ];
}

const call = (b: object, method: string, args: unknown[]) =>
  (b as Record<string, (...a: unknown[]) => unknown>)[method](...args);

describe('the when… methods, one vocabulary for both builders', () => {
  it('each sets the same criteria and values on a conditional-format rule and on filter criteria', () => {
    const { app, BundleDate } = env();
    for (const [method, args, criteria, values] of whenMethods(new BundleDate(Date.UTC(2024, 4, 1)))) {
      const cf = call(app.newConditionalFormatRule(), method, args) as Cf;
      const cond = cf.getBooleanCondition()!;
      const fc = (call(app.newFilterCriteria(), method, args) as Fc).build();
      expect([method, String(cond.getCriteriaType()), cond.getCriteriaValues()]).toEqual([
        method,
        criteria,
        values,
      ]);
      expect([method, String(fc.getCriteriaType()), fc.getCriteriaValues()]).toEqual([
        method,
        criteria,
        values,
      ]);
    }
  });

  it('a Date given is copied: changing it afterwards changes no condition', () => {
    const { app, BundleDate } = env();
    const d = new BundleDate(Date.UTC(2024, 4, 1));
    const cf = app.newConditionalFormatRule().whenDateAfter(d);
    const fc = app.newFilterCriteria().whenDateAfter(d);
    d.setTime(0);
    expect(cf.getBooleanCondition()!.getCriteriaValues()[0].getTime()).toBe(Date.UTC(2024, 4, 1));
    expect(fc.build().getCriteriaValues()[0].getTime()).toBe(Date.UTC(2024, 4, 1));
  });

  it('arguments of the wrong type are refused by both, as Google refuses a call that matches no signature', () => {
    const { app } = env();
    const builders = [() => app.newConditionalFormatRule(), () => app.newFilterCriteria()] as Array<
      () => object
    >;
    for (const b of builders) {
      expect(() => call(b(), 'whenNumberGreaterThan', ['5'])).toThrow(/Invalid argument/);
      expect(() => call(b(), 'whenNumberBetween', [1, Number.NaN])).toThrow(/Invalid argument/);
      expect(() => call(b(), 'whenDateAfter', ['soon'])).toThrow(/Invalid argument/);
      expect(() => call(b(), 'withCriteria', ['NO_SUCH_CRITERIA', []])).toThrow(/Invalid argument: criteria/);
      expect(() => call(b(), 'withCriteria', [app.BooleanCriteria.NUMBER_EQUAL_TO, 3])).toThrow(
        /Invalid argument: args/,
      );
    }
  });

  it('withCriteria takes as many arguments, of the types, as the matching when…() method ("the number of arguments and their type match"); each condition round-trips', () => {
    const { app, BundleDate } = env();
    const C = app.BooleanCriteria;
    const builders = [() => app.newConditionalFormatRule(), () => app.newFilterCriteria()] as Array<() => object>;
    const outcome = (f: () => unknown) => {
      try {
        f();
        return 'returned';
      } catch {
        return 'threw';
      }
    };
    for (const b of builders) {
      for (const [criteria, args] of [
        [C.NUMBER_BETWEEN, [1]],
        [C.NUMBER_BETWEEN, [1, '5']],
        [C.NUMBER_EQUAL_TO, []],
        [C.CELL_EMPTY, ['x']],
        [C.TEXT_CONTAINS, [5]],
        [C.TEXT_CONTAINS, ['a', 'b']],
        [C.DATE_AFTER, ['2024-05-01']],
        [C.DATE_AFTER, [app.RelativeDate.TODAY]],
        [C.CUSTOM_FORMULA, []],
      ] as Array<[unknown, unknown[]]>) {
        expect([String(criteria), args, outcome(() => call(b(), 'withCriteria', [criteria, args]))]).toEqual([String(criteria), args, 'threw']);
      }
      for (const [method, args] of [
        ['whenTextContains', [5]],
        ['whenTextEqualTo', []],
        ['whenTextStartsWith', [null]],
        ['whenTextEndsWith', [undefined]],
        ['whenTextDoesNotContain', [true]],
      ] as Array<[string, unknown[]]>) {
        expect([method, outcome(() => call(b(), method, args))]).toEqual([method, 'threw']);
      }
    }
    expect(outcome(() => app.newConditionalFormatRule().whenFormulaSatisfied(3 as unknown as string))).toBe('threw');
    for (const [method, args] of whenMethods(new BundleDate(Date.UTC(2024, 4, 1)))) {
      const cond = (call(app.newConditionalFormatRule(), method, args) as Cf).getBooleanCondition()!;
      const again = app.newConditionalFormatRule().withCriteria(cond.getCriteriaType(), cond.getCriteriaValues()).getBooleanCondition()!;
      expect([method, String(again.getCriteriaType()), again.getCriteriaValues()]).toEqual([method, String(cond.getCriteriaType()), cond.getCriteriaValues()]);
      const fc = (call(app.newFilterCriteria(), method, args) as Fc).build();
      const fcAgain = app.newFilterCriteria().withCriteria(fc.getCriteriaType()!, fc.getCriteriaValues()).build();
      expect([method, String(fcAgain.getCriteriaType()), fcAgain.getCriteriaValues()]).toEqual([method, String(fc.getCriteriaType()), fc.getCriteriaValues()]);
    }
    const rel = app.newConditionalFormatRule().withCriteria(C.DATE_EQUAL_TO_RELATIVE, [app.RelativeDate.TOMORROW]).getBooleanCondition()!;
    expect([String(rel.getCriteriaType()), rel.getCriteriaValues()]).toEqual(['DATE_EQUAL_TO_RELATIVE', ['TOMORROW']]);
  });

  it('a RelativeDate makes the _RELATIVE criteria; a conditional format evaluates it, a filter says it is not provided', () => {
    const { app } = env();
    const cond = app
      .newConditionalFormatRule()
      .whenDateBefore(app.RelativeDate.PAST_WEEK)
      .getBooleanCondition()!;
    expect([String(cond.getCriteriaType()), cond.getCriteriaValues()]).toEqual([
      'DATE_BEFORE_RELATIVE',
      ['PAST_WEEK'],
    ]);
    expect(() => app.newFilterCriteria().whenDateBefore(app.RelativeDate.PAST_WEEK)).toThrow(/not provided/);
    expect(() => app.newFilterCriteria().whenFormulaSatisfied('=A1>0')).toThrow(/not provided/);
    expect(
      String(
        app.newConditionalFormatRule().whenFormulaSatisfied('=A1>0').getBooleanCondition()!.getCriteriaType(),
      ),
    ).toBe('CUSTOM_FORMULA');
  });

  it('withCriteria takes any BooleanCriteria with its values, those @types lacks too (TEXT_NOT_EQUAL_TO, DATE_NOT_EQUAL_TO)', () => {
    const { app } = env();
    const TEXT_NOT_EQUAL_TO = 'TEXT_NOT_EQUAL_TO' as unknown as GoogleAppsScript.Spreadsheet.BooleanCriteria;
    const cond = app.newConditionalFormatRule().withCriteria(TEXT_NOT_EQUAL_TO, ['x']).getBooleanCondition()!;
    expect([String(cond.getCriteriaType()), cond.getCriteriaValues()]).toEqual(['TEXT_NOT_EQUAL_TO', ['x']]);
    const fc = app.newFilterCriteria().withCriteria(app.BooleanCriteria.NUMBER_BETWEEN, [1, 5]).build();
    expect([String(fc.getCriteriaType()), fc.getCriteriaValues()]).toEqual(['NUMBER_BETWEEN', [1, 5]]);
    // A filter refuses it: "only with data connected to a database" (filter-criteria-builder#whentextnotequaltotext).
    expect(() => app.newFilterCriteria().withCriteria(TEXT_NOT_EQUAL_TO, ['x'])).toThrow(/connected to a database/);
    expect(String((app.BooleanCriteria as unknown as Record<string, string>).DATE_NOT_EQUAL_TO)).toBe(
      'DATE_NOT_EQUAL_TO',
    );
  });
});

describe('comparisons', () => {
  /** A cell as (value, shown text): a number, a day serial, or text. */
  const reader = {
    text: (_v: unknown, shown: string) => shown.toLowerCase(),
    number: (v: unknown) => (typeof v === 'number' ? v : undefined),
    day: (v: unknown) => (typeof v === 'number' ? Math.floor(v) : null),
  };
  const test = (criteria: string, args: unknown[]) =>
    comparison(criteria, args, reader, (a) => (typeof a === 'number' ? a : null))!;

  it('every BooleanCriteria but a custom formula is a comparison', () => {
    expect(BOOLEAN_CRITERIA.filter((c) => !COMPARED_CRITERIA.includes(c))).toEqual(['CUSTOM_FORMULA']);
    expect(comparison('CUSTOM_FORMULA', ['=A1'], reader, () => null)).toBeNull();
  });

  it.each([
    ['TEXT_CONTAINS', ['PEN'], [[0, 'a pen'], true], [[0, 'paper'], false]],
    ['TEXT_DOES_NOT_CONTAIN', ['pen'], [[0, 'paper'], true], [[0, 'Pen'], false]],
    ['TEXT_EQUAL_TO', ['Pen'], [[0, 'pen'], true], [[0, 'pens'], false]],
    ['TEXT_NOT_EQUAL_TO', ['Pen'], [[0, 'pens'], true], [[0, 'PEN'], false]],
    ['TEXT_STARTS_WITH', ['pe'], [[0, 'Pen'], true], [[0, 'open'], false]],
    ['TEXT_ENDS_WITH', ['EN'], [[0, 'open'], true], [[0, 'pens'], false]],
    ['CELL_EMPTY', [], [[null, ''], true], [[0, '0'], false]],
    ['CELL_NOT_EMPTY', [], [[0, '0'], true], [[null, ''], false]],
    ['NUMBER_BETWEEN', [5, 1], [[1, '1'], true], [[6, '6'], false]],
    ['NUMBER_NOT_BETWEEN', [1, 5], [[6, '6'], true], [[5, '5'], false]],
    ['NUMBER_EQUAL_TO', [3], [[3, '3'], true], [['3', '3'], false]],
    ['NUMBER_NOT_EQUAL_TO', [3], [[4, '4'], true], [[3, '3'], false]],
    ['NUMBER_GREATER_THAN', [3], [[4, '4'], true], [[3, '3'], false]],
    ['NUMBER_GREATER_THAN_OR_EQUAL_TO', [3], [[3, '3'], true], [[2, '2'], false]],
    ['NUMBER_LESS_THAN', [3], [[2, '2'], true], [[3, '3'], false]],
    ['NUMBER_LESS_THAN_OR_EQUAL_TO', [3], [[3, '3'], true], [[4, '4'], false]],
    ['DATE_AFTER', [45000], [[45001.5, ''], true], [[45000.9, ''], false]],
    ['DATE_BEFORE', [45000], [[44999, ''], true], [[45000.2, ''], false]],
    ['DATE_EQUAL_TO', [45000], [[45000.7, ''], true], [['x', 'x'], false]],
    ['DATE_NOT_EQUAL_TO', [45000], [[45001, ''], true], [[45000.7, ''], false]],
    ['DATE_EQUAL_TO_RELATIVE', [45000], [[45000, ''], true], [[45001, ''], false]],
  ] as Array<[string, unknown[], [[unknown, string], boolean], [[unknown, string], boolean]]>)(
    '%s %p',
    (criteria, args, yes, no) => {
      const t = test(criteria, args);
      expect(t(...yes[0])).toBe(yes[1]);
      expect(t(...no[0])).toBe(no[1]);
    },
  );
});
