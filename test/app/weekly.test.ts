// The weekly review through the built bundle on the local runtime: a hand-worked week and its
// figures on the sheet, links, charts and the call budget; rebuilding; the menu; the automatic
// build across late, skipped and doubled trigger runs. The knowledge base filed on close, suggested
// and linked from the review is a journey: test/scenarios/knowledgeAtClose.test.ts.
// Over ~400 lines: one use case (src/app/weekly.ts) over one hand-worked week, from the menu,
// the trigger and concurrent builds; the data and pivot sheets are tested with their modules.
import type { LocalRuntime } from '../../runtime';
import { holdTrackerLock, newRuntime, setUp, ticketRows } from './helpers';
import { WEEKLY_CALLS, act, at, reviewSheet, section, sheetNames, submitAt, workedWeek, type Sheet } from './weeklyFixture';
import type { EntryResult } from '../entries';

const rowOf = (rows: string[][], ...labels: string[]): string[] => {
  const r = rows.find((x) => labels.every((l, i) => x[i] === l));
  if (!r) throw new Error(`no row ${labels.join(' / ')} in\n${rows.map((x) => x.join(' | ')).join('\n')}`);
  return r;
};

describe('buildWeeklyReview: a hand-worked week', () => {
  const { rt, A, B, C, D } = workedWeek();
  rt.clock.set(at('2024-05-13T10:00:00'));
  const call = rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', '2024-W19');
  // A copy: the runtime keeps counting into the returned stats object after the call.
  const built = { result: call.result, stats: JSON.parse(JSON.stringify(call.stats)) };
  const sheet = reviewSheet(rt, '周报 2024-W19');
  const ticketSheet = reviewSheet(rt, '工单');

  it('returns the week, the sheet and the counts', () => {
    expect(built.result).toMatchObject({
      ok: true,
      sheet: '周报 2024-W19',
      week: '2024-W19',
      tickets: 4,
      counts: { created: 3, resolved: 3, closed: 1, reopened: 1, backlog: 1 },
      previous: { created: 1, resolved: 0, closed: 0, reopened: 0, backlog: 1 },
      overdue: 1,
      unsatisfied: 1,
      charts: 3,
    });
    expect(
      ticketRows(rt)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual([D, A, B, C]);
  });

  it('writes the sheet in a constant, small number of spreadsheet calls', () => {
    expect(built.stats.spreadsheetCalls).toBeLessThanOrEqual(WEEKLY_CALLS);
    expect(built.stats.byMethod['Range.setValues']).toBe(3); // the snapshot, the data sheet and the pivot sheet's titles, one block each
    expect(built.stats.byMethod['Sheet.insertChart']).toBe(3);
  });

  it('shows title, period and the summary with this week, the week before and the change', () => {
    const v = sheet.getRange(1, 1, 2, 1).getDisplayValues();
    expect(v[0][0]).toBe('周报 2024-W19');
    expect(v[1][0]).toMatch(/^2024-05-06 – 2024-05-12 \(Asia\/Shanghai\); 生成于 2024-05-13 10:00$/);
    expect(sheet.getFrozenRows()).toBe(2);
    const summary = section(sheet, '概览');
    expect(summary[0]).toEqual(['指标', '本周', '上周', '变化', '统计依据', '', '', '']);
    expect(rowOf(summary, '新建').slice(0, 5)).toEqual(['新建', '3', '1', '2', '提交时间在本周内']);
    expect(rowOf(summary, '已解决').slice(1, 4)).toEqual(['3', '0', '3']);
    expect(rowOf(summary, '重新打开').slice(1, 4)).toEqual(['1', '0', '1']);
    expect(rowOf(summary, '积压（周末未结）').slice(1, 4)).toEqual(['1', '1', '0']);
  });

  it('states what every section counts by', () => {
    const rows = sheet
      .getDataRange()
      .getDisplayValues()
      .map((r) => r[0]);
    const titles = [
      '概览',
      '问题类型 × 紧急程度',
      '部门/区域',
      '当前状态',
      '负责人',
      'SLA 达成率',
      '处理时长（工作小时）',
      '积压时长分布',
      '超期未结工单',
      '高频问题',
      '满意度',
      '不满意工单',
      '图表数据',
    ];
    for (const t of titles) {
      const i = rows.indexOf(t);
      expect(i).toBeGreaterThan(0);
      expect(rows[i + 1]).toMatch(/^统计依据：./);
    }
  });

  it('computes category × urgency, SLA compliance and working-hour times as worked out by hand', () => {
    const cu = section(sheet, '问题类型 × 紧急程度');
    expect(rowOf(cu, '软件').slice(0, 5)).toEqual(['软件', '1', '0', '0', '1']);
    expect(rowOf(cu, '合计').slice(0, 5)).toEqual(['合计', '1', '1', '1', '3']);
    const sla = section(sheet, 'SLA 达成率');
    // Response: A met (20 min); B (8 working h) and C (never) missed. D's response was in W18.
    expect(rowOf(sla, '首次响应', '合计').slice(2, 7)).toEqual(['3', '1', '2', '0', '33.3%']);
    // Resolution: A (1 h of 2 h) and D (due Mon 16:00, done 11:00) met; B (due Mon 14:30) and C missed.
    expect(rowOf(sla, '解决', '合计').slice(2, 7)).toEqual(['4', '2', '2', '0', '50.0%']);
    const times = section(sheet, '处理时长（工作小时）');
    // First responses in the week: A 20 min, B Mon 10:30→Tue 09:30 = 7.5 + 0.5 = 8 h.
    expect(rowOf(times, '首次响应', '合计').slice(2, 5)).toEqual(['2', '4.2', '8.0']);
    expect(
      sheet.getRange(`D${rowIndex(sheet, '首次响应', '合计', (r) => r[5] === '')}`).getValue(),
    ).toBeCloseTo(4.17, 2);
    // Resolutions: A 1 h, D Thu 10:00→Mon 11:00 = 8 + 9 + 2 = 19 h, B Mon 10:30→Thu 15:00 = 7.5 + 9 + 9 + 6 = 31.5 h.
    expect(rowOf(times, '解决', '合计').slice(2, 5)).toEqual(['3', '19.0', '31.5']);
  });

  it('formats numbers per column: counts, percentages, hours', () => {
    const r = rowIndex(sheet, '解决', '合计');
    const sla = sheet.getRange(r, 1, 1, 7).getNumberFormats()[0];
    expect(sla.slice(2, 7)).toEqual(['0', '0', '0', '0', '0.0%']);
    const t = rowIndex(sheet, '首次响应', '合计', (x) => x[5] === '');
    expect(sheet.getRange(t, 4, 1, 2).getNumberFormats()[0]).toEqual(['0.0', '0.0']);
  });

  it('lists the overdue and unsatisfied tickets with links to their rows', () => {
    const overdue = section(sheet, '超期未结工单');
    expect(overdue).toHaveLength(2);
    expect(overdue[1].slice(0, 3)).toEqual([C, '打印机卡纸', '低']);
    const gid = ticketSheet.getSheetId();
    const oRow = rowIndex(sheet, C);
    expect(sheet.getRange(oRow, 1).getFormula()).toBe(`=HYPERLINK("#gid=${gid}&range=A5","${C}")`);
    const unsatisfied = section(sheet, '不满意工单');
    expect(unsatisfied[1].slice(0, 2)).toEqual([B, 'VPN 无法连接']);
    expect(sheet.getRange(rowIndex(sheet, B), 1).getFormula()).toBe(
      `=HYPERLINK("#gid=${gid}&range=A4","${B}")`,
    );
    const sat = section(sheet, '满意度');
    expect(rowOf(sat, '合计').slice(0, 4)).toEqual(['合计', '1', '1', '2']);
    expect(sat.find((r) => r[0].startsWith('反馈率'))?.[0]).toBe('反馈率：2 / 3（66.7%）');
  });

  it('adds three native charts to the right of the tables, over the chart data', () => {
    const charts = sheet.getCharts();
    expect(charts).toHaveLength(3);
    const spec = charts.map((c) => ({
      type: c.modify().getChartType().toString(),
      title: c.getOptions().get('title'),
      col: c.getContainerInfo().getAnchorColumn(),
      range: c.getRanges()[0].getDisplayValues(),
    }));
    expect(spec.map((s) => s.type)).toEqual(['COLUMN', 'PIE', 'COLUMN']);
    expect(spec.every((s) => s.col > 8)).toBe(true);
    expect(spec[0].title).toBe('本周新建：按问题类型（提交时间在本周内）');
    expect(spec[0].range[0]).toEqual(['问题类型', '新建']);
    expect(spec[0].range.find((r) => r[0] === '软件')).toEqual(['软件', '1']);
    expect(spec[1].range.find((r) => r[0] === '不满意')).toEqual(['不满意', '1']);
    expect(spec[2].range[0]).toEqual(['日期', '新建', '已解决']);
    expect(spec[2].range[1]).toEqual(['周一 05-06', '2', '2']); // A, B created; A, D resolved
    expect(spec[2].range[4]).toEqual(['周四 05-09', '0', '1']); // B resolved again
    expect(spec[2].title).toMatch(/新建按提交时间，已解决按解决时间/);
  });

  it('rebuilding replaces the week sheet in place and leaves every other sheet alone', () => {
    const before = sheetNames(rt);
    const tickets = JSON.stringify(ticketSheet.getDataRange().getValues());
    const oldId = sheet.getSheetId();
    rt.clock.set(at('2024-05-14T10:00:00'));
    const again = rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', '2024-W19');
    expect(again.result.ok).toBe(true);
    expect(again.stats.spreadsheetCalls).toBeLessThanOrEqual(WEEKLY_CALLS);
    expect(again.stats.byMethod['Spreadsheet.deleteSheet']).toBe(3); // the week's sheet, the data sheet and the pivot sheet
    expect(sheetNames(rt)).toEqual(before);
    const fresh = reviewSheet(rt, '周报 2024-W19');
    expect(fresh.getSheetId()).not.toBe(oldId);
    expect(fresh.getCharts()).toHaveLength(3);
    expect(fresh.getRange(2, 1).getDisplayValue()).toMatch(/生成于 2024-05-14 10:00/);
    expect(JSON.stringify(ticketSheet.getDataRange().getValues())).toBe(tickets);
  });

  it('refuses a malformed or future week with a clear message', () => {
    expect(rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', '2024-W60').result).toEqual({
      ok: false,
      message: expect.stringMatching(/无法识别周次「2024-W60」/),
      code: 'invalid',
    });
    expect(rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', '2030-W01').result).toEqual({
      ok: false,
      message: expect.stringMatching(/尚未开始/),
      code: 'invalid',
    });
  });
});

