// How the ticket sheet looks and guards itself: header style, widths, formats, dropdowns,
// warning-only protection of auto-filled columns, and the SLA colour rules (merged with the team's
// own conditional formats, never replacing them). Applying it twice changes nothing.
import type { ColumnMap } from '../domain/columns';
import { columnLetter } from '../domain/columns';
import type { EnumName, FieldKey, Lang } from '../domain/schema';
import { FIELDS, SLA_LABELS, enumLabel, enumLabels, headerLabel } from '../domain/schema';
import { catalog, t } from '../domain/i18n';
import { slaPart } from '../domain/sla/text';
import type { Settings } from '../domain/settings';
import type { TicketSheet } from './ticketSheet';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

/** Marks our conditional-format rules (N("…") is 0), so re-running setup replaces only ours. */
export const RULE_MARK = 'N("it-tracker-sla")=0';
/** Prefix of our protections' descriptions. */
export const PROTECTION_MARK = 'IT tracker:';

export const COLOURS = { header: '#1a73e8', headerText: '#ffffff', amber: '#fde293', red: '#f4c7c3' };

/** The SLA colour formulas for the first data row (relative rows, absolute columns). */
export function slaRuleFormulas(columns: ColumnMap, firstRow: number): { red: string; amber: string } | null {
  const c = (k: FieldKey) => (columns[k] === undefined ? null : `$${columnLetter((columns[k] as number) + 1)}${firstRow}`);
  const sla = c('slaStatus');
  if (!sla) return null;
  const has = (word: string) => `ISNUMBER(SEARCH("${word}",${sla}))`;
  const status = c('status');
  const done = (['zh', 'en'] as const).flatMap((l) => (['resolved', 'closed'] as const).map((c) => `${status}="${enumLabel('status', c, l)}"`));
  // An adopted sheet keeps the team's words (已完成, Done, Cancelled: issue 23), which no label
  // matches: the sweep's final resolution state (解决：已达成 / Resolution: Met…) says done, and a
  // not-open ticket (Cancelled, On hold) gets no SLA text at all.
  const final = (['zh', 'en'] as const).flatMap((l) =>
    (['met', 'missed'] as const).map((st) => has(slaPart('resolution', st, l))),
  );
  const open = status ? `NOT(OR(${[...done, ...final, `${sla}=""`].join(',')}))` : 'TRUE';
  const due = c('resolveDueAt');
  const overdue = due ? `AND(${open},ISNUMBER(${due}),${due}<NOW())` : 'FALSE';
  return {
    red: `=AND(${RULE_MARK},OR(${has(SLA_LABELS.breached.zh)},${has(SLA_LABELS.breached.en)},${overdue}))`,
    amber: `=AND(${RULE_MARK},OR(${has(SLA_LABELS.atRisk.zh)},${has(SLA_LABELS.atRisk.en)}))`,
  };
}

/** Adjacent columns (0-based) sharing a value, as runs: one call a run instead of one a column. */
export function columnRuns<T>(cols: ReadonlyArray<readonly [number, T]>): Array<{ first: number; count: number; value: T }> {
  const out: Array<{ first: number; count: number; value: T }> = [];
  for (const [col, value] of [...cols].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && last.first + last.count === col && last.value === value) last.count++;
    else out.push({ first: col, count: 1, value });
  }
  return out;
}

const NUMBER_FORMAT: Partial<Record<string, string>> = {
  dateTime: 'yyyy-mm-dd hh:mm',
  text: '@',
  longText: '@',
  log: '@',
  id: '@',
};

/**
 * Formats the ticket sheet down to the grid's end; returns that last row (for SheetHint.formattedRows).
 * `original`: the team's own cells of an adopted sheet (SheetHint.original). Number formats, wrap
 * and dropdowns reach them only in the columns setup added: a team's `4/24/2024` keeps showing as
 * it did and its `P1` gets no "invalid" mark (issue 23); new rows below get the tracker's formats.
 */
