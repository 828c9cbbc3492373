// The local Apps Script runtime: one workbook, every service the add-on uses, the loaded bundle,
// and the things Google does around the code (open → onOpen, a person's edit → onEdit, time →
// clock triggers). Everything is in memory; toJSON()/fromJSON() carry the whole state.
//
// Over ~400 lines: the LocalRuntime class is the runtime's one public face (executions, calls,
// triggers, edits, state); the services and the spreadsheet live in their own folders.
import fs from 'node:fs';
import path from 'node:path';
import { Accounting, emptyStats, expose, frozenStats, unwrap, type CallStats } from './instrument';
import { manifestScopes, scopeCheck } from './scopes';
import { Faults } from './faults';
import { fixedClock, hostRealm, type Clock, type RuntimeContext } from './context';
import { Workbook, createSpreadsheetApp, handEdit, handSortTarget, type EditRefusal } from './spreadsheet';
import type { RuntimeServices } from './services/types';
import { Executions, type InterleavePoint, type PointInfo } from './services/executions';
import { LockTable, LocalLockService } from './services/lock';
import { LocalPropertiesService, emptyProperties, type PropertiesJson } from './services/properties';
import { LocalCacheService, emptyCaches, type CachesJson } from './services/cache';
import { LocalUtilities } from './services/utilities';
import { LocalSession, emailSeenBy, userObject } from './services/session';
import { LocalMailApp, emptyMail, type MailJson, type SentMail, DEFAULT_MAIL_QUOTA } from './services/mail';
import { LogBook, LocalLogger, recordingConsole } from './services/logger';
import { LocalHtmlService } from './services/html';
import { LocalUi, UiRecords } from './services/ui';
import { LocalScriptApp, type TriggerRecord } from './services/script';
import { nextFire } from './services/schedule';
import { loadBundle, type LoadedBundle } from './bundle';
import { marshalArgs, marshalResult } from './client';
import { timeEvent, type AuthModeName, type EditEvent, type OpenEvent } from './events';
import { DamagedStateError, STATE_VERSION, readStateFile, writeFileAtomic, type FiringRecord, type RuntimeStateJson } from './state';

export type { RuntimeStateJson, FiringRecord } from './state';
export type { CallStats } from './instrument';
export type { FaultSpec, FaultHit } from './faults';
export { countRoundTrips } from './faults';
export type { RuntimeServices } from './services/types';

export interface LocalRuntimeOptions {
  /** Directory with Code.js, appsscript.json and the .html pages (default: <repo>/dist). */
  distDir?: string;
  /** Bundle source instead of <distDir>/Code.js; `false` runs without a bundle (services only). */
  bundle?: string | false;
  state?: RuntimeStateJson;
  /** Spreadsheet time zone of a new workbook (default Asia/Shanghai). */
  timeZone?: string;
  locale?: string;
  /** Script time zone; default appsscript.json's, else `timeZone`. */
  scriptTimeZone?: string;
  now?: number;
  user?: string;
  /** Session.getActiveUser() email when Google would hide it; default = user. */
  activeUser?: string;
  addonMode?: boolean;
  /**
   * The URL ScriptApp.getService().getUrl() gives: the web app deployment's. Default: a bound
   * script is deployed at LOCAL_WEB_APP_URL (the web form assumes it); an add-on has none (null).
   */
  webAppUrl?: string | null;
  noDocument?: boolean;
  workbook?: Workbook;
  mailQuota?: number;
  verbose?: boolean;
  /** Scopes granted; default the manifest's `oauthScopes` (null: automatic, everything granted). */
  oauthScopes?: string[] | null;
  /**
   * Whether ScriptApp.getUserTriggers(ss) lists time-driven triggers created while running in ss.
   * The reference is silent (reference/script/script-app#getusertriggersspreadsheet), so the default
   * is the stricter answer: not listed (false). Tests run both answers: code must not depend on it
   * (issue 16); the self-test case triggers.user-triggers-and-clock settles it on Google.
   */
  userTriggersListClock?: boolean;
}

export interface CallResult<T = unknown> {
  result: T;
  stats: CallStats;
}

