// The whole runtime state as one JSON document (the CLI's workbook file), and atomic saving: write
// a temp file next to the target, then rename, so a failed or interrupted command never leaves a
// half-written file.
import fs from 'node:fs';
import path from 'node:path';
import type { WorkbookJson } from './spreadsheet';
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

export function readStateFile(file: string): RuntimeStateJson {
  if (!fs.existsSync(file)) throw new Error(`No workbook state at ${file}: run \`init\` first.`);
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as RuntimeStateJson;
  if (json.version !== STATE_VERSION) throw new Error(`${file}: state version ${json.version} is not ${STATE_VERSION}.`);
  return json;
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
