// `npm start`: a local page that shows the add-on working on the local Apps Script runtime — the
// sheet (values, colours, conditional formats, frozen header, widths, dropdowns), the add-on menu,
// sidebars and dialogs from the built .html files with a google.script.run bridge, alert/prompt
// dialogs, a clock to move time forward (time triggers fire), and the workbook as .xlsx.
//
// Environment: PORT (default 8080; 0 = any free port), HOST (default 127.0.0.1), WORKBOOK (state
// file, default local/demo-workbook.json; created with demo data on first run), DIST (built add-on,
// default dist/), DEMO_NOW (ISO time: the demo's "now" when it is created; default DEMO_CLOCK in
// demo.ts, a fixed Wednesday morning, so the first open looks the same every day).
//
// Ui.alert / Ui.prompt: Apps Script blocks the script until the person answers. The runtime is
// synchronous, so a question with a choice (YES_NO, OK_CANCEL, prompts…) is modelled by replay: the
// run stops at the question, its changes are rolled back, the page asks, and the run starts again
// from the same state with the answers given so far (runs are deterministic: same state, same clock,
// same answers ⇒ same questions). An alert whose only button is OK cannot change what the script
// does next, so it is answered OK at once and shown to the person when the run ends.
//
// Over ~400 lines: the HTTP routes and the run-and-roll-back logic they share (one
// PreviewServer); the wire types are in protocol.ts, the demo data in demo.ts.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import * as esbuild from 'esbuild';
import {
  createLocalRuntime,
  loadRuntime,
  saveRuntime,
  MAX_FIRINGS_PER_TICK,
  type LocalRuntime,
  type RuntimeStateJson,
} from '../runtime';
import { exportXlsx, renderSheet, type RenderedCell } from '../runtime/spreadsheet';
import { parseA1, quoteSheet } from '../runtime/spreadsheet/a1';
import type { AskRecord, ButtonName, DialogRecord } from '../runtime/services/ui';
import { wireChart } from './chartWire';
import { createDemo, DEMO_CLOCK } from './demo';
import { wirePivots, wireSlicers } from './pivotWire';
import type { ClockResult, FormRunResult, OpenResult, Outcome, PreviewState, WireAnswer, WireCell, WireDialog, WireError, WireOutbox } from './protocol';
import { localFields } from '../runtime/zone';
import { catalog, langOfLocale } from '../src/domain/i18n';
import { errorCode } from '../src/domain/errors';
import type { Lang } from '../src/domain/schema';
import { CliError, workbookFileError } from '../cli/registry';
import { fill, helpLang, refusalText } from '../cli/text';
import { zonedIso } from '../cli/zone';

const root = path.resolve(__dirname, '..');
const pageDir = path.join(root, 'preview', 'page');
const DEFAULT_ROWS = 500;
const DEMO_USER = 'zhang@example.com';
/** Who opens /form unless ?as= says otherwise: a requester outside the team's domain. */
const FORM_VISITOR = 'requester@gmail.com';

/** A link's query as doGet's `e.parameter`, without the preview's own `as` (who visits). */
function linkParameters(url: URL): Record<string, string> {
  const p = Object.fromEntries(url.searchParams);
  delete p.as;
  return p;
}

export interface PreviewOptions {
  workbookFile: string;
  distDir: string;
  demoNow?: number;
  log?: (s: string) => void;
}

type Question = Omit<AskRecord, 'answer' | 'at'>;
type Answer = WireAnswer;

interface Interactive<T> {
  /** The run stopped at a question: nothing it did was kept; ask, then send the answers again. */
  pending?: Question & { answered: number };
  ok?: boolean;
  value?: T;
  error?: string;
  dialogs: DialogRecord[];
  /** OK-only alerts, answered at once: show them now. */
  alerts: Array<{ title: string; prompt: string }>;
  toasts: Array<{ message: string; title: string }>;
  /** The run changed what the page shows (it redraws; any change of the state is saved). */
  changed?: boolean;
}

