// Readable summaries of what an execution did: UI shown, mail sent, logs, service-call stats.
import type { LocalRuntime, CallStats } from '../runtime';
import { fill, textOf } from './text';

export interface Marks {
  dialogs: number;
  asks: number;
  toasts: number;
  mail: number;
  logs: number;
}

export function mark(rt: LocalRuntime): Marks {
  return { dialogs: rt.ui.dialogs.length, asks: rt.ui.asks.length, toasts: rt.ui.toasts.length, mail: rt.mail.length, logs: rt.logs.entries.length };
}

const clip = (s: string, n = 100) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Lines describing everything shown or sent since `m`. */
export function effects(rt: LocalRuntime, m: Marks): string[] {
  const out: string[] = [];
  const text = textOf(rt);
  for (const d of rt.ui.dialogs.slice(m.dialogs)) out.push(`  ${text.dialogKinds[d.kind]} "${d.title}" ${fill(text.htmlChars, { n: d.content.length })}`);
  for (const a of rt.ui.asks.slice(m.asks)) out.push(`  ${text.askKinds[a.kind]}: ${a.title ? `${a.title}: ` : ''}${clip(a.prompt)} → ${a.answer.button}${a.answer.text ? ` "${a.answer.text}"` : ''}`);
  for (const t of rt.ui.toasts.slice(m.toasts)) out.push(`  ${text.toast}: ${t.title ? `${t.title}: ` : ''}${clip(t.message)}`);
  for (const e of rt.mail.slice(m.mail)) out.push(`  ${fill(text.mailTo, { to: e.to, subject: clip(e.subject, 80) })}`);
  for (const l of rt.logs.entries.slice(m.logs)) out.push(`  [${text.logLevels[l.level]}] ${clip(l.message, 160)}`);
  return out;
}

export function statsLine(rt: LocalRuntime, s: CallStats): string {
  return fill(textOf(rt).stats, { calls: s.calls, spreadsheet: s.spreadsheetCalls, read: s.cellsRead, written: s.cellsWritten });
}

export function shownSince(rt: LocalRuntime, m: Marks) {
  return {
    dialogs: rt.ui.dialogs.slice(m.dialogs).map((d) => ({ kind: d.kind, title: d.title })),
    alerts: rt.ui.asks.slice(m.asks).map((a) => ({ kind: a.kind, title: a.title, prompt: a.prompt, answer: a.answer })),
    toasts: rt.ui.toasts.slice(m.toasts).map((t) => ({ title: t.title, message: t.message })),
    mail: rt.mail.slice(m.mail).map((e) => ({ to: e.to, subject: e.subject })),
  };
}