export function applyTicketFormat(app: App, ts: TicketSheet, lang: Lang, settings: Settings, original?: { rows: number; cols: number }): number {
  const { sheet, headerRow, columns, width } = ts;
  const dataRows = Math.max(sheet.getMaxRows() - headerRow, 1);
  const firstRow = headerRow + 1;
  const lastRow = headerRow + dataRows;
  // The data rows of columns [first, first + count), below the team's cells in the team's columns.
  const blocks = (first: number, count: number): GoogleAppsScript.Spreadsheet.Range[] => {
    const out: GoogleAppsScript.Spreadsheet.Range[] = [];
    const teamEnd = original ? Math.min(Math.max(original.cols, first), first + count) : first;
    const below = original ? Math.max(original.rows + 1, firstRow) : firstRow;
    if (teamEnd > first && below <= lastRow) out.push(sheet.getRange(below, first + 1, lastRow - below + 1, teamEnd - first));
    if (first + count > teamEnd) out.push(sheet.getRange(firstRow, teamEnd + 1, dataRows, first + count - teamEnd));
    return out;
  };
  sheet.getRange(headerRow, 1, 1, width).setFontWeight('bold').setBackground(COLOURS.header).setFontColor(COLOURS.headerText).setWrap(true);
  if (sheet.getFrozenRows() !== headerRow) sheet.setFrozenRows(headerRow);

  const present = FIELDS.filter((def) => columns[def.key] !== undefined).map((def) => [columns[def.key] as number, def] as const);
  for (const r of columnRuns(present.map(([c, def]) => [c, def.width] as const))) sheet.setColumnWidths(r.first + 1, r.count, r.value);
  for (const r of columnRuns(present.filter(([, def]) => NUMBER_FORMAT[def.kind]).map(([c, def]) => [c, NUMBER_FORMAT[def.kind] as string] as const)))
    for (const b of blocks(r.first, r.count)) b.setNumberFormat(r.value);
  for (const r of columnRuns(present.filter(([, def]) => def.kind === 'longText' || def.kind === 'log').map(([c]) => [c, true] as const)))
    for (const b of blocks(r.first, r.count)) b.setWrap(true);

  for (const [col, def] of present) {
    const notes: Partial<Record<FieldKey, string>> = catalog(lang).columnNotes;
    const help = notes[def.key] ?? '';
    let values: string[] | null = null;
    let closed = true;
    if (def.enumName) values = enumLabels(def.enumName as EnumName, lang);
    else if (def.key === 'assignee') values = settings.agents.map((a) => a.name);
    else if (def.key === 'department') {
      values = settings.departments;
      closed = false;
    }
    if (values && values.length) {
      // Closed value sets reject other input; departments only warn (free text is allowed).
      const rule = app.newDataValidation().requireValueInList(values, true).setAllowInvalid(!closed).setHelpText(help).build();
      for (const b of blocks(col, 1)) b.setDataValidation(rule);
    }
  }
  protectAutoColumns(app, ts, lang, dataRows);
  // The tracker's record (record.ts) is for the add-on, not for reading: kept out of sight.
  if (columns.record !== undefined) sheet.hideColumns(columns.record + 1);
  mergeSlaRules(app, ts, dataRows);
  return headerRow + dataRows;
}

/** One warning-only protection per run of adjacent auto-filled columns; ours only are replaced. */
function protectAutoColumns(app: App, ts: TicketSheet, lang: Lang, dataRows: number): void {
  const { sheet, headerRow, columns } = ts;
  const auto = FIELDS.filter((def) => def.auto && columns[def.key] !== undefined).map((def) => [columns[def.key] as number, def.key] as const);
  const wanted = new Map<string, string>();
  for (const r of columnRuns(auto.map(([c]) => [c, true] as const))) {
    const a1 = `${columnLetter(r.first + 1)}${headerRow + 1}:${columnLetter(r.first + r.count)}${headerRow + dataRows}`;
    const labels = auto.filter(([c]) => c >= r.first && c < r.first + r.count).sort((a, b) => a[0] - b[0]).map(([, k]) => headerLabel(k, lang));
    wanted.set(a1, `${PROTECTION_MARK} ${labels.join(t(lang, 'listSeparator'))}`);
  }
  const name = sheet.getName();
  for (const p of sheet.getParent().getProtections(app.ProtectionType.RANGE)) {
    const desc = p.getDescription();
    if (!desc.startsWith(PROTECTION_MARK)) continue;
    const range = p.getRange();
    if (range.getSheet().getName() !== name) continue;
    const a1 = range.getA1Notation();
    if (wanted.get(a1) === desc && p.isWarningOnly()) wanted.delete(a1);
    else p.remove();
  }
  for (const [a1, desc] of wanted) sheet.getRange(a1).protect().setDescription(desc).setWarningOnly(true);
}

/** Replaces our SLA rules and keeps every rule of the team's own, in their order, ahead of ours. */
export function mergeSlaRules(app: App, ts: TicketSheet, dataRows: number): void {
  const formulas = slaRuleFormulas(ts.columns, ts.headerRow + 1);
  const existing = ts.sheet.getConditionalFormatRules();
  const theirs = existing.filter((r) => !isOurRule(r));
  if (!formulas) return;
  const range = ts.sheet.getRange(ts.headerRow + 1, 1, dataRows, ts.width);
  const ours = [
    app.newConditionalFormatRule().whenFormulaSatisfied(formulas.red).setBackground(COLOURS.red).setRanges([range]).build(),
    app.newConditionalFormatRule().whenFormulaSatisfied(formulas.amber).setBackground(COLOURS.amber).setRanges([range]).build(),
  ];
  const current = existing.filter(isOurRule).map(ruleKey);
  const next = ours.map(ruleKey);
  if (current.length === next.length && current.every((k, i) => k === next[i])) return;
  // Ours go back where they were: a rule the team put below them (Sheets appends new rules at the
  // end) must not jump above the SLA colours and hide them.
  const at = existing.findIndex(isOurRule);
  const before = at < 0 ? theirs.length : existing.slice(0, at).filter((r) => !isOurRule(r)).length;
  ts.sheet.setConditionalFormatRules([...theirs.slice(0, before), ...ours, ...theirs.slice(before)]);
}

function isOurRule(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): boolean {
  const cond = rule.getBooleanCondition();
  return !!cond && cond.getCriteriaValues().some((v) => typeof v === 'string' && v.includes(RULE_MARK));
}

function ruleKey(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): string {
  const cond = rule.getBooleanCondition();
  return JSON.stringify([cond?.getCriteriaValues(), cond?.getBackground(), rule.getRanges().map((r) => r.getA1Notation())]);
}
