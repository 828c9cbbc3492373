// Telling people what happened to a ticket (src/app/notify.ts, issue 18), through the built bundle
// on the local runtime: who the requester is, reachably, and the "received" mail; agent actions
// tell the requester (taken, replies — a note is internal unless sent as a reply —, resolved,
// reopened, closed), and an assignee named by someone else is told; the quota; the cost.
import type { LocalRuntime } from '../../runtime';
import type { CallStats } from '../../runtime/instrument';
import { FORM, HIDDEN_VISITOR, T0, column, submit, submitAs, submitHidden, token, trackerRuntime, ticketCell as cell } from './helpers';
import type { EntryResult } from '../entries';
import { okOf } from '../entries';
import type { TicketView } from '../../src/app/contracts';

const MAIL = 'ming@corp.example.com';

function view(rt: LocalRuntime, id: string): TicketView {
  return okOf(rt.callFromClient<EntryResult<'getTicketView'>>('getTicketView', id).result);
}

function act(rt: LocalRuntime, id: string, action: string, payload: Record<string, unknown> = {}, as = 'li@example.com'): { result: EntryResult<'applyTicketAction'>; stats: CallStats } {
  rt.ctx.user.active = rt.ctx.user.effective = as;
  const v = view(rt, id);
  return rt.callFromClient<EntryResult<'applyTicketAction'>>('applyTicketAction', id, action, payload, v.version);
}

const props = (rt: LocalRuntime) => rt.services.PropertiesService.getDocumentProperties().getProperties();
const queued = (rt: LocalRuntime) => Object.keys(props(rt)).filter((k) => k.startsWith('notify.queue.'));
const mailCalls = (s: CallStats) => Object.entries(s.byMethod).filter(([k]) => k.startsWith('MailApp.')).reduce((n, [, v]) => n + v, 0);

function setSetting(rt: LocalRuntime, sheetName: string, label: string, value: string): void {
  const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName)!;
  const labels = sheet.getRange(1, 1, 60, 1).getValues().map((r) => r[0]);
  const row = labels.indexOf(label) + 1;
  expect(row).toBeGreaterThan(0);
  expect((rt.edit(`${sheetName}!B${row}`, value) as { ok: boolean }).ok).toBe(true);
}

describe('who the requester is, reachably (the issue’s order: Google, the contact, the typed field)', () => {
  it('Google’s address for the person filling the form comes first, over an email contact and a typed address', () => {
    const rt = trackerRuntime({ user: 'ming@example.com' });
    expect(submit(rt, { ...FORM, contact: 'ming.contact@corp.example.com', notifyEmail: 'ming.typed@corp.example.com' }).ok).toBe(true);
    expect(column(rt, '提交人邮箱')).toEqual(['ming@example.com']);
    expect(rt.mail.map((m) => m.to)).toEqual(['ming@example.com']);
  });

  it('an agent filing from the sidebar for a caller is named by Google: the updates go to the agent', () => {
    // li@example.com is 李工程师 in the sample agents.
    const agent = trackerRuntime({ user: 'li@example.com' });
    submit(agent, { ...FORM, notifyEmail: 'caller@corp.example.com' });
    expect(column(agent, '提交人邮箱')).toEqual(['li@example.com']);
    expect(agent.mail.map((m) => m.to)).toEqual(['li@example.com']);
  });

  it('Google hides the visitor: the contact when it is an email, over a typed address', () => {
    const rt = trackerRuntime();
    expect(submitHidden(rt, { ...FORM, contact: 'ming@corp.example.com', notifyEmail: 'other@corp.example.com' }).ok).toBe(true);
    expect(column(rt, '提交人邮箱')).toEqual(['ming@corp.example.com']);
    expect(rt.mail.map((m) => m.to)).toEqual(['ming@corp.example.com']);
  });

  it('Google hides the visitor and the contact is an extension: the typed email for updates, else nobody by mail', () => {
    const rt = trackerRuntime();
    submitHidden(rt, { ...FORM, notifyEmail: 'ming@corp.example.com' });
    submitHidden(rt, FORM);
    expect(column(rt, '提交人邮箱')).toEqual(['ming@corp.example.com', '']);
    expect(rt.mail.map((m) => m.to)).toEqual(['ming@corp.example.com']);
  });

  it('a typed address that is no address is refused in the sheet’s language, and nothing is written', () => {
    const rt = trackerRuntime();
    const r = submitHidden(rt, { ...FORM, notifyEmail: 'ming@' });
    expect(r).toMatchObject({ ok: false, code: 'invalid', errors: [{ field: 'notifyEmail', message: '接收通知的邮箱格式不正确，如 name@company.com；也可以不填。' }] });
    const en = trackerRuntime({ locale: 'en_US' });
    expect(submitHidden(en, { ...FORM, urgency: 'High', category: 'Software', notifyEmail: '13812345678' }).errors).toEqual([
      { field: 'notifyEmail', message: 'Please give an internal extension or a company email, not a personal mobile number.' },
    ]);
    expect(column(rt, '提交人邮箱')).toEqual([]);
    expect(rt.mail).toEqual([]);
  });

  it('on the web form (executes as the owner), a visitor of the owner’s Workspace domain is named; a consumer account is hidden', () => {
    const rt = trackerRuntime({ user: 'owner@example.com' });
    expect(rt.webApp('ming@example.com').run<{ ok: boolean }>('submitTicket', FORM, token()).result.ok).toBe(true);
    expect(rt.webApp(HIDDEN_VISITOR).run<{ ok: boolean }>('submitTicket', FORM, token()).result.ok).toBe(true);
    // Never the owner's own address (the effective user) for a hidden visitor.
    expect(column(rt, '提交人邮箱')).toEqual(['ming@example.com', '']);
    expect(rt.mail.map((m) => m.to)).toEqual(['ming@example.com']);
  });

  it('a tampered call from a visitor Google names, carrying another address for updates, still stores Google’s', () => {
    const rt = trackerRuntime({ user: 'owner@example.com' });
    // The form offers no such field to this visitor; the call is made by hand.
    const r = rt.webApp('ming@example.com').run<{ ok: boolean }>('submitTicket', { ...FORM, notifyEmail: 'attacker@evil.example' }, token()).result;
    expect(r.ok).toBe(true);
    expect(column(rt, '提交人邮箱')).toEqual(['ming@example.com']);
    expect(rt.mail.map((m) => m.to)).toEqual(['ming@example.com']);
    const audit = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('操作日志')!.getDataRange().getValues();
    expect(audit.flat()).not.toContain('attacker@evil.example');
  });
});

