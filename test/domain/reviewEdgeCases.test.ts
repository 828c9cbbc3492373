// Weekly review edge cases: narrow archive grids, backlog per assignee, knowledge-base links,
// feedback that reopens, tickets resolved without a response stamp.
import { buildReview, type ReviewInput } from '../../src/domain/review';
import { blankTicket, type AuditEntry, type Ticket } from '../../src/domain/ticket';
import { intlZone } from '../../src/domain/zone';
import { FORM, newRuntime, setUp, submit } from '../app/helpers';
import type { LocalRuntime } from '../../runtime';

const SH = intlZone('Asia/Shanghai');
const at = (s: string): number => Date.parse(`${s}+08:00`);
const tk = (x: Partial<Ticket> & { id: string }): Ticket => ({ ...blankTicket(), title: '测试', ...x });
const status = (ticketId: string, when: string, oldValue: string, newValue: string): AuditEntry => ({
  at: at(when),
  user: 'li@example.com',
  ticketId,
  field: '当前状态',
  oldValue,
  newValue,
  via: 'sidebar',
});
const W19 = { year: 2024, week: 19 }; // Mon 2024-05-06 – Sun 05-12
const input = (over: Partial<ReviewInput>): ReviewInput => ({
  week: W19,
  zone: SH,
  tickets: [],
  audit: [],
  now: at('2024-05-13T10:00:00'),
  workingMs: (a, b) => Math.max(0, b - a),
  sla: () => ({ response: null, resolution: null }),
  knowledge: [],
  lang: 'zh',
  ...over,
});

describe('weekly review edge cases', () => {
  test('archived tickets still count when the archive sheet is narrower than 26 columns', () => {
    const rt: LocalRuntime = newRuntime({ now: at('2024-05-01T09:15:00') });
    setUp(rt);
    const act = (when: string, id: string, action: string, payload: Record<string, unknown> = {}) => {
      rt.clock.set(at(when));
      expect(rt.call<any>('applyTicketAction', id, action, payload).result.ok).toBe(true);
    };
    rt.clock.set(at('2024-05-06T10:00:00'));
    const A = submit(rt, { ...FORM, title: '打印机卡纸' }).id;
    act('2024-05-06T10:20:00', A, 'accept');
    act('2024-05-06T11:00:00', A, 'resolve', { solution: '取出卡纸' });
    act('2024-05-06T12:00:00', A, 'close');
    rt.clock.set(at('2024-09-02T10:00:00')); // > 90 days: archived
    rt.ui.responder = (q) => ({ button: q.buttons.includes('YES') ? 'YES' : 'OK' });
    expect(rt.call<any>('archiveFromMenu').result).toMatchObject({ ok: true, archived: 1 });
    const archive = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('归档')!;
    // An archive made before the requester columns (issue 18) lacks them, and a user tidies it:
    // deletes the empty columns to the right of the used ones, so it is narrower than 26 columns.
    const header = archive.getRange(1, 1, 1, archive.getLastColumn()).getValues()[0];
    for (const h of ['最近回复时间', '提交人邮箱']) archive.deleteColumn(header.indexOf(h) + 1);
    if (archive.getMaxColumns() > archive.getLastColumn()) archive.deleteColumns(archive.getLastColumn() + 1, archive.getMaxColumns() - archive.getLastColumn());
    expect(archive.getMaxColumns()).toBeLessThan(26);
    const r = rt.call<any>('buildWeeklyReview', '2024-W19').result;
    expect(r).toMatchObject({ ok: true, archived: 1, counts: { created: 1, resolved: 1, closed: 1 } });
  });

  test('the assignee table counts every ticket open at week end, as the backlog does', () => {
    const r = buildReview(
      input({
        tickets: [
          tk({
            id: 'OLD',
            assignee: '张工',
            submittedAt: at('2024-04-29T10:00:00'),
            firstResponseAt: at('2024-04-29T10:10:00'),
            status: 'inProgress',
          }),
          tk({ id: 'NEW', assignee: '李工', submittedAt: at('2024-05-07T10:00:00'), status: 'pending' }),
        ],
      }),
    );
    expect(r.figures.counts.backlog).toBe(2);
    const rows = r.sections.find((s) => s.key === 'assignee')!.table.rows;
    // Basis says "周末未结：同积压口径" (as for the backlog): 张工 holds one open ticket, the total is the backlog.
    expect(rows.find((x) => x[0] === '张工')?.[4]).toBe(1);
    expect(rows.find((x) => x[0] === '合计')?.[4]).toBe(2);
  });

  test('a recurring problem links only an article about the same problem', () => {
    const r = buildReview(
      input({
        tickets: [
          tk({
            id: 'M1',
            title: '显示器无法显示',
            category: 'hardware',
            submittedAt: at('2024-05-07T10:00:00'),
            status: 'pending',
          }),
          tk({
            id: 'M2',
            title: '显示器无法显示',
            category: 'hardware',
            submittedAt: at('2024-05-08T10:00:00'),
            status: 'pending',
          }),
        ],
        knowledge: [
          { id: 'KB9', title: 'VPN无法连接', category: '网络', description: '', solution: '', date: null },
        ],
      }),
    );
    expect(r.figures.recurring).toHaveLength(1);
    expect(r.figures.recurring[0].kbId).toBeNull(); // got 'KB9' (shares only the bigram 无法)
    expect(r.sections.find((s) => s.key === 'recurring')!.table.rows[0][6]).toBe('需编写知识库文章');
  });

  test('a "否;不满意" answer that reopened the ticket is listed as unsatisfied in its week', () => {
    const r = buildReview(
      input({
        tickets: [
          tk({
            id: 'V1',
            title: 'VPN 无法连接',
            assignee: '张工',
            submittedAt: at('2024-05-06T10:00:00'),
            firstResponseAt: at('2024-05-06T10:20:00'),
            status: 'inProgress',
            resolvedAt: null,
            feedback: 'no:unsatisfied',
          }),
        ],
        audit: [
          status('V1', '2024-05-06T10:20:00', '待处理', '处理中'),
          status('V1', '2024-05-07T11:00:00', '处理中', '已解决'),
          status('V1', '2024-05-08T11:00:00', '已解决', '处理中'), // requester: 否;不满意 → reopened
        ],
      }),
    );
    expect(r.figures.counts.reopened).toBe(1);
    expect(r.figures.satisfaction.unsatisfiedIds).toEqual(['V1']); // got []
  });

  test('a ticket resolved without a response stamp counts in the response times as in the SLA', () => {
    const r = buildReview(
      input({
        tickets: [
          tk({
            id: 'R1',
            urgency: 'high',
            submittedAt: at('2024-05-07T10:00:00'),
            resolvedAt: at('2024-05-07T10:30:00'),
            status: 'resolved',
            responseDueAt: at('2024-05-07T11:00:00'),
            resolveDueAt: at('2024-05-07T12:00:00'),
          }),
        ],
        // what weekly.ts gets from sla.evaluate: respondedAt = firstResponseAt ?? resolvedAt → met
        sla: () => ({ response: 'met', resolution: 'met' }),
      }),
    );
    expect(r.figures.sla.response.all).toMatchObject({ inScope: 1, met: 1 });
    expect(r.figures.times.response.all).toEqual({ n: 1, median: 0.5, p90: 0.5 }); // got n 0
  });
});
