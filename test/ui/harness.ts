// Visual harness for the sidebars: bundles src/ui/<page> the way scripts/build.mjs does, injects the
// fake google.script.run (test/ui/fake-google.ts), drives each page through its states in headless
// Chromium and writes screenshots. Checks on the way: no horizontal scroll at 300 px, one blue
// primary button visible, one submit for a double click, labels usable by Playwright's getByLabel.
//
// Run:  npx esbuild test/ui/harness.ts --bundle --platform=node --format=cjs --packages=external \
//         --outfile=local/ui-harness/harness.cjs && node local/ui-harness/harness.cjs [--docs]
// Output: local/ui-harness/*.html (open them in a browser: ?lang=en&scenario=...) and *.png;
// --docs also copies the chosen shots to docs/intake-sidebar.png and docs/ticket-sidebar.png.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';

const root = path.resolve(__dirname, '..', '..');
const outDir = path.join(root, 'local', 'ui-harness');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const WIDTH = 300;

async function bundle(entry: string): Promise<string> {
  const r = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    charset: 'utf8',
    legalComments: 'none',
    write: false,
  });
  return r.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
}

async function buildPage(name: string, fake: string): Promise<string> {
  const ui = path.join(root, 'src', 'ui');
  const css = fs.readFileSync(path.join(ui, 'addon.css'), 'utf8');
  const js = await bundle(path.join(ui, `${name}.ts`));
  let html = fs.readFileSync(path.join(ui, 'sidebar.html'), 'utf8');
  html = html.replace('<!-- inline:style -->', () => `<style>\n${css}</style>`);
  html = html.replace('<!-- inline:script -->', () => `<script>\n${fake}</script>\n<script>\n${js}</script>`);
  const file = path.join(outDir, `${name}.html`);
  fs.writeFileSync(file, html);
  return file;
}

const failures: string[] = [];
function expect(ok: boolean, what: string): void {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

async function checkLayout(page: Page, what: string): Promise<void> {
  const m = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
    primaries: Array.from(document.querySelectorAll('button.action')).filter(
      (b) => (b as HTMLElement).offsetParent !== null,
    ).length,
  }));
  expect(m.scroll <= m.client, `${what}: no horizontal scroll (${m.scroll} ≤ ${m.client})`);
  expect(m.primaries <= 1, `${what}: at most one visible primary button (${m.primaries})`);
}