describe('the "received" mail', () => {
  it('names the ID, what happens next and the targets of its urgency from the settings (zh)', () => {
    const rt = trackerRuntime();
    const r = submitAs(rt, 'ming@corp.example.com');
    expect(rt.mail).toHaveLength(1);
    const m = rt.mail[0];
    expect(m.subject).toBe(`[${r.id}] 已收到您的问题：${FORM.title}`);
    expect(m.body).toContain('小明，您好');
    expect(m.body).toContain(`问题编号 ${r.id}（紧急程度：高）`);
    // 高: respond within 1 working hour, resolve within 2 hours round the clock (default settings).
    expect(m.body).toContain('1 个工作小时内响应');
    expect(m.body).toContain('2 小时内解决');
    expect(m.htmlBody).toBeUndefined();
    // The settings changed: the mail follows them.
    setSetting(rt, '设置', '解决时限（高）', '4h 全天');
    submitAs(rt, 'ming@corp.example.com');
    expect(rt.mail[1].body).toContain('4 小时内解决');
  });

  it('in English for an English sheet', () => {
    const rt = trackerRuntime({ locale: 'en_US', user: 'ming@example.com' });
    const r = submit(rt, { ...FORM, urgency: 'Low', category: 'Software', submitter: 'Ming' });
    expect(r.ok).toBe(true);
    const m = rt.mail[0];
    expect(m.to).toBe('ming@example.com');
    expect(m.subject).toBe(`[${r.id}] We received your request: ${FORM.title}`);
    expect(m.body).toContain('Hello Ming,');
    expect(m.body).toMatch(/responds within 1 working hour, and we aim to resolve it within .*working day/);
  });

  it('is not sent when the settings switch it off', () => {
    const rt = trackerRuntime();
    setSetting(rt, '设置', '通知提交人', '否');
    submitAs(rt, 'ming@corp.example.com');
    expect(column(rt, '提交人邮箱')).toEqual(['ming@corp.example.com']);
    expect(rt.mail).toEqual([]);
  });

  it('a settings sheet made before the switch (no row for it) sends nothing', () => {
    const rt = trackerRuntime();
    const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('设置')!;
    const labels = sheet.getRange(1, 1, 60, 1).getValues().map((r) => r[0]);
    const row = labels.indexOf('通知提交人') + 1;
    rt.edit(`设置!A${row}`, '');
    submitAs(rt, 'ming@corp.example.com');
    expect(rt.mail).toEqual([]);
  });

  it('waits in the queue when the day’s mail quota is used up, never lost', () => {
    const rt = trackerRuntime({ mailQuota: 0 });
    const r = submitAs(rt, 'ming@corp.example.com');
    expect(r.ok).toBe(true);
    expect(rt.mail).toEqual([]);
    const keys = queued(rt);
    expect(keys).toHaveLength(1);
    const item = JSON.parse(props(rt)[keys[0]]);
    expect(item.to).toBe('ming@corp.example.com');
    expect(item.part.ticketId).toBe(r.id);
  });
});

