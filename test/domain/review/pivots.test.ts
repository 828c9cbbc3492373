// The pivot sheet's plan (src/domain/review/pivots.ts): every value is a calculated value named in
// the sheet's language, its formula naming the data sheet's column by its quoted header.
import { DATA_TEXT } from '../../../src/domain/review/text';
import { countFormula, pivotPlan, rateFormula, valueFormula } from '../../../src/domain/review/pivots';

const W19 = { year: 2024, week: 19 };

describe('pivot plan', () => {
  it('names each value in the sheet’s language and counts by the ID column', () => {
    for (const lang of ['zh', 'en'] as const) {
      const D = DATA_TEXT[lang];
      const plan = pivotPlan(W19, D);
      const byKey = Object.fromEntries(plan.pivots.map((p) => [p.key, p]));
      expect(byKey.createdTrend.value.name).toBe(D.created);
      expect(byKey.resolvedTrend.value.name).toBe(D.resolved);
      expect(byKey.departments.value.name).toBe(D.count);
      expect(byKey.categoryUrgency.value.name).toBe(D.count);
      expect(byKey.responseSla.value.name).toBe(D.slaValue);
      expect(valueFormula(byKey.departments.value, D)).toBe(countFormula(D.columns.id));
      expect(valueFormula(byKey.responseSla.value, D)).toBe(rateFormula(D.columns.responseMet));
    }
    expect(DATA_TEXT.zh.created).toBe('新建');
    expect(DATA_TEXT.en.resolved).toBe('Resolved');
  });

  it('quotes a header as Sheets does in formulas, a quote doubled', () => {
    expect(countFormula('问题编号')).toBe("=COUNTA('问题编号')");
    expect(countFormula("Agent's ID")).toBe("=COUNTA('Agent''s ID')");
    expect(rateFormula('SLA met')).toBe(`=IFERROR(SUM('SLA met')/COUNT('SLA met'),"")`);
  });
});