export interface TriggerRun {
  handler: string;
  kind: 'simple' | 'installable';
  ok: boolean;
  error?: string;
  result?: unknown;
  stats: CallStats;
}

export type EditOutcome =
  | { ok: true; sheetName: string; a1: string; value?: unknown; oldValue?: unknown; multi: boolean; pasted?: boolean; runs: TriggerRun[] }
  | { ok: false; reason: string; refusal: EditRefusal };

const DEFAULT_DIST = path.resolve(__dirname, '..', 'dist');
/**
 * At most this many trigger runs in one tick (a month of 10-minute sweeps is 4,320). A jump of
 * decades is refused before anything runs, state unchanged, instead of replaying for minutes.
 */
export const MAX_FIRINGS_PER_TICK = 5_000;

/** A clock jump that would fire more trigger runs than one tick allows. */
export class TickTooLongError extends Error {}
const KEEP_FIRINGS = 500;

function readManifest(distDir: string): { timeZone?: string; oauthScopes?: unknown } | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(distDir, 'appsscript.json'), 'utf8'));
  } catch (e) {
    // No build yet: no manifest. A manifest that does not read or parse is an error, not an
    // absent one: its scopes are what the runtime grants.
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    return null;
  }
}

/** Where a bound script's web app is deployed locally (the preview and the CLI open links to it). */
export const LOCAL_WEB_APP_URL = 'https://script.google.com/macros/s/local-deployment/exec';

export class LocalRuntime {
  readonly ctx: RuntimeContext;
  readonly clock: Clock;
  readonly executions = new Executions();
  readonly locks: LockTable;
  readonly ui = new UiRecords();
  /** Service calls armed to fail (runtime/faults.ts). */
  readonly faults: Faults;
  readonly logs: LogBook;
  readonly distDir: string;
  workbook: Workbook;
  services: RuntimeServices;
  bundle: LoadedBundle | null = null;
  /** Stats of the last completed top-level execution. */
  stats: CallStats = emptyStats();
  scriptTimeZone: string;
  noDocument: boolean;
  properties: PropertiesJson;
  caches: CachesJson;
  mailData: MailJson;
  triggers: TriggerRecord[];
  firings: FiringRecord[];
  lastTick: number;
  /** Auth mode of the running execution (simple triggers run LIMITED). */
  authMode: AuthModeName = 'FULL';
  /** True while a web-app request runs: no editor UI, and an add-on's web app has no spreadsheet. */
  private webRequest = false;
  /**
   * A time-driven trigger is running: no editor is open for it, and "a script can only interact
   * with the UI for the current instance of an open editor" (reference/spreadsheet/spreadsheet-app#getui).
   */
  private timeDriven = false;
  private userTriggersListClock = false;
  /** The web app deployment's URL (undefined: the default for the mode, see LocalRuntimeOptions). */
  webAppUrl: string | null | undefined;
  private triggerSeq: number;
  /** The state's own user: a per-command --user does not change who the saved state belongs to. */
  private homeUser: { active: string; effective: string };
  private globals: Record<string, unknown>;

