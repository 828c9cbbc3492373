// Journeys (issue 20; moved from test/app/weekly.test.ts and test/app/suggest.test.ts, issue 21):
// closing a ticket (src/app/agent.ts) files it in the knowledge base (src/gas/knowledgeSheet.ts),
// the requester's form suggests it while they type (src/app/suggest.ts), and the weekly review
// (src/app/weekly.ts) links a recurring problem to its entry. Through the built bundle.
import type { LocalRuntime } from '../../runtime';
import { FORM, trackerRuntime } from '../app/helpers';
import { KB_FORM as form, actAs, closeAction, knowledgeRows as rows, resolved } from '../app/knowledgeFixture';
import { act, at, reviewSheet, section, submitAt, workedWeek } from '../app/weeklyFixture';
import type { EntryResult } from '../entries';
import { okOf } from '../entries';

describe('knowledge base on close', () => {
  const kbRows = (rt: LocalRuntime): unknown[][] =>
    reviewSheet(rt, '知识库').getDataRange().getValues().slice(1);

  it('closing a resolved ticket with a solution adds one entry', () => {
    const { rt, A } = workedWeek();
    const rows = kbRows(rt);
    expect(rows).toHaveLength(1);
    expect(rows[0].slice(0, 5)).toEqual([
      A,
      'CRM系统数据库连接错误',
      '软件',
      FORM.description,
      '重启数据库连接池，恢复正常',
    ]);
    expect((rows[0][5] as Date).getTime()).toBe(at('2024-05-06T11:00:00'));
  });

  it('an ID closed again supersedes its older entry, keeping the helpful count', () => {
    const { rt, D } = workedWeek();
    // D already has an entry (closed before, e.g. a row moved back from the archive).
    reviewSheet(rt, '知识库')
      .getRange(3, 1, 1, 7)
      .setValues([[D, '共享盘旧标题', '其他', '旧描述', '旧方案', new Date(at('2024-04-01T10:00:00')), 2]]);
    // D's requester never confirmed it solved: the agent chooses to file it anyway (issue 20).
    act(rt, '2024-05-07T09:00:00', D, 'close', { file: true });
    // Closing appends (no read of the base); readers see one entry, the newest.
    expect(kbRows(rt).filter((r) => r[0] === D)).toHaveLength(2);
    const hits = rt.callFromClient<EntryResult<'suggestArticles'>>('suggestArticles', '共享盘权限').result.filter((h) => h.id === D);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ title: '共享盘权限申请', solution: '已在共享盘为其开通读写权限' });
    // "Helpful" adds to the newest row; the total over both rows is what ranks the entry.
    expect(rt.callFromClient('markArticleHelpful', D).result).toBe(true);
    expect(kbRows(rt).filter((r) => r[0] === D).map((r) => r[6])).toEqual([2, 1]);
  });

  it('suggestArticles finds the new entry while the requester types', () => {
    const { rt, A } = workedWeek();
    const hits = rt.callFromClient<EntryResult<'suggestArticles'>>('suggestArticles', 'CRM 数据库连接不上').result;
    expect(hits[0]).toMatchObject({ id: A, title: 'CRM系统数据库连接错误' });
    expect(hits.length).toBeLessThanOrEqual(3);
  });

  it('the review links a recurring problem to its knowledge-base entry, or says it needs an article', () => {
    const { rt, A } = workedWeek();
    submitAt(rt, '2024-05-09T10:00:00', { title: 'CRM系统数据库连接错误', category: '软件' });
    submitAt(rt, '2024-05-09T11:00:00', { title: '打印机卡纸了', category: '硬件', urgency: '低' });
    rt.clock.set(at('2024-05-13T10:00:00'));
    rt.call('buildWeeklyReview', '2024-W19');
    const rec = section(reviewSheet(rt, '周报 2024-W19'), '高频问题');
    const crm = rec.find((r) => r[2] === 'CRM系统数据库连接错误')!;
    expect(crm.slice(3, 7)).toEqual(['2', '2', expect.stringContaining(A), A]);
    const printer = rec.find((r) => r[1] === '硬件')!;
    expect(printer[6]).toBe('需编写知识库文章');
  });
});

describe('filing at close (issue 20)', () => {
  it('a resolved ticket the requester confirmed is filed as a suggestion by default; one not confirmed is kept retired', () => {
    const rt = trackerRuntime();
    const confirmed = resolved(rt, true);
    expect(closeAction(rt, confirmed)).toMatchObject({ needs: ['file'], fileDefault: true });
    expect(actAs(rt, confirmed, 'close').result.ok).toBe(true);
    const unconfirmed = resolved(rt, null, '打印机又卡纸了');
    expect(closeAction(rt, unconfirmed)).toMatchObject({ needs: ['file'], fileDefault: false });
    expect(actAs(rt, unconfirmed, 'close').result.ok).toBe(true);
    const byId = new Map(rows(rt).map((r) => [r[0], r[7]]));
    expect(byId.get(confirmed)).toBe('有效');
    expect(byId.get(unconfirmed)).toBe('停用');
    const hits = rt.callFromClient<EntryResult<'suggestArticles'>>('suggestArticles', '打印机卡纸').result.map((h) => h.id);
    expect(hits).toContain(confirmed);
    expect(hits).not.toContain(unconfirmed);
  });

  it('the agent decides: file an unconfirmed one, or keep a confirmed one out', () => {
    const rt = trackerRuntime();
    const a = resolved(rt, null);
    expect(actAs(rt, a, 'close', { file: true }).result.ok).toBe(true);
    const b = resolved(rt, true, '打印机又卡纸了');
    expect(actAs(rt, b, 'close', { file: false }).result.ok).toBe(true);
    const byId = new Map(rows(rt).map((r) => [r[0], r[7]]));
    expect(byId.get(a)).toBe('有效');
    expect(byId.get(b)).toBe('停用');
  });

  it('closing a pending ticket asks for a reason, offers no filing and files nothing', () => {
    const rt = trackerRuntime();
    const { id } = okOf(
      rt.callFromClient<EntryResult<'submitTicket'>>('submitTicket', { ...form, description: '电脑坏了,开不了机,很急' }, 'kb-token-pending-1').result,
    );
    const close = closeAction(rt, id);
    expect(close?.needs).toEqual(['reason']);
    expect(close?.fileDefault).toBeUndefined();
    expect(actAs(rt, id, 'close', { reason: '重复提交' }).result.ok).toBe(true);
    expect(rows(rt).filter((r) => r[0] === id)).toHaveLength(0);
  });
});