function rowIndex(sheet: Sheet, a: string, b?: string, extra: (r: string[]) => boolean = () => true): number {
  const rows = sheet.getDataRange().getDisplayValues();
  const i = rows.findIndex((r) => r[0] === a && (b === undefined || r[1] === b) && extra(r));
  if (i < 0) throw new Error(`no row ${a} ${b ?? ''}`);
  return i + 1;
}

describe('archived tickets', () => {
  it('are counted as before, and listed tickets link to their rows in the archive', () => {
    const { rt, A, B, D } = workedWeek();
    act(rt, '2024-05-10T09:00:00', B, 'close');
    act(rt, '2024-05-10T09:05:00', D, 'close');
    rt.clock.set(at('2024-09-02T10:00:00')); // > 90 days later: A, B and D are archived
    rt.ui.responder = (q) => ({ button: q.buttons.includes('YES') ? 'YES' : 'OK' });
    expect(rt.call<EntryResult<'archiveFromMenu'>>('archiveFromMenu').result).toMatchObject({ ok: true });
    const archive = reviewSheet(rt, '归档');
    const archivedIds = archive
      .getDataRange()
      .getValues()
      .slice(1)
      .map((r) => r[0]);
    expect(archivedIds.sort()).toEqual([A, B, D].sort());
    const r = rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', '2024-W19');
    expect(r.result).toMatchObject({
      ok: true,
      tickets: 4,
      archived: 3,
      // B and D were closed on Friday of the week too.
      counts: { created: 3, resolved: 3, closed: 3, reopened: 1, backlog: 1 },
      unsatisfied: 1,
    });
    expect(r.stats.spreadsheetCalls).toBeLessThanOrEqual(WEEKLY_CALLS);
    const sheet = reviewSheet(rt, '周报 2024-W19');
    const bRow =
      archive
        .getDataRange()
        .getValues()
        .findIndex((row) => row[0] === B) + 1;
    expect(sheet.getRange(rowIndex(sheet, B), 1).getFormula()).toBe(
      `=HYPERLINK("#gid=${archive.getSheetId()}&range=A${bRow}","${B}")`,
    );
  });
});