class WaitingForAnswer extends Error {
  constructor() {
    super('(waiting for the person to answer a dialog)');
  }
}

const errorMessage = (e: unknown): string =>
  e && typeof e === 'object' && 'message' in e ? String((e as Error).message) : String(e);

/** google.script.run arguments arrive as JSON; Dates are tagged so the runtime can refuse them as Google does. */
function revive(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(revive);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.__gasDate__ === 'number' && Object.keys(o).length === 1) return new Date(o.__gasDate__);
    if (o.__gasUndefined__ === 1 && Object.keys(o).length === 1) return undefined;
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, revive(x)]));
  }
  return v;
}

/** Rendered cells without their defaults (most cells are plain): keeps the state response small. */
function compactCell(
  c: RenderedCell,
  lists: string[][],
  listIndex: Map<string, number>,
): WireCell {
  const o: WireCell = {};
  if (c.display !== '') o.v = c.display;
  if (c.background !== '#ffffff') o.bg = c.background;
  if (c.fontColor !== '#000000') o.fc = c.fontColor;
  if (c.fontWeight === 'bold') o.b = 1;
  if (c.italic) o.i = 1;
  if (c.hAlign) o.al = c.hAlign;
  if (c.wrap) o.w = 1;
  if (c.note) o.n = c.note;
  if (c.formula) o.f = c.formula;
  if (c.list) {
    const key = JSON.stringify(c.list);
    let i = listIndex.get(key);
    if (i === undefined) {
      i = lists.length;
      lists.push(c.list);
      listIndex.set(key, i);
    }
    o.l = i;
    if (c.dropdown) o.dd = 1;
  }
  if (c.strict) o.s = 1;
  if (c.helpText) o.h = c.helpText;
  if (c.invalid) o.x = 1;
  return o;
}

/** The part of the state the page draws (everything but caches and properties). */
const shown = (st: RuntimeStateJson) => ({ ...st, caches: undefined, properties: undefined });

export class Preview {
  rt: LocalRuntime;
  readonly shimJs: string;
  readonly pageJs: string;
  private readonly pageTemplate: string;
  readonly pageCss: string;
  private log: (s: string) => void;

  constructor(private opts: PreviewOptions) {
    this.log = opts.log ?? ((s) => console.log(s));
    if (!fs.existsSync(path.join(opts.distDir, 'Code.js'))) throw new CliError('noBundle', { file: path.join(opts.distDir, 'Code.js') });
    if (fs.existsSync(opts.workbookFile)) {
      try {
        this.rt = loadRuntime(opts.workbookFile, { distDir: opts.distDir });
      } catch (e) {
        throw workbookFileError(e) ?? e;
      }
      this.useZone();
      this.log(`workbook ${opts.workbookFile}`);
    } else {
      const now = opts.demoNow ?? Date.parse(DEMO_CLOCK);
      this.rt = createLocalRuntime({
        distDir: opts.distDir,
        now,
        user: DEMO_USER,
        timeZone: 'Asia/Shanghai',
        locale: 'zh_CN',
      });
      this.useZone();
      const s = createDemo(this.rt, { now });
      this.log(
        `new demo workbook ${opts.workbookFile}: ${s.tickets} tickets, ${s.actions} actions, ${s.firings} trigger runs, ${s.ms} ms`,
      );
      for (const f of s.failed.slice(0, 10)) this.log(`  demo step refused: ${f}`);
      this.save();
    }
    const bundle = (file: string) =>
      esbuild.buildSync({
        entryPoints: [path.join(pageDir, file)],
        bundle: true,
        write: false,
        format: 'iife',
        target: 'es2019',
        platform: 'browser',
        charset: 'utf8',
        logLevel: 'error',
      }).outputFiles[0].text;
    this.pageJs = bundle('main.ts');
    this.shimJs = bundle('shim.ts');
    this.pageTemplate = fs.readFileSync(path.join(pageDir, 'index.html'), 'utf8');
    this.pageCss = fs.readFileSync(path.join(pageDir, 'page.css'), 'utf8');
  }

