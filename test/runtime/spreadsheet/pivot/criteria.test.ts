// FilterCriteria and FilterCriteriaBuilder (developers.google.com/apps-script/reference/spreadsheet/
// filter-criteria, filter-criteria-builder): what pivot filters and slicers are given.
import { env } from '../helpers';

const REF = 'developers.google.com/apps-script/reference/spreadsheet/';

describe(`FilterCriteria [${REF}filter-criteria-builder]`, () => {
  test('visible and hidden values clear each other; a condition sits beside them; copy() is independent', () => {
    const { app } = env();
    const b = app.newFilterCriteria().setHiddenValues(['a']).setVisibleValues(['x', 'y']);
    expect(b.getHiddenValues()).toEqual([]);
    expect(b.getVisibleValues()).toEqual(['x', 'y']);
    b.whenTextContains('z');
    const c = b.build();
    expect(String(c.getCriteriaType())).toBe('TEXT_CONTAINS');
    expect(c.getCriteriaValues()).toEqual(['z']);
    expect(c.getVisibleValues()).toEqual(['x', 'y']);
    const copy = c.copy().setHiddenValues(['q']).build();
    expect(copy.getHiddenValues()).toEqual(['q']);
    expect(c.getHiddenValues()).toEqual([]);
    expect(app.newFilterCriteria().build().getCriteriaType()).toBeNull();
  });

  test('Dates come back as Dates of the script; formula and relative-date criteria are not provided', () => {
    const { app, BundleDate } = env();
    const d = new BundleDate(Date.UTC(2024, 4, 1));
    const c = app.newFilterCriteria().whenDateAfter(d).build();
    const back = c.getCriteriaValues()[0];
    expect(back).toBeInstanceOf(BundleDate);
    expect(back.getTime()).toBe(d.getTime());
    expect(() => app.newFilterCriteria().whenFormulaSatisfied('=A1>0')).toThrow(/not provided/);
    expect(() => app.newFilterCriteria().whenDateAfter(app.RelativeDate.TODAY)).toThrow(/not provided/);
    expect(() => app.newFilterCriteria().withCriteria(app.BooleanCriteria.NUMBER_BETWEEN, [1, 5]).build()).not.toThrow();
  });

  test('setHiddenValues / setVisibleValues throw "If any of the values are null" [filter-criteria-builder#sethiddenvaluesvalues]', () => {
    const { app } = env();
    const b = app.newFilterCriteria();
    expect(() => b.setHiddenValues(['a', null as unknown as string])).toThrow(/Invalid argument: values/);
    expect(() => b.setVisibleValues([undefined as unknown as string])).toThrow(/Invalid argument: values/);
    // String[]: a number is refused too (*model*, the page is silent on conversion).
    expect(() => b.setVisibleValues([10 as unknown as string])).toThrow(/Invalid argument: values/);
    expect(b.setHiddenValues(['a']).getHiddenValues()).toEqual(['a']);
  });

  test('TEXT_NOT_EQUAL_TO and DATE_NOT_EQUAL_TO are "only with data connected to a database" [filter-criteria-builder#whendatenotequaltodate]', () => {
    const { app } = env();
    const crit = (n: string) => n as unknown as GoogleAppsScript.Spreadsheet.BooleanCriteria;
    expect(() => app.newFilterCriteria().withCriteria(crit('TEXT_NOT_EQUAL_TO'), ['x'])).toThrow(/connected to a database/);
    expect(() => app.newFilterCriteria().withCriteria(crit('DATE_NOT_EQUAL_TO'), [new Date(0)])).toThrow(/connected to a database/);
    // The conditional-format side keeps them (conditional-format-rule-builder#withcriteriacriteria,-args).
    expect(() => app.newConditionalFormatRule().withCriteria(crit('TEXT_NOT_EQUAL_TO'), ['x'])).not.toThrow();
  });

  test('a builder is not criteria: pivot filters and slicers refuse it', () => {
    const { app, ss } = env();
    const sh = ss.getActiveSheet();
    sh.getRange('A1:B2').setValues([['h', 'n'], ['a', 1]]);
    const pt = sh.getRange('D1').createPivotTable(sh.getRange('A1:B2'));
    expect(() => pt.addFilter(1, app.newFilterCriteria() as unknown as GoogleAppsScript.Spreadsheet.FilterCriteria)).toThrow(/filterCriteria/);
  });
});
