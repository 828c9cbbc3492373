// A requester from the form to the rating, in the `npm start` preview (Debian's Chromium through
// playwright-core), issue 18: the web form makes the ticket; the agent resolves it; the resolved
// mail arrives in the outbox (the runtime keeps every mail, saved with the workbook); its link opens
// the answer page in the preview, clicked in the preview's outbox panel; "not solved" reopens the ticket; resolved again, "solved" + 满意
// closes it; the weekly review counts the rating.
import { type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleTool } from '../bundle';
import { type Browser, type Frame, type Page } from 'playwright-core';
import { needs } from '../prerequisites';
import { launchChromium, startPreviewServer } from './previewServer';
import type { EntryName, EntryResult } from '../entries';
import { okOf } from '../entries';
import type { TicketView } from '../../src/app/contracts';

jest.setTimeout(180_000);

const root = path.resolve(__dirname, '../..');
const serverJs = path.join(root, 'build', `server-verify-${process.pid}.cjs`);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-verify-'));
const workbook = path.join(tmp, 'demo.json');
const suite = needs('chromium');
const REQUESTER = 'xiaoming@example.com';

let browser: Browser;
let server: { url: string; proc: ChildProcess };
let page: Page;

/** The preview's google.script.run bridge, as the owner (the agent working in the sheet). */
async function run<K extends EntryName>(name: K, ...args: unknown[]): Promise<EntryResult<K>> {
  const r = await fetch(`${server.url}/api/run`, { method: 'POST', body: JSON.stringify({ name, args }) });
  const out = (await r.json()) as { ok: boolean; value?: unknown; error?: string };
  if (!out.ok) throw new Error(`${name}: ${out.error}`);
  return out.value as EntryResult<K>;
}

async function act(id: string, action: string, payload: Record<string, unknown> = {}): Promise<TicketView> {
  const view = okOf(await run('getTicketView', id));
  const r = await run('applyTicketAction', id, action, payload, view.version);
  expect(r.ok).toBe(true);
  return okOf(r).view;
}

/**
 * Opens the preview's outbox panel as a person would (the bottom bar's button), takes the newest
 * mail to the requester that carries answer links (the panel lists the newest first), and clicks
 * its link whose address holds `choice` (`a=notSolved`, `r=satisfied`): the answer page opens in
 * a new tab, which is returned.
 */
async function openFromOutbox(choice: string): Promise<Page> {
  await page.goto(`${server.url}/`);
  await page.locator('#outbox-button').click();
  const panel = page.locator('#outbox-panel');
  await panel.waitFor();
  const mail = panel.locator('li.outbox-mail', { hasText: REQUESTER }).filter({ has: page.locator('a[data-link*="/exec?t="]') }).first();
  const link = mail.locator(`a[data-link*="${choice}"]`);
  expect(await link.count()).toBe(1);
  const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  return tab;
}

/** Builds this week's review and reads its 满意 row: the number of "solved" answers rated 满意. */
async function satisfiedCount(): Promise<number> {
  await run('buildWeeklyReview', '2026-W10');
  const state = await (await fetch(`${server.url}/api/state?sheet=${encodeURIComponent('周报 2026-W10')}&rows=400`)).json();
  for (const row of state.grid.rows as { v?: string }[][]) {
    const i = row.findIndex((c) => c?.v === '满意');
    if (i >= 0 && /^\d+$/.test(row[i + 1]?.v ?? '')) return Number(row[i + 1].v);
  }
  throw new Error('the review has no 满意 row');
}

async function frameOf(p: Page): Promise<Frame> {
  const frame = await (await p.waitForSelector('#app')).contentFrame();
  for (let i = 0; i < 200; i++) {
    if (await frame!.evaluate(() => document.readyState === 'complete').catch(() => false)) return frame!;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('page did not load');
}

suite('a requester from the form to the rating (preview)', () => {
  beforeAll(async () => {
    await bundleTool('preview/server.ts', serverJs);
    server = await startPreviewServer(serverJs, workbook);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 }, locale: 'zh-CN' });
  });
  afterAll(async () => {
    await browser?.close();
    server?.proc.kill();
    fs.rmSync(serverJs, { force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('form → resolved mail → "not solved" reopens → "solved" + 满意 closes → the review counts it', async () => {
    // The requester reports the problem on the web form.
    await page.goto(`${server.url}/form?as=${encodeURIComponent(REQUESTER)}`);
    let frame = await frameOf(page);
    await frame.waitForSelector('#submit');
    await frame.getByLabel('问题标题').fill('打印机提示脱机');
    await frame.getByLabel('所属部门/区域').fill('销售部/北京分公司');
    await frame.getByLabel('问题描述').fill('三楼打印机提示脱机，重启打印机和电脑都无效，整个销售组无法打印合同');
    await frame.getByLabel('中', { exact: true }).check();
    await frame.getByLabel('提交人').fill('小明');
    await frame.getByLabel('联系方式').fill(REQUESTER);
    await frame.locator('#submit').click();
    const id = (await frame.locator('#result-id').textContent({ timeout: 30_000 }))!.trim();

    // The agent takes and resolves it; the resolved mail reaches the outbox with its links.
    await act(id, 'accept');
    await act(id, 'resolve', { solution: '打印机 IP 变了，已在电脑上重新添加打印机' });
    let tab = await openFromOutbox('a=notSolved');
    frame = await frameOf(tab);
    await frame.waitForSelector('#answer');
    expect(await frame.locator('input[value="notSolved"]').isChecked()).toBe(true);
    await frame.locator('input[value="unsatisfied"]').check();
    await frame.locator('textarea[name="comment"]').fill('还是打印不了');
    await frame.locator('#send').click();
    await frame.locator('p.result[data-result="done"]').waitFor({ timeout: 30_000 });
    expect(await frame.locator('p.result').textContent()).toContain(`工单 ${id} 已重新打开`);
    expect(okOf(await run('getTicketView', id)).status).toBe('处理中');
    await tab.close();

    // Resolved again: a new mail, "solved" + 满意 closes the ticket.
    const satisfiedBefore = await satisfiedCount();
    await act(id, 'resolve', { solution: '更换了打印机网卡，已恢复打印' });
    tab = await openFromOutbox('r=satisfied');
    frame = await frameOf(tab);
    await frame.waitForSelector('#answer');
    await frame.locator('input[value="solved"]').check();
    await frame.locator('input[value="satisfied"]').check();
    await frame.locator('#send').click();
    await frame.locator('p.result[data-result="done"]').waitFor({ timeout: 30_000 });
    expect(await frame.locator('p.result').textContent()).toContain(`工单 ${id} 已解决，工单已关闭`);
    const closed = okOf(await run('getTicketView', id));
    expect(closed.status).toBe('已关闭');
    expect(closed.fields.find((f) => f.key === 'feedback')?.value).toBe('是;满意');

    await tab.close();

    // Opening the used link again changes nothing and says so.
    tab = await openFromOutbox('r=satisfied');
    frame = await frameOf(tab);
    expect(await frame.locator('p.result').textContent()).toContain('您已经回复过这个链接');
    await tab.close();

    // The weekly review of this week counts the rating.
    expect(await satisfiedCount()).toBe(satisfiedBefore + 1);
  });
});
