// The pivot sheet's plan (src/domain/review/pivots.ts): every value is a calculated value named in
// the sheet's language, its formula naming the data sheet's columns by their quoted headers; one
// SLA pivot shows both targets, each counted in its own weeks.
import { DATA_TEXT } from '../../../src/domain/review/text';
import { countFormula, pivotPlan, rateFormula, valueFormula } from '../../../src/domain/review/pivots';

const W19 = { year: 2024, week: 19 };

describe('pivot plan', () => {
  it('names each value in the sheet’s language and counts by the ID column', () => {
    for (const lang of ['zh', 'en'] as const) {
      const D = DATA_TEXT[lang];
      const plan = pivotPlan(W19, D);
      const byKey = Object.fromEntries(plan.pivots.map((p) => [p.key, p]));
      expect(Object.keys(byKey)).toEqual(['createdTrend', 'resolvedTrend', 'departments', 'categoryUrgency', 'sla']);
      expect(byKey.createdTrend.values.map((v) => v.name)).toEqual([D.created]);
      expect(byKey.resolvedTrend.values.map((v) => v.name)).toEqual([D.resolved]);
      expect(byKey.departments.values.map((v) => v.name)).toEqual([D.count]);
      expect(byKey.categoryUrgency.values.map((v) => v.name)).toEqual([D.count]);
      expect(byKey.sla.values.map((v) => v.name)).toEqual([D.responseRate, D.resolutionRate]);
      expect(valueFormula(byKey.departments.values[0], D)).toBe(countFormula(D.columns.id));
      expect(valueFormula(byKey.sla.values[1], D)).toBe(rateFormula(D.columns.resolutionMet, D.columns.resolutionWeeks, '2024-W19'));
      // One filter for both values: the rows where either target counts in the week.
      expect(byKey.sla.filter).toEqual({ column: 'slaWeeks', contains: '2024-W19' });
    }
    expect(DATA_TEXT.zh.created).toBe('新建');
    expect(DATA_TEXT.en.resolved).toBe('Resolved');
  });

  it('quotes a header as Sheets does in formulas, a quote doubled', () => {
    expect(countFormula('问题编号')).toBe("=COUNTA('问题编号')");
    expect(countFormula("Agent's ID")).toBe("=COUNTA('Agent''s ID')");
    expect(rateFormula('响应达成', '响应SLA周', '2024-W19')).toBe(
      `=IFERROR(COUNTIFS('响应SLA周',"*2024-W19*",'响应达成',1)/COUNTIFS('响应SLA周',"*2024-W19*",'响应达成',">=0"),"")`,
    );
  });
});
