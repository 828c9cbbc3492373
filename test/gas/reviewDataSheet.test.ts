// The data sheet's cells (src/gas/reviewDataSheet.ts): text people typed can never become a formula,
// number or date in the data sheet; the tracker's own labels and numbers go in as they are.
// The sheet itself (`周报数据`, issue 19), through the built bundle: one row per ticket, live and
// archived, protected warning-only, rewritten whole by every build whatever a person did to it, and
// the ticket sheet and earlier weeks' snapshots never touched.
import { dataValues } from '../../src/gas/reviewDataSheet';
import type { ReviewData } from '../../src/domain/review';
import { ticketRows } from '../app/helpers';
import { act, at, reviewSheet, sheetNames, ss, workedWeek } from '../app/weeklyFixture';
import type { EntryResult } from '../entries';

describe('dataValues', () => {
  const data = (): ReviewData => ({
    keys: ['id', 'createdWeek', 'department', 'assignee', 'responseMet', 'recurringKey', 'category'],
    header: ['问题编号', '提交周', '部门/区域', '负责人', '响应达成', '高频问题', '问题类型'],
    rows: [
      ['IT20240506001', '2024-W19', '=IMPORTXML("http://x")', '+8613800000000', 1, "#1 '打印机", '硬件'],
      ['IT20240506002', '2024-W19', '2024-05-06', '', '', '', '（未填）'],
      ['IT20240506003', '', '财务部', '张工', Number.NaN, null, '网络'],
    ],
  });

  it('prefixes typed text that Sheets would read as a formula, number or date; leaves labels and numbers', () => {
    expect(dataValues(data())).toEqual([
      ['问题编号', '提交周', '部门/区域', '负责人', '响应达成', '高频问题', '问题类型'],
      ['IT20240506001', '2024-W19', '\'=IMPORTXML("http://x")', "'+8613800000000", 1, "#1 '打印机", '硬件'],
      ['IT20240506002', '2024-W19', "'2024-05-06", '', '', '', '（未填）'],
      ['IT20240506003', '', '财务部', '张工', '', '', '网络'],
    ]);
  });
});

const HEADER = ['问题编号', '提交周', '解决周', '问题类型', '紧急程度', '部门/区域', '负责人', '支持级别', '当前状态', '首次响应（工作分钟）', '解决用时（工作分钟）', '响应SLA', '解决SLA', '响应达成', '解决达成', '响应SLA周', '解决SLA周', 'SLA周', '重开次数', '等待时长（工作分钟）', '评价', '无回复自动关闭', '高频问题'];

