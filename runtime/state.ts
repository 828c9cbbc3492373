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

/** A workbook file that cannot be loaded: damaged, truncated, or not one at all. */
export class DamagedStateError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export function readStateFile(file: string): RuntimeStateJson {
  if (!fs.existsSync(file)) throw new Error(`No workbook state at ${file}: run \`init\` first.`);
  const damaged = (why: string) =>
    new DamagedStateError(`${file} is not a usable workbook file (${why}); it was left as it is. Restore it from a backup, or start over with \`init --force\`.`);
  if (!fs.statSync(file).isFile()) throw damaged('it is not a file');
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw damaged(`damaged JSON: ${(e as Error).message.replace(/\p{Cc}+/gu, ' ').slice(0, 120)}`);
  }
  if (!isObject(json)) throw damaged('not a JSON object');
  if (json.version !== STATE_VERSION) throw damaged(`state version ${JSON.stringify(json.version)} is not ${STATE_VERSION}`);
  const wb = json.workbook;
  if (!isObject(wb) || !Array.isArray(wb.sheets) || !wb.sheets.length || !wb.sheets.every(isObject)) throw damaged('no sheets');
  // Each sheet's grid within what a spreadsheet can hold (a damaged size must not size an allocation).
  let cells = 0;
  for (const sh of wb.sheets as Record<string, unknown>[]) {
    const rows = sh.maxRows as number;
    const cols = sh.maxCols as number;
    if (typeof sh.name !== 'string' || !Number.isSafeInteger(rows) || !Number.isSafeInteger(cols) || rows < 1 || cols < 1 || cols > MAX_GRID_COLS)
      throw damaged(`sheet ${JSON.stringify(sh.name)} has no valid size`);
    cells += rows * cols;
    if (cells > MAX_SPREADSHEET_CELLS) throw damaged(`more than ${MAX_SPREADSHEET_CELLS} cells`);
    if (!Array.isArray(sh.rows) || !sh.rows.every((r) => r === null || Array.isArray(r))) throw damaged(`sheet ${JSON.stringify(sh.name)} has damaged rows`);
  }
  if (!Number.isFinite(json.clock)) throw damaged('no clock');
  for (const k of ['triggers', 'firings'] as const) if (json[k] !== undefined && !Array.isArray(json[k])) throw damaged(`"${k}" is not a list`);
  const triggers = (json.triggers ?? []) as unknown[];
  if (!triggers.every((t) => isObject(t) && typeof t.handler === 'string' && typeof t.eventType === 'string')) throw damaged('a damaged trigger');
  if (json.properties !== undefined && !isObject(json.properties)) throw damaged('"properties" is not an object');
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
