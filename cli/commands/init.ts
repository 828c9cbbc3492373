// `init [--tz ZONE] [--locale zh-CN|en] [--from FILE.xlsx] [--addon] [--force] [--no-setup]`:
// creates the workbook state file, then runs the add-on's setup entry point when the bundle has one.
import fs from 'node:fs';
import { createLocalRuntime, type LocalRuntime } from '../../runtime';
import { isValidZone } from '../../runtime/zone';
import { readXlsxFile, sameFile } from '../files';
import { register, CliError, flagString, type CommandContext } from '../registry';
import { fill, textOf } from '../text';
import { useScriptZone, zonedIso } from '../zone';
import { effects, mark } from '../report';

/** The add-on's one-time setup, run by `init` when the bundle defines it. */
export const SETUP_ENTRY_POINT = 'setupTrackerFromMenu';

/** Google's locale form: zh-CN → zh_CN, en → en_US. */
export function normaliseLocale(l: string): string {
  if (/^en$/i.test(l)) return 'en_US';
  if (/^zh$/i.test(l)) return 'zh_CN';
  return l.replace('-', '_');
}

/** Hook: runs setup in the new runtime (skipped with --no-setup or when the bundle lacks it). */
export function runSetup(c: CommandContext, rt: LocalRuntime): unknown {
  if (c.flags['no-setup'] || !rt.entryPoints.includes(SETUP_ENTRY_POINT)) return undefined;
  const m = mark(rt);
  // Setup asks before adopting a sheet with data: `init` is that request, so the answer is yes.
  rt.ui.responder = (q) => ({ button: q.buttons.includes('YES') ? 'YES' : 'OK' });
  const { result } = rt.call(SETUP_ENTRY_POINT);
  rt.ui.responder = undefined;
  c.say(`${SETUP_ENTRY_POINT}() → ${JSON.stringify(result)}`);
  for (const l of effects(rt, m)) c.say(l);
  return result ?? null;
}

register({
  name: 'init',
  options: ['tz', 'locale', 'from', 'addon', 'force', 'no-setup'],
  usage: 'init [--tz Asia/Shanghai] [--locale zh-CN|en] [--from FILE.xlsx] [--addon] [--force] [--no-setup]',
  async run(c) {
    if (fs.existsSync(c.workbookFile) && !c.flags.force) throw new CliError('workbookExists', { file: c.workbookFile });
    const timeZone = flagString(c, 'tz') ?? 'Asia/Shanghai';
    if (!isValidZone(timeZone)) throw new CliError('unknownZone', { zone: timeZone });
    const locale = normaliseLocale(flagString(c, 'locale') ?? 'zh-CN');
    const from = flagString(c, 'from');
    if (from && sameFile(from, c.workbookFile)) throw new CliError('isWorkbookItself', { command: 'init --from', file: from });
    const workbook = from ? await readXlsxFile(from, { timeZone, locale }, 'init --from') : undefined;
    const rt = createLocalRuntime({ distDir: c.distDir, timeZone, locale, now: c.at ?? Date.now(), user: c.user, addonMode: !!c.flags.addon, workbook });
    useScriptZone(rt.scriptTimeZone);
    const text = textOf(rt);
    c.say(fill(text.newWorkbook, { file: c.workbookFile, zone: timeZone, locale, from: from ? fill(text.fromFile, { file: from }) : '', mode: rt.ctx.addonMode ? text.addonMode : text.boundMode }));
    c.say(fill(text.clockSaved, { clock: zonedIso(rt.clock.now(), timeZone) }));
    const setup = runSetup(c, rt);
    return { json: { workbook: c.workbookFile, timeZone, locale, setup: setup ?? null, sheets: rt.workbook.sheets.map((s) => s.name) }, save: rt };
  },
});
