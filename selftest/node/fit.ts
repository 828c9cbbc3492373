// Least-squares fit of bench/costModel.ts's model, time = fixed + calls × perCall + cells × perCell,
// to what the self-test measured: one observation per case or end-to-end step (its round trips,
// the cells they moved, and their summed duration).
import type { CostCase } from '../../bench/costModel';

export interface Observation {
  calls: number;
  cells: number;
  seconds: number;
}

/** Spreadsheet round trips and cells are fitted; the other services' per-call figure is measured apart. */
export interface Fit extends Omit<CostCase, 'perServiceCallS'> {
  n: number;
  /** Root-mean-square residual, seconds. */
  rmsS: number;
  /** Why the fit fell back to fewer parameters, if it did. */
  note?: string;
}

/** Solves A·x = b by Gaussian elimination with partial pivoting; null when A is singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    const scale = Math.max(...m.map((row) => Math.abs(row[c])), 1e-300);
    if (Math.abs(m[p][c]) <= 1e-12 * scale) return null;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

/** Ordinary least squares over the given regressors (columns of x). */
function leastSquares(x: number[][], y: number[]): number[] | null {
  const k = x[0]?.length ?? 0;
  if (!k || x.length < k) return null;
  // Columns scaled to comparable size: cells run to the thousands, the constant is 1.
  const scale = Array.from({ length: k }, (_, j) => Math.max(...x.map((r) => Math.abs(r[j])), 1e-300));
  const xs = x.map((r) => r.map((v, j) => v / scale[j]));
  const ata = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => xs.reduce((s, r) => s + r[i] * r[j], 0)));
  const aty = Array.from({ length: k }, (_, i) => xs.reduce((s, r, n) => s + r[i] * y[n], 0));
  const beta = solve(ata, aty);
  return beta && beta.map((b, j) => b / scale[j]);
}

export function fitCostModel(obs: Observation[]): Fit | null {
  const y = obs.map((o) => o.seconds);
  const attempts: [string[], (o: Observation) => number[], string | undefined][] = [
    [['fixedS', 'perCallS', 'perCellS'], (o) => [1, o.calls, o.cells], undefined],
    [['fixedS', 'perCallS'], (o) => [1, o.calls], 'cells did not vary independently of calls: per-cell not fitted'],
    [['perCallS'], (o) => [o.calls], 'only per-call could be fitted'],
  ];
  for (const [names, row, note] of attempts) {
    const beta = leastSquares(obs.map(row), y);
    if (!beta) continue;
    const fit: Record<string, number> = { fixedS: 0, perCallS: 0, perCellS: 0 };
    names.forEach((nm, i) => (fit[nm] = beta[i]));
    const resid = obs.map((o) => o.seconds - (fit.fixedS + o.calls * fit.perCallS + o.cells * fit.perCellS));
    const rmsS = Math.sqrt(resid.reduce((s, r) => s + r * r, 0) / Math.max(1, obs.length));
    return { fixedS: fit.fixedS, perCallS: fit.perCallS, perCellS: fit.perCellS, n: obs.length, rmsS, ...(note ? { note } : {}) };
  }
  return null;
}

const num = (v: number): string => String(Number(v.toPrecision(3)));

/** The fit in bench/costModel.ts's own form, ready to paste into COST_MODEL. */
export function costModelLine(f: Omit<CostCase, 'perServiceCallS'> & { perServiceCallS?: number }, name = 'measured'): string {
  const service = f.perServiceCallS === undefined ? '' : ` perServiceCallS: ${num(f.perServiceCallS)},`;
  return `${name}: { fixedS: ${num(f.fixedS)}, perCallS: ${num(f.perCallS)},${service} perCellS: ${num(f.perCellS)} },`;
}
