// The `设置` sheet: human-editable, so everything is validated on read. A bad cell never stops the
// tracker: it falls back to the default and yields a warning the adapter shows beside the cell.
//
// Over ~400 lines: one table of settings definitions and the parser that validates each
// row against it; they change together.
import { AUTO_CLOSE_DEFAULT_DAYS } from './autoClose';
import type { Lang, Tier, Urgency } from './schema';
import { enumLabel, parseEnum } from './schema';
import { catalog, t } from './i18n';
import { isEmail } from './text';

export type ClockKind = 'working' | '24x7';

export interface TargetSetting {
  minutes: number;
  clock: ClockKind;
}

export type TargetName = 'response' | 'escalation' | 'resolution' | 'update';

export interface Agent {
  name: string;
  tier: Tier;
  email: string;
}

export interface Settings {
  /** null: follow the spreadsheet locale. */
  lang: Lang | null;
  workDays: number[];
  /** Minutes after local midnight. */
  workStart: number;
  workEnd: number;
  holidays: string[];
  extraWorkDays: string[];
  targets: Record<TargetName, Record<Urgency, TargetSetting>>;
  atRiskShare: number;
  sweepMinutes: number;
  weeklyWeekday: number;
  weeklyHour: number;
  emailAlerts: boolean;
  leadEmail: string;
  /**
   * Mail the requester at each step (issue 18). A new settings sheet says yes; a sheet made before
   * the switch existed has no row for it and reads as no, so an existing team's requesters are not
   * mailed until an admin adds the row (docs/spec.md).
   */
  notifyRequesters: boolean;
  archiveAfterDays: number;
  /** Working days a resolved ticket waits for the requester's answer before it closes itself (issue 18). */
  autoCloseDays: number;
  departments: string[];
  agents: Agent[];
}

export interface SettingsWarning {
  /** Row index (0-based) in the key/value block, or -1 for the lists. */
  row: number;
  message: string;
}

type Parsed<T> = { ok: true; value: T } | { ok: false };

interface SettingDef {
  key: string;
  /** The row's label in the sheet (catalog settingLabels). */
  label: (lang: Lang) => string;
  help: (lang: Lang) => string;
  /** Default, as written in the sheet. */
  text: (lang: Lang) => string;
  apply: (s: Settings, raw: unknown) => boolean;
}

const URGENCIES: Urgency[] = ['high', 'medium', 'low'];
type PlainLabel = Exclude<keyof ReturnType<typeof catalog>['settingLabels'], 'target' | 'targets' | 'urgencies'>;
const labelOf = (key: PlainLabel) => (lang: Lang): string => catalog(lang).settingLabels[key];

/** The sample departments and agents a new settings sheet starts with, in the sheet's language. */
const SAMPLE_LISTS: Record<Lang, Pick<Settings, 'departments' | 'agents'>> = {
  zh: {
    departments: ['销售部/北京分公司', '市场部/上海分公司', '财务部/总部', '人力资源部/总部', '研发部/深圳分公司', '客服部/广州分公司'],
    agents: [
      { name: '张工', tier: 'tier1', email: 'zhang@example.com' },
      { name: '王工', tier: 'tier1', email: 'wang@example.com' },
      { name: '李工程师', tier: 'tier2', email: 'li@example.com' },
    ],
  },
  en: {
    departments: ['Sales / Beijing', 'Marketing / Shanghai', 'Finance / Head office', 'HR / Head office', 'R&D / Shenzhen', 'Customer service / Guangzhou'],
    agents: [
      { name: 'Zhang', tier: 'tier1', email: 'zhang@example.com' },
      { name: 'Wang', tier: 'tier1', email: 'wang@example.com' },
      { name: 'Li', tier: 'tier2', email: 'li@example.com' },
    ],
  },
};

export function defaultSettings(lang: Lang = 'zh'): Settings {
  const all = (minutes: number, clock: ClockKind = 'working'): Record<Urgency, TargetSetting> => ({
    high: { minutes, clock },
    medium: { minutes, clock },
    low: { minutes, clock },
  });
  return {
    lang: null,
    workDays: [1, 2, 3, 4, 5],
    workStart: 9 * 60,
    workEnd: 18 * 60,
    holidays: [],
    extraWorkDays: [],
    targets: {
      response: all(60),
      escalation: all(30),
      resolution: {
        high: { minutes: 120, clock: '24x7' },
        medium: { minutes: 240, clock: 'working' },
        low: { minutes: 24 * 60, clock: 'working' },
      },
      update: all(120),
    },
    atRiskShare: 0.75,
    sweepMinutes: 60,
    weeklyWeekday: 1,
    weeklyHour: 9,
    emailAlerts: false,
    leadEmail: '',
    notifyRequesters: true,
    archiveAfterDays: 90,
    autoCloseDays: AUTO_CLOSE_DEFAULT_DAYS,
    ...SAMPLE_LISTS[lang],
  };
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v)).trim();
const pad = (n: number): string => String(n).padStart(2, '0');