  /** The bundle's Date reads local-time fields in the process zone: make it the script's (as the CLI does). */
  private useZone(): void {
    if (process.env.TZ !== this.rt.scriptTimeZone) process.env.TZ = this.rt.scriptTimeZone;
  }

  save(): void {
    fs.mkdirSync(path.dirname(this.opts.workbookFile), { recursive: true });
    saveRuntime(this.rt, this.opts.workbookFile);
  }

  private restore(state: RuntimeStateJson): void {
    this.rt = createLocalRuntime({ distDir: this.opts.distDir, state });
  }

  /**
   * Runs `fn` as something the person started (menu item, sidebar call, edit). Questions with a
   * choice take their answers from `answers`, in order; one more question stops the run, rolls it
   * back and comes back as `pending`.
   */
  interactive<T>(fn: (rt: LocalRuntime) => T, answers: Answer[] = []): Interactive<T> {
    const rt = this.rt;
    const beforeText = JSON.stringify(rt.toJSON());
    const marks = { dialogs: rt.ui.dialogs.length, asks: rt.ui.asks.length, toasts: rt.ui.toasts.length };
    const queue = answers.slice();
    let pending: Question | null = null;
    rt.ui.answers = [];
    rt.ui.responder = (q) => {
      if (q.kind === 'alert' && q.buttons.length === 1 && q.buttons[0] === 'OK') return { button: 'OK' };
      if (!pending && queue.length) return queue.shift();
      pending = pending ?? q;
      throw new WaitingForAnswer();
    };
    const out: Interactive<T> = { dialogs: [], alerts: [], toasts: [] };
    try {
      out.value = fn(rt);
      out.ok = true;
    } catch (e) {
      out.ok = false;
      out.error = errorMessage(e);
    } finally {
      rt.ui.responder = undefined;
    }
    if (pending) {
      this.restore(JSON.parse(beforeText) as RuntimeStateJson);
      return {
        pending: { ...(pending as Question), answered: answers.length },
        dialogs: [],
        alerts: [],
        toasts: [],
      };
    }
    out.dialogs = rt.ui.dialogs.slice(marks.dialogs);
    out.alerts = rt.ui.asks
      .slice(marks.asks)
      .filter((a) => a.kind === 'alert' && a.buttons.length === 1)
      .map((a) => ({ title: a.title, prompt: a.prompt }));
    out.toasts = rt.ui.toasts.slice(marks.toasts).map((t) => ({ message: t.message, title: t.title }));
    // Keep the records short: the page has what it needs.
    rt.ui.dialogs = [];
    rt.ui.asks = [];
    rt.ui.toasts = [];
    const after = rt.toJSON();
    if (JSON.stringify(after) !== beforeText) {
      this.save();
      // The page redraws only for what it shows: a run that changed only caches or properties
      // (a suggestion caching the knowledge base's index) must not redraw the sheet under the pointer.
      const before = JSON.parse(beforeText) as RuntimeStateJson;
      out.changed = JSON.stringify(shown(after)) !== JSON.stringify(shown(before));
    } else out.changed = false;
    return out;
  }

  /** The outbox: every mail the runtime recorded, in the workbook's zone; the quota and the queue. */
  outbox(): WireOutbox {
    const rt = this.rt;
    const pad = (n: number) => String(n).padStart(2, '0');
    const stamp = (ms: number) => {
      const f = localFields(ms, rt.workbook.timeZone);
      return `${f.year}-${pad(f.month)}-${pad(f.day)} ${pad(f.hour)}:${pad(f.minute)}`;
    };
    return {
      mails: rt.mail.map((m) => ({ at: stamp(m.at), to: m.to, subject: m.subject, body: m.body })),
      quotaLeft: rt.services.MailApp.getRemainingDailyQuota(),
      queued: Object.keys(rt.properties.document).filter((k) => k.startsWith('notify.queue.')).length,
    };
  }