  constructor(opts: LocalRuntimeOptions = {}) {
    const st = opts.state;
    this.distDir = opts.distDir ?? DEFAULT_DIST;
    const user = opts.user ?? st?.user.effective ?? 'user@example.com';
    this.clock = fixedClock(opts.now ?? st?.clock ?? Date.now());
    this.ctx = {
      acct: new Accounting(),
      clock: this.clock,
      realm: hostRealm(),
      user: { active: opts.activeUser ?? (opts.user ? user : st?.user.active ?? user), effective: user },
      addonMode: opts.addonMode ?? st?.addonMode ?? false,
    };
    this.homeUser = st?.user ?? { ...this.ctx.user };
    this.workbook =
      opts.workbook ?? (st ? Workbook.fromJSON(st.workbook) : new Workbook({ timeZone: opts.timeZone ?? 'Asia/Shanghai', locale: opts.locale ?? 'zh-CN' }));
    const manifest = readManifest(this.distDir);
    this.scriptTimeZone = opts.scriptTimeZone ?? st?.scriptTimeZone ?? manifest?.timeZone ?? this.workbook.timeZone;
    this.faults = new Faults(() => this.workbook.id, () => this.executions.depth > 0);
    this.ctx.acct.fault = (className, method) => this.faults.onCall(className, method);
    this.ctx.acct.check = scopeCheck(opts.oauthScopes === undefined ? manifestScopes(manifest) : opts.oauthScopes);
    this.noDocument = opts.noDocument ?? st?.noDocument ?? false;
    this.properties = st?.properties ?? emptyProperties();
    this.caches = st?.caches ?? emptyCaches();
    this.mailData = st?.mail ?? emptyMail(opts.mailQuota ?? DEFAULT_MAIL_QUOTA);
    if (opts.mailQuota !== undefined) this.mailData.dailyQuota = opts.mailQuota;
    this.triggers = st?.triggers ?? [];
    this.firings = st?.firings ?? [];
    this.lastTick = st?.lastTick ?? this.clock.now();
    this.triggerSeq = st?.nextTriggerSeq ?? 1;
    if (st?.menus) this.ui.menus = st.menus;
    this.logs = new LogBook(this.ctx);
    this.logs.verbose = !!opts.verbose;
    this.locks = new LockTable(this.ctx, this.executions);
    this.userTriggersListClock = opts.userTriggersListClock ?? false;
    this.webAppUrl = opts.webAppUrl;
    this.services = this.buildServices();
    this.globals = { ...this.services, Logger: expose(new LocalLogger(this.logs), 'Logger', this.ctx.acct), console: expose(recordingConsole(this.logs), 'console', this.ctx.acct) };
    const code = opts.bundle === false ? null : (opts.bundle ?? this.readBundle());
    if (code !== null) this.loadCode(code);
  }

  private readBundle(): string | null {
    const file = path.join(this.distDir, 'Code.js');
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  }

  /** Loads (or reloads) bundle source into a fresh realm. */
  loadCode(code: string): void {
    this.bundle = loadBundle(code, this.globals, () => this.clock.now(), path.join(this.distDir, 'Code.js'));
    this.ctx.realm = this.bundle.realm;
  }

  private buildServices(): RuntimeServices {
    const { ctx } = this;
    const acct = ctx.acct;
    // An add-on's web app runs outside any document (webApp.ts), so it has no document properties
    // either: getDocumentProperties() "returns null" when "document properties are not available"
    // (reference/properties/properties-service#getdocumentproperties). A bound script keeps them.
    const hasDocument = () => !this.noDocument && !(this.webRequest && this.ctx.addonMode);
    // getDocumentLock() and getDocumentCache() return null "outside of the context of a containing
    // document (such as from a standalone script or webapp)" (reference/lock/lock-service#getdocumentlock,
    // reference/cache/cache-service#getdocumentcache): a web-app request has none, bound or not.
    // Document properties differ: they exist whenever the script is bound or an add-on
    // (reference/properties/properties-service#getdocumentproperties).
    const inDocument = () => !this.noDocument && !this.webRequest;
    const guard = (what: string, scope: string) => {
      // Simple triggers cannot use services that need authorisation (guides/triggers#restrictions).
      if (this.authMode !== 'FULL') throw new Error(`You do not have permission to call ${what}. Required permissions: ${scope}`);
    };
    const uiObject = expose(new LocalUi(ctx, this.ui, () => this.locks.releaseExecution(this.executions.current)), 'Ui', acct) as unknown as GoogleAppsScript.Base.Ui;
    const spreadsheetApp = createSpreadsheetApp(
      this.workbook,
      ctx,
      () => {
        if (this.webRequest || this.timeDriven) throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
        return uiObject;
      },
      (message, title) => this.ui.toasts.push({ message: String(message), title: String(title ?? ''), at: this.clock.now() }),
      // A web app has a container only when the script is bound to the sheet.
      () => !(this.webRequest && this.ctx.addonMode),
    );
    const any = <T>(o: object, name: string) => expose(o, name, acct) as unknown as T;
    return {
      SpreadsheetApp: spreadsheetApp,
      HtmlService: any(new LocalHtmlService(ctx, this.distDir, () => this.bundle?.functionCtor() ?? (Function as any)), 'HtmlService'),
      LockService: any(new LocalLockService(ctx, this.locks, this.executions, inDocument), 'LockService'),
      ScriptApp: any(
        new LocalScriptApp({
          ctx,
          triggers: () => this.triggers,
          docId: () => (this.noDocument ? null : this.workbook.id),
          scriptTimeZone: () => this.scriptTimeZone,
          userTriggersListClock: this.userTriggersListClock,
          scriptId: 'local-script-id',
          newId: () => String(this.triggerSeq++),
          guard,
          webAppUrl: () => (this.webAppUrl === undefined ? (this.ctx.addonMode ? null : LOCAL_WEB_APP_URL) : this.webAppUrl),
        }),
        'ScriptApp',
      ),
      PropertiesService: any(new LocalPropertiesService(ctx, () => this.properties, hasDocument), 'PropertiesService'),
      CacheService: any(new LocalCacheService(ctx, () => this.caches, inDocument), 'CacheService'),
      Utilities: any(new LocalUtilities(ctx, this.executions), 'Utilities'),
      Session: any(new LocalSession(ctx, () => this.scriptTimeZone, () => this.workbook.locale), 'Session'),
      MailApp: any(new LocalMailApp(ctx, () => this.mailData, guard), 'MailApp'),
    };
  }

