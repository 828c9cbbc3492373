// Issue 23, "no original cell changed": adoption plans no write into a team's cell. Its words and
// text dates are read through the mapping (readAs), the day/month order a column decided is kept
// (dateOrdersOf) and applied by the one row decoder, rowToTicket; every use case decodes through
// ticketOfRow (src/app/tracker.ts), which hands it the stored orders.
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { dateOrdersOf, looseColumnsNotTaken, planAdoption } from '../../src/domain/adopt';
import type { ColumnMap } from '../../src/domain/columns';
import { rowToTicket } from '../../src/domain/columns';
import { fieldForHeader } from '../../src/domain/schema';
import { intlZone } from '../../src/domain/zone';

const SH = intlZone('Asia/Shanghai');
const NOW = Date.parse('2024-05-15T10:00:00+08:00');
const at = (local: string) => Date.parse(`${local}+08:00`);

// Title, Created (day first: 24/4 shows it), Priority, Status, Closed (only ambiguous dates: the usual order for `/`).
const columns: ColumnMap = { title: 0, submittedAt: 1, urgency: 2, status: 3, resolvedAt: 4 };
const rows = [
  ['Printer', '24/4/2024 09:00', 'P1', 'Open', ''],
  ['VPN', '03/05/2024 10:00', '2 - Medium', 'On Hold', ''],
  ['Mail', '05/05/2024 11:30', 'Emergency', 'Done', '06/05/2024 12:00'],
];

describe('planAdoption writes nothing into the team’s cells', () => {
  const plan = planAdoption(rows, columns, SH, 'en', (ms) => new Date(ms), NOW, 5);

  it('the team’s words and text dates are read as, not written', () => {
    expect(plan.values).toEqual([]);
    const read = plan.readAs.map((c) => [c.row, c.col, c.from, c.to instanceof Date ? c.to.getTime() : c.to]);
    expect(read).toEqual(
      expect.arrayContaining([
        [0, 2, 'P1', 'High'],
        [1, 2, '2 - Medium', 'Medium'],
        [0, 3, 'Open', 'Pending'],
        [2, 3, 'Done', 'Resolved'],
        [0, 1, '24/4/2024 09:00', at('2024-04-24T09:00:00')],
        [1, 1, '03/05/2024 10:00', at('2024-05-03T10:00:00')],
      ]),
    );
    // On Hold has no value of ours: kept, read as not open.
    expect(plan.notOpen).toEqual([{ row: 1, col: 3, value: 'On Hold' }]);
  });

  it('IDs go into the added ID column only', () => {
    expect(plan.missing).toContain('id');
    const idCol = 5 + plan.missing.indexOf('id');
    expect(plan.ids.map((c) => c.col)).toEqual([idCol, idCol, idCol]);
  });

  it('the day/month order each date column decided is kept for reading', () => {
    // Created: evidence (24/4); Resolved at: one ambiguous date, the usual order for `/` (month first).
    expect(dateOrdersOf(plan)).toEqual({ submittedAt: 'dmy', resolvedAt: 'mdy' });
    const conflict = planAdoption([['a', '24/4/2024'], ['b', '4/24/2024'], ['c', '03/05/2024']], { title: 0, submittedAt: 1 }, SH, 'en', (ms) => new Date(ms), NOW, 2);
    // Both orders in one column: none kept, its ambiguous cells stay unread (as the plan reports).
    expect(dateOrdersOf(conflict)).toEqual({});
    expect(conflict.unmapped.map((u) => u.reason)).toEqual(['ambiguousDate']);
  });
});

describe('rowToTicket reads an adopted row through the mapping', () => {
  it('the team’s words by the vocabulary, its text dates in the kept order', () => {
    const plain = rowToTicket(rows[1], columns, SH);
    expect([plain.urgency, plain.status, plain.submittedAt]).toEqual(['medium', 'closed', null]);
    const t = rowToTicket(rows[1], columns, SH, { submittedAt: 'dmy' });
    expect(t.submittedAt).toBe(at('2024-05-03T10:00:00'));
    expect(rowToTicket(rows[1], columns, SH, { submittedAt: 'mdy' }).submittedAt).toBe(at('2024-03-05T10:00:00'));
    // A date that is not ambiguous reads the same whatever the order.
    expect(rowToTicket(rows[0], columns, SH, { submittedAt: 'dmy' }).submittedAt).toBe(at('2024-04-24T09:00:00'));
  });

  it('every use case decodes rows through ticketOfRow or ticketRowReader, so none reads an adopted sheet differently', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const p = join(dir, f);
        return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
      });
    const root = join(__dirname, '../../src/app');
    const direct = files(root)
      .filter((p) => !p.endsWith('tracker.ts'))
      .filter((p) => /\b(rowToTicket|ticketDecoder)\(/.test(readFileSync(p, 'utf8')));
    expect(direct).toEqual([]);
  });
});

