// Sparse per-cell attributes (formats, notes, validation) stored as run-length lists per column:
// a whole-column format is one run, so 100k formatted rows cost almost nothing. Rows are 1-based.
// Adjacent runs with the same value (===) are merged.

export interface Run<T> {
  s: number; // first row
  e: number; // last row (inclusive)
  v: T;
}

export class Runs<T> {
  /** cols[c] = sorted, non-overlapping runs of column c (1-based index; 0 unused). */
  cols: Array<Run<T>[] | undefined> = [];

  /** Index of the first run whose end is ≥ row. */
  private static lower<T>(runs: Run<T>[], row: number): number {
    let lo = 0;
    let hi = runs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (runs[mid].e < row) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  get(row: number, col: number): T | undefined {
    const runs = this.cols[col];
    if (!runs) return undefined;
    const i = Runs.lower(runs, row);
    const r = runs[i];
    return r && r.s <= row ? r.v : undefined;
  }

  /** Values of rows r1..r1+n-1 in column c (undefined where unset). */
  column(col: number, r1: number, n: number): Array<T | undefined> {
    const out: Array<T | undefined> = new Array(n).fill(undefined);
    const runs = this.cols[col];
    if (!runs) return out;
    const r2 = r1 + n - 1;
    for (let i = Runs.lower(runs, r1); i < runs.length && runs[i].s <= r2; i++) {
      const run = runs[i];
      for (let r = Math.max(run.s, r1); r <= Math.min(run.e, r2); r++) out[r - r1] = run.v;
    }
    return out;
  }

  /** Sets rows r1..r1+values.length-1 of column c (undefined clears). */
  setColumn(col: number, r1: number, values: ReadonlyArray<T | undefined>): void {
    const n = values.length;
    if (n === 0) return;
    const r2 = r1 + n - 1;
    const fresh: Run<T>[] = [];
    for (let k = 0; k < n; k++) {
      const v = values[k];
      if (v === undefined) continue;
      const last = fresh[fresh.length - 1];
      if (last && last.e === r1 + k - 1 && last.v === v) last.e++;
      else fresh.push({ s: r1 + k, e: r1 + k, v });
    }
    this.replace(col, r1, r2, fresh);
  }

  /** Sets one value over rows r1..r2 of columns c1..c2. */
  fill(r1: number, r2: number, c1: number, c2: number, v: T | undefined): void {
    for (let c = c1; c <= c2; c++) this.replace(c, r1, r2, v === undefined ? [] : [{ s: r1, e: r2, v }]);
  }

  private replace(col: number, r1: number, r2: number, fresh: Run<T>[]): void {
    let runs = this.cols[col];
    if (!runs) {
      if (!fresh.length) return;
      runs = this.cols[col] = [];
    }
    const i = Runs.lower(runs, r1);
    let j = i;
    const keep: Run<T>[] = [];
    // runs overlapping [r1, r2] are cut; the parts outside are kept
    while (j < runs.length && runs[j].s <= r2) {
      const run = runs[j];
      if (run.s < r1) keep.push({ s: run.s, e: r1 - 1, v: run.v });
      if (run.e > r2) keep.push({ s: r2 + 1, e: run.e, v: run.v });
      j++;
    }
    const before = keep.filter((k) => k.e < r1);
    const after = keep.filter((k) => k.s > r2);
    const merged = mergeAdjacent([
      ...(i > 0 ? [runs[i - 1]] : []),
      ...before,
      ...fresh,
      ...after,
      ...(j < runs.length ? [runs[j]] : []),
    ]);
    const from = i > 0 ? i - 1 : i;
    const to = j < runs.length ? j + 1 : j;
    runs.splice(from, to - from, ...merged);
    if (!runs.length) this.cols[col] = undefined;
  }

  /**
   * Shifts rows ≥ at down by n (rows inserted before `at`). With `inherit`, inserted rows take the
   * value of the row above, as Sheets carries formats and validation into inserted rows.
   */
  insertRows(at: number, n: number, inherit = true): void {
    const edge = inherit ? at - 1 : at;
    for (let c = 0; c < this.cols.length; c++) {
      const runs = this.cols[c];
      if (!runs) continue;
      const out: Run<T>[] = [];
      for (const r of runs) {
        if (r.e < edge) out.push(r);
        else if (r.s >= at) out.push({ s: r.s + n, e: r.e + n, v: r.v });
        else if (r.e >= at || inherit) out.push({ s: r.s, e: r.e + n, v: r.v });
        else out.push(r);
      }
      this.cols[c] = out;
    }
  }

  deleteRows(at: number, n: number): void {
    const end = at + n - 1;
    for (let c = 0; c < this.cols.length; c++) {
      const runs = this.cols[c];
      if (!runs) continue;
      const out: Run<T>[] = [];
      for (const r of runs) {
        if (r.e < at) out.push(r);
        else if (r.s > end) out.push({ s: r.s - n, e: r.e - n, v: r.v });
        else {
          const s = r.s < at ? r.s : at;
          const e = r.e > end ? r.e - n : at - 1;
          if (e >= s) out.push({ s, e, v: r.v });
        }
      }
      this.cols[c] = out.length ? mergeAdjacent(out) : undefined;
    }
  }

  insertCols(at: number, n: number): void {
    if (at < this.cols.length) this.cols.splice(at, 0, ...new Array(n).fill(undefined));
  }

  deleteCols(at: number, n: number): void {
    this.cols.splice(at, n);
  }

  isEmpty(): boolean {
    return this.cols.every((c) => !c || !c.length);
  }

  /** Plain form for JSON: [col, start, end, value] tuples; values go through `enc`. */
  toJSON(enc: (v: T) => unknown = (v) => v): Array<[number, number, number, unknown]> {
    const out: Array<[number, number, number, unknown]> = [];
    this.cols.forEach((runs, c) => runs?.forEach((r) => out.push([c, r.s, r.e, enc(r.v)])));
    return out;
  }

  static fromJSON<T>(
    rows: Array<[number, number, number, unknown]> | undefined,
    dec: (v: any) => T = (v) => v,
  ): Runs<T> {
    const r = new Runs<T>();
    for (const [c, s, e, v] of rows ?? []) (r.cols[c] ??= []).push({ s, e, v: dec(v) });
    return r;
  }
}

function mergeAdjacent<T>(runs: Run<T>[]): Run<T>[] {
  const out: Run<T>[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last && last.e + 1 === r.s && last.v === r.v) out[out.length - 1] = { s: last.s, e: r.e, v: r.v };
    else if (last && last === r) continue;
    else out.push(r);
  }
  return out;
}