  get mail(): SentMail[] {
    return this.mailData.sent;
  }

  get entryPoints(): string[] {
    return this.bundle?.entryPoints ?? [];
  }

  /** Runs `fn` as one execution: fresh accounting (restored for the caller when nested), locks released at the end. */
  private execute<T>(fn: () => T, opts: { authMode?: AuthModeName; user?: { active: string; effective: string } } = {}): CallResult<T> {
    const nested = this.executions.depth > 0;
    const outerStats = this.ctx.acct.stats;
    const outerAuth = this.authMode;
    const outerUser = this.ctx.user;
    this.ctx.acct.stats = emptyStats();
    this.authMode = opts.authMode ?? 'FULL';
    if (opts.user) this.ctx.user = opts.user;
    let stats = this.ctx.acct.stats;
    try {
      // An execution slipped in while another's call waits (a lock, a sleep) is a script's own code.
      const result = this.ctx.acct.asCaller(() => this.executions.run(fn));
      stats = frozenStats(this.ctx.acct.stats);
      return { result, stats };
    } finally {
      // The figures freeze when the execution ends: what the host does afterwards (reading the
      // sheet, building the next event) is counted apart, never added to this execution.
      if (stats === this.ctx.acct.stats) stats = frozenStats(stats);
      if (!nested) this.stats = stats;
      this.ctx.acct.stats = nested ? outerStats : emptyStats();
      this.authMode = outerAuth;
      this.ctx.user = outerUser;
    }
  }

  private requireBundle(): LoadedBundle {
    if (!this.bundle) throw new Error(`No bundle loaded: ${path.join(this.distDir, 'Code.js')} is missing (run node scripts/build.mjs).`);
    return this.bundle;
  }

  /** Calls an entry point as the editor/menu would; arguments are passed as they are. */
  call<T = unknown>(name: string, ...args: unknown[]): CallResult<T> {
    const b = this.requireBundle();
    return this.execute(() => b.invoke(name, args) as T);
  }

  /** Calls an entry point as google.script.run does: JSON-safe arguments only, result copied (see client.ts). */
  callFromClient<T = unknown>(name: string, ...args: unknown[]): CallResult<T> {
    const b = this.requireBundle();
    if (name.endsWith('_')) throw new Error(`Script function not found: ${name}`);
    const copied = b.fromHost(marshalArgs(args));
    const r = this.execute(() => b.invoke(name, copied as unknown[]));
    return { result: marshalResult(r.result) as T, stats: r.stats };
  }

