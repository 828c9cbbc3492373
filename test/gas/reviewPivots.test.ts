// The review pivot sheet (`周报透视`, issue 19; src/gas/reviewPivots.ts) through the built bundle on the local runtime:
// native pivot tables over the data sheet, rebuilt from its header positions by every build,
// slicers that re-filter them. That the pivot for a week shows the week's snapshot numbers is a
// journey across modules: test/scenarios/pivotMatchesSnapshot.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { ticketRows } from '../app/helpers';
import { at, reviewSheet, sheetNames, ss, workedWeek } from '../app/weeklyFixture';
import { P, pivotCells, pivotSheet, read } from './reviewPivotCells';
import type { EntryResult } from '../entries';

describe('review pivot sheet', () => {
  const { rt } = workedWeek();
  rt.clock.set(at('2024-05-13T10:00:00'));
  const built = rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', '2024-W19');

  it('holds five native pivot tables and three slicers over the data sheet, named in the result', () => {
    expect(built.result).toMatchObject({ ok: true, pivotSheet: '周报透视', pivots: 5, slicers: 3 });
    const sheet = pivotSheet(rt);
    const pivots = sheet.getPivotTables();
    expect(pivots).toHaveLength(5);
    const data = reviewSheet(rt, '周报数据');
    for (const p of pivots) {
      const src = (p as unknown as { getSourceDataRange(): GoogleAppsScript.Spreadsheet.Range }).getSourceDataRange();
      expect(src.getSheet().getName()).toBe('周报数据');
      expect(src.getNumRows()).toBe(data.getLastRow());
    }
    const slicers = sheet.getSlicers();
    expect(slicers.map((s) => data.getRange(1, s.getColumnPosition() as number).getValue())).toEqual(['提交周', '部门/区域', '问题类型']);
    expect(slicers.every((s) => s.isAppliedToPivotTables() && s.getFilterCriteria() === null)).toBe(true);
    expect(sheet.getRange(1, 1).getValue()).toBe('周报透视 2024-W19');
  });

  it('shows the week: category × urgency, departments, SLA met by assignee and urgency, 12 weeks created and resolved', () => {
    const cu = read(rt, 'categoryUrgency');
    expect(cu.get('软件')?.get('高')).toBe(1);
    expect(cu.get('网络')?.get('中')).toBe(1);
    expect(cu.get('硬件')?.get('低')).toBe(1);
    expect(cu.get('总计')?.get('总计')).toBe(3);
    expect(read(rt, 'departments').get('财务部/总部')?.get('value')).toBe(1);
    // One pivot, both targets per urgency as percentages. Response: A (高) responded in time, B (中)
    // accepted the next morning, C (低) never. Resolution: D (低, W18) resolved on Monday of W19 in
    // time counts here too.
    const sla = pivotSheet(rt).getRange(26, 1, 6, 10).getDisplayValues();
    expect(sla).toEqual([
      ['', '紧急程度', '', '', '', '', '', '', '', ''],
      ['', '中', '', '低', '', '高', '', '总计', '', ''],
      ['负责人', '首次响应达成率', '解决达成率', '首次响应达成率', '解决达成率', '首次响应达成率', '解决达成率', '首次响应达成率', '解决达成率', ''],
      ['李工程师', '0.0%', '0.0%', '', '100.0%', '100.0%', '100.0%', '50.0%', '66.7%', ''],
      ['（未分配）', '', '', '0.0%', '0.0%', '', '', '0.0%', '0.0%', ''],
      ['总计', '0.0%', '0.0%', '0.0%', '50.0%', '100.0%', '100.0%', '33.3%', '50.0%', ''],
    ]);
    expect(pivotSheet(rt).getRange(25, 1).getValue()).toBe('2024-W19 SLA 达成率：负责人 × 紧急程度（首次响应、解决各按截止或完成在本周）');
    // Each value named in the sheet's language when it is added, not "COUNTA of 问题编号".
    const head = pivotSheet(rt).getRange(8, 1, 1, 11).getValues()[0];
    expect([head.slice(0, 2), head.slice(3, 5), head.slice(6, 8), head[9]]).toEqual([['提交周', '新建'], ['解决周', '已解决'], ['部门/区域', '工单数'], '工单数']);
    const created = read(rt, 'createdTrend');
    expect(created.get('2024-W18')?.get('value')).toBe(1);
    expect(created.get('2024-W19')?.get('value')).toBe(3);
    expect(read(rt, 'resolvedTrend').get('2024-W19')?.get('value')).toBe(3);
  });

  it('a slicer click re-filters every pivot; clearing it shows everything again', () => {
    const slicer = pivotSheet(rt).getSlicers()[1]; // department
    slicer.setColumnFilterCriteria(slicer.getColumnPosition() as number, rt.services.SpreadsheetApp.newFilterCriteria().setVisibleValues(['财务部/总部']).build());
    expect(read(rt, 'categoryUrgency').get('总计')?.get('总计')).toBe(1);
    expect(read(rt, 'createdTrend').get('2024-W18')?.get('value')).toBe(1);
    expect(read(rt, 'createdTrend').has('2024-W19')).toBe(true);
    slicer.setColumnFilterCriteria(slicer.getColumnPosition() as number, null);
    expect(read(rt, 'categoryUrgency').get('总计')?.get('总计')).toBe(3);
  });

  it('every build deletes and recreates the pivots from the data sheet’s header positions', () => {
    const sheet = pivotSheet(rt);
    sheet.getRange('A3').setValue('手写');
    sheet.getPivotTables()[3].remove();
    const tickets = JSON.stringify(ticketRows(rt));
    const again = rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', '2024-W19');
    expect(again.result.ok).toBe(true);
    expect(pivotSheet(rt).getPivotTables()).toHaveLength(5);
    expect(pivotSheet(rt).getRange('A3').getValue()).toBe('');
    expect(read(rt, 'categoryUrgency').get('总计')?.get('总计')).toBe(3);
    expect(JSON.stringify(ticketRows(rt))).toBe(tickets);
  });

  it('a deleted, renamed or junk pivot sheet: built again under its name, nothing else touched', () => {
    ss(rt).deleteSheet(pivotSheet(rt));
    expect(rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', '2024-W19').result.ok).toBe(true);
    expect(pivotSheet(rt).getPivotTables()).toHaveLength(5);
    pivotSheet(rt).setName('旧透视');
    const junk = ss(rt).insertSheet('周报透视');
    junk.getRange(1, 1, 2, 2).setValues([['x', 'y'], [1, 2]]);
    expect(rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', '2024-W19').result.ok).toBe(true);
    expect(read(rt, 'categoryUrgency').get('总计')?.get('总计')).toBe(3);
    expect(sheetNames(rt)).toContain('旧透视');
  });

  it('in an English spreadsheet: Review data and Review pivots, English headers and labels', () => {
    const en = workedWeek({ locale: 'en_US' });
    en.rt.clock.set(at('2024-05-13T10:00:00'));
    expect(en.rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', '2024-W19').result).toMatchObject({ ok: true, dataSheet: 'Review data', pivotSheet: 'Review pivots', pivots: 5, slicers: 3 });
    expect(reviewSheet(en.rt, 'Review data').getRange(1, 1, 1, 3).getValues()[0]).toEqual(['Ticket ID', 'Week created', 'Week resolved']);
    const sheet = reviewSheet(en.rt, 'Review pivots');
    expect(sheet.getRange(1, 1).getValue()).toBe('Review pivots 2024-W19');
    const cu = pivotCells(sheet, P.categoryUrgency[0], P.categoryUrgency[1], true);
    expect(cu.get('Grand Total')?.get('Grand Total')).toBe(3);
    expect(cu.get('Software')?.get('High')).toBe(1);
    const head = sheet.getRange(8, 1, 1, 11).getValues()[0];
    expect([head[1], head[4], head[7], head[9]]).toEqual(['Created', 'Resolved', 'Tickets', 'Tickets']);
  });

  it('asks for no scope beyond spreadsheets.currentonly', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../appsscript.json'), 'utf8'));
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
  });
});