export function formatHm(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** `09:00`, `9:30`, or a Date/number a sheet may have turned the cell into. */
export function parseHm(v: unknown): Parsed<number> {
  if (typeof v === 'number' && v >= 0 && v < 1) return { ok: true, value: Math.round(v * 24 * 60) };
  if (Object.prototype.toString.call(v) === '[object Date]') {
    const d = v as Date;
    return { ok: true, value: d.getHours() * 60 + d.getMinutes() };
  }
  const m = /^(\d{1,2})[:：](\d{2})$/.exec(str(v));
  if (!m) return { ok: false };
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 24 && min < 60 && h * 60 + min <= 24 * 60 ? { ok: true, value: h * 60 + min } : { ok: false };
}

const WEEKDAY_WORDS: Record<string, number> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7,
  mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7,
};

function parseWeekday(token: string): number | null {
  const s = token.trim().toLowerCase().replace(/^(周|星期|礼拜)/, '');
  if (/^[1-7]$/.test(s)) return Number(s);
  // Own keys only: `constructor`, `__proto__` must not read Object.prototype.
  const own = (k: string): number | null => (Object.prototype.hasOwnProperty.call(WEEKDAY_WORDS, k) ? WEEKDAY_WORDS[k] : null);
  return own(s) ?? own(s.slice(0, 3));
}

/** `1-5`, `1,2,3,4,5`, `周一至周五`, `Mon-Fri`, `Mon,Wed`. */
export function parseWorkDays(v: unknown): Parsed<number[]> {
  // `Mon - Fri`, `周一 至 周五`: spaces around a range mark belong to the range.
  const s = str(v).replace(/\s*([-–~至到])\s*/g, '$1');
  if (!s) return { ok: false };
  const days = new Set<number>();
  for (const part of s.split(/[,，、;；\s]+/).filter(Boolean)) {
    const range = part.split(/[-–~至到]/);
    if (range.length === 2) {
      const a = parseWeekday(range[0]);
      const b = parseWeekday(range[1]);
      if (a === null || b === null || b < a) return { ok: false };
      for (let d = a; d <= b; d++) days.add(d);
    } else {
      const d = parseWeekday(part);
      if (d === null) return { ok: false };
      days.add(d);
    }
  }
  return days.size ? { ok: true, value: [...days].sort() } : { ok: false };
}

