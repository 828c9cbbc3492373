// The text of every notification, in both languages, and who gets it (issue 18).
import type { NotifyEvent } from '../../src/domain/notify/events';
import { composeMail, fitPart, renderPart, requesterAddress, statusEditEvent } from '../../src/domain/notify/events';
import type { Lang } from '../../src/domain/schema';
import { defaultSettings } from '../../src/domain/settings';
import { blankTicket } from '../../src/domain/ticket';
import { defaultCalendar } from '../../src/domain/calendar';
import { defaultPolicy, evaluate } from '../../src/domain/sla';
import { intlZone } from '../../src/domain/zone';

const tk = { ...blankTicket(), id: 'IT20240501001', title: 'CRM系统数据库连接错误', submitter: '小明', urgency: 'medium' as const, contact: '内线8888', notifyEmail: 'ming@corp.example.com' };
const AT = Date.parse('2024-05-01T09:15:00+08:00');

const EVENTS: NotifyEvent[] = [
  { kind: 'received' },
  { kind: 'taken', by: '张工' },
  { kind: 'reply', by: '张工', text: '已远程重启服务，请再试一次。' },
  { kind: 'waiting', by: '张工', text: '请提供报错截图。' },
  { kind: 'resolved', by: '李工程师', solution: '重启数据库服务并配置开机自启' },
  { kind: 'reopened', reason: '仍然报错' },
  { kind: 'closed', reason: '' },
  { kind: 'assigned', to: '李工程师', by: '张工', background: '数据库连接池耗尽；已重启应用' },
  { kind: 'updateDue', to: '张工', due: '2024-05-01 11:15' },
  { kind: 'confirmReminder', days: 3 },
];

const EXPECTED: Record<Lang, Record<NotifyEvent['kind'], RegExp[]>> = {
  zh: {
    received: [/问题编号 IT20240501001（紧急程度：中）/, /1 个工作小时内响应/, /4 个工作小时内解决/],
    taken: [/张工 已开始处理/],
    reply: [/张工 的回复：\n已远程重启服务/],
    waiting: [/需要您提供信息/, /请提供报错截图/, /计时暂停/],
    resolved: [/李工程师 已解决/, /重启数据库服务/, /直接回复本邮件或联系支持人员/],
    reopened: [/重新打开/, /原因：仍然报错/],
    closed: [/已关闭/],
    assigned: [/张工 把工单「CRM系统数据库连接错误」转交给您/, /数据库连接池耗尽/],
    updateDue: [/2024-05-01 11:15 前向提交人同步进度/],
    confirmReminder: [/3 个工作日内仍无回复，工单将自动关闭/, /直接回复本邮件/],
  },
  en: {
    received: [/ticket ID is IT20240501001 \(urgency: Medium\)/, /responds within 1 working hour/, /resolve it within 4 working hours/],
    taken: [/张工 has started working/],
    reply: [/张工 writes:\n已远程重启服务/],
    waiting: [/needs information from you/, /paused until you answer/],
    resolved: [/李工程师 has resolved/, /Solution:\n重启数据库服务/, /reply to this mail or contact the support team/],
    reopened: [/reopened/, /Reason: 仍然报错/],
    closed: [/closed/],
    assigned: [/handed the ticket "CRM系统数据库连接错误" over to you/, /Background and what was tried/],
    updateDue: [/progress update by 2024-05-01 11:15/],
    confirmReminder: [/no answer 3 working days after the resolution, the ticket closes itself/, /reply to this mail/],
  },
};

describe.each(['zh', 'en'] as Lang[])('messages in %s', (lang) => {
  it.each(EVENTS.map((e) => [e.kind, e] as const))('%s', (_kind, ev) => {
    const part = renderPart(tk, ev, lang, defaultSettings(lang), AT);
    for (const re of EXPECTED[lang][ev.kind]) expect(part.text).toMatch(re);
    const mail = composeMail('x@example.com', [part], lang);
    expect(mail.subject).toContain('[IT20240501001]');
    expect(mail.subject).toContain(tk.title);
    expect(mail.body).toContain(part.text);
  });

  it('a resolved mail carries the answer block it is given (the verify links) instead of "reply"', () => {
    const part = renderPart(tk, { kind: 'resolved', by: 'A', solution: 'S', answer: 'https://example.com/verify?t=abc' }, lang, defaultSettings(lang), AT);
    expect(part.text).toContain('https://example.com/verify?t=abc');
    expect(part.text).not.toMatch(/直接回复本邮件|reply to this mail/);
  });

  it('several events for one person make one message with a section each', () => {
    const parts = EVENTS.slice(0, 3).map((e) => renderPart(tk, e, lang, defaultSettings(lang), AT));
    const mail = composeMail('x@example.com', parts, lang);
    expect(mail.subject).toMatch(/3/);
    for (const p of parts) expect(mail.body).toContain(p.text);
    expect(mail.body.split('[IT20240501001]').length + mail.body.split('【IT20240501001】').length - 2).toBe(3);
  });
});

