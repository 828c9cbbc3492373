// The tracker's own commands, each one entry-point call as the sidebar or the trigger makes it:
// `submit --json '{…}'`, `update <ID> --json '{"action":…}'`, `sweep`.
import type { CallStats, LocalRuntime } from '../../runtime';
import type { ActionOutcome, SubmitResult, TicketView, TicketViewResult } from '../../src/app/contracts';
import type { ScheduledRun } from '../../src/app/scheduled';
import { register, CliError, flagString, type CommandContext, type CommandResult } from '../registry';
import { fill, textOf, type CliText } from '../text';
import { callEntryPoint } from './call';

function jsonFlag(c: CommandContext): Record<string, unknown> {
  const raw = flagString(c, 'json');
  if (!raw) throw new CliError('jsonRequired');
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch (e) {
    throw new CliError('jsonInvalid', { detail: (e as Error).message });
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new CliError('jsonNotObject');
  return v as Record<string, unknown>;
}

type Answer = SubmitResult | ActionOutcome;
type Ok<T> = Extract<T, { ok: true }>;

/** An {ok:false, errors} answer from the add-on becomes a CLI failure with its messages. */
function failOnErrors<T extends Answer>(r: T | null): asserts r is Ok<T> {
  if (r && r.ok === false) {
    const message = (r.errors ?? []).map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('\n');
    throw message ? new CliError('addon', { message }, r.code) : new CliError('refused', {}, r.code);
  }
}

/** What callEntryPoint puts in its JSON: the entry point's answer and the call's figures. */
interface Called<T> {
  result: T;
  stats: CallStats;
}

function run<T extends Answer>(
  c: CommandContext,
  rt: LocalRuntime,
  name: string,
  args: unknown[],
  summarise?: (result: Ok<T>) => string[],
): CommandResult & { result: Ok<T>; stats: CallStats } {
  const out = callEntryPoint(c, rt, name, args, summarise as ((result: unknown) => string[]) | undefined);
  const { result, stats } = out.json as unknown as Called<T>;
  failOnErrors(result);
  return { ...out, result, stats };
}

register({
  name: 'submit',
  options: ['json', 'token'],
  usage: `submit --json '{"title":…,"department":…,"description":…,"urgency":"高","category":"软件","submitter":…,"contact":…}' [--token T]`,
  run(c) {
    const form = jsonFlag(c);
    const token = flagString(c, 'token');
    const rt = c.load();
    const text = textOf(rt);
    const out = run<SubmitResult>(c, rt, 'submitTicket', token ? [form, token] : [form], (r) => [
      `→ ${r.id}${r.duplicate ? text.duplicate : text.newTicket}`,
      ...r.warnings.map((w) => `  ${text.warning}${w.field ? ` (${w.field})` : ''}: ${w.message}`),
    ]);
    return { json: { id: out.result.id, duplicate: out.result.duplicate, warnings: out.result.warnings, stats: out.stats }, save: out.save };
  },
});

register({
  name: 'update',
  options: ['json'],
  usage: `update <ID> --json '{"action":"accept|assign|escalate|note|resolve|feedback|close|reopen|wait|endWait","by":…, …}'`,
  run(c) {
    const [id] = c.args;
    if (!id) throw new CliError('updateWhich');
    const { action, by, version, ...payload } = jsonFlag(c);
    if (typeof action !== 'string') throw new CliError('jsonNeedsAction');
    const rt = c.load();
    // "by" names the agent acting: their email from the settings becomes the active user.
    if (typeof by === 'string' && by) rt.ctx.user.active = rt.ctx.user.effective = agentEmail(rt, by) ?? by;
    // As the sidebar does: load the ticket's view first, then act on that version of it.
    let v = typeof version === 'string' ? version : null;
    if (!v) {
      const view = rt.callFromClient<TicketViewResult>('getTicketView', id).result;
      if (!view.ok) throw view.message ? new CliError('addon', { message: view.message }, view.code) : new CliError('ticketNotFound', { id }, view.code);
      v = view.version ?? null;
    }
    const out = run<ActionOutcome>(c, rt, 'applyTicketAction', [id, action, payload, v], (r) => ticketSummary(r.view, action, textOf(rt)));
    const view = out.result.view;
    return { json: { id, action, status: view.status, sla: view.slaText, stats: out.stats }, save: out.save };
  },
});

register({
  name: 'sweep',
  usage: 'sweep [--at ISO]',
  run(c) {
    const out = callEntryPoint(c, c.load(), 'onSlaTimer', []);
    const { result: r, stats } = out.json as unknown as Called<ScheduledRun | null>;
    if (r?.sweep?.error) throw new CliError('addon', { message: r.sweep.error });
    return { json: { ...r, stats }, save: out.save };
  },
});

/**
 * The ticket after an action in a few lines (the sidebar's view also carries every label of the
 * page, which is what made the raw result ~190 lines): status, who holds it, SLA, what can follow.
 */
export function ticketSummary(view: TicketView, action: string, text: CliText): string[] {
  const field = (key: string) => view.fields.find((f) => f.key === key);
  const lines = [`→ ${view.id} ${action}: ${view.status}`];
  for (const key of ['assignee', 'tier']) {
    const f = field(key);
    if (f && f.value) lines.push(`  ${fill(text.field, { label: f.label, value: f.value })}`);
  }
  if (view.slaText) lines.push(`  ${fill(text.field, { label: 'SLA', value: view.slaText })}`);
  if (view.actions.length) lines.push(`  ${fill(text.field, { label: text.next, value: view.actions.map((a) => fill(text.nextAction, { label: a.label, name: a.name })).join(text.listSeparator) })}`);
  return lines;
}

/** The email of the agent named in the settings sheet (column H: name, J: email). */
function agentEmail(rt: LocalRuntime, name: string): string | null {
  const ss = rt.services.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName('设置') ?? ss.getSheetByName('Settings');
  if (!sheet || sheet.getLastRow() < 2) return null;
  const rows = sheet.getRange(2, 8, sheet.getLastRow() - 1, 3).getValues();
  const hit = rows.find((r) => String(r[0]).trim() === name);
  return hit && String(hit[2]).includes('@') ? String(hit[2]) : null;
}