  /** The sheet tabs, the active sheet rendered at the runtime's now, the menus and the clock. */
  state(sheetName?: string, rows = DEFAULT_ROWS): PreviewState {
    const rt = this.rt;
    const wb = rt.workbook;
    const now = rt.clock.now();
    const sheet = (sheetName && wb.sheetByName(sheetName)) || wb.activeSheet();
    const r = renderSheet(wb, sheet.name, now, { maxRows: Math.max(1, rows) });
    const lists: string[][] = [];
    const listIndex = new Map<string, number>();
    const clockTriggers = rt.triggers.filter((t) => t.eventType === 'CLOCK' && t.nextFireAt != null);
    const next = clockTriggers.reduce<number | null>(
      (m, t) => (m === null || (t.nextFireAt as number) < m ? (t.nextFireAt as number) : m),
      null,
    );
    return {
      title: wb.name,
      locale: wb.locale,
      timeZone: wb.timeZone,
      user: rt.ctx.user.active || rt.ctx.user.effective,
      sheets: wb.sheets.filter((s) => !s.hidden).map((s) => ({ name: s.name, tabColor: s.tabColor })),
      active: sheet.name,
      activeA1: sheet.activeA1,
      grid: {
        name: r.name,
        frozenRows: r.frozenRows,
        frozenCols: r.frozenCols,
        numRows: r.numRows,
        numCols: r.numCols,
        totalRows: Math.max(sheet.lastRow(), r.numRows),
        truncated: r.truncated,
        colWidths: r.colWidths,
        hiddenCols: r.hiddenCols,
        rows: r.rows.map((row) => row.map((c) => compactCell(c, lists, listIndex))),
        lists,
        charts: sheet.charts.map((c) => wireChart(wb, c, now)),
        pivots: wirePivots(r),
        slicers: wireSlicers(r),
      },
      menus: rt.ui.menus,
      clock: {
        now,
        nextTrigger: next,
        triggers: clockTriggers.map((t) => ({ handler: t.handler, next: t.nextFireAt })),
        firings: rt.firings.slice(-8).reverse(),
      },
      entryPoints: this.clientNames(),
    };
  }

  /** What google.script.run offers: the bundle's top-level functions, minus private ones (name_). */
  clientNames(): string[] {
    return this.rt.entryPoints.filter((n) => !n.endsWith('_'));
  }

  /** A sidebar/dialog's HTML with the google.script.run bridge inserted before its own scripts. */
  withBridge(html: string): string {
    const boot = `<script>window.__GAS_BRIDGE__=${JSON.stringify({ names: this.clientNames() }).replace(/</g, '\\u003c')};</script><script>${this.shimJs.replace(/<\/script/gi, '<\\/script')}</script>`;
    const m = /<head[^>]*>/i.exec(html);
    if (m) return html.slice(0, m.index + m[0].length) + boot + html.slice(m.index + m[0].length);
    return boot + html;
  }

  dialogsOut(ds: DialogRecord[]): WireDialog[] {
    return ds.map((d) => ({
      kind: d.kind,
      title: d.title,
      width: d.width,
      height: d.height,
      html: this.withBridge(d.content),
    }));
  }

  open(): OpenResult {
    const runs = this.rt.open();
    this.save();
    return { runs: runs.map((r) => ({ handler: r.handler, ok: r.ok, error: r.error })) };
  }

  select(sheetName: string, a1?: string): unknown {
    const wb = this.rt.workbook;
    const sheet = wb.sheetByName(sheetName);
    if (!sheet) throw new HttpError(404, `No sheet named ${sheetName}`);
    wb.activeSheetId = sheet.id;
    if (a1) {
      const ref = /^[A-Z]{1,3}[0-9]{1,7}(:[A-Z]{1,3}[0-9]{1,7})?$/.test(a1) ? parseA1(a1) : null;
      if (!ref) throw new HttpError(400, `Bad cell ${a1}`);
      // Checked against this sheet's grid before anything is sized by it.
      if ((ref.endRow ?? ref.row) > sheet.maxRows || (ref.endCol ?? ref.col) > sheet.maxCols)
        throw new HttpError(400, `${a1} is outside the sheet (${sheet.maxRows} rows, ${sheet.maxCols} columns)`);
      sheet.activeA1 = a1;
    }
    this.save();
    return { ok: true };
  }