// Loose aliases: a team's header is read as a field when it clearly means it, and not when it only
// looks similar. "Time to Resolution" holds a duration in many logs (36 h) and a timestamp in
// others; "Resolved" may be a yes/no flag; 响应时间 may be 30分钟. Such a column is taken as the
// time field only when it holds dates (looseColumnsNotTaken); the plan says what it is kept as.
describe('headers that clearly name a field, and those that only look like one', () => {
  it.each([
    ['Due Date', null],
    ['Last Updated', 'lastUpdateAt'],
    ['Closed Date', 'resolvedAt'],
    ['Date Closed', 'resolvedAt'],
    ['Resolution', 'solution'],
    ['Solution', 'solution'],
    ['处理结果', 'solution'],
    ['解决方案', 'solution'],
    ['完成时间', 'resolvedAt'],
    ['关闭时间', 'resolvedAt'],
    ['最后更新时间', 'lastUpdateAt'],
    ['截止时间', null],
    ['处理时长', null],
    ['解决时长', null],
    ['Resolution SLA', null],
    ['Time Spent', null],
    ['Response Time', 'firstResponseAt'],
    ['First Response Time', 'firstResponseAt'],
    ['Time to Resolution', 'resolvedAt'],
  ])('%s → %s (by the header alone)', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });
});

describe('looseColumnsNotTaken: the content decides for a loose header', () => {
  const header = ['Ticket ID', 'Time to Resolution', 'First Response Time', 'Resolved', 'Closed Date', 'Last Updated'];
  it('durations, yes/no flags and time-only cells are not dates: those columns are not taken', () => {
    const rows = [
      ['T1', '36 h', new Date(Date.UTC(1899, 11, 30, 1, 30)), 'Yes', '2024-04-30 10:00', '2024-04-30 10:00'],
      ['T2', '2 days 4 hours', new Date(Date.UTC(1899, 11, 30, 0, 20)), 'No', '', '2024-05-01 09:00'],
      ['T3', 12.5, '', 'yes', '2024-05-02 11:00', '2024-05-02 11:00'],
    ];
    expect(looseColumnsNotTaken(header, rows).map((n) => [header[n.col], n.key, n.what])).toEqual([
      ['Time to Resolution', 'resolvedAt', 'duration'],
      ['First Response Time', 'firstResponseAt', 'duration'],
      ['Resolved', 'resolvedAt', 'flag'],
    ]);
  });

  it('the same headers holding dates (a helpdesk dataset writes timestamps there) are taken', () => {
    const rows = [
      ['T1', '2024-04-30 10:00:00.000', '2024-04-29 11:00:00', new Date(Date.UTC(2024, 3, 30, 2)), '', ''],
      ['T2', '2024-05-01 09:00:00.000', '', '', '', ''],
    ];
    expect(looseColumnsNotTaken(header, rows)).toEqual([]);
    // Empty columns: nothing contradicts the header.
    expect(looseColumnsNotTaken(header, [['T1', '', '', '', '', '']])).toEqual([]);
  });

  it('Chinese: 响应时间 holding 30分钟 is a duration; holding 2024/4/29 10:20:00 it is the first response', () => {
    const zh = ['工单编号', '响应时间', '首次响应'];
    expect(looseColumnsNotTaken(zh, [['GD1', '30分钟', '2小时'], ['GD2', '1小时', '15分钟']]).map((n) => [zh[n.col], n.what])).toEqual([
      ['响应时间', 'duration'],
      ['首次响应', 'duration'],
    ]);
    expect(looseColumnsNotTaken(zh, [['GD1', '2024/4/29 10:20:00', '2024年4月29日 10:20']])).toEqual([]);
    // A column of words (首次响应 holding what was said) is not dates either.
    expect(looseColumnsNotTaken(zh, [['GD1', '', '已电话联系'], ['GD2', '', '远程处理']]).map((n) => n.what)).toEqual(['other']);
  });

  it('one odd cell in a column of dates does not undo the column (4 in 5 decide)', () => {
    const rows = [['T1', '2024-04-30 10:00'], ['T2', '2024-05-01 10:00'], ['T3', '2024-05-02 10:00'], ['T4', '2024-05-03 10:00'], ['T5', 'n/a']];
    expect(looseColumnsNotTaken(['Ticket ID', 'Time to Resolution'], rows)).toEqual([]);
  });
});
