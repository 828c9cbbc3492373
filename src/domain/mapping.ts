// The admin's corrections to an adopted sheet's mapping, kept in the settings sheet (issue 23):
// one row per field, `列:提交时间` / `Column: Submitted at`, holding the header of the team's
// column that is that field (`-` or empty-with-无/none: no column of theirs), and `日期顺序` /
// `Date order` (`日/月/年`, `d/m/y`, `月/日/年`, `m/d/y`) for dates like 03/04/2025. Setup writes
// the rows it decided once; the admin edits them and runs setup again.
import type { ColumnMap, HeaderOverrides } from './columns';
import type { FieldKey, Lang } from './schema';
import { fieldForHeader, headerLabel } from './schema';
import type { DayMonthOrder } from './teamDates';

export interface MappingSettings {
  overrides: HeaderOverrides;
  dateOrder: DayMonthOrder | null;
}

const COLUMN_PREFIX = /^\s*(?:列|column|col\.?)\s*[:：]\s*(.+)$/i;
const DATE_ORDER = /^\s*(?:日期顺序|日期順序|date order)\s*$/i;
const NONE = new Set(['-', '—', '–', '无', '無', 'none', '(none)', 'no column']);

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v)).trim();

/** Label of the row that corrects `field` (written in the sheet's language). */
export function mappingLabel(field: FieldKey, lang: Lang): string {
  return lang === 'zh' ? `列：${headerLabel(field, 'zh')}` : `Column: ${headerLabel(field, 'en')}`;
}

export const DATE_ORDER_LABEL = { zh: '日期顺序', en: 'Date order' } as const;

export function parseDateOrder(v: unknown): DayMonthOrder | null {
  // `d/m/y`, `dd/mm/yyyy`, `dmy`, `day first (d/m/y)`, `日/月/年`, and the same month first.
  const s = str(v).toLowerCase().replace(/\s+/g, '');
  const dmy = /^(d{1,2}[-/.]?m{1,2}[-/.]?y{1,4}|日\/?月\/?年|dayfirst)/.test(s) || /\(d\/m\/y\)$/.test(s);
  const mdy = /^(m{1,2}[-/.]?d{1,2}[-/.]?y{1,4}|月\/?日\/?年|monthfirst)/.test(s) || /\(m\/d\/y\)$/.test(s);
  return dmy === mdy ? null : dmy ? 'dmy' : 'mdy';
}

/** The corrections among the settings sheet's key/value rows (other rows are ignored). */
export function parseMapping(rows: readonly (readonly unknown[])[]): MappingSettings {
  const overrides: HeaderOverrides = {};
  let dateOrder: DayMonthOrder | null = null;
  for (const [label, value] of rows) {
    const l = str(label);
    if (DATE_ORDER.test(l)) {
      dateOrder = parseDateOrder(value) ?? dateOrder;
      continue;
    }
    const m = COLUMN_PREFIX.exec(l);
    const field = m ? fieldForHeader(m[1]) : null;
    if (!field) continue;
    const v = str(value);
    if (!v) continue; // an empty value: setup decides
    overrides[field] = NONE.has(v.toLowerCase()) ? null : v;
  }
  return { overrides, dateOrder };
}

/**
 * The rows setup writes after adopting a sheet: one per field read from a team column whose header
 * differs from the add-on's own label (those are the guesses a person may want to correct).
 */
export function mappingRows(header: readonly unknown[], columns: ColumnMap, lang: Lang, help: string): string[][] {
  return (Object.entries(columns) as [FieldKey, number][])
    .sort((a, b) => a[1] - b[1])
    .filter(([k, c]) => typeof header[c] === 'string' && ![headerLabel(k, 'zh'), headerLabel(k, 'en')].includes(String(header[c]).trim()))
    .map(([k, c]) => [mappingLabel(k, lang), String(header[c]).trim(), help]);
}
