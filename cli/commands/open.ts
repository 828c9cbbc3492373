// `open`: the spreadsheet is opened in the browser: onOpen runs, menus are (re)built.
import { register } from '../registry';
import { fill, textOf } from '../text';
import { effects, mark } from '../report';
import type { MenuRecord } from '../../runtime/services/ui';

function menuLines(m: MenuRecord, addonMenu: string, indent = '  '): string[] {
  const out = [`${indent}${m.caption}${m.addon ? addonMenu : ''}`];
  for (const i of m.items) {
    if ('separator' in i) out.push(`${indent}  ──`);
    else if ('submenu' in i) out.push(...menuLines(i.submenu, addonMenu, `${indent}  `));
    else out.push(`${indent}  ${i.caption} → ${i.functionName}`);
  }
  return out;
}

register({
  name: 'open',
  options: ['auth'],
  usage: 'open [--auth NONE|LIMITED]',
  run(c) {
    const rt = c.load();
    const m = mark(rt);
    const auth = c.flags.auth === 'NONE' ? 'NONE' : 'LIMITED';
    const runs = rt.open({ authMode: auth });
    const text = textOf(rt);
    for (const r of runs) c.say(`${r.kind} ${r.handler}: ${r.ok ? text.ok : fill(text.failed, { error: String(r.error) })}`);
    for (const menu of rt.ui.menus) c.say(menuLines(menu, text.addonMenu).join('\n'));
    for (const l of effects(rt, m)) c.say(l);
    return { json: { triggers: runs.map((r) => ({ handler: r.handler, kind: r.kind, ok: r.ok, error: r.error })), menus: rt.ui.menus }, save: rt };
  },
});
