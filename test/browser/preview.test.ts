// The `npm start` preview in a real browser (Debian's Chromium driven by playwright-core): the
// demo workbook, the add-on menu, the intake and agent sidebars through the google.script.run
// bridge, hand edits, the clock turning rows amber then red, and a weekly review asked for through
// a prompt. Each test runs its own server on a free port with its own copy of the demo workbook.
// Screenshots for the README go to docs/preview-*.png (with UPDATE_DOCS=1).
// Over ~400 lines: one browser journey per test, each driving the page step by step.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleTool } from '../bundle';
import { type Browser, type Frame, type Page } from 'playwright-core';
import { needs } from '../prerequisites';
import { launchChromium, startPreviewServer, type PreviewServer } from './previewServer';
import { openedSidebar, runAddonMenu } from './sidebar';
import { loadRuntime, saveRuntime } from '../../runtime';
import type { EntryName } from '../entries';
import type { IntakeFormModel } from '../../src/app/contracts';

jest.setTimeout(120_000);

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'dist');
// The committed README screenshots are refreshed only on request (UPDATE_DOCS=1), so a test run
// leaves the tree clean; otherwise they go to a scratch folder.
const docs = process.env.UPDATE_DOCS ? path.join(root, 'docs') : fs.mkdtempSync(path.join(os.tmpdir(), 'preview-shots-'));
const serverJs = path.join(root, 'build', `server-test-${process.pid}.cjs`);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-'));
const template = path.join(tmp, 'template.json');
const AMBER = 'rgb(253, 226, 147)'; // #fde293
const RED = 'rgb(244, 199, 195)'; // #f4c7c3

const suite = needs('chromium');

type Server = PreviewServer;
const startServer = (workbook: string): Promise<PreviewServer> => startPreviewServer(serverJs, workbook);

function stopServer(s: Server | undefined): Promise<void> {
  if (!s || s.proc.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    s.proc.once('exit', () => resolve());
    s.proc.kill('SIGTERM');
  });
}

let browser: Browser;
let server: Server | undefined;
let page: Page;
let pageErrors: string[] = [];