describe('review data sheet', () => {
  const { rt, A, B, C, D } = workedWeek();
  rt.clock.set(at('2024-05-13T10:00:00'));
  const built = rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', '2024-W19');
  const data = () => reviewSheet(rt, '周报数据');
  const fresh = JSON.stringify(data().getDataRange().getValues());

  it('is written with the review, one row per ticket, and named in the result', () => {
    expect(built.result).toMatchObject({ ok: true, dataSheet: '周报数据', dataRows: 4 });
    const rows = data().getDataRange().getDisplayValues();
    expect(rows[0]).toEqual(HEADER);
    expect(rows.slice(1).map((r) => r[0])).toEqual([D, A, B, C]); // by submission time
    const row = (id: string) => Object.fromEntries(HEADER.map((h, i) => [h, rows.find((r) => r[0] === id)![i]]));
    expect(row(A)).toMatchObject({ 提交周: '2024-W19', 解决周: '2024-W19', 问题类型: '软件', 紧急程度: '高', 当前状态: '已关闭', '首次响应（工作分钟）': '20', '解决用时（工作分钟）': '60', 评价: '满意', 重开次数: '0', 负责人: '李工程师', 支持级别: '二线', '等待时长（工作分钟）': '0' });
    expect(row(B)).toMatchObject({ 提交周: '2024-W19', 紧急程度: '中', 重开次数: '1', 评价: '不满意' });
    expect(row(C)).toMatchObject({ 负责人: '（未分配）', 支持级别: '一线', 提交周: '2024-W19', 解决周: '', 当前状态: '待处理', 解决SLA: '未达成', 解决达成: '0' });
    expect(row(D)).toMatchObject({ 提交周: '2024-W18', 解决周: '2024-W19' });
    expect(data().getFrozenRows()).toBe(1);
  });

  it('the snapshot gains the 12-week trend and the backlog list, oldest first, linked to the rows', () => {
    const sheet = reviewSheet(rt, '周报 2024-W19');
    const rows = sheet.getDataRange().getDisplayValues();
    const under = (title: string): string[][] => {
      const i = rows.findIndex((r) => r[0] === title);
      if (i < 0) throw new Error(`no section ${title}`);
      const out: string[][] = [];
      for (let k = i + 2; k < rows.length && rows[k].some((c) => c !== ''); k++) out.push(rows[k]);
      return out;
    };
    const trend = under('近 12 周趋势');
    expect(trend[0].slice(0, 6)).toEqual(['周', '新建', '已解决', '积压（周末未结）', '响应达成率', '解决达成率']);
    expect(trend).toHaveLength(13);
    expect(trend[1][0]).toBe('2024-W08');
    expect(trend[11].slice(0, 4)).toEqual(['2024-W18', '1', '0', '1']);
    expect(trend[12].slice(0, 4)).toEqual(['2024-W19', '3', '3', '1']);
    const backlog = under('积压清单（周末未结，最早的在前）');
    expect(backlog[0]).toEqual(['问题编号', '问题标题', '紧急程度', '负责人', '提交时间', '时长（天）', '周末状态', '周末 SLA']);
    expect(backlog.slice(1).map((r) => [r[0], r[2], r[3], r[4], r[5], r[6], r[7]])).toEqual([
      [C, '低', '（未分配）', '2024-05-07 11:00', '5.5', '待处理', '已超时'],
    ]);
    const at1 = rows.findIndex((r) => r[0] === C) + 1;
    expect(sheet.getRange(at1, 1).getFormula()).toMatch(/^=HYPERLINK\("#gid=\d+&range=A5",/);
  });

  it('is protected with a warning only', () => {
    const p = data().getProtections(rt.services.SpreadsheetApp.ProtectionType.SHEET);
    expect(p).toHaveLength(1);
    expect(p[0].isWarningOnly()).toBe(true);
  });

  it('a person typing into it, renaming its header or adding rows: the next build writes it whole again, the ticket sheet untouched', () => {
    const tickets = JSON.stringify(ticketRows(rt));
    const sheet = data();
    sheet.getRange(1, 4).setValue('类型（改）');
    sheet.getRange(2, 2).setValue('手填');
    sheet.getRange(40, 1, 1, 3).setValues([['IT-假', 'x', 'y']]);
    sheet.insertColumnBefore(1);
    expect(rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', '2024-W19').result.ok).toBe(true);
    expect(JSON.stringify(data().getDataRange().getValues())).toBe(fresh);
    expect(JSON.stringify(ticketRows(rt))).toBe(tickets);
    expect(sheetNames(rt).filter((n) => n === '周报数据')).toHaveLength(1);
  });

  it('deleted or renamed: built again under its name; a renamed copy is left alone', () => {
    ss(rt).deleteSheet(data());
    expect(rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', '2024-W19').result.ok).toBe(true);
    expect(JSON.stringify(data().getDataRange().getValues())).toBe(fresh);
    data().setName('我的数据');
    expect(rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', '2024-W19').result.ok).toBe(true);
    expect(JSON.stringify(data().getDataRange().getValues())).toBe(fresh);
    expect(sheetNames(rt)).toContain('我的数据');
  });

  it('a sheet of that name holding something else entirely is replaced', () => {
    ss(rt).deleteSheet(data());
    const junk = ss(rt).insertSheet('周报数据');
    junk.getRange(1, 1, 2, 2).setValues([['x', 'y'], [1, 2]]);
    expect(rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', '2024-W19').result.ok).toBe(true);
    expect(JSON.stringify(data().getDataRange().getValues())).toBe(fresh);
  });

  it('building a later week never rewrites an earlier week’s snapshot', () => {
    const w19 = JSON.stringify(reviewSheet(rt, '周报 2024-W19').getDataRange().getValues());
    act(rt, '2024-05-14T09:00:00', C, 'accept');
    rt.clock.set(at('2024-05-20T10:00:00'));
    expect(rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', '2024-W20').result.ok).toBe(true);
    expect(JSON.stringify(reviewSheet(rt, '周报 2024-W19').getDataRange().getValues())).toBe(w19);
    // the data sheet follows the tickets: C is in progress now
    const rows = data().getDataRange().getDisplayValues();
    expect(rows.find((r) => r[0] === C)![8]).toBe('处理中');
  });
});