describe('the requester hears of each step (zh)', () => {
  it('taken, a reply (not an internal note), resolved with how to answer, reopened, closed', () => {
    const rt = trackerRuntime();
    const { id } = submitAs(rt, MAIL);
    expect(rt.mail).toHaveLength(1);

    expect(act(rt, id, 'accept').result.ok).toBe(true);
    expect(rt.mail[1].subject).toBe(`[${id}] 已开始处理：${FORM.title}`);
    expect(rt.mail[1].body).toContain('李工程师 已开始处理您的问题');

    rt.clock.set(rt.clock.now() + 10 * 60_000);
    expect(act(rt, id, 'note', { text: '内部：怀疑是连接池配置' }).result.ok).toBe(true);
    expect(rt.mail).toHaveLength(2);
    expect(String(cell(rt, id, '处理过程记录'))).toMatch(/李工程师: 内部：怀疑是连接池配置$/);

    rt.clock.set(rt.clock.now() + 10 * 60_000);
    expect(act(rt, id, 'note', { text: '已调整连接池，请重新登录 <b>CRM</b> 试试', reply: true }).result.ok).toBe(true);
    expect(rt.mail).toHaveLength(3);
    expect(rt.mail[2].subject).toBe(`[${id}] 处理进度：${FORM.title}`);
    expect(rt.mail[2].body).toContain('李工程师 的回复：\n已调整连接池，请重新登录 <b>CRM</b> 试试');
    expect(rt.mail[2].htmlBody).toBeUndefined();
    // The log says it went to the requester; the reply time is the mail's.
    expect(String(cell(rt, id, '处理过程记录'))).toMatch(/李工程师: 回复提交人：已调整连接池/);
    expect((cell(rt, id, '最近回复时间') as Date).getTime()).toBe(T0 + 20 * 60_000);

    expect(act(rt, id, 'resolve', { solution: '调大数据库连接池并重启服务' }).result.ok).toBe(true);
    expect(rt.mail[3].subject).toBe(`[${id}] 问题已解决，请确认：${FORM.title}`);
    expect(rt.mail[3].body).toContain('调大数据库连接池并重启服务');
    // How to answer: this runtime is a bound script with its web app deployed, so the signed
    // verification links (app/answerLinks.ts); an add-on's mail says to reply instead.
    expect(rt.mail[3].body).toContain('问题解决了吗？请点击下面的链接确认并评价');
    expect(rt.mail[3].body).toMatch(/未解决：https:\/\/script\.google\.com\/macros\/s\/[\w-]+\/exec\?t=\S+&a=notSolved/);

    expect(act(rt, id, 'feedback', { resolved: false, rating: '不满意' }).result.ok).toBe(true);
    expect(rt.mail[4].subject).toBe(`[${id}] 已重新打开：${FORM.title}`);

    expect(act(rt, id, 'resolve', { solution: '更换数据库驱动' }).result.ok).toBe(true);
    expect(act(rt, id, 'close').result.ok).toBe(true);
    expect(rt.mail[6].subject).toBe(`[${id}] 已关闭：${FORM.title}`);
    expect(rt.mail.every((m) => m.to === MAIL)).toBe(true);
    // The audit has no row for the reply stamp (the work log already records the reply).
    const auditFields = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('操作日志')!.getDataRange().getValues().map((r) => r[3]);
    expect(auditFields).not.toContain('最近回复时间');
  });

  it('an internal note stamps no reply; a reply to a requester without an address counts (told another way)', () => {
    const rt = trackerRuntime();
    const { id } = submitHidden(rt, FORM); // contact 内线8888, Google hides the visitor: no address
    act(rt, id, 'note', { text: '内部记录' });
    expect(cell(rt, id, '最近回复时间')).toBe('');
    rt.clock.set(rt.clock.now() + 5 * 60_000);
    act(rt, id, 'note', { text: '已电话告知', reply: true });
    expect((cell(rt, id, '最近回复时间') as Date).getTime()).toBe(T0 + 5 * 60_000);
    expect(rt.mail).toEqual([]);
  });

  it('a tampered reply flag is refused', () => {
    const rt = trackerRuntime();
    const { id } = submit(rt, FORM);
    const r = act(rt, id, 'note', { text: 'x', reply: 'yes' }).result;
    expect(r).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('the agent a ticket is assigned to by someone else is told; assigning oneself mails nobody', () => {
    const rt = trackerRuntime();
    const { id } = submitHidden(rt, FORM);
    expect(act(rt, id, 'assign', { assignee: '张工' }).result.ok).toBe(true);
    expect(rt.mail).toHaveLength(1);
    expect(rt.mail[0].to).toBe('zhang@example.com');
    expect(rt.mail[0].body).toContain(`李工程师 把工单「${FORM.title}」转交给您`);
    expect(act(rt, id, 'assign', { assignee: '李工程师' }).result.ok).toBe(true);
    expect(rt.mail).toHaveLength(1);
  });
});

describe('waiting and the hand-over (issue 18, with the waiting states)', () => {
  it('"waiting for the requester" asks the requester; waiting for a vendor mails nobody', () => {
    const rt = trackerRuntime();
    const { id } = submitAs(rt, MAIL);
    act(rt, id, 'accept');
    expect(act(rt, id, 'wait', { kind: 'requester', reason: '请提供报错截图' }).result.ok).toBe(true);
    expect(rt.mail).toHaveLength(3);
    expect(rt.mail[2].subject).toBe(`[${id}] 需要您的回复：${FORM.title}`);
    expect(rt.mail[2].body).toContain('请提供报错截图');
    expect(act(rt, id, 'endWait', { reason: '已收到截图' }).result.ok).toBe(true);
    expect(act(rt, id, 'wait', { kind: 'vendor', liaison: '王主管', reason: '等待供应商补丁' }).result.ok).toBe(true);
    expect(rt.mail).toHaveLength(3);
  });

  it('the tier-2 agent an escalation hands over to is told, with the background and what was tried', () => {
    const rt = trackerRuntime();
    const { id } = submitHidden(rt, FORM);
    const r = act(rt, id, 'escalate', { reason: '涉及核心业务', assignee: '李工程师', background: '连接池耗尽', tried: '重启应用' }, 'zhang@example.com').result;
    expect(r.ok).toBe(true);
    expect(rt.mail).toHaveLength(1);
    expect(rt.mail[0].to).toBe('li@example.com');
    expect(rt.mail[0].body).toContain('张工 把工单');
    expect(rt.mail[0].body).toContain('连接池耗尽\n重启应用');
  });
});

describe('in English', () => {
  it('taken and reply mails follow the sheet language', () => {
    const rt = trackerRuntime({ locale: 'en_US' });
    const { id } = submitAs(rt, MAIL, { ...FORM, urgency: 'High', category: 'Software' });
    act(rt, id, 'accept');
    act(rt, id, 'note', { text: 'Please log in again.', reply: true });
    expect(rt.mail.map((m) => m.subject)).toEqual([
      `[${id}] We received your request: ${FORM.title}`,
      `[${id}] Work has started: ${FORM.title}`,
      `[${id}] Progress update: ${FORM.title}`,
    ]);
    expect(rt.mail[2].body).toContain('Li writes:\nPlease log in again.');
  });
});

describe('quota', () => {
  it('what the quota cannot take waits; the next mail to that person carries it, combined into one message', () => {
    const rt = trackerRuntime({ mailQuota: 0 });
    const { id } = submitAs(rt, MAIL);
    act(rt, id, 'accept');
    rt.clock.set(rt.clock.now() + 60_000);
    act(rt, id, 'note', { text: '第一次回复', reply: true });
    expect(rt.mail).toEqual([]);
    expect(queued(rt)).toHaveLength(3);
    // Held back, the reply reached nobody: the update clock does not count it yet.
    expect(cell(rt, id, '最近回复时间')).toBe('');
    rt.mailData.dailyQuota = 100;
    rt.clock.set(rt.clock.now() + 60_000);
    act(rt, id, 'note', { text: '第二次回复', reply: true });
    expect(rt.mail).toHaveLength(1);
    const m = rt.mail[0];
    expect(m.subject).toBe('IT 支持：4 条工单更新');
    for (const s of ['已收到您的问题', '已开始处理', '第一次回复', '第二次回复']) expect(m.body).toContain(s);
    expect(m.body.indexOf('第一次回复')).toBeLessThan(m.body.indexOf('第二次回复'));
    expect(queued(rt)).toEqual([]);
  });
});

describe('cost', () => {
  it('an action that notifies costs at most 2 more spreadsheet-or-mail calls than one that does not', () => {
    const quiet = trackerRuntime();
    const a = submitHidden(quiet, FORM).id; // no address: nobody to mail
    const loud = trackerRuntime();
    const b = submitAs(loud, MAIL).id;
    for (const [action, payload] of [
      ['accept', {}],
      ['note', { text: '回复', reply: true }],
      ['resolve', { solution: '重启' }],
    ] as const) {
      const s0 = act(quiet, a, action, payload).stats;
      const s1 = act(loud, b, action, payload).stats;
      expect(mailCalls(s0)).toBe(0);
      expect(mailCalls(s1)).toBe(2);
      expect(s1.spreadsheetCalls + mailCalls(s1) - (s0.spreadsheetCalls + mailCalls(s0))).toBeLessThanOrEqual(2);
    }
  });
});
