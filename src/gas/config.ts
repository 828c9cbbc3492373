// What hot paths need without reading the sheet: where the ticket sheet is, the spreadsheet time
// zone and language, and the validated settings. Stored in document properties by setup, refreshed
// by the sweep and whenever the settings sheet is edited.
import { TrackerError } from '../domain/errors';
import type { Lang } from '../domain/schema';
import type { Settings } from '../domain/settings';
import { defaultSettings } from '../domain/settings';
import { PROPERTY_KEYS, parseJson } from './properties';
import type { SheetHint } from './ticketSheet';

export interface TrackerConfig {
  version: 1;
  tickets: SheetHint | null;
  timeZone: string;
  /** The language the sheet's labels are written in (set at setup). */
  lang: Lang;
  settings: Settings;
  /** Whether this copy runs as an editor add-on (hourly triggers at most) or a bound script. */
  addon: boolean;
}

const KEY = PROPERTY_KEYS.config;

/**
 * Document properties hold 9 KB a value and 500 KB a store (developers.google.com/apps-script/
 * guides/services/quotas, "Properties value size" / "Properties total storage"). A config with many
 * departments or agents outgrows one value, so a large one is stored in pieces: the main key then
 * holds a small header naming a generation, and the pieces sit under `tracker.config.<gen>.<i>`,
 * all written in one setProperties call. A reader that finds a piece missing (a writer replaced the
 * generation meanwhile) reads again. Small configs stay one plain value, as before.
 */
export const PIECE_BYTES = 8_000;
/**
 * The config's share of the 500 KB store: while a new generation is written the old one is still
 * there, so twice this plus submit tokens, the last ID and the link secret must fit. The settings
 * parser caps the lists (domain/settings.ts) so a config stays well below it.
 */
export const CONFIG_MAX_BYTES = 200_000;
const PIECE_PREFIX = `${KEY}.`;

interface PieceHeader {
  pieces: number;
  gen: string;
}

const utf8Bytes = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
};

/** Text cut into pieces of at most `max` UTF-8 bytes, never inside a character. */
export function splitByBytes(text: string, max: number): string[] {
  const out: string[] = [];
  let piece = '';
  let bytes = 0;
  for (const ch of text) {
    const b = utf8Bytes(ch);
    if (bytes + b > max) {
      out.push(piece);
      piece = '';
      bytes = 0;
    }
    piece += ch;
    bytes += b;
  }
  if (piece || !out.length) out.push(piece);
  return out;
}

const hash = (s: string): string => {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
};

const pieceKey = (gen: string, i: number): string => `${PIECE_PREFIX}${gen}.${i}`;

function parseHeader(raw: string): PieceHeader | null {
  const h = parseJson(raw) as (Partial<PieceHeader> & { version?: unknown }) | null;
  return h && typeof h === 'object' && typeof h.gen === 'string' && Number.isSafeInteger(h.pieces) && h.version === undefined ? (h as PieceHeader) : null;
}

function readRaw(props: GoogleAppsScript.Properties.Properties): string | null {
  for (let attempt = 0; attempt < 2; attempt++) {
    const raw = props.getProperty(KEY);
    if (!raw) return null;
    const header = parseHeader(raw);
    if (!header) return raw;
    const all = props.getProperties();
    const pieces = Array.from({ length: header.pieces }, (_, i) => all[pieceKey(header.gen, i)]);
    if (pieces.every((p) => typeof p === 'string')) return pieces.join('');
  }
  return null;
}

export function loadConfig(props: GoogleAppsScript.Properties.Properties): TrackerConfig | null {
  const raw = readRaw(props);
  if (!raw) return null;
  const c = parseJson(raw) as TrackerConfig | null;
  if (!c || typeof c !== 'object' || c.version !== 1) return null;
  // A config stored before the requester notifications existed has no switch: off, as its
  // settings sheet (which has no row for it) reads too (domain/settings.ts).
  return { ...c, settings: { ...defaultSettings(c.lang), ...c.settings, notifyRequesters: c.settings?.notifyRequesters ?? false } };
}

/** The settings outgrow document properties (code `configTooLarge`). */
export class ConfigTooLargeError extends TrackerError {
  constructor(message: string) {
    super('configTooLarge', message);
    this.name = 'ConfigTooLargeError';
  }
}

export function saveConfig(props: GoogleAppsScript.Properties.Properties, config: TrackerConfig): void {
  const json = JSON.stringify(config);
  const bytes = utf8Bytes(json);
  if (bytes > CONFIG_MAX_BYTES) {
    throw new ConfigTooLargeError(`The tracker's settings take ${bytes} bytes; document properties allow ${CONFIG_MAX_BYTES} for them.`);
  }
  const previous = props.getProperty(KEY);
  const old = previous ? parseHeader(previous) : null;
  if (bytes <= PIECE_BYTES) {
    props.setProperty(KEY, json);
  } else {
    const pieces = splitByBytes(json, PIECE_BYTES);
    // Deterministic (runs replay identically in the preview): the time and a hash of the content.
    const gen = `${Date.now().toString(36)}${hash(json)}`;
    const values: Record<string, string> = {};
    pieces.forEach((p, i) => (values[pieceKey(gen, i)] = p));
    values[KEY] = JSON.stringify({ pieces: pieces.length, gen } satisfies PieceHeader);
    props.setProperties(values);
  }
  // Pieces no header names any more (the generation just replaced, or one a crash left) go.
  if (old || bytes > PIECE_BYTES) {
    const current = bytes > PIECE_BYTES ? parseHeader(props.getProperty(KEY) ?? '') : null;
    const keep = current ? `${PIECE_PREFIX}${current.gen}.` : null;
    for (const k of props.getKeys()) if (k.startsWith(PIECE_PREFIX) && (!keep || !k.startsWith(keep))) props.deleteProperty(k);
  }
}
