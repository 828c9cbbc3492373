// `show [SHEET] [--width N] [--rows N]`: the sheet as a text table (display values as Sheets shows
// them), with each row's background colour named (SLA colours) when backgrounds are set.
import { renderSheet, type RenderedSheet } from '../../runtime/spreadsheet';
import { register, CliError, flagString } from '../registry';
import { fill, textOf } from '../text';
import { renderTable, rowColour } from '../table';

/** Display strings and effective backgrounds from the spreadsheet renderer. */
export function tableOf(rendered: RenderedSheet): { rows: string[][]; backgrounds: string[][] } {
  return {
    rows: rendered.rows.map((r) => r.map((c) => c.display)),
    backgrounds: rendered.rows.map((r) => r.map((c) => c.background)),
  };
}

register({
  name: 'show',
  options: ['width', 'rows'],
  usage: 'show [SHEET] [--width N] [--rows N]',
  run(c) {
    const rt = c.load();
    const name = c.args[0] ?? rt.workbook.sheets[0]?.name;
    // `show` prints a whole sheet (its first --rows rows), never a range: a range is refused as such
    // (a hostile `工单!A1:ZZZ9999999` must not size anything).
    if (name && !rt.workbook.sheetByName(name) && /![$A-Za-z0-9:]+$/.test(name)) {
      throw new CliError('showRange', { range: JSON.stringify(name), sheet: JSON.stringify(name.slice(0, name.lastIndexOf('!'))) });
    }
    if (!name || !rt.workbook.sheetByName(name)) throw new CliError('noSheet', { sheet: JSON.stringify(name ?? ''), sheets: rt.workbook.sheets.map((s) => s.name).join(', ') });
    const width = Number(flagString(c, 'width') ?? 16);
    const maxRows = Number(flagString(c, 'rows') ?? 200);
    if (!Number.isInteger(width) || width < 1) throw new CliError('notPositive', { option: 'width', value: String(flagString(c, 'width')) });
    if (!Number.isInteger(maxRows) || maxRows < 0) throw new CliError('notCount', { option: 'rows', value: String(flagString(c, 'rows')) });
    const rendered = renderSheet(rt.workbook, name, rt.clock.now(), { maxRows: maxRows + 1 });
    const t = tableOf(rendered);
    const rows = t.rows;
    const colours = t.backgrounds.slice(0, rows.length).map((b, i) => (i === 0 ? 'colour' : rowColour(b)));
    const anyColour = colours.slice(1).some(Boolean);
    const text = textOf(rt);
    // The report names colours in the workbook's language; the JSON line keeps the English names.
    const named = colours.map((c, i) => (i === 0 ? text.colourColumn : ((text.colours as Record<string, string>)[c] ?? c)));
    c.say(`${fill(text.shown, { sheet: name, n: Math.max(0, rows.length - 1) })}${rendered.truncated ? text.more : ''}`);
    c.say(renderTable(rows, { cellWidth: width, colours: anyColour ? named : undefined, rowNumbers: true }));
    return { json: { sheet: name, rows: rows.length, truncated: rendered.truncated, header: rows[0] ?? [], colours: anyColour ? colours.slice(1) : [] } };
  },
});