  edit(sheetName: string, a1: string, value: string, answers?: Answer[]): Outcome {
    if (!this.rt.workbook.sheetByName(sheetName)) throw new HttpError(404, `No sheet named ${sheetName}`);
    const r = this.interactive((rt) => rt.edit(`${quoteSheet(sheetName)}!${a1}`, value), answers);
    return this.outcome(r, (v) => {
      if (!v.ok) return { ok: false, reason: refusalText(this.lang, v.refusal) };
      return { ok: true, runs: v.runs.map((x) => ({ handler: x.handler, ok: x.ok, error: x.error })) };
    });
  }

  menu(functionName: string, answers?: Answer[]): Outcome {
    if (!this.rt.entryPoints.includes(functionName))
      throw new HttpError(404, `Script function not found: ${functionName}`);
    const r = this.interactive((rt) => rt.call(functionName).result, answers);
    return this.outcome(r, () => ({ ok: true }));
  }

  /**
   * A person ticked values in a slicer's list (`hidden`: the values left unticked). Like Sheets'
   * slicer dropdown, the unticked values become the criteria's hidden values (a condition set
   * beside them stays); nothing unticked and no condition clears the criteria. Done through the
   * runtime's Slicer.setColumnFilterCriteria, so the pivots re-filter as a script's change would.
   */
  slicer(sheetName: string, index: number, hidden: string[]): Outcome {
    const sheet = this.rt.workbook.sheetByName(sheetName);
    if (!sheet) throw new HttpError(404, `No sheet named ${sheetName}`);
    if (!Number.isInteger(index) || index < 0 || index >= sheet.slicers.length) throw new HttpError(404, `No slicer ${index} on ${sheetName}`);
    const r = this.interactive((rt) => {
      const app = rt.services.SpreadsheetApp;
      const slicer = app.getActiveSpreadsheet().getSheetByName(sheetName)!.getSlicers()[index];
      const column = slicer.getColumnPosition();
      if (column === null) throw new Error('The slicer has no column to filter');
      const current = slicer.getFilterCriteria();
      const condition = current ? current.getCriteriaType() : null;
      if (!hidden.length && !condition) slicer.setColumnFilterCriteria(column, null);
      else slicer.setColumnFilterCriteria(column, (current ? current.copy() : app.newFilterCriteria()).setHiddenValues(hidden).build());
    });
    return this.outcome(r, () => ({ ok: true }));
  }

  /** The google.script.run bridge: JSON-safe arguments only, as Google's client enforces. */
  run(name: string, args: unknown[], answers?: Answer[]): Outcome {
    const revived = revive(args) as unknown[];
    const r = this.interactive((rt) => rt.callFromClient(name, ...revived).result, answers);
    return this.outcome(r, (value) => ({ ok: true, value: value === undefined ? null : value }));
  }

  /**
   * The web form as `visitor` sees it (`/form`): doGet's page in a sandboxed frame, as Google
   * serves web apps, its google.script.run relayed to formRun.
   */
  /**
   * The page in the workbook's language: its `lang` (which picks the font stack, page.css) and its
   * fixed words from the message catalog, so an English workbook gets an English page from the
   * first paint.
   */
  pageHtml(): string {
    const lang = langOfLocale(this.rt.workbook.locale);
    const words: Record<string, string> = { ...catalog(lang).preview.page, next: catalog(lang).preview.next, lang: lang === 'zh' ? 'zh-CN' : 'en' };
    const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    return this.pageTemplate.replace(/\{\{(\w+)\}\}/g, (m, k: string) => (k in words ? esc(words[k]) : m));
  }

