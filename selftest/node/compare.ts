// Google's results sheet (downloaded as CSV) against the local runtime's: every case where the two
// observed different things, and the cost model fitted to the durations Google measured.
import { HEADER } from '../results';
import type { Fit, Observation } from './fit';
import { costModelLine, fitCostModel } from './fit';

export interface CaseRow {
  kind: string;
  id: string;
  ref: string;
  expected: string;
  observed: string;
  pass: string;
  ms: number;
  calls: number;
  cells: number;
}

/** The case and step rows of a results table (header checked, call rows left out). */
export function caseRows(table: string[][]): CaseRow[] {
  const [head, ...rest] = table;
  if (!head || HEADER.some((h, i) => (head[i] ?? '').trim() !== h)) {
    throw new Error(`not a self-test results sheet: the first row must be ${HEADER.join(', ')}`);
  }
  return rest
    .filter((r) => r[0] === 'case' || r[0] === 'e2e')
    .map((r) => ({ kind: r[0], id: r[1], ref: r[2], expected: r[3], observed: r[4], pass: r[5], ms: Number(r[6]) || 0, calls: Number(r[7]) || 0, cells: Number(r[8]) || 0 }));
}

/**
 * The other services whose calls are round trips too (runtime/instrument.ts SERVICE_CLASSES; a test
 * keeps the two lists equal): their calls are priced apart in bench/costModel.ts.
 */
export const SERVICE_CLASSES = ['PropertiesService', 'Properties', 'LockService', 'Lock', 'CacheService', 'Cache', 'Session', 'User', 'MailApp', 'ScriptApp', 'Trigger'];

/**
 * What one call to the other services took on Google: the median of the call rows' durations for
 * those classes (a lock that waited is the lock's business, not a round trip: the median ignores it).
 */
export function serviceCallSeconds(table: string[][]): { perServiceCallS: number; n: number } | null {
  const ms = table
    .filter((r) => r[0] === 'call' && SERVICE_CLASSES.includes(String(r[2]).split('.')[0]))
    .map((r) => Number(r[6]))
    .filter((v) => Number.isFinite(v) && v >= 0)
    .sort((a, b) => a - b);
  if (!ms.length) return null;
  const mid = ms.length % 2 ? ms[(ms.length - 1) / 2] : (ms[ms.length / 2 - 1] + ms[ms.length / 2]) / 2;
  return { perServiceCallS: mid / 1000, n: ms.length };
}

/** A sheet may show a JSON true as TRUE; nothing else is normalised. */
const norm = (s: string): string => s.trim().replace(/^(TRUE|FALSE)$/, (m) => m.toLowerCase());

export interface Disagreement {
  id: string;
  ref: string;
  expected: string;
  google: string;
  local: string;
}

export interface Comparison {
  disagreements: Disagreement[];
  /** Cases Google could not observe yet (hand edits or the web app not done). */
  pendingOnGoogle: string[];
  googleFailed: string[];
  agreed: number;
}

export function compareResults(google: CaseRow[], local: CaseRow[]): Comparison {
  const byId = new Map(local.map((r) => [r.id, r]));
  const out: Comparison = { disagreements: [], pendingOnGoogle: [], googleFailed: [], agreed: 0 };
  for (const g of google) {
    if (g.pass === 'no') out.googleFailed.push(g.id);
    if (g.pass === 'pending') {
      out.pendingOnGoogle.push(g.id);
      continue;
    }
    const l = byId.get(g.id);
    byId.delete(g.id);
    if (l && norm(l.observed) === norm(g.observed)) out.agreed++;
    else out.disagreements.push({ id: g.id, ref: g.ref, expected: g.expected, google: g.observed, local: l ? l.observed : '(no such case locally)' });
  }
  for (const l of byId.values()) out.disagreements.push({ id: l.id, ref: l.ref, expected: l.expected, google: '(not in the CSV)', local: l.observed });
  return out;
}

/** One observation per case or step that made spreadsheet calls: its calls, cells and time. */
export function timings(rows: CaseRow[]): Observation[] {
  return rows.filter((r) => r.calls > 0).map((r) => ({ calls: r.calls, cells: r.cells, seconds: r.ms / 1000 }));
}

export function report(c: Comparison, fit: Fit | null, gaps: Record<string, string>, service: { perServiceCallS: number; n: number } | null = null): string {
  const lines: string[] = [];
  lines.push(`${c.agreed} cases agree, ${c.disagreements.length} disagree, ${c.pendingOnGoogle.length} pending on Google.`);
  for (const d of c.disagreements) {
    lines.push('', `✗ ${d.id}  (${d.ref})`, `    expected ${d.expected}`, `    Google   ${d.google}`, `    local    ${d.local}`);
    if (gaps[d.id]) lines.push(`    known runtime gap: ${gaps[d.id]}`);
  }
  if (c.pendingOnGoogle.length) lines.push('', `Not observed on Google yet (hand edits / web app): ${c.pendingOnGoogle.join(', ')}`);
  if (c.googleFailed.length) lines.push('', `Failed in the CSV against the documented value: ${c.googleFailed.join(', ')}`);
  lines.push('', 'Cost model fitted to the measured durations (time per case/step = fixed + calls × perCall + cells × perCell;');
  lines.push('fixed here is the per-operation overhead inside one execution, not the execution start):');
  if (!fit) lines.push('  not enough varied measurements to fit');
  else {
    const withService = service ? { ...fit, perServiceCallS: service.perServiceCallS } : fit;
    lines.push(`  ${costModelLine(withService)}   // ${fit.n} measurements, rms residual ${fit.rmsS.toPrecision(3)} s${service ? `; perServiceCallS: median of ${service.n} Properties/Lock/Cache/Session/Mail/Script calls` : ''}`);
    if (fit.note) lines.push(`  (${fit.note})`);
  }
  return lines.join('\n');
}

export function compareTables(googleTable: string[][], localTable: string[][], gaps: Record<string, string>): { comparison: Comparison; fit: Fit | null; text: string } {
  const google = caseRows(googleTable);
  const comparison = compareResults(google, caseRows(localTable));
  const fit = fitCostModel(timings(google));
  return { comparison, fit, text: report(comparison, fit, gaps, serviceCallSeconds(googleTable)) };
}