  /**
   * The web app deployed with "Execute as: Me" by `owner` (guides/web), as `visitor` sees it: each
   * request runs as the owner, with the visitor as active user only where Google reveals them.
   * `get` runs doGet and returns the page; `run` is a google.script.run call from that page.
   */
  webApp(visitor: string, owner = this.homeUser.effective): {
    get: (parameter?: Record<string, string>) => CallResult<{ title: string; content: string }>;
    run: <T = unknown>(name: string, ...args: unknown[]) => CallResult<T>;
  } {
    const user = { active: emailSeenBy(visitor, owner), effective: owner };
    const request = <T>(fn: (b: LoadedBundle) => T): CallResult<T> => {
      const b = this.requireBundle();
      const outer = this.webRequest;
      this.webRequest = true;
      try {
        return this.execute(() => fn(b), { user });
      } finally {
        this.webRequest = outer;
      }
    };
    return {
      get: (parameter = {}) => {
        if (!this.bundle?.has('doGet')) throw new Error('Script function not found: doGet');
        const queryString = new URLSearchParams(parameter).toString();
        const e = { parameter, parameters: Object.fromEntries(Object.entries(parameter).map(([k, v]) => [k, [v]])), queryString, contentLength: -1, contextPath: '' };
        const r = request((b) => b.invoke('doGet', [b.fromHost(e)]));
        const out = r.result as GoogleAppsScript.HTML.HtmlOutput | null;
        const page = out && typeof out === 'object' ? unwrap(out) : null;
        if (!page || typeof page.getContent !== 'function') throw new Error('The script completed but did not return anything.');
        return { result: { title: page.getTitle(), content: page.getContent() }, stats: r.stats };
      },
      run: <T>(name: string, ...args: unknown[]) => {
        if (name.endsWith('_')) throw new Error(`Script function not found: ${name}`);
        const r = request((b) => b.invoke(name, b.fromHost(marshalArgs(args)) as unknown[]));
        return { result: marshalResult(r.result) as T, stats: r.stats };
      },
    };
  }

  /** Runs `fn` (typically another `call`) the next time an execution reaches `point`; returns a cancel function. */
  interleave(point: InterleavePoint, fn: (info: PointInfo) => void, times = 1): () => void {
    return this.executions.at(point, fn, times);
  }

  /**
   * Runs the calls "at the same time": call 1 starts; when it reaches `point` (before taking a
   * lock, or in a sleep) call 2 starts, and so on; each finishes before the one it interrupted
   * resumes. A call that never reaches the point lets the next one start after it. With
   * `client: true` the calls go through google.script.run marshalling.
   */
  concurrently(calls: Array<{ name: string; args?: unknown[] }>, opts: { point?: InterleavePoint; client?: boolean } = {}): Array<{ ok: boolean; result?: unknown; error?: string }> {
    const results: Array<{ ok: boolean; result?: unknown; error?: string }> = [];
    const started = new Set<number>();
    const start = (i: number): void => {
      if (i >= calls.length || started.has(i)) return;
      started.add(i);
      const cancel = i + 1 < calls.length ? this.interleave(opts.point ?? 'lock', () => start(i + 1)) : () => {};
      const { name, args = [] } = calls[i];
      try {
        const r = opts.client ? this.callFromClient(name, ...args) : this.call(name, ...args);
        results[i] = { ok: true, result: r.result };
      } catch (e) {
        results[i] = { ok: false, error: e && typeof e === 'object' && 'message' in e ? String((e as Error).message) : String(e) };
      } finally {
        cancel();
      }
      start(i + 1);
    };
    start(0);
    return results;
  }

  private spreadsheet(): any {
    return (this.services.SpreadsheetApp as any).getActiveSpreadsheet();
  }

  private runTrigger(handler: string, kind: TriggerRun['kind'], event: object, authMode: AuthModeName, user?: { active: string; effective: string }): TriggerRun {
    const b = this.requireBundle();
    try {
      const r = this.execute(() => b.invoke(handler, [event]), { authMode, user });
      return { handler, kind, ok: true, result: r.result, stats: r.stats };
    } catch (e) {
      const error = e instanceof Error || (e && typeof e === 'object' && 'message' in e) ? String((e as Error).message) : String(e);
      this.logs.add('error', `${handler}: ${error}`);
      return { handler, kind, ok: false, error, stats: this.stats };
    }
  }

  private installable(type: TriggerRecord['eventType']): TriggerRecord[] {
    return this.triggers.filter((t) => t.eventType === type && t.sourceId === this.workbook.id);
  }