async function shot(page: Page, name: string): Promise<string> {
  const file = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function intake(page: Page, file: string, lang: 'zh' | 'en'): Promise<void> {
  const zh = lang === 'zh';
  const url = (q = '') => `file://${file}?lang=${lang}${q}`;
  const L = zh
    ? {
        title: '问题标题',
        dept: '所属部门/区域',
        desc: '问题描述',
        submitter: '提交人',
        contact: '联系方式',
        cat: '问题类型',
        high: '高',
        submit: '提交',
      }
    : {
        title: 'Title',
        dept: 'Department / Location',
        desc: 'Description',
        submitter: 'Submitter',
        contact: 'Contact',
        cat: 'Category',
        high: 'High',
        submit: 'Submit',
      };

  // Blank form.
  await page.goto(url());
  await page.waitForSelector('#submit');
  await checkLayout(page, `intake ${lang} blank`);
  await shot(page, `intake-${lang}-blank`);

  // Client-side errors: empty fields, too-long title, personal mobile.
  await page
    .getByLabel(L.title, { exact: true })
    .fill(
      zh
        ? '打开CRM系统时提示数据库连接错误导致无法录入客户'
        : 'CRM says database connection error and nobody in sales can work',
    );
  await page.getByLabel(L.contact, { exact: true }).fill('+86 138-1234-5678');
  await page.getByLabel(L.desc, { exact: true }).fill(zh ? '不好用' : 'broken');
  await page.getByLabel(L.desc, { exact: true }).blur();
  await page.click('#submit');
  const errs = await page.evaluate(() =>
    Array.from(document.querySelectorAll('.field-error:not([hidden])')).map((e) => e.id),
  );
  expect(
    errs.includes('err-title') &&
      errs.includes('err-contact') &&
      errs.includes('err-department') &&
      errs.includes('err-urgency'),
    `intake ${lang}: errors beside fields (${errs.join(',')})`,
  );
  expect(
    (await page.getAttribute('#f-contact', 'aria-invalid')) === 'true',
    `intake ${lang}: aria-invalid on contact`,
  );
  expect(await page.isVisible('#warn-description'), `intake ${lang}: vague warning shown`);
  expect(
    await page.$eval('#title-counter', (e) => e.classList.contains('over')),
    `intake ${lang}: counter red past 20`,
  );
  expect(
    (await page.evaluate(
      () => (window as any).__calls.filter((c: unknown[]) => c[0] === 'submitTicket').length,
    )) === 0,
    `intake ${lang}: blocked client-side`,
  );
  await checkLayout(page, `intake ${lang} errors`);
  await shot(page, `intake-${lang}-errors`);

  // Suggestions while typing, expanded, "this solved it".
  await page.getByLabel(L.title, { exact: true }).fill(zh ? 'CRM系统数据库连接错误' : 'CRM database error');
  await page.waitForSelector('#suggestions:not([hidden]) li.suggestion');
  const titles = await page.$$eval('.suggestion-title', (els) => els.map((e) => e.textContent));
  expect(
    titles.length === 3 && titles.some((t) => (t || '').includes('<b>')),
    `intake ${lang}: 3 suggestions, markup shown as text`,
  );
  await page.click('li.suggestion:first-child .suggestion-toggle');
  await page.click('li.suggestion:first-child .solved');
  await page.waitForSelector('li.suggestion:first-child .thanks');
  expect(true, `intake ${lang}: thanks after "this solved it"`);
  await checkLayout(page, `intake ${lang} suggestions`);
  await shot(page, `intake-${lang}-suggestions`);

  // For the docs: a clean form part-filled, with a suggestion open.
  await page.goto(url());
  await fillForm(page, L, {
    title: zh ? 'CRM系统数据库连接错误' : 'CRM database error',
    dept: zh ? '销售部/北京分公司' : 'Sales / Beijing',
    desc: zh
      ? '上午9点打开CRM系统提示“数据库连接错误”,3名销售无法录入客户;重启电脑无效'
      : 'Since 9:00 the CRM shows "database connection error"; 3 sales staff cannot work. Restarting did not help.',
    category: zh ? '软件' : 'Software',
    submitter: zh ? '小明' : 'Ming',
    contact: zh ? '内线8888' : 'ext 8888',
  });
  await page.click('#submit');
  expect(await page.isDisabled('#submit'), `intake ${lang}: submit disabled while the call runs`);
  expect(
    (await page.textContent('#submit')) === (zh ? '正在提交…' : 'Submitting…'),
    `intake ${lang}: submit labelled submitting`,
  );
  await page.click('#submit', { force: true }).catch(() => undefined);
  await page.keyboard.press('Enter');
  await shot(page, `intake-${lang}-submitting`);
  await page.waitForSelector('#result-id');
  const submits = await page.evaluate(() =>
    (window as any).__calls.filter((c: unknown[]) => c[0] === 'submitTicket'),
  );
  expect(submits.length === 1, `intake ${lang}: one submit for a double click (${submits.length})`);
  expect(/^[0-9a-f]{32}$/.test(submits[0][2]), `intake ${lang}: client token passed`);
  expect((await page.textContent('#result-id')) === 'IT20240501001', `intake ${lang}: new ID shown`);
  await checkLayout(page, `intake ${lang} success`);
  await shot(page, `intake-${lang}-success`);

  // Report another: new token, form cleared (identity kept).
  await page.click('#another');
  expect(
    (await page.inputValue('#f-title')) === '' && (await page.inputValue('#f-submitter')) !== '',
    `intake ${lang}: another clears the problem, keeps the requester`,
  );
  await page.getByLabel(L.title, { exact: true }).fill(zh ? '打印机无法连接' : 'Printer offline');
  await page
    .getByLabel(L.desc, { exact: true })
    .fill(
      zh
        ? '三楼打印机从今早起无法连接,已重启打印机'
        : 'The 3rd-floor printer has been offline since this morning; restarted it.',
    );
  await page.getByLabel(L.high, { exact: true }).check();
  await page.click('#submit');
  await page.waitForSelector('#result:not([hidden]) #result-id');
  const tokens = await page.evaluate(() =>
    (window as any).__calls.filter((c: unknown[]) => c[0] === 'submitTicket').map((c: unknown[]) => c[2]),
  );
  expect(tokens.length === 2 && tokens[0] !== tokens[1], `intake ${lang}: a new token after success`);

  // Server errors beside fields, form-level at the top, input kept.
  await page.goto(url('&scenario=server-errors'));
  await fillValid(page, L, zh);
  await page.click('#submit');
  await page.waitForSelector('#form-error:not([hidden])');
  expect(await page.isVisible('#err-contact'), `intake ${lang}: server field error beside contact`);
  expect((await page.inputValue('#f-title')) !== '', `intake ${lang}: input kept after server errors`);
  await checkLayout(page, `intake ${lang} server errors`);
  await shot(page, `intake-${lang}-server-errors`);

  // Thrown failure: message at the top, input kept, same token on retry.
  await page.goto(url('&scenario=throw'));
  await fillValid(page, L, zh);
  await page.click('#submit');
  await page.waitForSelector('#form-error:not([hidden])');
  await page.waitForSelector('#submit:not([disabled])');
  await page.click('#submit');
  await page.waitForFunction(
    () => (window as any).__calls.filter((c: unknown[]) => c[0] === 'submitTicket').length === 2,
  );
  const retry = await page.evaluate(() =>
    (window as any).__calls.filter((c: unknown[]) => c[0] === 'submitTicket').map((c: unknown[]) => c[2]),
  );
  expect(retry[0] === retry[1], `intake ${lang}: same token when retrying after a failure`);
  expect(
    (await page.inputValue('#f-description')) !== '',
    `intake ${lang}: input kept after a thrown failure`,
  );
  await wait(150);
  await shot(page, `intake-${lang}-failure`);
}

interface FormValues {
  title: string;
  dept: string;
  desc: string;
  category?: string;
  submitter: string;
  contact: string;
}

/** Fills the intake form as a person would; urgency 高 / High. */
async function fillForm(page: Page, L: Record<string, string>, v: FormValues): Promise<void> {
  await page.waitForSelector('#submit');
  await page.getByLabel(L.title, { exact: true }).fill(v.title);
  await page.getByLabel(L.dept, { exact: true }).fill(v.dept);
  await page.getByLabel(L.desc, { exact: true }).fill(v.desc);
  await page.getByLabel(L.high, { exact: true }).check();
  if (v.category) await page.getByLabel(L.cat, { exact: true }).selectOption({ label: v.category });
  await page.getByLabel(L.submitter, { exact: true }).fill(v.submitter);
  await page.getByLabel(L.contact, { exact: true }).fill(v.contact);
}

const fillValid = (page: Page, L: Record<string, string>, zh: boolean): Promise<void> =>
  fillForm(page, L, {
    title: zh ? '打印机无法连接' : 'Printer offline',
    dept: zh ? '财务部/上海总部' : 'Finance / Shanghai',
    desc: zh ? '三楼打印机从今早起无法连接,已重启打印机' : 'The 3rd-floor printer has been offline since this morning.',
    submitter: zh ? '小红' : 'Hong',
    contact: 'hong@example.com',
  });

async function ticket(page: Page, file: string, lang: 'zh' | 'en'): Promise<void> {
  const zh = lang === 'zh';
  const url = (q = '') => `file://${file}?lang=${lang}${q}`;
  await page.goto(url());
  await page.waitForSelector('#ticket:not([hidden])');
  expect(
    await page.$eval('#sla', (e) => e.classList.contains('sla-breached')),
    `ticket ${lang}: breached SLA in red`,
  );
  expect(
    (await page.$eval('.field-workLog dd', (e) => getComputedStyle(e).whiteSpace)) === 'pre-wrap',
    `ticket ${lang}: work log keeps line breaks`,
  );
  await checkLayout(page, `ticket ${lang} view`);
  await shot(page, `ticket-${lang}-view`);

  // Resolve: inputs and one confirm button; empty solution → error beside it.
  await page.click('[data-action="resolve"]');
  await page.click('#confirm-action');
  await page.waitForSelector('#err-act-solution:not([hidden])');
  expect(true, `ticket ${lang}: solution error beside its input`);
  await checkLayout(page, `ticket ${lang} resolve panel`);
  await shot(page, `ticket-${lang}-resolve-error`);
  await page
    .getByLabel(zh ? '解决方案' : 'Solution', { exact: true })
    .fill(zh ? '重启数据库服务并配置开机自启' : 'Restarted the database service and enabled autostart');
  await page.click('#confirm-action');
  expect(
    await page.isDisabled('#confirm-action').catch(() => true),
    `ticket ${lang}: buttons disabled while running`,
  );
  await page.waitForSelector('#ticket-note:not([hidden])');
  expect(
    (await page.textContent('#ticket-status')) === (zh ? '已解决' : 'Resolved'),
    `ticket ${lang}: re-rendered with the new view`,
  );

  // Feedback radios and rating.
  await page.click('[data-action="feedback"]');
  await page.getByLabel(zh ? '是' : 'Yes', { exact: true }).check();
  await page.getByLabel(zh ? '评价' : 'Rating', { exact: true }).selectOption('basic');
  await checkLayout(page, `ticket ${lang} feedback panel`);
  await shot(page, `ticket-${lang}-feedback`);
  await page.click('#confirm-action');
  await page.waitForSelector('#ticket-note:not([hidden])');
  const fb = await page.evaluate(() =>
    (window as any).__calls.find((c: unknown[]) => c[0] === 'applyTicketAction' && c[2] === 'feedback'),
  );
  expect(
    fb && fb[3].resolved === true && fb[3].rating === 'basic',
    `ticket ${lang}: feedback payload ${JSON.stringify(fb && fb[3])}`,
  );

  // Close asks first.
  await page.click('[data-action="close"]');
  expect(await page.isVisible('#confirm-text'), `ticket ${lang}: close asks to confirm`);
  await shot(page, `ticket-${lang}-close-confirm`);
  await page.click('#cancel-action');

  // Conflict: message and a reload button that keeps the typed note.
  await page.goto(url('&scenario=conflict'));
  await page.waitForSelector('#ticket:not([hidden])');
  await page.click('[data-action="note"]');
  await page
    .getByLabel(zh ? '记录内容' : 'Note', { exact: true })
    .fill(zh ? '已联系供应商' : 'Called the vendor');
  await page.click('#confirm-action');
  await page.waitForSelector('#reload');
  await checkLayout(page, `ticket ${lang} conflict`);
  await shot(page, `ticket-${lang}-conflict`);
  await page.click('#reload');
  await page.waitForFunction(() => !document.getElementById('reload'));
  await page.waitForSelector('#act-text');
  expect((await page.inputValue('#act-text')) !== '', `ticket ${lang}: typed note kept across reload`);

  // Another ticket by ID: not found.
  await page.fill('#ticket-id-input', 'IT20990101001');
  await page.click('#open-ticket');
  await page.waitForSelector('#ticket-error:not([hidden])');
  expect(await page.isHidden('#ticket'), `ticket ${lang}: not-found hides the old ticket`);
  await shot(page, `ticket-${lang}-not-found`);
}

async function main(): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const fake = await bundle(path.join(root, 'test', 'ui', 'fake-google.ts'));
  const intakeFile = await buildPage('intake', fake);
  const ticketFile = await buildPage('ticket', fake);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    for (const lang of ['zh', 'en'] as const) {
      const ctx = await browser.newContext({
        viewport: { width: WIDTH, height: 900 },
        locale: lang === 'zh' ? 'zh-CN' : 'en-US',
      });
      const page = await ctx.newPage();
      page.on('pageerror', (e) => expect(false, `page error: ${e.message}`));
      await intake(page, intakeFile, lang);
      await ticket(page, ticketFile, lang);
      await ctx.close();
    }
  } finally {
    await browser.close();
  }
  if (process.argv.includes('--docs')) {
    const docs = path.join(root, 'docs');
    fs.mkdirSync(docs, { recursive: true });
    fs.copyFileSync(path.join(outDir, 'intake-zh-filling.png'), path.join(docs, 'intake-sidebar.png'));
    fs.copyFileSync(path.join(outDir, 'ticket-zh-view.png'), path.join(docs, 'ticket-sidebar.png'));
  }
  console.log(failures.length ? `\n${failures.length} check(s) failed` : '\nall checks passed');
  process.exitCode = failures.length ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
