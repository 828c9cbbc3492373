// The intake sidebar as a person uses it in the `npm start` preview (Debian's Chromium through
// playwright-core): knowledge-base suggestions follow what is typed.
import { type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleTool } from '../bundle';
import { type Browser, type Frame, type Page } from 'playwright-core';
import { needs } from '../prerequisites';
import { launchChromium, startPreviewServer, type PreviewServer } from './previewServer';
import { openSidebar as openSidebarIn } from './sidebar';

jest.setTimeout(120_000);

const root = path.resolve(__dirname, '../..');
const serverJs = path.join(root, 'build', `server-attack-${process.pid}.cjs`);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-attack-'));
const suite = needs('chromium');

const startServer = (workbook: string): Promise<PreviewServer> => startPreviewServer(serverJs, workbook);

let browser: Browser;
let server: { url: string; proc: ChildProcess };
let page: Page;

const openSidebar = (caption: string): Promise<Frame> => openSidebarIn(page, caption);

/** Waits past the page's 400 ms typing pause and the server round trip. */
const settle = () => page.waitForTimeout(1500);

suite('intake sidebar in the preview: suggestions', () => {
  beforeAll(async () => {
    await bundleTool('preview/server.ts', serverJs);
    server = await startServer(path.join(tmp, 'demo.json'));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 820 }, locale: 'zh-CN' });
    await page.goto(`${server.url}/`);
    await page.waitForSelector('body[data-ready="true"]');
  });

  afterAll(async () => {
    await browser?.close();
    server?.proc.kill('SIGTERM');
    fs.rmSync(serverJs, { force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('suggestions for an earlier text go away when the text is shortened or cleared', async () => {
    const frame = await openSidebar('提交问题');
    const titles = () =>
      frame.locator('#suggestions:not([hidden]) li.suggestion .suggestion-title').allTextContents();

    await frame.getByLabel('问题标题').fill('打印机卡纸无法打印');
    // The first suggestion after a change of the knowledge base reads the sheet and caches the
    // index (app/suggest.ts): on a loaded machine it can take longer than the pause below.
    for (let end = Date.now() + 15_000; Date.now() < end && !(await titles()).includes('打印机卡纸无法打印'); ) await page.waitForTimeout(100);
    await settle();
    expect(await titles()).toContain('打印机卡纸无法打印');

    // The requester rewrites the title: "VPN" is about something else, no printer articles.
    await frame.getByLabel('问题标题').fill('VPN');
    await settle();
    expect(await titles()).not.toContain('打印机卡纸无法打印');

    await frame.getByLabel('问题标题').fill('');
    await settle();
    // The box stays (a fixed place, so nothing below moves), empty and saying what it is for.
    expect(await frame.locator('#suggestion-list li').count()).toBe(0);
    expect(await frame.locator('#suggestions-empty').isVisible()).toBe(true);
  });

  // Issue 17: the form's own script uses the server's check (src/domain/phone.ts, text.ts), so a
  // disguised mobile number or a direction override is stopped beside its field before any call.
  test.each([
    ['contact', '联系方式', '138\u200b1234\u200b5678', /个人手机号/],
    ['contact', '联系方式', '＋８６（１３８）１２３４－５６７８', /个人手机号/],
    ['contact', '联系方式', '138·1234·5678', /个人手机号/],
    ['title', '问题标题', '打印机\u202e卡纸', /改变文字方向/],
    // (A lone surrogate cannot be typed into a page: the browser turns it into U+FFFD; the server
    // refuses one sent directly: test/scenarios/hostile/badInput.test.ts.)
    ['submitter', '提交人', '小明\u2066王经理', /改变文字方向/],
  ])('the form refuses %s %p before sending', async (key, label, value, message) => {
    const frame = await openSidebar('提交问题');
    await frame.getByLabel('问题标题').fill('打印机卡纸');
    await frame.getByLabel('所属部门/区域').fill('销售部/北京分公司');
    await frame.getByLabel('问题描述').fill('三楼打印机持续卡纸,已清理两次仍然出现');
    await frame.getByLabel('提交人').fill('小明');
    await frame.getByLabel('联系方式').fill('内线8888');
    await frame.locator('#f-urgency input[type=radio]').first().check();
    await frame.getByLabel(label).fill(value);
    await frame.click('#submit');
    await frame.waitForSelector(`#err-${key}:not([hidden])`);
    expect(await frame.locator(`#err-${key}`).textContent()).toMatch(message);
    expect(await frame.locator('#result').isVisible()).toBe(false);
  });
});