  /** The spreadsheet is opened: menus reset, simple onOpen (LIMITED; NONE for an add-on not yet used here) then installable open triggers. */
  open(opts: { authMode?: AuthModeName } = {}): TriggerRun[] {
    this.ui.menus = [];
    const runs: TriggerRun[] = [];
    const user = userObject(this.ctx, this.ctx.user.active);
    if (this.bundle?.has('onOpen')) {
      const e: OpenEvent = { authMode: opts.authMode ?? 'LIMITED', source: this.spreadsheet(), user };
      runs.push(this.runTrigger('onOpen', 'simple', e, e.authMode));
    }
    for (const t of this.installable('ON_OPEN')) {
      const as = this.triggeredBy(t);
      const e: OpenEvent = { authMode: 'FULL', source: this.spreadsheet(), user: userObject(this.ctx, as.active), triggerUid: t.id };
      runs.push(this.runTrigger(t.handler, 'installable', e, 'FULL', as));
    }
    return runs;
  }

  /** A person types into the sheet: the edit is applied (validation may refuse it), then onEdit triggers fire. */
  edit(a1: string, value: string | string[][]): EditOutcome {
    const r = handEdit(this.workbook, this.ctx, a1, value);
    if (!r.ok) return r;
    const runs: TriggerRun[] = [];
    const ss = this.spreadsheet();
    const range = ss.getSheetByName(r.sheetName).getRange(r.a1);
    const base: EditEvent = { authMode: 'LIMITED', range, source: ss, user: userObject(this.ctx, this.ctx.user.active) };
    // e.value / e.oldValue: "only available if the edited range is a single cell"
    // (guides/triggers/events#edit); a paste, even of one cell, carries neither (*model*).
    if (!r.multi && !r.pasted) {
      if (r.value !== undefined) base.value = r.value;
      if (r.oldValue !== undefined && r.oldValue !== '') base.oldValue = r.oldValue;
    }
    if (this.bundle?.has('onEdit')) runs.push(this.runTrigger('onEdit', 'simple', { ...base }, 'LIMITED'));
    for (const t of this.installable('ON_EDIT')) {
      const as = this.triggeredBy(t);
      const e: EditEvent = { ...base, authMode: 'FULL', user: userObject(this.ctx, as.active), triggerUid: t.id };
      runs.push(this.runTrigger(t.handler, 'installable', e, 'FULL', as));
    }
    return { ...r, runs };
  }

  /**
   * A person sorts a range (Data › Sort range): its rows reorder with their formats, as Range.sort
   * does; `sortSpec` is Range.sort's (absolute column numbers). No trigger fires (*model*): the
   * reference has onEdit run "when a user changes a value in a spreadsheet" (guides/triggers) and
   * says nothing of sorting, so the runtime takes the reading a script cannot rely on; the live
   * self-test records what Google does (`event.sort-fires-no-edit`, docs/fidelity.md).
   */
  sortRange(a1: string, sortSpec: number | { column: number; ascending?: boolean } | Array<{ column: number; ascending?: boolean }>): { ok: true } | { ok: false; reason: string } {
    const r = handSortTarget(this.workbook, this.ctx, a1);
    if (!r.ok) return r;
    try {
      this.spreadsheet().getSheetByName(r.sheetName).getRange(r.a1).sort(sortSpec);
    } catch (e) {
      return { ok: false, reason: (e as Error).message };
    }
    return { ok: true };
  }

  /**
   * Who an installable trigger runs as when the current user sets it off: its creator's authority
   * (getEffectiveUser), and the current user as the active user only where Google reveals them.
   */
  private triggeredBy(t: TriggerRecord): { active: string; effective: string } {
    return { active: emailSeenBy(this.ctx.user.active, t.user), effective: t.user };
  }

