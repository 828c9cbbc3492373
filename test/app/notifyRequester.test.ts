// The requester hears from the tracker (issue 18): who they are reachably, and the "received" mail,
// through the built bundle on the local runtime.
import type { LocalRuntime } from '../../runtime';
import { FORM, column, submit, token, trackerRuntime } from './helpers';

const props = (rt: LocalRuntime) => rt.services.PropertiesService.getDocumentProperties().getProperties();
const queued = (rt: LocalRuntime) => Object.keys(props(rt)).filter((k) => k.startsWith('notify.queue.'));

function setSetting(rt: LocalRuntime, sheetName: string, label: string, value: string): void {
  const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName)!;
  const labels = sheet.getRange(1, 1, 60, 1).getValues().map((r) => r[0]);
  const row = labels.indexOf(label) + 1;
  expect(row).toBeGreaterThan(0);
  expect((rt.edit(`${sheetName}!B${row}`, value) as { ok: boolean }).ok).toBe(true);
}

describe('who the requester is, reachably', () => {
  it('the email for updates typed in the form is stored in its column and mailed', () => {
    const rt = trackerRuntime();
    const r = submit(rt, { ...FORM, notifyEmail: 'ming@corp.example.com' });
    expect(r.ok).toBe(true);
    expect(column(rt, '提交人邮箱')).toEqual(['ming@corp.example.com']);
    expect(rt.mail.map((m) => m.to)).toEqual(['ming@corp.example.com']);
  });

  it('else the contact field when it is an email; an extension reaches nobody by mail', () => {
    const rt = trackerRuntime();
    submit(rt, { ...FORM, contact: 'ming@corp.example.com' });
    submit(rt, FORM);
    expect(column(rt, '提交人邮箱')).toEqual(['ming@corp.example.com', '']);
    expect(rt.mail.map((m) => m.to)).toEqual(['ming@corp.example.com']);
  });

  it('Google’s address for the person filling the form, unless that person is an agent (filling it for a caller)', () => {
    const requester = trackerRuntime({ user: 'ming@example.com' });
    submit(requester, FORM);
    expect(column(requester, '提交人邮箱')).toEqual(['ming@example.com']);
    // li@example.com is 李工程师 in the sample agents: an agent typing a caller's problem.
    const agent = trackerRuntime({ user: 'li@example.com' });
    submit(agent, FORM);
    expect(column(agent, '提交人邮箱')).toEqual(['']);
    expect(agent.mail).toEqual([]);
  });

  it('on the web form (executes as the owner), a visitor of the owner’s Workspace domain is named; a consumer account is hidden', () => {
    const rt = trackerRuntime({ user: 'owner@example.com' });
    expect(rt.webApp('ming@example.com').run<{ ok: boolean }>('submitTicket', FORM, token()).result.ok).toBe(true);
    expect(rt.webApp('someone@gmail.com').run<{ ok: boolean }>('submitTicket', FORM, token()).result.ok).toBe(true);
    // Never the owner's own address (the effective user) for a hidden visitor.
    expect(column(rt, '提交人邮箱')).toEqual(['ming@example.com', '']);
    expect(rt.mail.map((m) => m.to)).toEqual(['ming@example.com']);
  });
});

describe('the "received" mail', () => {
  it('names the ID, what happens next and the targets of its urgency from the settings (zh)', () => {
    const rt = trackerRuntime();
    const r = submit(rt, { ...FORM, notifyEmail: 'ming@corp.example.com' });
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
    submit(rt, { ...FORM, notifyEmail: 'ming@corp.example.com' });
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
    submit(rt, { ...FORM, notifyEmail: 'ming@corp.example.com' });
    expect(column(rt, '提交人邮箱')).toEqual(['ming@corp.example.com']);
    expect(rt.mail).toEqual([]);
  });

  it('a settings sheet made before the switch (no row for it) sends nothing', () => {
    const rt = trackerRuntime();
    const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('设置')!;
    const labels = sheet.getRange(1, 1, 60, 1).getValues().map((r) => r[0]);
    const row = labels.indexOf('通知提交人') + 1;
    rt.edit(`设置!A${row}`, '');
    submit(rt, { ...FORM, notifyEmail: 'ming@corp.example.com' });
    expect(rt.mail).toEqual([]);
  });

  it('waits in the queue when the day’s mail quota is used up, never lost', () => {
    const rt = trackerRuntime({ mailQuota: 0 });
    const r = submit(rt, { ...FORM, notifyEmail: 'ming@corp.example.com' });
    expect(r.ok).toBe(true);
    expect(rt.mail).toEqual([]);
    const keys = queued(rt);
    expect(keys).toHaveLength(1);
    const item = JSON.parse(props(rt)[keys[0]]);
    expect(item.to).toBe('ming@corp.example.com');
    expect(item.part.ticketId).toBe(r.id);
  });
});