describe('each ticket once', () => {
  it('a ticket in both the live sheet and the archive, or pasted twice on the live sheet, counts once and links to its live row', () => {
    const { rt, B, D } = workedWeek();
    act(rt, '2024-05-10T09:00:00', B, 'close');
    act(rt, '2024-05-10T09:05:00', D, 'close');
    rt.clock.set(at('2024-09-02T10:00:00'));
    rt.ui.responder = (q) => ({ button: q.buttons.includes('YES') ? 'YES' : 'OK' });
    expect(rt.call<EntryResult<'archiveFromMenu'>>('archiveFromMenu').result).toMatchObject({ ok: true });
    const archive = reviewSheet(rt, '归档');
    const live = reviewSheet(rt, '工单');
    // B back on the live sheet (an archiving interrupted after its copy), and a live ticket pasted twice.
    const bArchived = archive.getDataRange().getValues().find((r) => r[0] === B)!;
    const width = live.getLastColumn();
    live.getRange(live.getLastRow() + 1, 1, 1, width).setValues([bArchived.slice(0, width)]);
    const liveRows = live.getDataRange().getValues();
    const twice = liveRows.find((r) => r[0] !== B && String(r[0]).startsWith('IT'))!;
    live.getRange(live.getLastRow() + 1, 1, 1, width).setValues([twice]);
    const r = rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', '2024-W19');
    expect(r.result).toMatchObject({ ok: true, tickets: 4, archived: 2, dataRows: 4 });
    const ids = reviewSheet(rt, '周报数据')
      .getDataRange()
      .getValues()
      .slice(1)
      .map((x) => x[0]);
    expect(ids.sort()).toEqual([...new Set(ids)].sort());
    const sheet = reviewSheet(rt, '周报 2024-W19');
    const bLiveRow = live.getDataRange().getValues().findIndex((row) => row[0] === B) + 1;
    expect(sheet.getRange(rowIndex(sheet, B), 1).getFormula()).toBe(`=HYPERLINK("#gid=${live.getSheetId()}&range=A${bLiveRow}","${B}")`);
  });
});