  /**
   * Advances the clock to `toMs`, firing every time-driven trigger due on the way in chronological
   * order (ties: creation order), each with the clock at its fire time. Returns what fired.
   */
  tick(toMs: number): FiringRecord[] {
    if (!Number.isFinite(toMs)) throw new TickTooLongError('tick: not a time');
    const due = this.firingsDue(toMs, MAX_FIRINGS_PER_TICK + 1);
    if (due > MAX_FIRINGS_PER_TICK) {
      throw new TickTooLongError(
        `tick: moving the clock to ${new Date(toMs).toISOString()} would fire more than ${MAX_FIRINGS_PER_TICK} trigger runs; move it in smaller steps (nothing was run)`,
      );
    }
    const fired: FiringRecord[] = [];
    for (let n = 0; ; n++) {
      if (n > MAX_FIRINGS_PER_TICK) throw new Error(`tick: more than ${MAX_FIRINGS_PER_TICK} trigger runs; tick in smaller steps`);
      let due: TriggerRecord | undefined;
      for (const t of this.triggers) {
        if (t.eventType !== 'CLOCK' || t.nextFireAt == null || t.nextFireAt > toMs) continue;
        if (!due || t.nextFireAt < due.nextFireAt!) due = t;
      }
      if (!due) break;
      const at = due.nextFireAt!;
      if (at > this.clock.now()) this.clock.set(at);
      due.lastFiredAt = at;
      due.fireCount = (due.fireCount ?? 0) + 1;
      due.nextFireAt = nextFire(due.schedule!, due.createdAt, at, this.scriptTimeZone);
      const run = this.bundle?.has(due.handler)
        ? this.runTimeDriven(() => this.runTrigger(due!.handler, 'installable', timeEvent(at, due!.id), 'FULL', { active: due!.user, effective: due!.user }))
        : { handler: due.handler, kind: 'installable' as const, ok: false, error: `Script function not found: ${due.handler}`, stats: emptyStats() };
      const rec: FiringRecord = { triggerId: due.id, handler: due.handler, at, ok: run.ok, ...(run.error ? { error: run.error } : {}) };
      fired.push(rec);
      this.firings.push(rec);
    }
    if (this.firings.length > KEEP_FIRINGS) this.firings.splice(0, this.firings.length - KEEP_FIRINGS);
    if (toMs > this.clock.now()) this.clock.set(toMs);
    this.lastTick = Math.max(this.lastTick, toMs);
    return fired;
  }

  private runTimeDriven<T>(run: () => T): T {
    const outer = this.timeDriven;
    this.timeDriven = true;
    try {
      return run();
    } finally {
      this.timeDriven = outer;
    }
  }

  /** How many time-driven runs are due up to `toMs` (counting stops past `limit`); runs nothing. */
  firingsDue(toMs: number, limit: number): number {
    let n = 0;
    for (const t of this.triggers) {
      if (t.eventType !== 'CLOCK' || t.nextFireAt == null) continue;
      for (let at: number | null = t.nextFireAt; at != null && at <= toMs && n < limit; at = nextFire(t.schedule!, t.createdAt, at, this.scriptTimeZone)) n++;
      if (n >= limit) break;
    }
    return n;
  }

  toJSON(): RuntimeStateJson {
    return {
      version: STATE_VERSION,
      clock: this.clock.now(),
      scriptTimeZone: this.scriptTimeZone,
      user: { ...this.homeUser },
      addonMode: this.ctx.addonMode,
      noDocument: this.noDocument,
      workbook: this.workbook.toJSON(),
      properties: this.properties,
      caches: this.caches,
      triggers: this.triggers,
      lastTick: this.lastTick,
      firings: this.firings,
      mail: this.mailData,
      menus: this.ui.menus,
      nextTriggerSeq: this.triggerSeq,
    };
  }

  static fromJSON(state: RuntimeStateJson, opts: Omit<LocalRuntimeOptions, 'state'> = {}): LocalRuntime {
    // Deep copy: the runtime mutates its state objects in place.
    return new LocalRuntime({ ...opts, state: JSON.parse(JSON.stringify(state)) });
  }
}

export function createLocalRuntime(opts: LocalRuntimeOptions = {}): LocalRuntime {
  return new LocalRuntime(opts);
}

export function loadRuntime(file: string, opts: Omit<LocalRuntimeOptions, 'state'> = {}): LocalRuntime {
  const state = readStateFile(file);
  try {
    return new LocalRuntime({ ...opts, state });
  } catch (e) {
    throw new DamagedStateError(file, { kind: 'other', detail: String((e as Error)?.message ?? e) });
  }
}

export function saveRuntime(rt: LocalRuntime, file: string): void {
  writeFileAtomic(file, JSON.stringify(rt.toJSON()));
}
