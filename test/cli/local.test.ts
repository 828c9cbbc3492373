// The CLI end to end, in process, with the fixture dist dir: JSON last line, exit codes, and the
// workbook file untouched when a command fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgv } from '../../cli/local';
import { runCli } from './run';
import type { FiringRecord } from '../../runtime';

const dist = path.join(__dirname, '../fixtures/dist');
const run = (...argv: string[]) => runCli(dist, argv);

describe('cli', () => {
  let dir: string;
  let wb: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-'));
    wb = path.join(dir, 'wb.json');
  });

  test('argument parsing: flags with values, booleans, positionals', () => {
    expect(parseArgv(['call', 'hello', '"x"', '--at', '2024-05-06T09:00:00+08:00', '--force'])).toEqual({
      command: 'call', args: ['hello', '"x"'], flags: { at: '2024-05-06T09:00:00+08:00', force: true },
    });
  });

  test('init runs setup; call prints a report and ends with the JSON line', async () => {
    const init = await run('init', '--workbook', wb, '--tz', 'Asia/Shanghai', '--locale', 'en', '--at', '2024-05-06T09:00:00+08:00');
    expect(init.code).toBe(0);
    expect(init.json).toMatchObject({ ok: true, command: 'init', timeZone: 'Asia/Shanghai', locale: 'en_US', setup: 'set up' });
    const call = await run('call', 'hello', '"world"', '--workbook', wb);
    expect(call.code).toBe(0);
    expect(call.out).toContain('hello("world")');
    expect(call.json).toMatchObject({ ok: true, result: 'hello world', stats: { calls: 0 } });
    const st = JSON.parse(fs.readFileSync(wb, 'utf8'));
    expect(st.properties.document.setup).toBe('done');
  });

  test('--at sets the clock; tick fires triggers and saves', async () => {
    await run('init', '--workbook', wb, '--at', '2024-05-06T09:00:00+08:00');
    const setup = await run('call', 'setupTriggers', '--workbook', wb, '--at', '2024-05-06T10:30:00+08:00');
    expect(setup.json.result).toBe(1);
    const t = await run('tick', '--to', '2024-05-06T13:00:00+08:00', '--workbook', wb);
    expect(t.json.fired.map((f: FiringRecord) => new Date(f.at).toISOString())).toEqual(['2024-05-06T03:30:00.000Z', '2024-05-06T04:30:00.000Z']);
    // The report reads in the workbook's zone, as the sheet does; the JSON line stays UTC ISO.
    expect(t.out).toContain('2024-05-06T11:30:00+08:00 ');
    expect(t.out).toContain('时钟现在是 2024-05-06T13:00:00+08:00（Asia/Shanghai）');
    expect(t.out).not.toContain('Z ');
    const st = await run('status', '--workbook', wb);
    expect(st.json.clock).toBe('2024-05-06T05:00:00.000Z');
  });

  test('the clock is saved with the workbook; --at never moves it back unless --rewind says so', async () => {
    const init = await run('init', '--workbook', wb, '--at', '2024-05-06T09:00:00+08:00');
    expect(init.out).toContain('时钟 2024-05-06T09:00:00+08:00，随工作簿保存');
    expect((await run('status', '--workbook', wb)).json.clock).toBe('2024-05-06T01:00:00.000Z');
    const before = fs.readFileSync(wb, 'utf8');
    const back = await run('call', 'hello', '"x"', '--workbook', wb, '--at', '2020-01-01T09:00:00+08:00');
    expect(back.code).toBe(1);
    // In the workbook's language (a Chinese workbook here); `reason` names the refusal in any language.
    expect(back.err).toContain('--at 2020-01-01T09:00:00+08:00 早于工作簿保存的时钟（2024-05-06T09:00:00+08:00）');
    expect(back.json.reason).toBe('beforeSavedClock');
    expect(back.err).toContain('--rewind');
    expect(fs.readFileSync(wb, 'utf8')).toBe(before);
    // Forward, the same instant, or back with --rewind: all fine.
    expect((await run('call', 'hello', '"x"', '--workbook', wb, '--at', '2024-05-06T09:00:00+08:00')).code).toBe(0);
    expect((await run('call', 'hello', '"x"', '--workbook', wb, '--at', '2020-01-01T09:00:00+08:00', '--rewind')).code).toBe(0);
    expect((await run('status', '--workbook', wb)).json.clock).toBe('2020-01-01T01:00:00.000Z');
  });

  test.each([
    { what: 'an entry point that throws', argv: ['call', 'fail'], error: 'boom' },
    // The CLI's own refusals speak the (Chinese) workbook's language.
    { what: 'an unknown entry point', argv: ['call', 'nope'], error: '找不到脚本函数：nope' },
    { what: 'a Date-like illegal value is impossible from JSON, but an unknown command fails', argv: ['frobnicate'], error: '没有这个命令：frobnicate' },
    { what: 'a bad --at', argv: ['call', 'hello', '--at', 'yesterday'], error: '--at：不是 ISO-8601 时间：yesterday' },
  ])('error: $what → exit 1, {"ok":false} last, file untouched', async ({ argv, error }) => {
    await run('init', '--workbook', wb);
    const before = fs.readFileSync(wb, 'utf8');
    const r = await run(...argv, '--workbook', wb);
    expect(r.code).toBe(1);
    expect(r.json.ok).toBe(false);
    expect(r.json.error).toContain(error);
    expect(r.err).toContain(error);
    expect(fs.readFileSync(wb, 'utf8')).toBe(before);
  });

  test('a missing workbook file is a clear error; init refuses to overwrite without --force', async () => {
    const r = await run('status', '--workbook', wb);
    expect(r.json.error).toContain('run `init` first');
    await run('init', '--workbook', wb);
    expect((await run('init', '--workbook', wb)).json.error).toContain('--force');
    expect((await run('init', '--workbook', wb, '--force')).code).toBe(0);
  });

  test('open lists the menus built by onOpen', async () => {
    await run('init', '--workbook', wb);
    const r = await run('open', '--workbook', wb);
    expect(r.out).toContain('Open → showForm');
    expect(r.json.menus[0].items[0]).toEqual({ caption: 'Open', functionName: 'showForm' });
  });
});