describe('SLA states of done tickets', () => {
  it('a done ticket whose SLA cell holds final states counts as the cell says (as the sweep leaves it); one still open to change is worked out', () => {
    const { rt, A, B } = workedWeek();
    const live = reviewSheet(rt, '工单');
    const header = live.getRange(1, 1, 1, live.getLastColumn()).getValues()[0];
    const slaCol = header.indexOf('SLA状态') + 1;
    const rowOf = (id: string) => live.getDataRange().getValues().findIndex((r) => r[0] === id) + 1;
    rt.clock.set(at('2024-05-13T10:00:00'));
    const states = (id: string): string[] => {
      expect(rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', '2024-W19').result.ok).toBe(true);
      const rows = reviewSheet(rt, '周报数据').getDataRange().getDisplayValues();
      const row = rows.find((r) => r[0] === id)!;
      return ['响应SLA', '解决SLA', '解决达成'].map((h) => row[rows[0].indexOf(h)]);
    };
    // B missed both targets (a day to accept, resolved again after the requester said no).
    expect(states(B)).toEqual(['未达成', '未达成', '0']);
    // Settled as met (an earlier policy, a hand-kept sheet's verdict): the review says what the cell
    // says, as the sweep leaves it, rather than working it out again.
    live.getRange(rowOf(B), slaCol).setValue('响应：已达成 · 解决：已达成');
    expect(states(B)).toEqual(['达成', '达成', '1']);
    // A (closed, met on time) with states time could still change: worked out, not read.
    expect(states(A)).toEqual(['达成', '达成', '1']);
    live.getRange(rowOf(A), slaCol).setValue('响应：有风险 · 解决：有风险');
    expect(states(A)).toEqual(['达成', '达成', '1']);
  });
});

describe('English sheets', () => {
  it('names the sheet Review 2024-W19 and writes English labels', () => {
    const { rt } = workedWeek({ locale: 'en_US' });
    rt.clock.set(at('2024-05-13T10:00:00'));
    const r = rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', '2024-W19');
    const calls = r.stats.spreadsheetCalls;
    expect(r.result).toMatchObject({
      ok: true,
      sheet: 'Review 2024-W19',
      counts: { created: 3, resolved: 3 },
    });
    const sheet = reviewSheet(rt, 'Review 2024-W19');
    expect(sheet.getRange(1, 1).getValue()).toBe('Review 2024-W19');
    expect(section(sheet, 'Summary')[0].slice(0, 5)).toEqual([
      'Figure',
      'This week',
      'Previous week',
      'Change',
      'Counts by',
    ]);
    expect(calls).toBeLessThanOrEqual(WEEKLY_CALLS);
  });
});

describe('buildWeeklyReviewFromMenu', () => {
  it('asks for a week; empty means last week', () => {
    const { rt } = workedWeek();
    rt.clock.set(at('2024-05-13T10:00:00'));
    rt.ui.answers.push({ button: 'OK', text: '' });
    const r = rt.call<EntryResult<'buildWeeklyReviewFromMenu'>>('buildWeeklyReviewFromMenu').result;
    expect(r).toMatchObject({ ok: true, sheet: '周报 2024-W19' });
    const ask = rt.ui.asks[rt.ui.asks.length - 1];
    expect(ask).toMatchObject({ kind: 'prompt', buttons: ['OK', 'CANCEL'] });
    expect(ask.prompt).toContain('2024-W19');
    expect(rt.ui.toasts[rt.ui.toasts.length - 1].message).toContain('周报 2024-W19');
  });

  it('builds any week typed, and explains a bad answer in the sheet language', () => {
    const { rt } = workedWeek();
    rt.clock.set(at('2024-05-13T10:00:00'));
    rt.ui.answers.push({ button: 'OK', text: '2024w18' });
    expect(rt.call<EntryResult<'buildWeeklyReviewFromMenu'>>('buildWeeklyReviewFromMenu').result).toMatchObject({
      ok: true,
      sheet: '周报 2024-W18',
      counts: { created: 1 },
    });
    rt.ui.answers.push({ button: 'OK', text: '上周' });
    const bad = rt.call<EntryResult<'buildWeeklyReviewFromMenu'>>('buildWeeklyReviewFromMenu').result;
    expect(bad.ok).toBe(false);
    const alert = rt.ui.asks[rt.ui.asks.length - 1];
    expect(alert.kind).toBe('alert');
    expect(alert.prompt).toMatch(/无法识别周次「上周」.*2024-W19/);
    rt.ui.answers.push({ button: 'CANCEL' });
    expect(rt.call<EntryResult<'buildWeeklyReviewFromMenu'>>('buildWeeklyReviewFromMenu').result).toMatchObject({ ok: false, cancelled: true });
    expect(sheetNames(rt).filter((n) => n.startsWith('周报 '))).toEqual(['周报 2024-W18']);
  });
});

describe('concurrent builds', () => {
  it('replacing the sheet waits for the document lock; when it stays busy nothing is changed', () => {
    const { rt } = workedWeek();
    rt.clock.set(at('2024-05-13T10:00:00'));
    rt.call('buildWeeklyReview', '2024-W19');
    const id = reviewSheet(rt, '周报 2024-W19').getSheetId();
    holdTrackerLock(rt, at('2024-05-13T10:05:00'));
    expect(rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', '2024-W19').result).toEqual({
      ok: false,
      message: expect.stringMatching(/正忙/),
      code: 'busy',
    });
    expect(reviewSheet(rt, '周报 2024-W19').getSheetId()).toBe(id);
    holdTrackerLock(rt, rt.clock.now() + 5_000); // released within the wait
    expect(rt.call<EntryResult<'buildWeeklyReview'>>('buildWeeklyReview', '2024-W19').result.ok).toBe(true);
    expect(reviewSheet(rt, '周报 2024-W19').getSheetId()).not.toBe(id);
  });
});

