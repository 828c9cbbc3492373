// The adoption plan in words, in the sheet's language (issue 23): which of the team's columns
// becomes which field, which stay as they are, which are added, how values will be mapped (counts
// and a few examples, never every cell), and what cannot be mapped and why, one line per column.
import type { AdoptionPlan, NotTaken, Unmapped, UnmappedReason } from './adopt';
import type { ColumnMap } from './columns';
import { columnLetter } from './columns';
import { catalog, t } from './i18n';
import type { FieldKey, Lang } from './schema';
import { FIELD_BY_KEY, SHEET_NAMES, enumLabels, headerLabel } from './schema';
import type { Zone } from './zone';
import { formatLocal } from './zone';

export interface PlanContext {
  /** The header row as the team wrote it. */
  header: readonly unknown[];
  /** Fields found in the team's header (before any column is added). */
  columns: ColumnMap;
  lang: Lang;
  zone: Zone;
  /** Columns whose header looked like a time field but which hold no dates: kept as the team's own. */
  notTaken?: readonly NotTaken[];
  /** The team's rows the daily archive will move (countDueForArchive) and the archive age it uses. */
  archive?: { due: number; afterDays: number };
}

/** How many examples a line shows before "…". */
const EXAMPLES = 4;

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

function shown(v: unknown, zone: Zone): string {
  const s = isDate(v) ? formatLocal(v.getTime(), zone, 'minute') : String(v ?? '');
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

/** A column as the person knows it: its header, or its letter when the header is empty. */
function columnName(col: number, ctx: PlanContext, added: readonly FieldKey[]): string {
  const h = ctx.header[col];
  if (typeof h === 'string' && h.trim()) return h.trim();
  if (col >= ctx.header.length) {
    const key = added[col - ctx.header.length];
    if (key) return headerLabel(key, ctx.lang);
  }
  return columnLetter(col + 1);
}

const list = (lang: Lang, items: readonly string[]): string => items.join(t(lang, 'listSeparator'));

/** `a ×3, b ×1, …` from values counted in first-seen order, most frequent first. */
function counted(lang: Lang, values: readonly string[], more: (n: number) => string): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  const head = sorted.slice(0, EXAMPLES).map(([v, n]) => `${v} ×${n}`);
  const rest = sorted.length - EXAMPLES;
  return list(lang, rest > 0 ? [...head, more(rest)] : head);
}

function byColumn<T extends { col: number }>(items: readonly T[]): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const it of items) m.set(it.col, [...(m.get(it.col) ?? []), it]);
  return new Map([...m].sort((a, b) => a[0] - b[0]));
}

const REASONS: Record<
  UnmappedReason,
  'adoptWhyValue' | 'adoptWhyDate' | 'adoptWhyAmbiguous' | 'adoptWhyDuplicate' | 'adoptWhyFormula'
> = {
  unknownValue: 'adoptWhyValue',
  unreadableDate: 'adoptWhyDate',
  ambiguousDate: 'adoptWhyAmbiguous',
  duplicateId: 'adoptWhyDuplicate',
  formula: 'adoptWhyFormula',
};

/** One line per column and reason: how many cells, which values, why (the "could not map" summary). */
export function describeUnmapped(
  unmapped: readonly Unmapped[],
  ctx: PlanContext,
  added: readonly FieldKey[] = [],
): string[] {
  const { lang, zone } = ctx;
  const lines: string[] = [];
  for (const [col, cells] of byColumn(unmapped)) {
    const reasons = new Map<UnmappedReason, Unmapped[]>();
    for (const c of cells)
      reasons.set(c.reason ?? 'unknownValue', [...(reasons.get(c.reason ?? 'unknownValue') ?? []), c]);
    for (const [reason, rs] of reasons) {
      const field = (Object.entries(ctx.columns) as [FieldKey, number][]).find(([, c]) => c === col)?.[0];
      const def = field ? FIELD_BY_KEY[field] : undefined;
      const why = t(lang, REASONS[reason], {
        field: def ? headerLabel(def.key, lang) : '',
        values: def?.enumName ? list(lang, enumLabels(def.enumName, lang)) : '',
      });
      lines.push(
        t(lang, 'adoptUnmappedColumn', {
          column: columnName(col, ctx, added),
          n: rs.length,
          values: counted(
            lang,
            rs.map((r) => shown(r.value, zone)),
            (n) => t(lang, 'adoptMore', { n }),
          ),
          why,
        }),
      );
    }
  }
  return lines;
}

