// `open`: the spreadsheet is opened in the browser: onOpen runs, menus are (re)built.
import { register } from '../registry';
import { effects, mark } from '../report';
import type { MenuRecord } from '../../runtime/services/ui';

function menuLines(m: MenuRecord, indent = '  '): string[] {
  const out = [`${indent}${m.caption}${m.addon ? ' (add-on menu)' : ''}`];
  for (const i of m.items) {
    if ('separator' in i) out.push(`${indent}  ──`);
    else if ('submenu' in i) out.push(...menuLines(i.submenu, `${indent}  `));
    else out.push(`${indent}  ${i.caption} → ${i.functionName}`);
  }
  return out;
}

register({
  name: 'open',
  options: ['auth'],
  usage: 'open [--auth NONE|LIMITED]',
  summary: 'open the spreadsheet (fires onOpen, builds menus)',
  run(c) {
    const rt = c.load();
    const m = mark(rt);
    const auth = c.flags.auth === 'NONE' ? 'NONE' : 'LIMITED';
    const runs = rt.open({ authMode: auth });
    for (const r of runs) c.say(`${r.kind} ${r.handler}: ${r.ok ? 'ok' : `failed: ${r.error}`}`);
    for (const menu of rt.ui.menus) c.say(menuLines(menu).join('\n'));
    for (const l of effects(rt, m)) c.say(l);
    return { json: { triggers: runs.map((r) => ({ handler: r.handler, kind: r.kind, ok: r.ok, error: r.error })), menus: rt.ui.menus }, save: rt };
  },
});