suite('preview page (npm start)', () => {
  beforeAll(async () => {
    if (!fs.existsSync(path.join(dist, 'Code.js')))
      throw new Error('dist/Code.js is missing: run `node scripts/build.mjs` first (npm test does).');
    await bundleTool('preview/server.ts', serverJs);
    // The demo is made once (first run), then each test gets its own copy.
    const t0 = Date.now();
    const first = await startServer(template);
    expect(first.output()).toContain('new demo workbook');
    await stopServer(first);
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(fs.existsSync(template)).toBe(true);
    fs.mkdirSync(docs, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    fs.rmSync(serverJs, { force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  beforeEach(async () => {
    workbookFile = path.join(tmp, `wb-${Math.random().toString(36).slice(2)}.json`);
    fs.copyFileSync(template, workbookFile);
    pageErrors = [];
    await openPreview();
  });

  afterEach(async () => {
    await page?.close();
    await stopServer(server);
    expect(pageErrors).toEqual([]);
  });

  test('the demo: tabs, frozen coloured header, all statuses, amber and red rows, dropdowns, the add-on menu, xlsx', async () => {
    const tabs = await page.locator('#tabs .tab').allTextContents();
    expect(tabs).toEqual(expect.arrayContaining(['工单', '设置', '操作日志', '知识库']));
    await expect(page.locator('#tabs .tab[aria-selected="true"]')).toHaveText('工单');

    const a1 = page.locator('td[data-a1="A1"]');
    await expect(a1).toHaveText('问题编号');
    expect(await a1.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(26, 115, 232)');
    expect(await page.locator('tr.frozen').count()).toBe(1);
    expect(await a1.evaluate((el) => getComputedStyle(el).position)).toBe('sticky');

    // Column I holds 当前状态: every status occurs.
    await expect(page.locator('td[data-a1="I1"]')).toHaveText('当前状态');
    const statuses = new Set(
      await page.locator('#sheet tbody tr:not(.frozen) td:nth-child(10)').allTextContents(),
    );
    for (const s of ['待处理', '处理中', '已解决', '已关闭']) expect(statuses).toContain(s);
    const urgencies = new Set(
      await page.locator('#sheet tbody tr:not(.frozen) td:nth-child(6)').allTextContents(),
    );
    for (const s of ['高', '中', '低']) expect(urgencies).toContain(s);

    const backgrounds = await page
      .locator('#sheet tbody td[data-a1^="A"]')
      .evaluateAll((tds) => tds.map((td) => getComputedStyle(td).backgroundColor));
    expect(backgrounds).toContain(AMBER);
    expect(backgrounds).toContain(RED);

    // The add-on menu: Extensions → the add-on → its items (built by onOpen when the page opened).
    await page.click('#menu-extensions');
    await page.click('[data-submenu="IT Support Tracker"]');
    const items = await page.locator('.menu.sub [role="menuitem"]').allTextContents();
    expect(items).toEqual(
      expect.arrayContaining(['提交问题', '处理工单', '立即检查 SLA', '生成周报…', '初始化 / 修复工单表']),
    );
    await page.screenshot({ path: path.join(docs, 'preview-sheet.png') });
    await page.keyboard.press('Escape');
    await expect(page.locator('.menu')).toHaveCount(0);

    // A dropdown cell offers its validation list.
    await page.locator('td[data-a1="I2"]').dblclick();
    const options = await page.locator('select#cell-editor option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['待处理', '处理中', '已解决', '已关闭']));
    await page.keyboard.press('Escape');
    await expect(page.locator('#cell-editor')).toHaveCount(0);

    const xlsx = await page.request.get(`${server!.url}/workbook.xlsx`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
    await expect(page.locator('#download-xlsx')).toHaveAttribute('href', '/workbook.xlsx');
  });

  test('intake sidebar: fill it by its labels, submit, see the new ID and the new row; the bridge refuses a Date', async () => {
    const frame = await openSidebar('提交问题');
    const id = await submitIntake(frame, { title: '会议室电视无法投屏', urgency: '中', category: '硬件' });
    expect(id).toMatch(/^IT20260304\d{3}$/);
    const row = page.locator('#sheet tbody tr', { has: page.locator('td[data-a1^="A"]', { hasText: id }) });
    await expect(row).toHaveCount(1);
    await expect(cellOf(row, '问题标题')).toHaveText('会议室电视无法投屏');
    await expect(cellOf(row, '当前状态')).toHaveText('待处理');
    await row.locator('td').nth(1).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(docs, 'preview-intake.png') });

    // google.script.run as Google's: asynchronous, handlers and user object, JSON-safe values only.
    const probe = await frame.evaluate(() => {
      const g = (window as unknown as PageGlobals).google;
      return new Promise<unknown>((resolve) => {
        let sync = true;
        const ret = g.script.run
          .withSuccessHandler(() => resolve({ ok: true }))
          .withFailureHandler((e: Error, u: unknown) =>
            resolve({ message: e.message, user: u, sync, isError: e instanceof Error }),
          )
          .withUserObject('marker')
          .submitTicket(new Date(), 'token-12345');
        sync = false;
        if (ret !== undefined) resolve({ returned: ret });
      });
    });
    expect(probe).toEqual({
      message: 'Failed due to illegal value in property: 0',
      user: 'marker',
      sync: false,
      isError: true,
    });
    const echo = await frame.evaluate(
      () =>
        new Promise<unknown>((resolve) => {
          const g = (window as unknown as PageGlobals).google;
          let sync = true;
          g.script.run
            .withSuccessHandler((v, u) => resolve({ title: (v as IntakeFormModel).title, u, sync }))
            .withUserObject({ n: 1 })
            .getIntakeForm();
          sync = false;
        }),
    );
    expect(echo).toEqual({ title: '提交技术问题', u: { n: 1 }, sync: false });
  });

  test('web form: a requester who cannot see the sheet reports a problem; any other call is refused', async () => {
    const visitor = await browser.newPage({ viewport: { width: 900, height: 860 }, locale: 'zh-CN' });
    visitor.on('pageerror', (e) => pageErrors.push(e.message));
    await visitor.goto(`${server!.url}/form`);
    jestExpect(await visitor.title()).toBe('提交技术问题');
    const frame = (await (await visitor.waitForSelector('#app')).contentFrame())!;
    await expect
      .poll(() => frame.evaluate(() => document.getElementById('app')?.getAttribute('aria-busy') ?? null))
      .toBeNull();
    await fillIntake(frame, { title: '无线网络频繁掉线', urgency: '中', category: '网络' });
    await visitor.screenshot({ path: path.join(docs, 'web-form.png') });
    await frame.locator('#submit').click();
    const idEl = frame.locator('#result-id');
    await expect(idEl).toBeVisible();
    const id = (await idEl.textContent())!.trim();
    expect(id).toMatch(/^IT20260304\d{3}$/);
    // google.script.run reaches every global, but the visitor runs on the owner's authority.
    const refused = await frame.evaluate(
      (ticket) =>
        new Promise<string>((resolve) => {
          (window as unknown as PageGlobals).google.script.run
            .withSuccessHandler(() => resolve('ran'))
            .withFailureHandler((e: Error) => resolve(e.message))
            .getTicketView(ticket);
        }),
      id,
    );
    expect(refused).toContain('此功能只对工单表的使用者开放');
    await visitor.close();
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await expect(page.locator('#sheet td[data-a1^="A"]', { hasText: id })).toHaveCount(1);
  });

  test('agent sidebar: work the selected ticket (accept, note, resolve) and see the sheet follow', async () => {
    const intake = await openSidebar('提交问题');
    const id = await submitIntake(intake, { title: '打印机提示碳粉不足', urgency: '低', category: '硬件' });
    const row = page.locator('#sheet tbody tr', { has: page.locator('td[data-a1^="A"]', { hasText: id }) });
    await row.locator('td').nth(1).click();

    const frame = await openSidebar('处理工单');
    await expect(frame.locator('#ticket-heading')).toHaveText(id);
    await expect(frame.locator('#ticket-status')).toHaveText('待处理');
    await frame.locator('button[data-action="accept"]').click();
    await expect(frame.locator('#ticket-status')).toHaveText('处理中');
    await expect(cellOf(row, '当前状态')).toHaveText('处理中');
    await expect(cellOf(row, '负责人')).toHaveText('张工');

    await frame.locator('button[data-action="note"]').click();
    await frame.locator('#act-text').fill('已远程查看,需要更换硒鼓。');
    await frame.locator('#confirm-action').click();
    await expect(cellOf(row, '处理过程记录')).toContainText('已远程查看,需要更换硒鼓。');

    await frame.locator('button[data-action="resolve"]').click();
    await frame.locator('#act-solution').fill('更换硒鼓后打印正常。');
    await frame.locator('#confirm-action').click();
    await expect(frame.locator('#ticket-status')).toHaveText('已解决');
    await expect(cellOf(row, '当前状态')).toHaveText('已解决');
    await expect(cellOf(row, '解决方案')).toHaveText('更换硒鼓后打印正常。');
  });

  test('agent sidebar: wait for a vendor through a liaison, end it, then hand over to tier 2 (issue 18)', async () => {
    const intake = await openSidebar('提交问题');
    const id = await submitIntake(intake, { title: 'ERP接口调用超时', urgency: '中', category: '软件' });
    const row = page.locator('#sheet tbody tr', { has: page.locator('td[data-a1^="A"]', { hasText: id }) });
    await row.locator('td').nth(1).click();
    const frame = await openSidebar('处理工单');
    await expect(frame.locator('#ticket-heading')).toHaveText(id);
    await frame.locator('button[data-action="accept"]').click();
    await expect(frame.locator('#ticket-status')).toHaveText('处理中');

    await frame.locator('button[data-action="wait"]').click();
    // The liaison is asked for a vendor only.
    await expect(frame.locator('[data-need="liaison"]')).toBeHidden();
    await frame.locator('#act-kind').selectOption('vendor');
    await expect(frame.locator('[data-need="liaison"]')).toBeVisible();
    await frame.locator('#confirm-action').click();
    await expect(frame.locator('#err-act-liaison')).toContainText('接口人');
    await frame.locator('#act-liaison').fill('王主管');
    await frame.locator('#act-reason').fill('等待ERP厂商排查接口');
    await frame.locator('#confirm-action').click();
    await expect(frame.locator('#ticket-waiting')).toContainText('等待厂商（接口人：王主管）');
    await expect(cellOf(row, '等待')).toHaveText('等待厂商（接口人：王主管）');
    await expect(cellOf(row, 'SLA状态')).toContainText('等待中（厂商）');
    await page.screenshot({ path: path.join(docs, 'preview-waiting.png') });

    await frame.locator('button[data-action="endWait"]').click();
    await frame.locator('#act-reason').fill('厂商已修复接口');
    await frame.locator('#confirm-action').click();
    await expect(frame.locator('#ticket-waiting')).toBeHidden();
    await expect(cellOf(row, '等待')).toHaveText('');

    // Escalation offers only the tier-2 agents, and carries the background and what was tried.
    await frame.locator('button[data-action="escalate"]').click();
    await expect(frame.locator('#act-assignee option')).toHaveCount(2);
    await expect(frame.locator('#act-assignee option').nth(1)).toHaveText('李工程师');
    await frame.locator('#act-assignee').selectOption('李工程师');
    await frame.locator('#act-reason').fill('涉及数据库');
    await frame.locator('#act-background').fill('ERP接口调用超时，影响订单同步');
    await frame.locator('#act-tried').fill('重启接口服务');
    await frame.locator('#confirm-action').click();
    await expect(cellOf(row, '负责人')).toHaveText('李工程师');
    await expect(cellOf(row, '支持级别')).toHaveText('二线');
    await expect(cellOf(row, '处理过程记录')).toContainText('已尝试：重启接口服务');
  });

  test('hand edits: a dropdown offers its list, a value outside it is refused, onEdit runs', async () => {
    const intake = await openSidebar('提交问题');
    const id = await submitIntake(intake, { title: '扫描仪卡纸', urgency: '低', category: '硬件' });
    await page.click('#sidebar-close');
    const row = page.locator('#sheet tbody tr', { has: page.locator('td[data-a1^="A"]', { hasText: id }) });
    const urgency = cellOf(row, '紧急程度');
    const a1 = (await urgency.getAttribute('data-a1'))!;

    // Typing a value that is not in the list: the strict rule refuses it, the cell keeps its value.
    await urgency.click();
    await expect(page.locator('#name-box')).toHaveValue(a1);
    await page.fill('#formula-bar', '很急');
    await page.press('#formula-bar', 'Enter');
    await expect(page.locator('#ask')).toBeVisible();
    await expect(page.locator('#ask-title')).toHaveText('输入的数据无效');
    await page.click('#ask button[data-button="OK"]');
    await expect(page.locator(`td[data-a1="${a1}"]`)).toHaveText('低');

    // Choosing from the dropdown: accepted; the installable onEdit recomputes the SLA due times.
    const dueBefore = await cellOf(row, '解决截止').textContent();
    await page.locator(`td[data-a1="${a1}"]`).dblclick();
    await page.locator('select#cell-editor').selectOption('高');
    await expect(page.locator(`td[data-a1="${a1}"]`)).toHaveText('高');
    await expect(cellOf(row, '解决截止')).not.toHaveText(dueBefore ?? '');
  });

  test('the clock: an accepted high-urgency ticket turns amber, then red, as time passes', async () => {
    const intake = await openSidebar('提交问题');
    const id = await submitIntake(intake, { title: '财务系统无法登录', urgency: '高', category: '软件' });
    const row = page.locator('#sheet tbody tr', { has: page.locator('td[data-a1^="A"]', { hasText: id }) });
    await row.locator('td').nth(1).click();
    const agent = await openSidebar('处理工单');
    await expect(agent.locator('#ticket-heading')).toHaveText(id);
    await agent.locator('button[data-action="accept"]').click();
    await expect(cellOf(row, '当前状态')).toHaveText('处理中');
    await page.click('#sidebar-close');

    const bg = () =>
      row
        .locator('td')
        .nth(1)
        .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await bg()).toBe('rgb(255, 255, 255)');
    await expect(page.locator('#clock-now')).toContainText('2026-03-04 10:00');
    await page.click('[data-advance="60"]');
    await expect(page.locator('#clock-now')).toContainText('2026-03-04 11:00');
    expect(await bg()).toBe('rgb(255, 255, 255)');
    // One move at a time, each waited for: the next click aims at a settled toolbar.
    for (const t of ['11:15', '11:30', '11:45']) {
      await page.click('[data-advance="15"]');
      await expect(page.locator('#clock-now')).toContainText(`2026-03-04 ${t}`);
    }
    await runMenu('立即检查 SLA');
    await expect(page.locator('#toasts .toast').last()).toContainText('SLA');
    await expect.poll(bg).toBe(AMBER);
    await row.locator('td').nth(1).scrollIntoViewIfNeeded();
    const amberShot = await page.screenshot();

    for (const t of ['12:00', '12:15']) {
      await page.click('[data-advance="15"]');
      await expect(page.locator('#clock-now')).toContainText(`2026-03-04 ${t}`);
    }
    await expect.poll(bg).toBe(RED);
    await row.locator('td').nth(1).scrollIntoViewIfNeeded();
    // Toasts close themselves after 8 s: close the ones still there in one step (no click on a
    // button that may vanish meanwhile).
    await page.evaluate(() => document.querySelectorAll<HTMLElement>('#toasts .toast-close').forEach((b) => b.click()));
    await page.screenshot({ path: path.join(docs, 'preview-amber-red.png') });
    expect(amberShot.length).toBeGreaterThan(0);

    // "Go to" reads the typed time as the spreadsheet zone's wall time, not the browser's.
    await page.fill('#clock-to', '2026-03-05T09:30');
    await page.click('#clock-go');
    await expect(page.locator('#clock-now')).toContainText('2026-03-05 09:30');
  });

  test('the clock toolbar keeps its buttons in place whatever its texts say', async () => {
    const xs = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('#clock button, #clock-to')).map((b) => {
          const r = b.getBoundingClientRect();
          return [Math.round(r.left), Math.round(r.width)];
        }),
      );
    const before = await xs();
    await page.evaluate(() => {
      document.getElementById('clock-info')!.textContent = '已运行 12 次触发器 · 下一个 2026-03-05 09:00 onSlaTimer · 再下一个 …';
      document.getElementById('clock-now')!.textContent = '2026-12-31 23:59 (Asia/Shanghai)';
    });
    expect(await xs()).toEqual(before);
    await page.evaluate(() => (document.getElementById('clock-info')!.textContent = ''));
    expect(await xs()).toEqual(before);
    // And a real move of the clock (its texts change) leaves them where they were.
    await page.click('[data-advance="60"]');
    await expect(page.locator('#clock-now')).toContainText('2026-03-04 11:00');
    expect(await xs()).toEqual(before);
    // A move the clock refuses (decades of hourly runs) is said in the page, in the sheet's
    // language, and nothing moves (issue 20: it used to fail silently).
    await page.fill('#clock-to', '2090-01-01T09:00');
    await page.click('#clock-go');
    await expect(page.locator('#ask-title')).toHaveText('输入的数据无效');
    await expect(page.locator('#ask-message')).toHaveText('把时钟拨到 2090-01-01 09:00 会运行超过 5000 次触发器；请分几步拨。什么都没有运行。');
    await page.click('#ask button[data-button="OK"]');
    await expect(page.locator('#ask-layer')).toBeHidden();
    await expect(page.locator('#clock-now')).toContainText('2026-03-04 11:00');
  });

  test('weekly review: the prompt is answered in the page, the review sheet appears', async () => {
    // Cancel first: nothing is built.
    await runMenu('生成周报…');
    await expect(page.locator('#ask')).toBeVisible();
    await expect(page.locator('#ask-input')).toBeVisible();
    await page.click('#ask button[data-button="CANCEL"]');
    await expect(page.locator('#ask-layer')).toBeHidden();
    await expect(page.locator('#tabs .tab[data-sheet="周报 2026-W10"]')).toHaveCount(0);

    await runMenu('生成周报…');
    await page.fill('#ask-input', '2026-W10');
    await page.click('#ask button[data-button="OK"]');
    const tab = page.locator('#tabs .tab[data-sheet="周报 2026-W10"]');
    await expect(tab).toHaveCount(1);
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('#sheet td').first()).not.toHaveText('');
    const text = await page.locator('#sheet').innerText();
    expect(text).toContain('2026-W10');
    // The review's charts are drawn from their data: the category columns add up to the week's new tickets (B7).
    const column = page.locator('.chart.drawn[data-type="COLUMN"]').first();
    await expect(column.locator('.chart-title')).toContainText('按问题类型');
    const bars = await column
      .locator('rect.bar')
      .evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('data-value'))));
    expect(bars.length).toBeGreaterThan(1);
    expect(bars.reduce((a, b) => a + b, 0)).toBe(Number(await page.locator('td[data-a1="B7"]').textContent()));
    expect(await page.locator('.chart.drawn[data-type="PIE"] .slice').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(docs, 'preview-weekly.png') });
    // The README's view of the charts: a taller window, the toast closed, the charts scrolled in.
    await page.setViewportSize({ width: 1440, height: 1060 });
    await page.evaluate(() => document.querySelectorAll<HTMLElement>('#toasts .toast-close').forEach((b) => b.click()));
    await column.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(docs, 'preview-charts.png') });
  });

  test('pivot sheets: Sheets\' pivot look; a slicer lists its values, unticking one re-filters the pivots and the chart over one', async () => {
    // The weekly run's pivot sheet: three slicers (week, department, category) over its pivots;
    // unticking a category takes it out of every pivot.
    await page.click('#tabs .tab[data-sheet="周报透视"]');
    await expect(page.locator('.slicer')).toHaveCount(3);
    await expect(page.locator('td.pv-grand').first()).toBeVisible();
    await page.locator('.slicer', { hasText: '问题类型' }).click();
    const categories = page.locator('.slicer-list label');
    const gone = ((await categories.first().textContent()) ?? '').trim();
    const inPivots = page.locator('td.pv').filter({ hasText: new RegExp(`^${gone}$`) });
    jestExpect(await inPivots.count()).toBeGreaterThan(0);
    await page.locator('.slicer-list').getByLabel(gone).uncheck();
    await page.locator('.slicer-list').getByRole('button', { name: '确定' }).click();
    await expect(inPivots).toHaveCount(0);
    await page.locator('.slicer', { hasText: '问题类型' }).click();
    await expect(page.locator('.slicer-list')).toBeVisible();
    await page.screenshot({ path: path.join(docs, 'preview-pivot.png') });
    await page.keyboard.press('Escape');

    // A pivot sheet made through the runtime's own API in this test's copy of the demo: tickets by
    // category × urgency (COUNTA of the ID), a slicer on the status, a column chart of the pivot.
    await page.close();
    await stopServer(server);
    const rt = loadRuntime(workbookFile, { distDir: dist });
    const app = rt.services.SpreadsheetApp;
    const ss = app.getActiveSpreadsheet();
    const tickets = ss.getSheetByName('工单')!;
    const data = tickets.getDataRange();
    const values = data.getValues();
    const col = (name: string) => values[0].map(String).indexOf(name) + 1;
    const rows = values.slice(1).filter((r) => r[col('问题编号') - 1] !== '');
    const open = rows.filter((r) => r[col('当前状态') - 1] !== '已关闭').length;
    expect(open).toBeLessThan(rows.length);
    const pv = ss.insertSheet('透视表');
    const pivot = pv.getRange('A1').createPivotTable(data);
    pivot.addRowGroup(col('问题类型'));
    pivot.addColumnGroup(col('紧急程度'));
    pivot.addPivotValue(col('问题编号'), app.PivotTableSummarizeFunction.COUNTA);
    pv.insertSlicer(data, 2, 8).setColumnFilterCriteria(col('当前状态'), null).setTitle('当前状态');
    // The chart reads the category rows of the pivot (its header row to the row above the grand total).
    const out = pv.getDataRange();
    pv.insertChart(
      pv
        .newChart()
        .asColumnChart()
        .addRange(pv.getRange(2, 1, out.getNumRows() - 2, out.getNumColumns() - 1))
        .setOption('title', '按问题类型与紧急程度')
        .setPosition(8, 8, 0, 0)
        .build(),
    );
    ss.setActiveSheet(tickets);
    saveRuntime(rt, workbookFile);
    await openPreview();

    await page.click('#tabs .tab[data-sheet="透视表"]');
    await expect(page.locator('td[data-a1="A1"]')).toHaveAttribute('class', /pv-head/);
    const grand = () => page.locator('td.pv-grand').last();
    await expect(grand()).toHaveText(String(rows.length));
    await expect(page.locator('td.pv-total', { hasText: '总计' })).toHaveCount(2);
    const bars = () =>
      page
        .locator('.chart.drawn rect.bar')
        .evaluateAll((rs) => rs.reduce((a, r) => a + Number(r.getAttribute('data-value')), 0));
    jestExpect(await bars()).toBe(rows.length);

    const slicer = page.locator('.slicer');
    await expect(slicer.locator('.slicer-title')).toHaveText('当前状态');
    await expect(slicer.locator('.slicer-status')).toHaveText('显示所有项');
    await slicer.click();
    const list = page.locator('.slicer-list');
    await expect(list).toBeVisible();
    const listed = await list.locator('label').allTextContents();
    for (const s of ['待处理', '处理中', '已解决', '已关闭']) jestExpect(listed).toContain(s);
    await list.getByLabel('已关闭').uncheck();
    await list.getByRole('button', { name: '确定' }).click();
    await expect(grand()).toHaveText(String(open));
    await expect(page.locator('.slicer .slicer-status')).toHaveText(`显示 ${listed.length - 1} 项（共 ${listed.length} 项）`);
    await expect.poll(bars).toBe(open);
    // Opened again, the list shows the slicer's state: the closed status unticked.
    await page.locator('.slicer').click();
    await expect(list).toBeVisible();
    jestExpect(await list.getByLabel('已关闭').isChecked()).toBe(false);
    jestExpect(await list.getByLabel('待处理').isChecked()).toBe(true);
    await page.keyboard.press('Escape');
    await expect(list).toBeHidden();
  });
});

