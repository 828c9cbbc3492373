// The whole runtime state as one JSON document (the CLI's workbook file), and atomic saving: write
// a temp file next to the target, then rename, so a failed or interrupted command never leaves a
// half-written file.
import fs from 'node:fs';
import path from 'node:path';
import type { WorkbookJson } from './spreadsheet';
import { MAX_GRID_COLS, MAX_SPREADSHEET_CELLS } from './spreadsheet/a1';
import type { PropertiesJson } from './services/properties';
import type { CachesJson } from './services/cache';
import type { MailJson } from './services/mail';
import type { TriggerRecord } from './services/script';
import type { MenuRecord } from './services/ui';

export const STATE_VERSION = 1;

export interface FiringRecord {
  triggerId: string;
  handler: string;
  at: number;
  ok: boolean;
  error?: string;
}

export interface RuntimeStateJson {
  version: number;
  clock: number;
  /** Script time zone (appsscript.json); the spreadsheet's own is in the workbook. */
  scriptTimeZone: string;
  user: { active: string; effective: string };
  addonMode: boolean;
  noDocument: boolean;
  workbook: WorkbookJson;
  properties: PropertiesJson;
  caches?: CachesJson;
  triggers: TriggerRecord[];
  /** The last `tick` time: time-driven triggers due after it have not fired yet. */
  lastTick: number;
  firings: FiringRecord[];
  mail: MailJson;
  menus?: MenuRecord[];
  nextTriggerSeq: number;
}

/** Why a workbook file cannot be loaded, as a kind and its values (the CLI words it in the workbook's language). */
export type DamagedWhy =
  | { kind: 'notFile' | 'notObject' | 'noSheets' | 'noClock' | 'trigger' | 'properties' }
  | { kind: 'badJson' | 'other'; detail: string }
  | { kind: 'version'; found: string; expected: string }
  | { kind: 'sheetSize' | 'damagedRows'; sheet: string }
  | { kind: 'tooManyCells'; max: number }
  | { kind: 'notList'; key: string };

function whyText(w: DamagedWhy): string {
  switch (w.kind) {
    case 'notFile':
      return 'it is not a file';
    case 'notObject':
      return 'not a JSON object';
    case 'noSheets':
      return 'no sheets';
    case 'noClock':
      return 'no clock';
    case 'trigger':
      return 'a damaged trigger';
    case 'properties':
      return '"properties" is not an object';
    case 'badJson':
      return `damaged JSON: ${w.detail}`;
    case 'other':
      return w.detail;
    case 'version':
      return `state version ${w.found} is not ${w.expected}`;
    case 'sheetSize':
      return `sheet ${w.sheet} has no valid size`;
    case 'damagedRows':
      return `sheet ${w.sheet} has damaged rows`;
    case 'tooManyCells':
      return `more than ${w.max} cells`;
    case 'notList':
      return `"${w.key}" is not a list`;
  }
}

/** A workbook file that cannot be loaded: damaged, truncated, or not one at all. */
export class DamagedStateError extends Error {
  constructor(
    readonly file: string,
    readonly why: DamagedWhy,
  ) {
    super(
      `${file} is not a usable workbook file (${whyText(why)}); it was left as it is. Restore it from a backup, or start over with \`init --force\`.`,
    );
  }
}

/** No workbook file where one was expected. */
export class NoStateError extends Error {
  constructor(readonly file: string) {
    super(`No workbook state at ${file}: run \`init\` first.`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export function readStateFile(file: string): RuntimeStateJson {
  if (!fs.existsSync(file)) throw new NoStateError(file);
  const damaged = (why: DamagedWhy) => new DamagedStateError(file, why);
  if (!fs.statSync(file).isFile()) throw damaged({ kind: 'notFile' });
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw damaged({ kind: 'badJson', detail: (e as Error).message.replace(/\p{Cc}+/gu, ' ').slice(0, 120) });
  }
  if (!isObject(json)) throw damaged({ kind: 'notObject' });
  if (json.version !== STATE_VERSION) throw damaged({ kind: 'version', found: JSON.stringify(json.version) ?? 'undefined', expected: String(STATE_VERSION) });
  const wb = json.workbook;
  if (!isObject(wb) || !Array.isArray(wb.sheets) || !wb.sheets.length || !wb.sheets.every(isObject)) throw damaged({ kind: 'noSheets' });
  // Each sheet's grid within what a spreadsheet can hold (a damaged size must not size an allocation).
  let cells = 0;
  for (const sh of wb.sheets as Record<string, unknown>[]) {
    const rows = sh.maxRows as number;
    const cols = sh.maxCols as number;
    if (typeof sh.name !== 'string' || !Number.isSafeInteger(rows) || !Number.isSafeInteger(cols) || rows < 1 || cols < 1 || cols > MAX_GRID_COLS)
      throw damaged({ kind: 'sheetSize', sheet: JSON.stringify(sh.name) ?? 'undefined' });
    cells += rows * cols;
    if (cells > MAX_SPREADSHEET_CELLS) throw damaged({ kind: 'tooManyCells', max: MAX_SPREADSHEET_CELLS });
    if (!Array.isArray(sh.rows) || !sh.rows.every((r) => r === null || Array.isArray(r))) throw damaged({ kind: 'damagedRows', sheet: JSON.stringify(sh.name) });
  }
  if (!Number.isFinite(json.clock)) throw damaged({ kind: 'noClock' });
  for (const k of ['triggers', 'firings'] as const) if (json[k] !== undefined && !Array.isArray(json[k])) throw damaged({ kind: 'notList', key: k });
  const triggers = (json.triggers ?? []) as unknown[];
  if (!triggers.every((t) => isObject(t) && typeof t.handler === 'string' && typeof t.eventType === 'string')) throw damaged({ kind: 'trigger' });
  if (json.properties !== undefined && !isObject(json.properties)) throw damaged({ kind: 'properties' });
  return json as unknown as RuntimeStateJson;
}

export function writeFileAtomic(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
