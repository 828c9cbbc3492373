// The `SLA状态` cell (written by the sweep, read back by every reader of the sheet) and what is
// derived from its states: row colours and the weekly review's overall state.
import { SLA_LABELS, type Lang, type SlaHint, type SlaState, type Status } from '../schema';
import type { SlaStatePair, SlaSummary } from './engine';
import { catalog } from '../i18n';

// ---------------------------------------------------------------------------------------------
// The `SLA状态` cell: `响应：已达成 · 解决：有风险 · 需升级` / `Response: Met · Resolution: At risk ·
// Needs escalation`. States use SLA_LABELS; parse accepts either language, codes and common
// variants, in any order and with any separators.

export const SLA_TARGET_LABELS = {
  response: { zh: '响应', en: 'Response' },
  resolution: { zh: '解决', en: 'Resolution' },
} as const;

const SEPARATOR = ' · ';

/**
 * @example
 * formatSlaStatus({ response: 'met', resolution: 'atRisk', hints: [] }, 'en'); // => 'Response: Met · Resolution: At risk'
 * formatSlaStatus({ response: 'met', resolution: 'breached', hints: ['updateOverdue'] }, 'zh'); // => '响应：已达成 · 解决：已超时 · 待更新'
 * formatSlaStatus({ response: 'met', resolution: 'onTrack', hints: [], waiting: 'vendor' }, 'en'); // => 'Response: Met · Resolution: On track · Waiting (vendor)'
 */
/** One target's state as the SLA column writes it: `解决：已达成`, `Resolution: Met`. */
export function slaPart(target: keyof typeof SLA_TARGET_LABELS, state: SlaState, lang: Lang): string {
  return `${SLA_TARGET_LABELS[target][lang]}${lang === 'zh' ? '：' : ': '}${SLA_LABELS[state][lang]}`;
}

export function formatSlaStatus(ev: SlaSummary, lang: Lang): string {
  const parts: string[] = [];
  if (ev.response) parts.push(slaPart('response', ev.response, lang));
  if (ev.resolution) parts.push(slaPart('resolution', ev.resolution, lang));
  for (const h of HINT_ORDER) if (ev.hints.includes(h)) parts.push(SLA_LABELS[h][lang]);
  // Waiting last: the states before it are frozen while it lasts (engine.ts).
  if (ev.waiting) parts.push(catalog(lang).waiting.sla[ev.waiting]);
  return parts.join(SEPARATOR);
}

const STATES: SlaState[] = ['onTrack', 'atRisk', 'breached', 'met', 'missed'];
/** The order hints are written in (and alerted in). */
export const HINT_ORDER: SlaHint[] = ['needsEscalation', 'updateOverdue'];

const normText = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-–]+/g, ' ')
    .trim();
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const STATE_WORDS: Array<[string, SlaState]> = (() => {
  const extra: Record<SlaState, string[]> = {
    onTrack: ['ontrack', 'ok', '正常中'],
    atRisk: ['atrisk', '风险'],
    breached: ['超时', '已违约', '违约'],
    met: ['达成', '已满足'],
    missed: ['未满足'],
  };
  const list: Array<[string, SlaState]> = [];
  for (const s of STATES)
    for (const w of [SLA_LABELS[s].zh, SLA_LABELS[s].en, s, ...extra[s]]) list.push([normText(w), s]);
  return list.sort((a, b) => b[0].length - a[0].length);
})();

const STATE_ALT = STATE_WORDS.map(([w]) => escapeRe(w)).join('|');
const TARGET_RE = {
  response: new RegExp(`(?:首次响应|响应|first response|response|resp)\\s*[:=]?\\s*(${STATE_ALT})`),
  resolution: new RegExp(`(?:解决|resolution|resolve|resolved)\\s*[:=]?\\s*(${STATE_ALT})`),
};
const HINT_WORDS: Array<[string, SlaHint]> = [
  ...HINT_ORDER.map((h) => [normText(SLA_LABELS[h].zh), h] as [string, SlaHint]),
  ...HINT_ORDER.map((h) => [normText(SLA_LABELS[h].en), h] as [string, SlaHint]),
  ...HINT_ORDER.map((h) => [normText(h), h] as [string, SlaHint]),
  ['needs escalating', 'needsEscalation'],
  ['escalate', 'needsEscalation'],
  ['需要升级', 'needsEscalation'],
  ['更新逾期', 'updateOverdue'],
];

export type ParsedSlaStatus = SlaSummary;

// A sheet holds a few dozen distinct SLA texts across thousands of rows: parse each once.
const parsedStatuses = new Map<string, ParsedSlaStatus>();

