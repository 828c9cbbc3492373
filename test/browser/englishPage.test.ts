// The preview of an English workbook in a real browser (Debian's Chromium): every word the page
// shows is English — its toolbar, tabs, sheet, the add-on menu and the intake sidebar — and the
// page says so (<html lang="en">, Latin fonts first). test/preview/page.test.ts checks the
// served HTML; this checks what a person sees once the page has drawn itself (issue 20).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type Frame, type Page } from 'playwright-core';
import { createLocalRuntime, saveRuntime } from '../../runtime';
import { bundleTool } from '../bundle';
import { needs } from '../prerequisites';
import { DEMO_NOW, launchChromium, startPreviewServer, type PreviewServer } from './previewServer';
import { openedSidebar } from './sidebar';

jest.setTimeout(120_000);

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'dist');
const serverJs = path.join(root, 'build', `server-english-${process.pid}.cjs`);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-en-'));
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const suite = needs('chromium');

let browser: Browser;
let server: PreviewServer | undefined;

/** Text of the page (or frame) with a few characters around each CJK character, or [] when none. */
const chinese = (where: Page | Frame) =>
  where.evaluate((re) => document.body.innerText.match(new RegExp(`.{0,20}${re}.{0,20}`, 'g')) ?? [], CJK.source);

suite('the English preview page', () => {
  beforeAll(async () => {
    // An English tracker, set up as `init --locale en` makes it.
    const rt = createLocalRuntime({ distDir: dist, now: Date.parse(DEMO_NOW), timeZone: 'America/New_York', locale: 'en_US', user: 'lee@example.com' });
    rt.ui.responder = (q) => ({ button: q.buttons.includes('YES') ? 'YES' : 'OK' });
    rt.call('setupTrackerFromMenu');
    const workbook = path.join(tmp, 'en.json');
    saveRuntime(rt, workbook);
    await bundleTool('preview/server.ts', serverJs);
    server = await startPreviewServer(serverJs, workbook);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    server?.proc.kill('SIGTERM');
    fs.rmSync(serverJs, { force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('page, menu and sidebar: English only, lang en, Latin fonts first', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    try {
      await page.goto(`${server!.url}/`);
      await page.waitForSelector('body[data-ready="true"]');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily.split(',')[0].trim().replace(/["']/g, ''))).toBe('Roboto');
      expect(await page.locator('#tabs .tab').allTextContents()).toEqual(expect.arrayContaining(['Tickets', 'Settings']));
      expect(await chinese(page)).toEqual([]);

      await page.click('#menu-extensions');
      await page.click('[data-submenu="IT Support Tracker"]');
      const items = await page.locator('.menu.sub [role="menuitem"]').allTextContents();
      expect(items).toEqual(expect.arrayContaining(['Report a problem', 'Work on a ticket']));
      expect(await chinese(page)).toEqual([]);

      const frame = await openedSidebar(page, () => page.getByRole('menuitem', { name: 'Report a problem', exact: true }).click());
      expect(await frame.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await chinese(frame)).toEqual([]);
      expect(await chinese(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
