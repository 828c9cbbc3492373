// Files the CLI reads and writes besides its workbook: .xlsx in and out. Every way they can be
// wrong (missing, a folder, not an .xlsx, damaged, the workbook file itself) is a clear CliError
// before anything is saved, so the workbook file stays as it was.
import fs from 'node:fs';
import path from 'node:path';
import { importXlsx, type Workbook } from '../runtime/spreadsheet';
import { CliError, errorWords } from './registry';

/** Larger than any workbook the runtime can hold (10 million cells): refused before it is read. */
const MAX_XLSX_BYTES = 200 * 1024 * 1024;

const reason = (e: unknown): string => (e && typeof e === 'object' && 'message' in e ? String((e as Error).message) : String(e));

/** An .xlsx file as a workbook, or a CliError saying why it cannot be one. */
export async function readXlsxFile(file: string, opts: { timeZone: string; locale: string }, what: string): Promise<Workbook> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new CliError('noFile', { command: what, file });
  }
  if (!stat.isFile()) throw new CliError('notAFile', { command: what, file });
  if (stat.size > MAX_XLSX_BYTES) throw new CliError('xlsxTooBig', { command: what, file, size: stat.size, max: MAX_XLSX_BYTES });
  try {
    return await importXlsx(fs.readFileSync(file), opts);
  } catch (e) {
    // The zip library's own words ("Can't find end of central directory…") say little to a person.
    const why = /central directory|zip|signature/i.test(reason(e)) ? errorWords((t) => t.notZip) : reason(e).slice(0, 200);
    throw new CliError('notXlsx', { command: what, file, why });
  }
}

/** Whether two paths name the same file (same path, a symlink to it, or a hard link). */
export function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch (e) {
    // One of them does not exist (yet): not the same file. Any other failure is the caller's to see.
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
    return false;
  }
}

/** Writes an export, refusing targets that would destroy the workbook or cannot be written. */
export function writeExport(out: string, workbookFile: string, data: Buffer): void {
  for (const own of [workbookFile, `${workbookFile}.lock`]) {
    if (sameFile(out, own)) throw new CliError('exportOntoWorkbook', { out, own, example: 'local/tracker.xlsx' });
  }
  if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new CliError('exportFolder', { out, example: path.join(out, 'tracker.xlsx') });
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, out);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new CliError('exportCannotWrite', { out, detail: reason(e) });
  }
}