describe('addresses', () => {
  it('the ticket’s own column, else the contact when it is an email; never a phone', () => {
    expect(requesterAddress({ notifyEmail: 'a@example.com', contact: 'b@example.com' })).toBe('a@example.com');
    expect(requesterAddress({ notifyEmail: '', contact: ' b@example.com ' })).toBe('b@example.com');
    expect(requesterAddress({ notifyEmail: 'not mail', contact: '13812345678' })).toBe('');
    expect(requesterAddress({ notifyEmail: '', contact: '内线8888' })).toBe('');
  });
});

describe('plain text, one-line subjects', () => {
  it('a hand-typed title with a line break cannot add a header; markup stays text', () => {
    const part = renderPart({ ...tk, title: 'a\r\nBcc: evil@example.com' }, { kind: 'reply', by: 'x', text: '<script>alert(1)</script>' }, 'en', defaultSettings('en'), AT);
    const mail = composeMail('x@example.com', [part], 'en');
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.body).toContain('<script>alert(1)</script>');
  });

  it('a text cut for the queue says so', () => {
    const part = renderPart(tk, { kind: 'reply', by: 'x', text: '字'.repeat(3000) }, 'zh', defaultSettings('zh'), AT);
    const cut = fitPart(part, 100, 'zh');
    expect(Array.from(cut.text).length).toBeLessThan(120);
    expect(cut.text).toMatch(/截断/);
  });
});

describe('the progress-update clock counts replies the requester received (issue 18)', () => {
  const cal = defaultCalendar(intlZone('Asia/Shanghai'));
  const submittedAt = Date.parse('2024-05-01T09:00:00+08:00');
  const base = { urgency: 'medium' as const, submittedAt, status: 'inProgress' as const, tier: 'tier1' as const, firstResponseAt: submittedAt + 10 * 60_000, resolvedAt: null, slaStatus: '' };
  const at = submittedAt + 2.5 * 3_600_000; // 2.5 working hours later
  const internalNote = submittedAt + 2 * 3_600_000;

  it('without the reply measure, any work-log entry keeps it fresh (as before)', () => {
    const ev = evaluate({ ...base, lastUpdateAt: internalNote }, at, defaultPolicy(), cal, { lastWorkLogAt: internalNote });
    expect(ev.hints).not.toContain('updateOverdue');
  });

  it('with it, internal notes do not count: overdue 2 working hours after the last reply', () => {
    const none = evaluate({ ...base, lastUpdateAt: internalNote }, at, defaultPolicy(), cal, { lastWorkLogAt: internalNote, lastReplyAt: null });
    expect(none.hints).toContain('updateOverdue');
    const replied = submittedAt + 1 * 3_600_000;
    const fresh = evaluate({ ...base, lastUpdateAt: internalNote }, at, defaultPolicy(), cal, { lastWorkLogAt: internalNote, lastReplyAt: replied });
    expect(fresh.hints).not.toContain('updateOverdue');
    expect(fresh.updateDueAt).toBe(replied + 2 * 3_600_000);
  });
});

describe('statusEditEvent: a status typed in the sheet tells the requester as the sidebar would', () => {
  const resolved = { ...tk, status: 'resolved' as const, solution: '重启服务' };
  it('resolved, closed and reopened; nothing for a status that did not move or a move inside open work', () => {
    expect(statusEditEvent('inProgress', resolved, 'li@example.com')).toEqual({ kind: 'resolved', by: 'li@example.com', solution: '重启服务' });
    expect(statusEditEvent('resolved', { ...tk, status: 'closed' }, '')).toEqual({ kind: 'closed', reason: '' });
    expect(statusEditEvent('resolved', { ...tk, status: 'inProgress' }, '')).toEqual({ kind: 'reopened', reason: '' });
    expect(statusEditEvent('closed', { ...tk, status: 'pending' }, '')).toEqual({ kind: 'reopened', reason: '' });
    expect(statusEditEvent('resolved', resolved, '')).toBeNull();
    expect(statusEditEvent('pending', { ...tk, status: 'inProgress' }, '')).toBeNull();
    expect(statusEditEvent('inProgress', { ...tk, status: null as never }, '')).toBeNull();
  });
});
