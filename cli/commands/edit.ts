// `edit <Sheet!A1> <value>`: a person types into the sheet; onEdit triggers fire as on Google.
// A refused edit (data validation) is an error and nothing is saved.
import { register, CliError } from '../registry';
import { fill, refusalText, textOf } from '../text';
import { effects, mark, shownSince } from '../report';

register({
  name: 'edit',
  usage: 'edit <Sheet!A1> <value>',
  run(c) {
    const [a1, value] = c.args;
    if (!a1 || value === undefined) throw new CliError('editNeedsArgs');
    const rt = c.load();
    const m = mark(rt);
    const r = rt.edit(a1, value);
    if (!r.ok) throw new CliError('editRefused', { reason: (lang) => refusalText(lang, r.refusal) });
    c.say(`${r.sheetName}!${r.a1}: ${JSON.stringify(r.oldValue ?? '')} → ${JSON.stringify(r.value ?? value)}`);
    const text = textOf(rt);
    for (const run of r.runs) c.say(`  ${run.kind} ${run.handler}: ${run.ok ? text.ok : fill(text.failed, { error: String(run.error) })}`);
    for (const l of effects(rt, m)) c.say(l);
    return {
      json: { sheet: r.sheetName, a1: r.a1, value: r.value ?? null, oldValue: r.oldValue ?? null, triggers: r.runs.map((x) => ({ handler: x.handler, kind: x.kind, ok: x.ok, error: x.error })), ...shownSince(rt, m) },
      save: rt,
    };
  },
});