describe('cli with the spreadsheet', () => {
  let dir: string;
  let wb: string;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-ss-'));
    wb = path.join(dir, 'wb.json');
    await run('init', '--workbook', wb, '--locale', 'en');
  });

  test('edit fires onEdit and saves; show prints the table', async () => {
    const e = await run('edit', 'Sheet1!A1', 'Ticket ID', '--workbook', wb);
    expect(e.json).toMatchObject({ ok: true, sheet: 'Sheet1', a1: 'A1', triggers: [{ handler: 'onEdit', ok: true }] });
    await run('edit', 'Sheet1!A2', 'IT20240506001', '--workbook', wb);
    const s = await run('show', 'Sheet1', '--workbook', wb);
    expect(s.out).toContain('Ticket ID');
    expect(s.out).toContain('IT20240506001');
    expect(s.json).toMatchObject({ ok: true, sheet: 'Sheet1', header: ['Ticket ID'] });
  });

  test('a refused edit exits 1 and leaves the file untouched', async () => {
    const rt = (await import('../../runtime')).loadRuntime(wb, { distDir: dist });
    const SA = rt.services.SpreadsheetApp;
    SA.getActiveSpreadsheet().getSheetByName('Sheet1')!.getRange('C2').setDataValidation(SA.newDataValidation().requireValueInList(['a'], true).setAllowInvalid(false).build());
    (await import('../../runtime')).saveRuntime(rt, wb);
    const before = fs.readFileSync(wb, 'utf8');
    const r = await run('edit', 'Sheet1!C2', 'zzz', '--workbook', wb);
    expect(r.code).toBe(1);
    expect(r.json.error).toContain('edit refused');
    expect(fs.readFileSync(wb, 'utf8')).toBe(before);
  });

  test('export then import keeps the data and the document id', async () => {
    await run('edit', 'Sheet1!B2', 'kept', '--workbook', wb);
    const id = JSON.parse(fs.readFileSync(wb, 'utf8')).workbook.id;
    const out = path.join(dir, 'x.xlsx');
    expect((await run('export', '--out', out, '--workbook', wb)).json.ok).toBe(true);
    expect(fs.statSync(out).size).toBeGreaterThan(1000);
    expect((await run('import', out, '--workbook', wb)).json).toMatchObject({ ok: true, sheets: ['Sheet1'] });
    const st = JSON.parse(fs.readFileSync(wb, 'utf8'));
    expect(st.workbook.id).toBe(id);
    expect((await run('show', '--workbook', wb)).out).toContain('kept');
  });
});