/** The whole plan, shown before anything changes. */
export function describeAdoption(plan: AdoptionPlan, ctx: PlanContext, rows: number): string[] {
  const { lang, zone } = ctx;
  const added = plan.missing;
  const lines: string[] = [];
  const used = (Object.entries(ctx.columns) as [FieldKey, number][]).sort((a, b) => a[1] - b[1]);
  if (used.length) {
    lines.push(
      t(lang, 'adoptUseColumns', {
        pairs: list(
          lang,
          used.map(([k, c]) =>
            t(lang, 'adoptColumnAs', { column: columnName(c, ctx, added), field: headerLabel(k, lang) }),
          ),
        ),
      }),
    );
  }
  const usedCols = new Set(used.map(([, c]) => c));
  const own = ctx.header
    .map((h, c) => (usedCols.has(c) || !String(h ?? '').trim() ? '' : String(h).trim()))
    .filter(Boolean);
  if (own.length) lines.push(t(lang, 'adoptKeepColumns', { columns: list(lang, own) }));
  const what = { duration: 'adoptWhatDuration', flag: 'adoptWhatFlag', other: 'adoptWhatOther' } as const;
  for (const n of ctx.notTaken ?? [])
    lines.push(t(lang, 'adoptNotTaken', { column: columnName(n.col, ctx, added), what: t(lang, what[n.what]), example: shown(n.example, zone), field: headerLabel(n.key, lang) }));
  if (added.length)
    lines.push(
      t(lang, 'adoptAddColumns', {
        columns: list(
          lang,
          added.map((k) => headerLabel(k, lang)),
        ),
      }),
    );
  if (rows && ctx.columns.submittedAt === undefined) lines.push(t(lang, 'adoptNoCreated'));

  if (plan.foreignIds && ctx.columns.id !== undefined) {
    const example = shown(plan.foreignExample ?? '', zone);
    lines.push(t(lang, 'adoptForeignIds', { n: plan.foreignIds, example }));
  }
  if (plan.ids.length) lines.push(t(lang, 'adoptNewIds', { n: plan.ids.length }));

  const dates = new Map(plan.dates.map((d) => [d.col, d]));
  for (const [col, changes] of byColumn([...plan.values, ...plan.readAs])) {
    const column = columnName(col, ctx, added);
    if (col >= ctx.header.length) {
      // Filled in an added column: Resolved at, from the team's last-update dates.
      const from = ctx.columns.lastUpdateAt;
      lines.push(
        t(lang, 'adoptResolvedFromUpdate', {
          column,
          n: changes.length,
          from: from === undefined ? '' : columnName(from, ctx, added),
        }),
      );
      continue;
    }
    const d = dates.get(col);
    if (isDate(changes[0].to) || d) {
      const first = changes[0];
      let line = t(lang, 'adoptDates', {
        column,
        n: changes.length,
        example: `${shown(first.from, zone)} → ${shown(first.to, zone)}`,
      });
      if (d && d.basis !== 'none') {
        const order = t(lang, d.order === 'dmy' ? 'adoptOrderDmy' : 'adoptOrderMdy');
        const key = { evidence: 'adoptOrderEvidence', default: 'adoptOrderDefault', conflict: 'adoptOrderConflict', setting: 'adoptOrderSetting' } as const;
        line += t(lang, key[d.basis], { order, n: d.ambiguous });
      }
      lines.push(line);
    } else {
      lines.push(
        t(lang, 'adoptValues', {
          column,
          n: changes.length,
          examples: counted(
            lang,
            changes.map((c) => `${shown(c.from, zone)} → ${shown(c.to, zone)}`),
            (n) => t(lang, 'adoptMore', { n }),
          ),
        }),
      );
    }
  }
  for (const [col, cells] of byColumn(plan.notOpen)) {
    lines.push(
      t(lang, 'adoptNotOpen', {
        column: columnName(col, ctx, added),
        values: counted(
          lang,
          cells.map((c) => shown(c.value, zone)),
          (n) => t(lang, 'adoptMore', { n }),
        ),
      }),
    );
  }
  if (ctx.archive && ctx.archive.due > 0)
    lines.push(
      t(lang, 'adoptArchiveDue', {
        n: ctx.archive.due,
        days: ctx.archive.afterDays,
        archive: SHEET_NAMES.archive[lang],
        settings: SHEET_NAMES.settings[lang],
        setting: catalog(lang).settingLabels.archiveAfterDays,
      }),
    );
  if (plan.unmapped.length) {
    lines.push(t(lang, 'adoptUnmapped'));
    lines.push(...describeUnmapped(plan.unmapped, ctx, added));
  }
  return lines;
}
