// Files the CLI reads and writes besides its workbook: .xlsx in and out. Every way they can be
// wrong (missing, a folder, not an .xlsx, damaged, the workbook file itself) is a clear CliError
// before anything is saved, so the workbook file stays as it was.
import fs from 'node:fs';
import path from 'node:path';
import { importXlsx, type Workbook } from '../runtime/spreadsheet';
import { CliError } from './registry';

/** Larger than any workbook the runtime can hold (10 million cells): refused before it is read. */
const MAX_XLSX_BYTES = 200 * 1024 * 1024;

const reason = (e: unknown): string => (e && typeof e === 'object' && 'message' in e ? String((e as Error).message) : String(e));

/** An .xlsx file as a workbook, or a CliError saying why it cannot be one. */
export async function readXlsxFile(file: string, opts: { timeZone: string; locale: string }, what: string): Promise<Workbook> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new CliError(`${what}: no file ${file}`);
  }
  if (!stat.isFile()) throw new CliError(`${what}: ${file} is not a file`);
  if (stat.size > MAX_XLSX_BYTES) throw new CliError(`${what}: ${file} is ${stat.size} bytes, more than the ${MAX_XLSX_BYTES} an .xlsx workbook here may have`);
  try {
    return await importXlsx(fs.readFileSync(file), opts);
  } catch (e) {
    // The zip library's own words ("Can't find end of central directory…") say little to a person.
    const why = /central directory|zip|signature/i.test(reason(e)) ? 'it is not an .xlsx (zip) file, or it is damaged' : reason(e).slice(0, 200);
    throw new CliError(`${what}: ${file} is not a readable .xlsx workbook (${why}); nothing was changed`);
  }
}

/** Whether two paths name the same file (same path, a symlink to it, or a hard link). */
export function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** Writes an export, refusing targets that would destroy the workbook or cannot be written. */
export function writeExport(out: string, workbookFile: string, data: Buffer): void {
  for (const own of [workbookFile, `${workbookFile}.lock`]) {
    if (sameFile(out, own)) throw new CliError(`export: ${out} is the workbook file itself (${own}); choose another --out, e.g. tracker.xlsx`);
  }
  if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new CliError(`export: ${out} is a folder; give a file name, e.g. ${path.join(out, 'tracker.xlsx')}`);
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, out);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new CliError(`export: cannot write ${out} (${reason(e)})`);
  }
}
