// The intake form as a person uses it, in the sidebar and in the web form (`npm start` preview,
// Debian's Chromium): nothing moves under the pointer when the vague-description warning and the
// knowledge-base suggestions appear, and a submit lost on the way is said in the form's language,
// with the input kept and a retry that makes one ticket (issue 20).
import { type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleTool } from '../bundle';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { CHROMIUM, needs } from '../prerequisites';
import { startPreviewServer, type PreviewServer } from './previewServer';

jest.setTimeout(120_000);

const root = path.resolve(__dirname, '../..');
const serverJs = path.join(root, 'build', `server-layout-${process.pid}.cjs`);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-layout-'));
const suite = needs('chromium');

const startServer = (workbook: string): Promise<PreviewServer> => startPreviewServer(serverJs, workbook);

let browser: Browser;
let server: { url: string; proc: ChildProcess };

async function ready(frame: Frame): Promise<Frame> {
  for (let i = 0; i < 200; i++) {
    const ok = await frame
      .evaluate(
        () =>
          document.readyState === 'complete' &&
          document.getElementById('app')?.getAttribute('aria-busy') === null,
      )
      .catch(() => false);
    if (ok) return frame;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('form did not load');
}

async function sidebar(page: Page): Promise<Frame> {
  await page.goto(`${server.url}/`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#menu-extensions');
  await page.click('[data-submenu="IT Support Tracker"]');
  await page.getByRole('menuitem', { name: '提交问题', exact: true }).click();
  await page.waitForSelector('#sidebar-frame[srcdoc]');
  for (let i = 0; i < 100; i++) {
    const frame = await (await page.locator('#sidebar-frame').elementHandle())!.contentFrame();
    if (frame && (await frame.$('#app').catch(() => null))) return ready(frame);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no sidebar');
}

async function webForm(page: Page): Promise<Frame> {
  await page.goto(`${server.url}/form`);
  return ready((await (await page.waitForSelector('#app')).contentFrame())!);
}

/** Where each control is in its document (scrolling aside): what a pointer would aim at. */
const positions = (frame: Frame) =>
  frame.evaluate(() =>
    ['#f-urgency-high', '#f-urgency-medium', '#f-category', '#f-submitter', '#submit'].map((sel) => {
      const r = document.querySelector(sel)!.getBoundingClientRect();
      return Math.round((r.top + window.scrollY) * 10) / 10;
    }),
  );

suite('intake form in the preview: layout and failures', () => {
  beforeAll(async () => {
    await bundleTool('preview/server.ts', serverJs);
    server = await startServer(path.join(tmp, 'demo.json'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    server?.proc.kill('SIGTERM');
    fs.rmSync(serverJs, { force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test.each([
    ['sidebar', sidebar],
    ['web form', webForm],
  ])(
    '%s: the vague warning and the suggestions appear without moving what is below',
    async (_where, open) => {
      const page = await browser.newPage({ viewport: { width: 1440, height: 820 }, locale: 'zh-CN' });
      try {
        const frame = await open(page);
        const before = await positions(frame);
        // A title the knowledge base knows, a vague description, then on to the urgency.
        await frame.getByLabel('问题标题').fill('打印机卡纸无法打印');
        await frame.getByLabel('问题描述').fill('电脑坏了');
        await frame.getByLabel('问题描述').press('Tab');
        await frame.waitForSelector('#warn-description:not([hidden])');
        await frame.waitForSelector('#suggestion-list li.suggestion');
        expect(await frame.locator('#suggestions-empty').isVisible()).toBe(false);
        expect(await positions(frame)).toEqual(before);
        // Opening a suggestion scrolls inside its box: still nothing moves.
        await frame.locator('.suggestion-toggle').first().click();
        expect(await positions(frame)).toEqual(before);
        // Fixing the description takes the warning away: the help text is back in the same place.
        await frame.getByLabel('问题描述').fill('三楼打印机持续卡纸,已清理两次仍然出现,整个小组无法打印合同');
        await frame.getByLabel('问题描述').press('Tab');
        await frame.waitForSelector('#warn-description', { state: 'hidden' });
        expect(await frame.locator('#help-description').isVisible()).toBe(true);
        expect(await positions(frame)).toEqual(before);
      } finally {
        await page.close();
      }
    },
  );

  test('web form: a submit lost on the way says so in Chinese, keeps the input, and Retry makes one ticket', async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 860 }, locale: 'zh-CN' });
    try {
      const frame = await webForm(page);
      await frame.getByLabel('问题标题').fill('投影仪无信号');
      await frame.getByLabel('所属部门/区域').fill('财务部/总部');
      await frame.getByLabel('问题描述').fill('五楼会议室投影仪连接笔记本后显示无信号,换了两根线都一样');
      await frame.getByLabel('中', { exact: true }).check();
      await frame.getByLabel('提交人').fill('陈静');
      await frame.getByLabel('联系方式').fill('分机 8123');
      // The network drops the submit (only the submit: the rest of the page keeps working).
      await page.route('**/api/form/run*', (route) =>
        /"submitTicket"/.test(route.request().postData() ?? '')
          ? route.abort('internetdisconnected')
          : route.continue(),
      );
      await frame.locator('#submit').click();
      const box = frame.locator('#form-error');
      await box.waitFor({ state: 'visible' });
      const said = (await box.textContent()) ?? '';
      expect(said).toContain('网络连接出了问题');
      expect(said).toContain('您填写的内容都还在');
      expect(said).not.toMatch(/fetch|Failed|Error/i);
      expect(await frame.getByLabel('问题标题').inputValue()).toBe('投影仪无信号');
      expect(await frame.getByLabel('联系方式').inputValue()).toBe('分机 8123');
      await page.unroute('**/api/form/run*');
      await frame.locator('#retry-submit').click();
      const id = (await frame.locator('#result-id').textContent({ timeout: 30_000 }))!.trim();
      expect(id).toMatch(/^IT20260304\d{3}$/);
      // One ticket with that title: the retry did not make a second one.
      const sheetPage = await browser.newPage({ viewport: { width: 1440, height: 820 } });
      await sheetPage.goto(`${server.url}/`);
      await sheetPage.waitForSelector('body[data-ready="true"]');
      expect(await sheetPage.locator('#sheet td[data-a1^="B"]', { hasText: /^\s*投影仪无信号\s*$/ }).count()).toBe(1);
      expect(await sheetPage.locator('#sheet td[data-a1^="A"]', { hasText: id }).count()).toBe(1);
      await sheetPage.close();
    } finally {
      await page.close();
    }
  });
});
