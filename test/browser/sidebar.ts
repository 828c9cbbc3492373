// Opening an add-on sidebar in the preview, as the browser tests do. The preview reuses one
// iframe for every sidebar and swaps its srcdoc, so right after a menu click the frame may still
// hold the sidebar opened before: a test that types into it loses the text when the new page
// loads (under load this made "the form refuses title" fail with "请填写问题标题"). The old page
// is marked before the click, and only an unmarked page that has loaded its data counts.
import type { Frame, Page } from 'playwright-core';

const STALE = '__replacedByNextSidebar';

/** Clicks `caption` in the add-on menu (Extensions → IT Support Tracker). */
export async function runAddonMenu(page: Page, caption: string): Promise<void> {
  await page.click('#menu-extensions');
  await page.click('[data-submenu="IT Support Tracker"]');
  await page.getByRole('menuitem', { name: caption, exact: true }).click();
}

/**
 * Runs `open` (a menu click) and returns the sidebar's frame once the NEW page is complete and its
 * #app is no longer busy. Throws after `timeoutMs`.
 */
export async function openedSidebar(page: Page, open: () => Promise<void>, timeoutMs = 30_000): Promise<Frame> {
  const before = await page.$('#sidebar-frame');
  const old = before ? await before.contentFrame() : null;
  await old?.evaluate((k) => ((window as unknown as Record<string, boolean>)[k] = true), STALE).catch(() => undefined);
  await open();
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const handle = await page.$('#sidebar-frame[srcdoc]');
    const frame = handle ? await handle.contentFrame() : null;
    const ready =
      frame &&
      (await frame
        .evaluate(
          (k) =>
            !(window as unknown as Record<string, boolean>)[k] &&
            document.readyState === 'complete' &&
            !!document.getElementById('app') &&
            document.getElementById('app')!.getAttribute('aria-busy') === null,
          STALE,
        )
        .catch(() => false));
    if (ready) return frame!;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the sidebar did not load');
}

/** Opens the sidebar behind menu item `caption`; see openedSidebar. */
export const openSidebar = (page: Page, caption: string): Promise<Frame> => openedSidebar(page, () => runAddonMenu(page, caption));