  /**
   * `parameter`: the query a link carries (a verification link's `t`, `a`, `r`): doGet gets it as
   * `e.parameter`, so the outbox's links open their page here (`/macros/s/…/exec?t=…`).
   */
  formPage(visitor: string, parameter: Record<string, string> = {}): string {
    const page = this.rt.webApp(visitor).get(parameter).result;
    const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    const relay = `<script>
var frame = document.getElementById('app');
window.addEventListener('message', function (ev) {
  var d = ev.data;
  if (ev.source !== frame.contentWindow || !d || d.__gas !== 'run') return;
  var reply = function (m) { m.__gas = 'result'; m.id = d.id; ev.source.postMessage(m, '*'); };
  fetch('/api/form/run?as=' + encodeURIComponent(${JSON.stringify(visitor).replace(/</g, '\\u003c')}), { method: 'POST', body: JSON.stringify({ name: d.name, args: d.args }) })
    .then(function (r) { return r.json(); })
    .then(function (r) { reply(r.ok ? { ok: true, value: r.value } : { ok: false, error: { message: r.error || '' } }); })
    .catch(function (e) { reply({ ok: false, error: { message: String(e) } }); });
});
</script>`;
    return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(page.title)}</title><meta name="viewport" content="width=device-width, initial-scale=1"><style>html,body{margin:0;height:100%}iframe{display:block;border:0;width:100%;height:100%}</style></head><body><iframe id="app" title="${esc(page.title)}" sandbox="allow-scripts allow-forms" srcdoc="${esc(this.withBridge(page.content))}"></iframe>${relay}</body></html>`;
  }

  /** google.script.run from the web form: runs as the owner, for `visitor`. */
  formRun(visitor: string, name: string, args: unknown[]): FormRunResult {
    try {
      const value = this.rt.webApp(visitor).run(name, ...(revive(args) as unknown[])).result;
      this.save();
      return { ok: true, value: value === undefined ? null : value };
    } catch (e) {
      return { ok: false, error: errorMessage(e) };
    }
  }

  private outcome<T>(r: Interactive<T>, done: (v: T) => Outcome): Outcome {
    if (r.pending) return { pending: r.pending };
    const base = {
      dialogs: this.dialogsOut(r.dialogs),
      alerts: r.alerts,
      toasts: r.toasts,
      changed: !!r.changed,
    };
    if (!r.ok) return { ...base, ok: false, error: r.error };
    return { ...base, ...done(r.value as T) };
  }

  /** The workbook's language: the page's, and that of the server's refusals the page shows. */
  get lang(): Lang {
    return langOfLocale(this.rt.workbook.locale);
  }

  advance(to: number): ClockResult {
    const rt = this.rt;
    const words = catalog(this.lang).preview.errors;
    const wall = (ms: number) => zonedIso(ms, rt.workbook.timeZone).slice(0, 16).replace('T', ' ');
    if (!Number.isFinite(to)) throw new HttpError(400, words.clockBadTime);
    if (to < rt.clock.now()) throw new HttpError(400, fill(words.clockBackwards, { now: wall(rt.clock.now()) }));
    // A jump of decades is refused before anything runs (the runtime would refuse it too).
    if (rt.firingsDue(to, MAX_FIRINGS_PER_TICK + 1) > MAX_FIRINGS_PER_TICK)
      throw new HttpError(400, fill(words.clockTooFar, { to: wall(to), max: MAX_FIRINGS_PER_TICK }));
    const marks = { toasts: rt.ui.toasts.length };
    const fired = rt.tick(to);
    const toasts = rt.ui.toasts.slice(marks.toasts).map((t) => ({ message: t.message, title: t.title }));
    rt.ui.dialogs = [];
    rt.ui.asks = [];
    rt.ui.toasts = [];
    this.save();
    return { ok: true, now: rt.clock.now(), fired, toasts };
  }

  get workbookFile(): string {
    return this.opts.workbookFile;
  }

  async xlsx(): Promise<Buffer> {
    return exportXlsx(this.rt.workbook, this.rt.clock.now());
  }
}

class HttpError extends Error {
  constructor(
    public status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: http.IncomingMessage): Promise<any> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const limit = 5 * 1024 * 1024;
    req.on('data', (c: Buffer) => {
      if (size > limit) return; // refused already: drain the rest so the 413 answer reaches the client
      size += c.length;
      if (size > limit) reject(new HttpError(413, 'Request too large'));
      else chunks.push(c);
    });
    req.on('end', () => {
      if (size > limit) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (!text) return resolve({});
      let v: unknown;
      try {
        v = JSON.parse(text);
      } catch (e) {
        if (!(e instanceof SyntaxError)) return reject(e);
        return reject(new HttpError(400, 'Bad JSON'));
      }
      if (!v || typeof v !== 'object' || Array.isArray(v)) return reject(new HttpError(400, 'A JSON object expected'));
      resolve(v);
    });
    req.on('error', reject);
  });
}

const answersOf = (b: any): Answer[] | undefined =>
  Array.isArray(b.answers)
    ? b.answers.map((a: any) => ({
        button: String(a.button) as ButtonName,
        text: a.text === undefined ? undefined : String(a.text),
      }))
    : undefined;

export function createServer(preview: Preview): http.Server {
  const send = (
    res: http.ServerResponse,
    status: number,
    type: string,
    body: string | Buffer,
    extra: Record<string, string> = {},
  ) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra });
    res.end(body);
  };
  const json = (res: http.ServerResponse, v: unknown, status = 200) =>
    send(res, status, 'application/json; charset=utf-8', JSON.stringify(v));

  return http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = `${req.method} ${url.pathname}`;
    try {
      // Only this page may drive the preview: a Host that is a domain name other than localhost is a
      // DNS-rebinding page, and a POST from another Origin is a cross-site request (text/plain needs no preflight).
      const host = req.headers.host ?? '';
      const hostname = host.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
      // (A name given as HOST is this machine's own, so it is allowed too.)
      if (hostname !== 'localhost' && hostname !== process.env.HOST && !net.isIP(hostname)) throw new HttpError(403, `Forbidden host: ${host}`);
      const origin = req.headers.origin;
      if (req.method !== 'GET' && req.method !== 'HEAD' && origin !== undefined && origin !== `http://${host}`)
        throw new HttpError(403, `Forbidden origin: ${origin}`);
      switch (route) {
        case 'GET /':
        case 'GET /index.html':
          return send(res, 200, 'text/html; charset=utf-8', preview.pageHtml());
        case 'GET /page.js':
          return send(res, 200, 'text/javascript; charset=utf-8', preview.pageJs);
        case 'GET /page.css':
          return send(res, 200, 'text/css; charset=utf-8', preview.pageCss);
        case 'GET /form':
          return send(res, 200, 'text/html; charset=utf-8', preview.formPage(url.searchParams.get('as') || FORM_VISITOR, linkParameters(url)));
        case 'GET /favicon.ico':
          return send(res, 204, 'image/x-icon', '');
        case 'GET /api/state':
          return json(
            res,
            preview.state(
              url.searchParams.get('sheet') ?? undefined,
              Number(url.searchParams.get('rows')) || DEFAULT_ROWS,
            ),
          );
        case 'GET /api/outbox':
          return json(res, preview.outbox());
        case 'GET /workbook.xlsx': {
          const buf = await preview.xlsx();
          const name = `${path.basename(preview.workbookFile).replace(/\.json$/, '')}.xlsx`;
          return send(res, 200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buf, {
            'content-disposition': `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"`,
          });
        }
      }
      // The web app's own address (LOCAL_WEB_APP_URL's path): a mail's link opens here as on Google.
      if (req.method === 'GET' && /^\/macros\/s\/[\w-]+\/exec$/.test(url.pathname))
        return send(res, 200, 'text/html; charset=utf-8', preview.formPage(url.searchParams.get('as') || FORM_VISITOR, linkParameters(url)));
      if (req.method !== 'POST') throw new HttpError(404, `Not found: ${url.pathname}`);
      const b = await readBody(req);
      switch (url.pathname) {
        case '/api/open':
          return json(res, preview.open());
        case '/api/select':
          return json(
            res,
            preview.select(String(b.sheet ?? ''), b.a1 === undefined ? undefined : String(b.a1)),
          );
        case '/api/edit':
          return json(
            res,
            preview.edit(String(b.sheet ?? ''), String(b.a1 ?? ''), String(b.value ?? ''), answersOf(b)),
          );
        case '/api/menu':
          return json(res, preview.menu(String(b.functionName ?? ''), answersOf(b)));
        case '/api/run':
          if (typeof b.name !== 'string' || !Array.isArray(b.args))
            throw new HttpError(400, 'name and args expected');
          return json(res, preview.run(b.name, b.args, answersOf(b)));
        case '/api/slicer':
          if (!Array.isArray(b.hidden)) throw new HttpError(400, 'hidden (the unticked values) expected');
          return json(res, preview.slicer(String(b.sheet ?? ''), Number(b.index), b.hidden.map(String)));
        case '/api/form/run':
          if (typeof b.name !== 'string' || !Array.isArray(b.args)) throw new HttpError(400, 'name and args expected');
          return json(res, preview.formRun(url.searchParams.get('as') || FORM_VISITOR, b.name, b.args));
        case '/api/clock': {
          const now = preview.rt.clock.now();
          const to = b.to !== undefined ? Number(b.to) : now + Number(b.minutes ?? 0) * 60_000;
          return json(res, preview.advance(to));
        }
      }
      throw new HttpError(404, `Not found: ${url.pathname}`);
    } catch (e) {
      const status = e instanceof HttpError ? e.status : 500;
      if (status === 500) console.error(e);
      const failed: WireError = { ok: false, error: errorMessage(e), code: errorCode(e) };
      return json(res, failed, status);
    }
  });
}

