// The pivot sheet's plan (src/domain/review/pivots.ts): every value is a calculated value named in
// the sheet's language, its formula naming the data sheet's columns by their quoted headers; one
// SLA pivot shows both targets, each counted in its own weeks.
import { DATA_TEXT } from '../../../src/domain/review/text';
import { countFormula, pivotPlan, rateFormula, topLabels, valueFormula } from '../../../src/domain/review/pivots';
import { REVIEW_DATA_KEYS, type ReviewData, type ReviewDataKey } from '../../../src/domain/review/data';

/** Review data rows from the few columns a test names ('' elsewhere). */
function reviewData(rows: Array<Partial<Record<ReviewDataKey, string>>>): ReviewData {
  const keys = [...REVIEW_DATA_KEYS];
  return { keys, header: keys.map(String), rows: rows.map((r) => keys.map((k) => r[k] ?? '')) };
}

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

  // setGroupLimit "is only supported for DataSourcePivotTable" (reference/spreadsheet/pivot-group#setgrouplimitcountlimit):
  // the departments pivot's top 10 is a filter on the labels the plan counts.
  it('the departments pivot shows its 10 busiest departments of the week by a filter; none when there are 10 or fewer', () => {
    const D = DATA_TEXT.en;
    const rows: Array<Partial<Record<ReviewDataKey, string>>> = [];
    // Dept 1 has 1 ticket in the week … Dept 12 has 12; Dept 12 also has tickets of other weeks.
    for (let d = 1; d <= 12; d++) for (let i = 0; i < d; i++) rows.push({ id: `IT${d}-${i}`, createdWeek: '2024-W19', department: `Dept ${d}` });
    for (let i = 0; i < 20; i++) rows.push({ id: `IT0-${i}`, createdWeek: '2024-W18', department: 'Dept 1' });
    // A tie at the cut (Dept 3 and Dept X both 3 in the week): labels ascending decide.
    for (let i = 0; i < 3; i++) rows.push({ id: `ITX-${i}`, createdWeek: '2024-W19', department: 'Dept X' });
    const plan = pivotPlan(W19, D, reviewData(rows));
    const departments = plan.pivots.find((p) => p.key === 'departments')!;
    expect(departments.shownRows).toEqual(['Dept 12', 'Dept 11', 'Dept 10', 'Dept 9', 'Dept 8', 'Dept 7', 'Dept 6', 'Dept 5', 'Dept 4', 'Dept 3']);
    // Other pivots are not cut; with 10 departments or fewer, nothing is.
    expect(plan.pivots.filter((p) => p.shownRows).map((p) => p.key)).toEqual(['departments']);
    const few = rows.filter((r) => !['Dept 1', 'Dept 2', 'Dept X'].includes(r.department!));
    expect(topLabels(departments, reviewData(few))).toBeNull();
    expect(pivotPlan(W19, D).pivots.some((p) => p.shownRows)).toBe(false);
  });
});

