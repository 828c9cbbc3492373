// Builds an emulated SpreadsheetApp over a fresh workbook, with Dates made in a separate vm realm
// (as the bundle's are) so tests catch any Date leaking from the host realm.
import { execFileSync } from 'child_process';
import path from 'path';
import * as vm from 'vm';
import { fixedClock, RuntimeContext } from '../../../runtime/context';
import { Accounting } from '../../../runtime/instrument';
import { createSpreadsheetApp, Workbook } from '../../../runtime/spreadsheet';

export const NOW = Date.UTC(2024, 4, 1, 2, 0, 0); // 2024-05-01 10:00 in Asia/Shanghai

export function bundleRealm() {
  const context = vm.createContext({});
  const BundleDate = vm.runInContext('Date', context) as DateConstructor;
  return { newDate: (ms: number) => new BundleDate(ms), BundleDate };
}

export interface Env {
  wb: Workbook;
  ctx: RuntimeContext;
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  toasts: Array<[string, string]>;
  BundleDate: DateConstructor;
}

export function env(opts: { timeZone?: string; locale?: string; user?: string } = {}): Env {
  const wb = new Workbook({
    name: 'Tickets',
    timeZone: opts.timeZone ?? 'Asia/Shanghai',
    locale: opts.locale ?? 'zh_CN',
  });
  const realm = bundleRealm();
  const user = opts.user ?? 'owner@example.com';
  const ctx: RuntimeContext = {
    acct: new Accounting(),
    clock: fixedClock(NOW),
    realm,
    user: { active: user, effective: user },
    addonMode: false,
  };
  const toasts: Array<[string, string]> = [];
  const ui = { alert: () => undefined } as unknown as GoogleAppsScript.Base.Ui;
  const app = createSpreadsheetApp(
    wb,
    ctx,
    () => ui,
    (m, t) => toasts.push([m, t]),
  );
  const ss = app.getActiveSpreadsheet();
  return { wb, ctx, app, ss, sheet: ss.getActiveSheet(), toasts, BundleDate: realm.BundleDate };
}

/** Wall-clock epoch in Asia/Shanghai (UTC+8, no DST). */
export const sh = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) =>
  Date.UTC(y, mo - 1, d, h - 8, mi, s);

/**
 * `file` (an .xlsx in `dir`) printed to PDF by LibreOffice, with a profile of its own in `dir` (two
 * conversions at once would share the user's and fail); returns the PDF's path.
 */
export function libreOfficePdf(file: string, dir: string, timeout = 240_000): string {
  execFileSync('libreoffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, file], { timeout, stdio: 'ignore' });
  return path.join(dir, `${path.basename(file, path.extname(file))}.pdf`);
}