export function optionsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): PreviewOptions & { port: number; host: string } {
  const demoNow = env.DEMO_NOW ? Date.parse(env.DEMO_NOW) : undefined;
  if (demoNow !== undefined && !Number.isFinite(demoNow))
    throw new Error(`DEMO_NOW: not a time: ${env.DEMO_NOW}`);
  return {
    port: env.PORT === undefined || env.PORT === '' ? 8080 : Number(env.PORT),
    host: env.HOST || '127.0.0.1',
    workbookFile: path.resolve(env.WORKBOOK || path.join(root, 'local', 'demo-workbook.json')),
    distDir: path.resolve(env.DIST || path.join(root, 'dist')),
    demoNow,
  };
}

function main(): void {
  let o: ReturnType<typeof optionsFromEnv>;
  let preview: Preview;
  try {
    o = optionsFromEnv();
    preview = new Preview(o);
  } catch (e) {
    // No workbook to speak for: the workbook file's language when it reads, else the shell's.
    const lang = helpLang(path.resolve(process.env.WORKBOOK || path.join(root, 'local', 'demo-workbook.json')));
    console.error(e instanceof CliError ? e.in(lang) : errorMessage(e));
    process.exit(1);
  }
  const server = createServer(preview);
  server.on('error', (e) => {
    console.error(fill(catalog(preview.lang).preview.errors.cannotListen, { address: `${o.host}:${o.port}`, detail: errorMessage(e) }));
    process.exit(1);
  });
  server.listen(o.port, o.host, () => {
    const addr = server.address();
    const port = addr && typeof addr === 'object' ? addr.port : o.port;
    const host = o.host === '0.0.0.0' || o.host === '::' ? 'localhost' : o.host;
    console.log(
      `IT Support Tracker preview: http://${host}:${port}/  (workbook ${path.relative(process.cwd(), o.workbookFile) || o.workbookFile}; Ctrl+C to stop)`,
    );
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) main();
