// Adopting a sheet a team already keeps by hand: what setup will change, computed before anything
// is written, so it can be shown and confirmed. Nothing is ever removed: values that cannot be
// mapped are listed, not changed.
import type { ColumnMap } from './columns';
import { cellToInstant, columnLetter, missingFields } from './columns';
import type { EnumName, FieldKey, Lang } from './schema';
import { FIELD_BY_KEY, enumLabel, parseEnum } from './schema';
import { backfillIds, parseTicketId } from './ticketId';
import type { Zone } from './zone';
import { formatLocal } from './zone';

export interface CellChange {
  /** 0-based index into the data rows. */
  row: number;
  /** 0-based column. */
  col: number;
  from: unknown;
  to: unknown;
}

export interface AdoptionPlan {
  missing: FieldKey[];
  ids: CellChange[];
  values: CellChange[];
  unmapped: { row: number; col: number; value: unknown }[];
}

const isBlank = (v: unknown) => v === '' || v === null || v === undefined;
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/**
 * `rows` are the data rows below the header (the whole sheet width). A row counts as a ticket
 * when any recognised field holds a value. `width` is the sheet's column count (new columns go after it).
 * `newDate` makes Dates of the caller's realm; rows
 * without a submit time are dated `now`.
 */
export function planAdoption(
  rows: readonly (readonly unknown[])[],
  columns: ColumnMap,
  zone: Zone,
  lang: Lang,
  newDate: (ms: number) => Date,
  now: number,
  width: number,
  /** IDs handed out elsewhere (the archive, the last submitted one): never given again. */
  usedIds: readonly unknown[] = [],
): AdoptionPlan {
  const plan: AdoptionPlan = { missing: missingFields(columns), ids: [], values: [], unmapped: [] };
  const fieldCols = Object.entries(columns) as [FieldKey, number][];
  // Missing fields become new columns after the last one; a missing ID column is filled in too.
  const idCol = columns.id ?? (plan.missing.includes('id') ? width + plan.missing.indexOf('id') : undefined);
  const isTicketRow = (r: readonly unknown[]) => fieldCols.some(([k, c]) => k !== 'id' && !isBlank(r[c]));

  for (const [key, col] of fieldCols) {
    const def = FIELD_BY_KEY[key];
    if (def.enumName) {
      const name = def.enumName as EnumName;
      rows.forEach((r, row) => {
        const v = r[col];
        if (isBlank(v)) return;
        const code = parseEnum(name, v);
        if (!code) plan.unmapped.push({ row, col, value: v });
        else if (enumLabel(name, code, lang) !== v) plan.values.push({ row, col, from: v, to: enumLabel(name, code, lang) });
      });
    } else if (def.kind === 'dateTime') {
      rows.forEach((r, row) => {
        const v = r[col];
        if (isBlank(v) || isDate(v)) return;
        const at = cellToInstant(v, zone);
        if (at === null) plan.unmapped.push({ row, col, value: v });
        else plan.values.push({ row, col, from: v, to: newDate(at) });
      });
    }
  }

  if (idCol !== undefined) {
    const existing = rows.map((r) => r[idCol]);
    const seen = new Set<string>();
    const missingIds: { row: number; date: string; at: number | null }[] = [];
    rows.forEach((r, row) => {
      const v = idCol < r.length ? r[idCol] : '';
      const parsed = parseTicketId(v);
      if (parsed && !seen.has(String(v).trim())) {
        seen.add(String(v).trim());
        return;
      }
      if (!isBlank(v)) {
        // A duplicate or a foreign ID: kept as it is, listed for a person to decide.
        plan.unmapped.push({ row, col: idCol, value: v });
        return;
      }
      if (!isTicketRow(r)) return;
      const at = columns.submittedAt !== undefined ? cellToInstant(r[columns.submittedAt], zone) : null;
      missingIds.push({ row, date: formatLocal(at ?? now, zone, 'compact'), at });
    });
    for (const [row, id] of backfillIds([...existing, ...usedIds], missingIds)) plan.ids.push({ row, col: idCol, from: '', to: id });
    plan.ids.sort((a, b) => a.row - b.row);
  }
  return plan;
}

/** A1-style name of a cell, for the "could not map" list shown to people. */
export function cellName(sheetRow: number, col: number): string {
  return `${columnLetter(col + 1)}${sheetRow}`;
}
