// "My tickets" on the web form (issue 18): a visitor Google names sees the tickets reported with
// their address — status, last reply, due time — and nothing about anyone else, whatever the
// request carries.
import type { LocalRuntime } from '../../runtime';
import { FORM, token, trackerRuntime } from './helpers';
import { act } from './verifyHelpers';
import type { EntryResult } from '../entries';
import { okOf } from '../entries';

// The owner (trackerRuntime's user) deploys the web app; colleagues in the same Workspace domain
// are named by Google, a consumer account is not (runtime/services/session.ts emailSeenBy).
const XIAOMING = 'xiaoming@example.com';
const XIAOHONG = 'xiaohong@example.com';
const OUTSIDER = 'someone@gmail.com';

function report(rt: LocalRuntime, visitor: string, title: string, contact = visitor): string {
  const r = okOf(rt.webApp(visitor).run<EntryResult<'submitTicket'>>('submitTicket', { ...FORM, title, contact }, token()).result);
  expect(r.ok).toBe(true);
  return r.id;
}

const mine = (rt: LocalRuntime, visitor: string, parameter: Record<string, string> = { view: 'mine' }) => rt.webApp(visitor).get(parameter).result.content;
const listedIds = (html: string) => [...html.matchAll(/<tr data-id="([^"]+)">/g)].map((m) => m[1]);

describe('my tickets', () => {
  it('lists the visitor’s own tickets, newest first, with status, last reply and due time', () => {
    const rt = trackerRuntime();
    const a = report(rt, XIAOMING, '打印机无法连接');
    const b = report(rt, XIAOHONG, '邮箱收不到信');
    const c = report(rt, XIAOMING, 'VPN 连不上');
    act(rt, a, 'accept');
    act(rt, a, 'resolve', { solution: '重装了驱动' });
    const page = mine(rt, XIAOMING);
    expect(page).toContain('我的工单');
    expect(listedIds(page)).toEqual([c, a]);
    expect(page).not.toContain(b);
    expect(page).not.toContain('邮箱收不到信');
    // The resolved one: its solution is the last reply, nothing is due; the open one has a due time.
    const rowA = page.slice(page.indexOf(`data-id="${a}"`));
    expect(rowA).toMatch(/<td>已解决<\/td><td class="reply">2024-05-01 \d\d:\d\d 重装了驱动<\/td><td>—<\/td>/);
    const rowC = page.slice(page.indexOf(`data-id="${c}"`));
    expect(rowC).toMatch(/<td>待处理<\/td><td class="reply">—<\/td><td>2024-05-0\d \d\d:\d\d<\/td>/);
    expect(listedIds(mine(rt, XIAOHONG))).toEqual([b]);
  });

  it('never takes who the visitor is from the request', () => {
    const rt = trackerRuntime();
    report(rt, XIAOHONG, '邮箱收不到信');
    const ming = report(rt, XIAOMING, '打印机无法连接');
    // Crafted: another person's address in every parameter a page could read.
    const crafted: Record<string, string>[] = [{ view: 'mine', email: XIAOHONG }, { view: 'mine', as: XIAOHONG, user: XIAOHONG }];
    for (const p of crafted) expect(listedIds(mine(rt, XIAOMING, p))).toEqual([ming]);
    // Anyone Google does not name gets no list at all, whatever they send.
    const hidden = mine(rt, OUTSIDER, { view: 'mine', email: XIAOMING });
    expect(hidden).toContain('Google 没有告诉我们您是谁');
    expect(listedIds(hidden)).toEqual([]);
    // And the team's functions stay closed to visitors (teamOnly).
    expect(() => rt.webApp(XIAOMING).run('getTicketView', ming)).toThrow();
  });

  it('matches the whole address, whatever its case, never a longer one', () => {
    const rt = trackerRuntime();
    // Reported by someone Google does not name, so the address comes from the contact field.
    const upper = report(rt, OUTSIDER, '大写地址', 'XiaoMing@Example.com');
    report(rt, OUTSIDER, '另一个地址', 'xiaoming@example.com.cn');
    expect(listedIds(mine(rt, XIAOMING))).toEqual([upper]);
  });

  it('says so when the visitor has none', () => {
    const rt = trackerRuntime();
    expect(mine(rt, XIAOMING)).toContain(`还没有用 ${XIAOMING} 提交的工单。`);
  });

  it('the web form links to it for a visitor Google names, and only for them', () => {
    const rt = trackerRuntime();
    const named = rt.webApp(XIAOMING).run<EntryResult<'getIntakeForm'>>('getIntakeForm').result;
    expect(named.myTickets).toEqual({ label: '查看我的工单', url: 'https://script.google.com/macros/s/local-deployment/exec?view=mine' });
    expect(rt.webApp(OUTSIDER).run<EntryResult<'getIntakeForm'>>('getIntakeForm').result.myTickets).toBeUndefined();
    // Not in the sidebar (its user works in the sheet), nor for the owner visiting their own web app.
    expect(rt.callFromClient<EntryResult<'getIntakeForm'>>('getIntakeForm').result.myTickets).toBeUndefined();
    expect(rt.webApp('li@example.com').run<EntryResult<'getIntakeForm'>>('getIntakeForm').result.myTickets).toBeUndefined();
  });
});