function formatDateCell(v: unknown): string | null {
  if (Object.prototype.toString.call(v) === '[object Date]') {
    const d = v as Date;
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(str(v));
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** An address as mail accepts it: at most 254 characters (RFC 5321), so settings stay small too. */
// The one address rule the mailer applies (text.ts): an address it would skip is flagged here, not dropped silently.
const validEmail = (x: string): boolean => x.length <= 254 && isEmail(x);

/** More dates than decades of holidays: the stored settings must stay small (gas/config.ts). */
const MAX_DATES = 1000;

/** Dates separated by commas or new lines; the whole cell is refused if any date is bad. */
export function parseDateList(v: unknown): Parsed<string[]> {
  if (Object.prototype.toString.call(v) === '[object Date]') return { ok: true, value: [formatDateCell(v) as string] };
  const parts = str(v).split(/[,，、;；\n\s]+/).filter(Boolean);
  if (parts.length > MAX_DATES) return { ok: false };
  const out: string[] = [];
  for (const p of parts) {
    const d = formatDateCell(p);
    if (!d) return { ok: false };
    out.push(d);
  }
  return { ok: true, value: [...new Set(out)].sort() };
}

/** `2h`, `30min`, `1.5 小时`, `24h 工作时间`, `2h 全天` (the clock word is optional). */
export function parseTarget(v: unknown, fallbackClock: ClockKind): Parsed<TargetSetting> {
  const s = str(v).toLowerCase();
  const m = /^(\d+(?:\.\d+)?)\s*(h|hr|hrs|hours?|小时|m|min|mins|minutes?|分钟)?\s*[(（]?\s*(工作时间|工作时|working hours?|working|business hours?|business|全天|24x7|24\/7|round the clock|自然时间)?\s*[)）]?$/.exec(s);
  if (!m) return { ok: false };
  const n = Number(m[1]);
  const unit = m[2] ?? 'h';
  const minutes = Math.round(/^(m|min|mins|minutes?|分钟)$/.test(unit) ? n : n * 60);
  if (minutes <= 0 || minutes > 60 * 24 * 60) return { ok: false };
  const clock: ClockKind = m[3] ? (/工作|working|business/.test(m[3]) ? 'working' : '24x7') : fallbackClock;
  return { ok: true, value: { minutes, clock } };
}

export function formatTarget(tg: TargetSetting, lang: Lang): string {
  const h = tg.minutes % 60 === 0 ? `${tg.minutes / 60}h` : `${tg.minutes}min`;
  const clock = tg.clock === 'working' ? (lang === 'zh' ? '工作时间' : 'working hours') : lang === 'zh' ? '全天' : 'round the clock';
  return `${h} ${clock}`;
}

function parseBool(v: unknown): Parsed<boolean> {
  if (typeof v === 'boolean') return { ok: true, value: v };
  const s = str(v).toLowerCase();
  if (['是', '开', '开启', 'yes', 'y', 'true', 'on', '1'].includes(s)) return { ok: true, value: true };
  if (['否', '关', '关闭', 'no', 'n', 'false', 'off', '0', ''].includes(s)) return { ok: true, value: false };
  return { ok: false };
}

function parseNumber(v: unknown, min: number, max: number): Parsed<number> {
  const n = typeof v === 'number' ? v : Number(str(v).replace(/%$/, ''));
  return Number.isFinite(n) && n >= min && n <= max ? { ok: true, value: n } : { ok: false };
}

const take = <T>(p: Parsed<T>, set: (v: T) => void): boolean => {
  if (!p.ok) return false;
  set(p.value);
  return true;
};

const DEFS: SettingDef[] = [
  {
    key: 'language', label: labelOf('language'),
    help: (l) => catalog(l).settingsHelp.language,
    text: (l) => (l === 'zh' ? '自动' : 'auto'),
    apply: (s, v) => {
      const x = str(v).toLowerCase();
      if (['', '自动', 'auto'].includes(x)) return (s.lang = null), true;
      if (['中文', 'zh', 'zh-cn', 'chinese'].includes(x)) return (s.lang = 'zh'), true;
      if (['english', 'en', '英文'].includes(x)) return (s.lang = 'en'), true;
      return false;
    },
  },
  {
    key: 'workDays', label: labelOf('workDays'), help: (l) => catalog(l).settingsHelp.workDays,
    text: (l) => (l === 'zh' ? '周一至周五' : 'Mon-Fri'),
    apply: (s, v) => take(parseWorkDays(v), (x) => (s.workDays = x)),
  },
  {
    key: 'workStart', label: labelOf('workStart'), help: (l) => catalog(l).settingsHelp.workStart,
    text: () => '09:00', apply: (s, v) => take(parseHm(v), (x) => (s.workStart = x)),
  },
  {
    key: 'workEnd', label: labelOf('workEnd'), help: (l) => catalog(l).settingsHelp.workEnd,
    text: () => '18:00', apply: (s, v) => take(parseHm(v), (x) => (s.workEnd = x)),
  },
  {
    key: 'holidays', label: labelOf('holidays'), help: (l) => catalog(l).settingsHelp.holidays,
    text: () => '', apply: (s, v) => take(parseDateList(v), (x) => (s.holidays = x)),
  },
  {
    key: 'extraWorkDays', label: labelOf('extraWorkDays'), help: (l) => catalog(l).settingsHelp.extraWorkDays,
    text: () => '', apply: (s, v) => take(parseDateList(v), (x) => (s.extraWorkDays = x)),
  },
  ...(['response', 'escalation', 'resolution', 'update'] as TargetName[]).flatMap((target) =>
    URGENCIES.map(
      (u): SettingDef => ({
        key: `${target}.${u}`,
        label: (l) => {
          const c = catalog(l).settingLabels;
          return c.target.replace('{target}', c.targets[target]).replace('{urgency}', c.urgencies[u]);
        },
        help: (l) => catalog(l).settingsHelp.target,
        text: (l) => formatTarget(defaultSettings().targets[target][u], l),
        apply: (s, v) => take(parseTarget(v, defaultSettings().targets[target][u].clock), (x) => (s.targets[target][u] = x)),
      }),
    ),
  ),
  {
    key: 'atRiskShare', label: labelOf('atRiskShare'), help: (l) => catalog(l).settingsHelp.atRiskShare,
    text: () => '75%',
    apply: (s, v) => {
      // 0.75 and 75 and 75% all mean 75% (a text cell `0.75` too, not only a number cell).
      const n = typeof v === 'number' ? v : /%\s*$/.test(str(v)) ? NaN : Number(str(v));
      const raw = Number.isFinite(n) && n > 0 && n <= 1 ? n * 100 : v;
      return take(parseNumber(raw, 1, 99), (x) => (s.atRiskShare = x / 100));
    },
  },
  {
    key: 'sweepMinutes', label: labelOf('sweepMinutes'), help: (l) => catalog(l).settingsHelp.sweepMinutes,
    text: () => '60',
    apply: (s, v) => take(parseNumber(v, 1, 24 * 60), (x) => {
      const allowed = [10, 15, 30, 60, 120, 240, 360, 480, 720];
      s.sweepMinutes = allowed.reduce((best, a) => (Math.abs(a - x) < Math.abs(best - x) ? a : best), 60);
    }),
  },
  {
    key: 'weekly', label: labelOf('weekly'), help: (l) => catalog(l).settingsHelp.weekly,
    text: (l) => (l === 'zh' ? '周一 09:00' : 'Mon 09:00'),
    apply: (s, v) => {
      const m = /^(\S+)\s+(\d{1,2})(?::00)?$/.exec(str(v));
      const d = m ? parseWeekday(m[1]) : null;
      if (!m || d === null || Number(m[2]) > 23) return false;
      s.weeklyWeekday = d;
      s.weeklyHour = Number(m[2]);
      return true;
    },
  },
  {
    key: 'emailAlerts', label: labelOf('emailAlerts'), help: (l) => catalog(l).settingsHelp.emailAlerts,
    text: (l) => (l === 'zh' ? '否' : 'no'), apply: (s, v) => take(parseBool(v), (x) => (s.emailAlerts = x)),
  },
  {
    key: 'leadEmail', label: labelOf('leadEmail'), help: (l) => catalog(l).settingsHelp.leadEmail,
    text: () => '',
    apply: (s, v) => {
      const x = str(v);
      if (x && !validEmail(x)) return false;
      s.leadEmail = x;
      return true;
    },
  },
  {
    key: 'notifyRequesters', label: labelOf('notifyRequesters'), help: (l) => catalog(l).settingsHelp.notifyRequesters,
    text: (l) => (l === 'zh' ? '是' : 'yes'), apply: (s, v) => take(parseBool(v), (x) => (s.notifyRequesters = x)),
  },
  {
    key: 'archiveAfterDays', label: labelOf('archiveAfterDays'), help: (l) => catalog(l).settingsHelp.archiveAfterDays,
    text: () => '90', apply: (s, v) => take(parseNumber(v, 1, 3650), (x) => (s.archiveAfterDays = Math.round(x))),
  },
  {
    key: 'autoCloseDays', label: labelOf('autoCloseDays'), help: (l) => catalog(l).settingsHelp.autoCloseDays,
    text: () => String(AUTO_CLOSE_DEFAULT_DAYS), apply: (s, v) => take(parseNumber(v, 1, 30), (x) => (s.autoCloseDays = Math.round(x))),
  },
];

export const SETTING_KEYS = DEFS.map((d) => d.key);

/** The key/value block as the sheet shows it by default: [label, value, help]. */
export function defaultSettingRows(lang: Lang): string[][] {
  return DEFS.map((d) => [d.label(lang), d.text(lang), d.help(lang)]);
}

/** The key a label row names, in either language, or null. */
export function settingKeyForLabel(label: unknown): string | null {
  // NFKC and case-insensitive: the labels written before they took full-width brackets
  // (`解决时限(中)`, trackers set up earlier) and those typed either way are the same label.
  const k = (x: string): string => x.normalize('NFKC').trim().toLowerCase();
  const s = k(str(label));
  const d = DEFS.find((x) => k(x.label('zh')) === s || k(x.label('en')) === s || k(x.key) === s);
  return d ? d.key : null;
}

export interface SettingsInput {
  /** Key/value rows as read: [label, value, …]. */
  rows: unknown[][];
  departments: unknown[];
  /** [name, tier, email] rows. */
  agents: unknown[][];
}

/**
 * The lists are stored with the settings in document properties (9 KB a value, 500 KB a store):
 * bounded here so a sheet with hundreds of departments still fits, and within Sheets' 500 items of
 * a dropdown list. An entry longer than a form field would take is dropped too.
 */
export const LIST_CAPS = {
  departments: { items: 500, entryChars: 100, totalChars: 30_000 },
  agents: { items: 100, entryChars: 50, totalChars: 5_000 },
} as const;

function capList<T>(
  items: T[],
  cap: { items: number; entryChars: number; totalChars: number },
  list: string,
  lang: Lang,
  warnings: SettingsWarning[],
  text: (x: T) => string = (x) => String(x),
): T[] {
  const out: T[] = [];
  let total = 0;
  let dropped = 0;
  const tooLong: string[] = [];
  for (const x of items) {
    const s = text(x);
    if (Array.from(s).length > cap.entryChars) {
      tooLong.push(s);
      continue;
    }
    if (out.length >= cap.items || total + s.length > cap.totalChars) {
      dropped++;
      continue;
    }
    total += s.length;
    out.push(x);
  }
  if (tooLong.length) {
    const value = `${Array.from(tooLong[0]).slice(0, 20).join('')}…`;
    warnings.push({ row: -1, message: t(lang, 'settingEntryTooLong', { list, value, max: cap.entryChars, n: tooLong.length }) });
  }
  if (dropped) warnings.push({ row: -1, message: t(lang, 'settingListTooLong', { list, max: out.length, n: dropped }) });
  return out;
}

/** Validated settings plus warnings for every cell that fell back to its default. */
export function parseSettings(input: SettingsInput, lang: Lang): { settings: Settings; warnings: SettingsWarning[] } {
  const s = defaultSettings(lang);
  const warnings: SettingsWarning[] = [];
  // A sheet without the notification row predates it: its requesters are not mailed (see Settings).
  if (!input.rows.some((row) => settingKeyForLabel(row[0]) === 'notifyRequesters')) s.notifyRequesters = false;
  input.rows.forEach((row, i) => {
    const key = settingKeyForLabel(row[0]);
    const def = key ? DEFS.find((d) => d.key === key) : undefined;
    if (!def) return;
    if (!def.apply(s, row[1])) {
      warnings.push({ row: i, message: t(lang, 'settingInvalid', { name: def.label(lang), value: str(row[1]), fallback: def.text(lang) || '—' }) });
    }
  });
  if (s.workEnd <= s.workStart) {
    warnings.push({ row: -1, message: t(lang, 'settingInvalid', { name: catalog(lang).settingsNames.workEnd, value: formatHm(s.workEnd), fallback: '18:00' }) });
    s.workStart = 9 * 60;
    s.workEnd = 18 * 60;
  }
  // A date in both lists is treated as a holiday by the calendar: say so beside the settings.
  const both = s.extraWorkDays.filter((d) => s.holidays.includes(d));
  if (both.length) warnings.push({ row: -1, message: t(lang, 'settingHolidayConflict', { dates: both.join(', ') }) });
  const departments = capList([...new Set(input.departments.map(str).filter(Boolean))], LIST_CAPS.departments, catalog(lang).settingsNames.departments, lang, warnings);
  if (departments.length) s.departments = departments;
  const agents: Agent[] = [];
  const agentRows = capList(
    input.agents.filter((r) => str(r[0])),
    LIST_CAPS.agents,
    catalog(lang).settingsNames.agents,
    lang,
    warnings,
    (r) => str(r[0]),
  );
  agentRows.forEach((r, i) => {
    const name = str(r[0]);
    const tier = parseEnum('tier', r[1]) as Tier | null;
    const email = str(r[2]);
    if (!tier || (email && !validEmail(email))) {
      warnings.push({ row: -1, message: t(lang, 'settingInvalid', { name: catalog(lang).settingsNames.agent(i + 1), value: `${name} ${str(r[1])} ${email}`, fallback: tier ? '—' : enumLabel('tier', 'tier1', lang) }) });
    }
    agents.push({ name, tier: tier ?? 'tier1', email: email && validEmail(email) ? email : '' });
  });
  if (agents.length) s.agents = agents;
  return { settings: s, warnings };
}
