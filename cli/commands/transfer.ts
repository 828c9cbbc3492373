// `export --out FILE.xlsx` and `import FILE.xlsx`: the workbook to and from Excel. Import keeps the
// rest of the runtime state (properties, triggers, clock) and replaces the workbook.
import { LocalRuntime } from '../../runtime';
import { exportXlsx } from '../../runtime/spreadsheet';
import { readXlsxFile, sameFile, writeExport } from '../files';
import { register, CliError, flagString } from '../registry';
import { fill, textOf } from '../text';

register({
  name: 'export',
  options: ['out'],
  usage: 'export --out FILE.xlsx',
  async run(c) {
    const out = flagString(c, 'out') ?? c.args[0];
    if (!out) throw new CliError('exportNeedsOut');
    if (sameFile(out, c.workbookFile)) throw new CliError('exportOntoWorkbook', { out, own: c.workbookFile, example: 'local/tracker.xlsx' });
    const rt = c.load();
    const buf = await exportXlsx(rt.workbook, rt.clock.now());
    writeExport(out, c.workbookFile, buf);
    c.say(fill(textOf(rt).wrote, { file: out, bytes: buf.length, sheets: rt.workbook.sheets.length }));
    return { json: { out, bytes: buf.length } };
  },
});

register({
  name: 'import',
  usage: 'import FILE.xlsx',
  async run(c) {
    const file = c.args[0];
    if (!file) throw new CliError('importNeedsFile');
    if (sameFile(file, c.workbookFile)) throw new CliError('isWorkbookItself', { command: 'import', file });
    const rt = c.load();
    const wb = await readXlsxFile(file, { timeZone: rt.workbook.timeZone, locale: rt.workbook.locale }, 'import');
    wb.id = rt.workbook.id; // triggers and properties stay tied to this document
    const next = LocalRuntime.fromJSON({ ...rt.toJSON(), workbook: wb.toJSON() }, { distDir: c.distDir });
    c.say(fill(textOf(next).imported, { file, sheets: next.workbook.sheets.map((s) => s.name).join(', ') }));
    return { json: { file, sheets: next.workbook.sheets.map((s) => s.name) }, save: next };
  },
});
