// Small descriptive statistics for the weekly review. Pure functions; inputs are not mutated.

const sortedCopy = (values: readonly number[]): number[] =>
  values.filter((v) => typeof v === 'number' && !Number.isNaN(v)).sort((a, b) => a - b);

/**
 * Median: the middle value, or the mean of the two middle values for an even count.
 * null for no values. NaN entries are ignored.
 */
export function median(values: readonly number[]): number | null {
  const s = sortedCopy(values);
  if (!s.length) return null;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Percentile by the nearest-rank method: the smallest value such that at least p% of the values
 * are ≤ it, i.e. the value at 1-based rank ⌈p/100 × n⌉ of the sorted values (rank 1 for p = 0).
 * Always one of the values (never interpolated). null for no values. p is clamped to 0–100.
 * Example: p90 of 10 values is the 9th smallest; of 11–20 values, the ⌈0.9n⌉-th.
 */
export function percentileNearestRank(values: readonly number[], p: number): number | null {
  const s = sortedCopy(values);
  if (!s.length) return null;
  const q = Math.min(100, Math.max(0, p));
  const rank = Math.max(1, Math.ceil((q / 100) * s.length - 1e-9));
  return s[rank - 1];
}

/** n / d, or null when d is 0. */
export function ratio(n: number, d: number): number | null {
  return d ? n / d : null;
}

/** Round to a number of decimals; null stays null. */
export function round(v: number | null, decimals = 2): number | null {
  if (v === null) return null;
  const f = Math.pow(10, decimals);
  return Math.round(v * f) / f;
}