describe('automatic weekly build from the hourly trigger', () => {
  /** A tracker set up on Wed 2024-05-01 09:15 (hourly trigger at :15) with one ticket. */
  function scheduled() {
    const rt = newRuntime({ now: at('2024-05-01T09:15:00') });
    setUp(rt);
    submitAt(rt, '2024-05-01T09:30:00', {});
    const timer = rt.triggers.find((t) => t.handler === 'onSlaTimer');
    if (!timer) throw new Error('no time trigger installed');
    return { rt, timer };
  }
  const reviews = (rt: LocalRuntime) => sheetNames(rt).filter((n) => n.startsWith('周报 '));
  const lastBuilt = (rt: LocalRuntime) =>
    rt.services.PropertiesService.getDocumentProperties().getProperty('weekly.lastBuilt');

  it('builds the previous week at the first run after Monday 09:00, once, and leaves it alone for the rest of the week', () => {
    const { rt } = scheduled();
    // The first run after setup (Wednesday) builds the week then due: W17.
    rt.tick(at('2024-05-06T08:30:00'));
    expect(reviews(rt)).toEqual(['周报 2024-W17']);
    expect(lastBuilt(rt)).toBe('2024-W17');
    const fired = rt.tick(at('2024-05-06T09:30:00'));
    expect(fired.map((f) => [new Date(f.at).toISOString(), f.ok])).toEqual([
      ['2024-05-06T01:15:00.000Z', true],
    ]);
    expect(reviews(rt)).toEqual(['周报 2024-W17', '周报 2024-W18']);
    expect(lastBuilt(rt)).toBe('2024-W18');
    const id = reviewSheet(rt, '周报 2024-W18').getSheetId();
    const runs = rt.tick(at('2024-05-12T23:00:00'));
    expect(runs.length).toBeGreaterThan(100);
    expect(runs.every((f) => f.ok)).toBe(true);
    expect(reviewSheet(rt, '周报 2024-W18').getSheetId()).toBe(id); // never rebuilt
    rt.tick(at('2024-05-13T09:30:00'));
    expect(lastBuilt(rt)).toBe('2024-W19');
    expect(reviews(rt)).toEqual(['周报 2024-W17', '周报 2024-W18', '周报 2024-W19']);
  });

  it('a late run (no run until Tuesday) still builds the previous week', () => {
    const { rt, timer } = scheduled();
    rt.tick(at('2024-05-06T08:30:00'));
    timer.nextFireAt = at('2024-05-07T14:15:00'); // Google skipped Monday's runs
    rt.tick(at('2024-05-07T14:30:00'));
    expect(reviews(rt)).toEqual(['周报 2024-W17', '周报 2024-W18']);
    expect(lastBuilt(rt)).toBe('2024-W18');
  });

  it('after two weeks without runs only the latest previous week is built', () => {
    const { rt, timer } = scheduled();
    rt.tick(at('2024-05-05T12:00:00'));
    expect(reviews(rt)).toEqual(['周报 2024-W17']);
    timer.nextFireAt = at('2024-05-21T10:15:00'); // no runs for two weeks
    rt.tick(at('2024-05-21T10:30:00'));
    expect(reviews(rt)).toEqual(['周报 2024-W17', '周报 2024-W20']);
    expect(lastBuilt(rt)).toBe('2024-W20');
  });

  it('doubled runs in the same hour build once — one after the other or overlapping', () => {
    const { rt } = scheduled();
    rt.clock.set(at('2024-05-06T09:20:00'));
    const first = rt.call<EntryResult<'onSlaTimer'>>('onSlaTimer').result;
    expect(first.weekly).toEqual({ built: '2024-W18', sheet: '周报 2024-W18' });
    const id = reviewSheet(rt, '周报 2024-W18').getSheetId();
    expect(rt.call<EntryResult<'onSlaTimer'>>('onSlaTimer').result.weekly).toEqual({ built: null });
    expect(reviewSheet(rt, '周报 2024-W18').getSheetId()).toBe(id);

    // Overlapping: the second run starts while the first waits for the weekly lock.
    rt.clock.set(at('2024-05-13T09:20:00'));
    let n = 0;
    let inner = null as EntryResult<'onSlaTimer'> | null;
    rt.interleave(
      'lock',
      () => {
        if (++n === 2) inner = rt.call<EntryResult<'onSlaTimer'>>('onSlaTimer').result;
      },
      2,
    );
    const outer = rt.call<EntryResult<'onSlaTimer'>>('onSlaTimer').result;
    expect(inner?.weekly).toEqual({ built: '2024-W19', sheet: '周报 2024-W19' });
    expect(outer.weekly).toEqual({ built: null });
    expect(reviews(rt).filter((r) => r === '周报 2024-W19')).toHaveLength(1);
  });

  it('follows the weekday and hour set in the settings sheet', () => {
    const { rt } = scheduled();
    const settings = reviewSheet(rt, '设置');
    const row =
      settings
        .getRange(1, 1, 40, 1)
        .getValues()
        .findIndex((r) => r[0] === '周报生成时间') + 1;
    expect(row).toBeGreaterThan(0);
    const edit = rt.edit(`'设置'!B${row}`, '周三 14:00');
    expect(edit.ok).toBe(true);
    const config = JSON.parse(
      rt.services.PropertiesService.getDocumentProperties().getProperty('tracker.config')!,
    );
    expect(config.settings).toMatchObject({ weeklyWeekday: 3, weeklyHour: 14 });
    rt.tick(at('2024-05-08T13:30:00')); // before Wednesday 14:00: W17 is still the due week
    expect(lastBuilt(rt)).toBe('2024-W17');
    rt.tick(at('2024-05-08T14:30:00'));
    expect(lastBuilt(rt)).toBe('2024-W18');
  });

  it('a failing weekly build does not break the sweep; it is recorded and retried next hour', () => {
    const { rt } = scheduled();
    rt.tick(at('2024-05-06T08:30:00'));
    rt.clock.set(at('2024-05-06T09:20:00'));
    // Someone holds the document lock past the weekly build's wait.
    holdTrackerLock(rt, at('2024-05-06T09:25:00'));
    const run = rt.call<EntryResult<'onSlaTimer'>>('onSlaTimer').result;
    expect(run.sweep).toMatchObject({ ok: true, skipped: 'busy' });
    expect(run.weekly.built).toBeNull();
    expect(run.weekly.error).toMatch(/繁忙/);
    const status = JSON.parse(
      rt.services.PropertiesService.getDocumentProperties().getProperty('weekly.status')!,
    );
    expect(status).toMatchObject({ ok: false, week: null });
    expect(lastBuilt(rt)).not.toBe('2024-W18');
    rt.tick(at('2024-05-06T10:30:00'));
    expect(lastBuilt(rt)).toBe('2024-W18');
    expect(
      JSON.parse(rt.services.PropertiesService.getDocumentProperties().getProperty('weekly.status')!),
    ).toMatchObject({ ok: true, week: '2024-W18' });
  });
});
