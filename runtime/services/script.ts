// ScriptApp and its trigger builders (developers.google.com/apps-script/reference/script). Trigger
// records live in the runtime state; firing them is the runtime's job (index.ts: open/edit/tick).
// Limits: 20 triggers per user per script (guides/services/quotas). Editor add-ons
// (workspace/add-ons/concepts/editor-triggers#restrictions): one trigger of each event type per
// user per document, and time-driven triggers at most once an hour.
import { expose, unwrap } from '../instrument';
import type { RuntimeContext } from '../context';
import { isDate } from '../context';
import { nextFire, type ClockSchedule } from './schedule';
import { fromWall, isValidZone } from '../zone';

export const TOO_MANY_TRIGGERS = 'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
/** Wording from the editor-triggers page; Google's exact runtime message is not documented (VERIFY). */
export const ADDON_TOO_FREQUENT = 'Add-ons cannot create time-based triggers that run more frequently than once per hour.';
export const ADDON_ONE_PER_TYPE = 'Add-ons can only have one trigger of each type, per user, per document.';
export const MAX_TRIGGERS = 20;

export const AuthMode = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' } as const;
export const EventType = { CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT', ON_FORM_SUBMIT: 'ON_FORM_SUBMIT', ON_CHANGE: 'ON_CHANGE', ON_EVENT_UPDATED: 'ON_EVENT_UPDATED' } as const;
export const TriggerSource = { SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK', FORMS: 'FORMS', DOCUMENTS: 'DOCUMENTS', CALENDAR: 'CALENDAR' } as const;
/** reference/script/installation-source: NONE "Script is not running as an add-on". */
export const InstallationSource = { APPS_MARKETPLACE_DOMAIN_ADD_ON: 'APPS_MARKETPLACE_DOMAIN_ADD_ON', NONE: 'NONE', WEB_STORE_ADD_ON: 'WEB_STORE_ADD_ON' } as const;
export const WeekDay = { SUNDAY: 'SUNDAY', MONDAY: 'MONDAY', TUESDAY: 'TUESDAY', WEDNESDAY: 'WEDNESDAY', THURSDAY: 'THURSDAY', FRIDAY: 'FRIDAY', SATURDAY: 'SATURDAY' } as const;
const ISO_WEEKDAY: Record<string, number> = { MONDAY: 1, TUESDAY: 2, WEDNESDAY: 3, THURSDAY: 4, FRIDAY: 5, SATURDAY: 6, SUNDAY: 7 };

export type EventTypeName = keyof typeof EventType;

export interface TriggerRecord {
  id: string;
  handler: string;
  eventType: EventTypeName;
  source: keyof typeof TriggerSource;
  /** Spreadsheet id for spreadsheet triggers; null for clock triggers (reference/script/trigger#gettriggersourceid). */
  sourceId: string | null;
  /** Document the trigger was created from (add-on triggers are per document). */
  docId: string | null;
  user: string;
  createdAt: number;
  schedule?: ClockSchedule;
  nextFireAt?: number | null;
  lastFiredAt?: number;
  fireCount?: number;
}

export interface TriggerEnv {
  ctx: RuntimeContext;
  triggers: () => TriggerRecord[];
  /** Id of the document the script runs in (null: none). */
  docId: () => string | null;
  scriptTimeZone: () => string;
  /** Whether getUserTriggers(ss) lists clock triggers created in ss (undocumented: LocalRuntimeOptions). */
  userTriggersListClock?: boolean;
  scriptId: string;
  newId: () => string;
  /** Throws when the execution's auth mode may not manage triggers (simple triggers). */
  guard?: (what: string, scope: string) => void;
  /** The deployed web app's URL, or null when none is deployed (reference/script/service#geturl). */
  webAppUrl?: () => string | null;
}

/** ScriptApp.getService(): the script's web app deployment (reference/script/service). */
class LocalService implements Pick<GoogleAppsScript.Script.Service, 'getUrl' | 'isEnabled'> {
  constructor(private url: string | null) {}
  /** "The URL of the web app, if it has been deployed; otherwise returns null." */
  getUrl(): string {
    return this.url as string;
  }
  isEnabled(): boolean {
    return this.url !== null;
  }
}
const SCOPE = 'https://www.googleapis.com/auth/script.scriptapp';

export class LocalTrigger implements GoogleAppsScript.Script.Trigger {
  constructor(public record: TriggerRecord) {}
  getEventType(): GoogleAppsScript.Script.EventType {
    return this.record.eventType as unknown as GoogleAppsScript.Script.EventType;
  }
  getHandlerFunction(): string {
    return this.record.handler;
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return this.record.source as unknown as GoogleAppsScript.Script.TriggerSource;
  }
  getTriggerSourceId(): string {
    return this.record.sourceId as string;
  }
  getUniqueId(): string {
    return this.record.id;
  }
}

function register(env: TriggerEnv, rec: Omit<TriggerRecord, 'id' | 'user' | 'createdAt' | 'docId'>): GoogleAppsScript.Script.Trigger {
  const { ctx } = env;
  const user = ctx.user.effective;
  const list = env.triggers();
  if (list.filter((t) => t.user === user).length >= MAX_TRIGGERS) throw new Error(TOO_MANY_TRIGGERS);
  const docId = env.docId();
  if (ctx.addonMode && list.some((t) => t.user === user && t.docId === docId && t.eventType === rec.eventType)) throw new Error(ADDON_ONE_PER_TYPE);
  const full: TriggerRecord = { id: env.newId(), user, createdAt: ctx.clock.now(), docId, ...rec };
  if (full.schedule) full.nextFireAt = nextFire(full.schedule, full.createdAt, full.createdAt, env.scriptTimeZone());
  list.push(full);
  return expose(new LocalTrigger(full), 'Trigger', ctx.acct);
}

export class LocalClockTriggerBuilder
  implements
    Pick<
      GoogleAppsScript.Script.ClockTriggerBuilder,
      'after' | 'at' | 'atDate' | 'atHour' | 'create' | 'everyDays' | 'everyHours' | 'everyMinutes' | 'everyWeeks' | 'inTimezone' | 'nearMinute' | 'onMonthDay' | 'onWeekDay'
    >
{
  private s: Partial<ClockSchedule> = {};
  constructor(
    private env: TriggerEnv,
    private handler: string,
  ) {}

  private setKind(kind: ClockSchedule['kind'], every?: number): this {
    if (this.s.kind && this.s.kind !== kind) throw new Error(`Exception: The trigger frequency is already set (${this.s.kind}); cannot also set ${kind}.`);
    this.s.kind = kind;
    if (every !== undefined) this.s.every = every;
    return this;
  }

  everyMinutes(n: number): any {
    // reference/script/clock-trigger-builder#everyminutesn: n must be 1, 5, 10, 15 or 30.
    if (![1, 5, 10, 15, 30].includes(n)) throw new Error('Exception: The value passed to everyMinutes() must be 1, 5, 10, 15 or 30.');
    if (this.env.ctx.addonMode) throw new Error(ADDON_TOO_FREQUENT);
    return this.setKind('minutes', n);
  }
  everyHours(n: number): any {
    // reference/script/clock-trigger-builder#everyHours(Integer): "the number of hours between
    // executions"; unlike everyMinutes, the reference lists no allowed values.
    if (!(Number.isInteger(n) && n >= 1)) throw new Error('Exception: Invalid argument: everyHours');
    return this.setKind('hours', n);
  }
  everyDays(n: number): any {
    if (!(n >= 1)) throw new Error('Exception: Invalid argument: everyDays');
    return this.setKind('days', n);
  }
  everyWeeks(n: number): any {
    if (!(n >= 1)) throw new Error('Exception: Invalid argument: everyWeeks');
    return this.setKind('weeks', n);
  }
  onWeekDay(day: GoogleAppsScript.Base.Weekday): any {
    const wd = ISO_WEEKDAY[String(day)];
    if (!wd) throw new Error('Exception: Invalid argument: day');
    this.s.weekday = wd;
    if (!this.s.kind) this.s.kind = 'weeks';
    this.s.every ??= 1;
    return this;
  }
  onMonthDay(day: number): any {
    if (!(day >= 1 && day <= 31)) throw new Error('Exception: Invalid argument: day');
    this.s.monthDay = day;
    return this.setKind('monthDay');
  }
  atHour(hour: number): any {
    if (!(hour >= 0 && hour <= 23)) throw new Error('Exception: Invalid argument: hour');
    this.s.hour = hour;
    return this;
  }
  nearMinute(minute: number): any {
    if (!(minute >= 0 && minute <= 59)) throw new Error('Exception: Invalid argument: minute');
    // Google rounds to the nearest 15 minutes (reference/script/clock-trigger-builder#nearminuteminute).
    this.s.minute = (Math.round(minute / 15) * 15) % 60;
    return this;
  }
  inTimezone(timezone: string): any {
    if (!isValidZone(String(timezone))) throw new Error(`Exception: Invalid argument: timezone`);
    this.s.timeZone = String(timezone);
    return this;
  }
  at(date: GoogleAppsScript.Base.Date): any {
    if (!isDate(date)) throw new Error('Exception: Invalid argument: date');
    this.s.at = (date as Date).getTime();
    return this.setKind('once');
  }
  atDate(year: number, month: number, day: number): any {
    // "month … (should be a number between 1 and 12, inclusive)", "day … (should be a number between
    // 1 and 31, inclusive)" (clock-trigger-builder#atdateyear,-month,-day): others refused.
    const [y, m, d] = [Number(year), Number(month), Number(day)];
    if (!Number.isInteger(y)) throw new Error('Exception: Invalid argument: year');
    if (!Number.isInteger(m) || m < 1 || m > 12) throw new Error('Exception: Invalid argument: month');
    if (!Number.isInteger(d) || d < 1 || d > 31) throw new Error('Exception: Invalid argument: day');
    this.s.kind = 'once';
    this.s.at = Date.UTC(year, month - 1, day);
    (this.s as any).atDateLocal = true;
    return this;
  }
  after(durationMilliseconds: number): any {
    // "The minimum duration (in milliseconds) after the current time": a negative one, or none, is
    // not a duration (not documented: refused, the stricter answer).
    const ms = Number(durationMilliseconds);
    if (!Number.isFinite(ms) || ms < 0) throw new Error('Exception: Invalid argument: durationMilliseconds');
    this.s.at = this.env.ctx.clock.now() + ms;
    return this.setKind('once');
  }

  create(): GoogleAppsScript.Script.Trigger {
    const s = this.s;
    if (!s.kind) throw new Error('Exception: The trigger needs a schedule: call everyMinutes/everyHours/everyDays/everyWeeks/onWeekDay/onMonthDay/at/after before create().');
    if (s.hour !== undefined && !['days', 'weeks', 'monthDay'].includes(s.kind)) throw new Error('Exception: atHour() needs everyDays(), everyWeeks() or onMonthDay().');
    if ((s as any).atDateLocal) {
      // atDate: near midnight of that date in the trigger's zone.
      const d = new Date(s.at!);
      s.at = fromWall(s.timeZone ?? this.env.scriptTimeZone(), d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 0, 0);
      delete (s as any).atDateLocal;
    }
    if (this.env.ctx.addonMode && (s.kind === 'minutes')) throw new Error(ADDON_TOO_FREQUENT);
    return register(this.env, { handler: this.handler, eventType: 'CLOCK', source: 'CLOCK', sourceId: null, schedule: { ...s } as ClockSchedule });
  }
}

export class LocalSpreadsheetTriggerBuilder implements Pick<GoogleAppsScript.Script.SpreadsheetTriggerBuilder, 'create' | 'onChange' | 'onEdit' | 'onFormSubmit' | 'onOpen'> {
  private type?: EventTypeName;
  constructor(
    private env: TriggerEnv,
    private handler: string,
    private sourceId: string,
  ) {}
  onOpen(): any {
    this.type = 'ON_OPEN';
    return this;
  }
  onEdit(): any {
    this.type = 'ON_EDIT';
    return this;
  }
  onChange(): any {
    this.type = 'ON_CHANGE';
    return this;
  }
  onFormSubmit(): any {
    this.type = 'ON_FORM_SUBMIT';
    return this;
  }
  create(): GoogleAppsScript.Script.Trigger {
    if (!this.type) throw new Error('Exception: The trigger needs an event: call onOpen/onEdit/onChange/onFormSubmit before create().');
    return register(this.env, { handler: this.handler, eventType: this.type, source: 'SPREADSHEETS', sourceId: this.sourceId });
  }
}

export class LocalTriggerBuilder implements Pick<GoogleAppsScript.Script.TriggerBuilder, 'timeBased' | 'forSpreadsheet'> {
  constructor(
    private env: TriggerEnv,
    private handler: string,
  ) {}
  timeBased(): GoogleAppsScript.Script.ClockTriggerBuilder {
    return expose(new LocalClockTriggerBuilder(this.env, this.handler), 'ClockTriggerBuilder', this.env.ctx.acct) as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }
  forSpreadsheet(sheet: any): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    const id = typeof sheet === 'string' ? sheet : String((unwrap(sheet) as any).getId());
    return expose(new LocalSpreadsheetTriggerBuilder(this.env, this.handler, id), 'SpreadsheetTriggerBuilder', this.env.ctx.acct) as unknown as GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
  }
}

export class LocalScriptApp
  implements
    Pick<
      GoogleAppsScript.Script.ScriptApp,
      | 'AuthMode'
      | 'EventType'
      | 'InstallationSource'
      | 'TriggerSource'
      | 'WeekDay'
      | 'newTrigger'
      | 'getProjectTriggers'
      | 'getUserTriggers'
      | 'deleteTrigger'
      | 'getScriptId'
      | 'getOAuthToken'
      | 'getInstallationSource'
      | 'getService'
    >
{
  AuthMode = AuthMode as unknown as typeof GoogleAppsScript.Script.AuthMode;
  EventType = EventType as unknown as typeof GoogleAppsScript.Script.EventType;
  TriggerSource = TriggerSource as unknown as typeof GoogleAppsScript.Script.TriggerSource;
  InstallationSource = InstallationSource as unknown as typeof GoogleAppsScript.Script.InstallationSource;
  WeekDay = WeekDay as unknown as typeof GoogleAppsScript.Base.Weekday;

  constructor(private env: TriggerEnv) {}

  private wrap(r: TriggerRecord): GoogleAppsScript.Script.Trigger {
    return expose(new LocalTrigger(r), 'Trigger', this.env.ctx.acct);
  }

  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    this.env.guard?.('ScriptApp.newTrigger', SCOPE);
    return expose(new LocalTriggerBuilder(this.env, String(functionName)), 'TriggerBuilder', this.env.ctx.acct) as unknown as GoogleAppsScript.Script.TriggerBuilder;
  }

  /** The current user's triggers of this project (reference/script/script-app#getprojecttriggers). */
  getProjectTriggers(): GoogleAppsScript.Script.Trigger[] {
    this.env.guard?.('ScriptApp.getProjectTriggers', SCOPE);
    const user = this.env.ctx.user.effective;
    return this.env.triggers().filter((t) => t.user === user).map((t) => this.wrap(t));
  }

  /**
   * The current user's triggers "in the given spreadsheet, for this script or add-on only"
   * (reference/script/script-app#getusertriggersspreadsheet): spreadsheet triggers on it, and, only
   * when the runtime is told so, clock triggers created while running in it. Whether Google lists
   * those is not documented, so by default they are not (the stricter answer) (self-test case triggers.user-triggers-and-clock): the add-on matches
   * its triggers by getUniqueId() instead (src/gas/triggers.ts).
   */
  getUserTriggers(document: any): GoogleAppsScript.Script.Trigger[] {
    this.env.guard?.('ScriptApp.getUserTriggers', SCOPE);
    const id = typeof document === 'string' ? document : String((unwrap(document) as any).getId());
    const user = this.env.ctx.user.effective;
    const listsClock = this.env.userTriggersListClock ?? false;
    return this.env.triggers().filter((t) => t.user === user && (t.sourceId === id || (listsClock && t.docId === id))).map((t) => this.wrap(t));
  }

  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
    this.env.guard?.('ScriptApp.deleteTrigger', SCOPE);
    const id = (unwrap(trigger) as LocalTrigger).record?.id ?? trigger.getUniqueId();
    const list = this.env.triggers();
    const i = list.findIndex((t) => t.id === id);
    if (i >= 0) list.splice(i, 1);
  }

  getScriptId(): string {
    return this.env.scriptId;
  }

  getOAuthToken(): string {
    return 'local-runtime-oauth-token';
  }

  /**
   * reference/script/script-app#getinstallationsource: how the script came to be installed as an
   * add-on; NONE when it "is not running as an add-on" (a bound script). The runtime's add-on mode
   * stands for a user's own install from the store.
   */
  getService(): GoogleAppsScript.Script.Service {
    return expose(new LocalService(this.env.webAppUrl?.() ?? null), 'Service', this.env.ctx.acct) as unknown as GoogleAppsScript.Script.Service;
  }

  getInstallationSource(): GoogleAppsScript.Script.InstallationSource {
    return (this.env.ctx.addonMode ? InstallationSource.WEB_STORE_ADD_ON : InstallationSource.NONE) as unknown as GoogleAppsScript.Script.InstallationSource;
  }
}