let headers: string[] = [];
let workbookFile = '';

/** Starts the server on this test's workbook and opens the page. */
async function openPreview(): Promise<void> {
  server = await startServer(workbookFile);
  page = await browser.newPage({ viewport: { width: 1440, height: 820 }, locale: 'zh-CN' });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${server.url}/`);
  await page.waitForSelector('body[data-ready="true"]');
  headers = (await page.locator('#sheet tbody tr[data-row="1"] td').allTextContents()).map((t) => t.trim());
}
/** The cell of `row` under the header `name` (the ticket sheet's header row 1). */
function cellOf(row: ReturnType<Page['locator']>, name: string) {
  const i = headers.indexOf(name);
  if (i < 0) throw new Error(`no column ${name} in ${headers.join(', ')}`);
  return row.locator('td').nth(i);
}

const runMenu = (caption: string): Promise<void> => runAddonMenu(page, caption);
/** Opens a sidebar from the add-on menu; returns its frame once its (new) page has loaded its data. */
const openSidebar = (caption: string): Promise<Frame> => openedSidebar(page, () => runMenu(caption));

async function submitIntake(
  frame: Frame,
  o: { title: string; urgency: '高' | '中' | '低'; category: string },
): Promise<string> {
  await fillIntake(frame, o);
  await frame.locator('#submit').click();
  const idEl = frame.locator('#result-id');
  await expect(idEl).toBeVisible();
  const id = (await idEl.textContent())!.trim();
  await expect(page.locator('#sheet td[data-a1^="A"]', { hasText: id })).toHaveCount(1);
  return id;
}

async function fillIntake(frame: Frame, o: { title: string; urgency: '高' | '中' | '低'; category: string }): Promise<void> {
  await frame.getByLabel('问题标题').fill(o.title);
  await frame.getByLabel('所属部门/区域').fill('财务部/总部');
  await frame
    .getByLabel('问题描述')
    .fill(`${o.title}：今天上午开始出现，已重启电脑仍然无法解决，影响本组日常工作。`);
  await frame.getByLabel(o.urgency, { exact: true }).check();
  await frame.getByLabel('问题类型').selectOption({ label: o.category });
  await frame.getByLabel('提交人').fill('陈静');
  await frame.getByLabel('联系方式').fill('分机 8123');
}

/**
 * google.script.run as a page has it (HtmlService's, or the preview's shim, preview/page/shim.ts):
 * handlers and a user object, then any entry point by name.
 */
type ScriptRun = {
  withSuccessHandler(f: (value: unknown, user: unknown) => void): ScriptRun;
  withFailureHandler(f: (e: Error, user: unknown) => void): ScriptRun;
  withUserObject(u: unknown): ScriptRun;
} & { [K in EntryName]: (...args: unknown[]) => unknown };
type PageGlobals = { google: { script: { run: ScriptRun } } };

/** Playwright-style waiting assertions on top of jest's expect (no @playwright/test here): locators retry. */
const jestExpect: jest.Expect = (globalThis as unknown as { expect: jest.Expect }).expect;
// The wrapper answers jest's matchers for a value and the waiting ones below for a locator: one
// return type cannot say which a call site gets, so these three stay `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- jest's matchers or the locator's, by the argument
function expect<T>(actual: T): any {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- probed for a locator's methods just below
  const loc = actual as any;
  if (loc && typeof loc === 'object' && typeof loc.waitFor === 'function' && typeof loc.count === 'function')
    return locatorExpect(loc, false);
  return jestExpect(actual);
}
expect.poll = <T>(fn: () => Promise<T> | T, opts: { timeout?: number } = {}) => ({
  async toBe(want: T): Promise<void> {
    const until = Date.now() + (opts.timeout ?? 10_000);
    let last: T | undefined;
    for (;;) {
      last = await fn();
      if (last === want) return;
      if (Date.now() > until) return jestExpect(last).toBe(want);
      await new Promise((r) => setTimeout(r, 100));
    }
  },
  async toBeNull(): Promise<void> {
    return expect.poll(fn, opts).toBe(null as T);
  },
});
expect.arrayContaining = jestExpect.arrayContaining;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a Playwright Locator; its matchers are built here
function locatorExpect(loc: any, negate: boolean): any {
  const timeout = 10_000;
  const retry = async (
    what: string,
    check: () => Promise<boolean>,
    detail: () => Promise<unknown>,
  ): Promise<void> => {
    const until = Date.now() + timeout;
    for (;;) {
      const ok = await check().then(
        (v) => v !== negate,
        () => false,
      );
      if (ok) return;
      if (Date.now() > until)
        throw new Error(
          `expect(${loc})${negate ? '.not' : ''}.${what} failed; got ${JSON.stringify(await detail().catch((e) => String(e)))}`,
        );
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const text = async () => ((await loc.count()) ? ((await loc.first().textContent()) ?? '').trim() : null);
  const api = {
    get not() {
      return locatorExpect(loc, !negate);
    },
    toBeVisible: () =>
      retry(
        'toBeVisible()',
        () => loc.first().isVisible(),
        () => loc.count(),
      ),
    toBeHidden: () =>
      retry(
        'toBeHidden()',
        async () => !(await loc.first().isVisible()),
        () => loc.count(),
      ),
    toHaveCount: (n: number) =>
      retry(
        `toHaveCount(${n})`,
        async () => (await loc.count()) === n,
        () => loc.count(),
      ),
    toHaveText: (s: string | RegExp) =>
      retry(
        `toHaveText(${s})`,
        async () => {
          const t = await text();
          return t !== null && (typeof s === 'string' ? t === s.trim() : s.test(t));
        },
        text,
      ),
    toHaveValue: (v: string) =>
      retry(
        `toHaveValue(${v})`,
        async () => (await loc.first().inputValue()) === v,
        () => loc.first().inputValue(),
      ),
    toContainText: (s: string) =>
      retry(`toContainText(${s})`, async () => ((await text()) ?? '').includes(s), text),
    toHaveAttribute: (name: string, v: string | RegExp) =>
      retry(
        `toHaveAttribute(${name}, ${v})`,
        async () => {
          const a = await loc.first().getAttribute(name);
          return a !== null && (typeof v === 'string' ? a === v : v.test(a));
        },
        () =>
          loc
            .first()
            .getAttribute(name)
            .then((a: string | null) => (a && a.length > 200 ? `${a.slice(0, 200)}…` : a)),
      ),
  };
  return api;
}