/**
 * Read an `SLA状态` cell written in either language (or by hand). Never throws.
 * @example
 * parseSlaStatus('响应：已达成 · 解决：有风险'); // => { response: 'met', resolution: 'atRisk', hints: [] }
 * parseSlaStatus('resolution breached, needs escalation'); // => { response: null, resolution: 'breached', hints: ['needsEscalation'] }
 * parseSlaStatus(42); // => { response: null, resolution: null, hints: [] }
 */
export function parseSlaStatus(text: unknown): ParsedSlaStatus {
  const hit = parsedOnce(text);
  return { ...hit, hints: [...hit.hints] };
}

/** The parse of a status text, shared (read-only): each distinct text parsed once. */
function parsedOnce(text: unknown): Readonly<ParsedSlaStatus> {
  if (typeof text !== 'string' && typeof text !== 'number') return NOTHING;
  const key = String(text);
  let hit = parsedStatuses.get(key);
  if (!hit) {
    hit = parseSlaText(key);
    if (parsedStatuses.size > 1000) parsedStatuses.clear();
    parsedStatuses.set(key, hit);
  }
  return hit;
}
const NOTHING: Readonly<ParsedSlaStatus> = Object.freeze({ response: null, resolution: null, hints: Object.freeze([]) as unknown as SlaHint[] });

/** The two states of a status text, as parseSlaStatus reads them, without a copy (read-only). */
export function parsedSlaStates(text: unknown): SlaStatePair {
  return parsedOnce(text);
}

const isFinal = (s: SlaState | null): boolean => s === null || s === 'met' || s === 'missed';

/**
 * The states a resolved or closed ticket's SLA cell holds when they are final (met or missed, no
 * hint, at least one target named), else null. Time can no longer change them: the sweep leaves
 * such a ticket alone, and the weekly review counts it as the cell says, so the review and the
 * sheet's SLA column agree.
 */
export function settledSlaStates(status: Status | null, text: unknown): SlaStatePair | null {
  if (status !== 'resolved' && status !== 'closed') return null;
  const p = parsedOnce(text);
  return (p.response !== null || p.resolution !== null) && isFinal(p.response) && isFinal(p.resolution) && !p.hints.length ? p : null;
}

function parseSlaText(text: string): ParsedSlaStatus {
  const out: ParsedSlaStatus = { response: null, resolution: null, hints: [] };
  const s = normText(text);
  if (!s) return out;
  const word = (w: string): SlaState | null => STATE_WORDS.find(([x]) => x === w)?.[1] ?? null;
  const r = TARGET_RE.response.exec(s);
  if (r) out.response = word(r[1]);
  const v = TARGET_RE.resolution.exec(s);
  if (v) out.resolution = word(v[1]);
  for (const h of HINT_ORDER) if (HINT_WORDS.some(([w, x]) => x === h && s.includes(w))) out.hints.push(h);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Colours, the weekly review's overall state, alerts.

/**
 * Words conditional formatting searches for in the SLA column, e.g.
 * `=ISNUMBER(SEARCH("已超时",$U2))`. Put the red rules before the amber ones (first match wins).
 * Each word appears in no other label of either language, so a search cannot misfire.
 */
export const SLA_CF_WORDS = {
  red: [SLA_LABELS.breached.zh, SLA_LABELS.breached.en],
  amber: [SLA_LABELS.atRisk.zh, SLA_LABELS.atRisk.en],
} as const;

/**
 * Row colour: any target breached → red; otherwise any at risk → amber.
 * @example
 * rowColour({ response: 'met', resolution: 'breached', hints: [] }); // => 'red'
 * rowColour({ response: 'atRisk', resolution: 'onTrack', hints: [] }); // => 'amber'
 * rowColour({ response: 'met', resolution: 'met', hints: ['updateOverdue'] }); // => null
 */
export function rowColour(ev: SlaSummary): 'red' | 'amber' | null {
  if (ev.response === 'breached' || ev.resolution === 'breached') return 'red';
  if (ev.response === 'atRisk' || ev.resolution === 'atRisk') return 'amber';
  return null;
}

const SEVERITY: Record<SlaState, number> = { met: 0, onTrack: 1, atRisk: 2, missed: 3, breached: 4 };

/**
 * The worse of the two targets: breached > missed > atRisk > onTrack > met; null if neither.
 * @example
 * overallState({ response: 'missed', resolution: 'atRisk' }); // => 'missed'
 * overallState({ response: null, resolution: 'met' }); // => 'met'
 */
export function overallState(ev: Pick<SlaSummary, 'response' | 'resolution'>): SlaState | null {
  const a = ev.response;
  const b = ev.resolution;
  if (!a) return b ?? null;
  if (!b) return a;
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}
