// Waiting states seen from the app layer (issue 18): what other flows call when the requester
// answers. The verification page (issue 18, `verify`) and any reply path merge these changes into
// the row write they already make (one write, one audit), so a requester's answer ends a wait for
// the requester without a call of its own.
import { requesterAnswered } from '../domain/waitActions';
import type { Ticket } from '../domain/ticket';
import type { TicketChanges } from '../domain/workflow';
import { appendLog, logEntry } from '../domain/worklog';
import type { Tracker } from './tracker';

/**
 * The changes that end a wait for the requester because they answered (`by`: how the work log
 * names them, e.g. the ticket's 提交人), or null when the ticket is not waiting for them. The
 * changes carry the `等待` cell, the record with the ended period, a work-log line and
 * 最近更新时间; the caller writes them with its own changes (record last: recordOf keeps the wait).
 */
export function requesterAnsweredChanges(tr: Pick<Tracker, 'now' | 'lang' | 'stamp'>, tk: Ticket, by: string): TicketChanges | null {
  return requesterAnswered(tk, tr.now, tr.lang, (text) => appendLog(tk.workLog, logEntry(tr.stamp(tr.now), by, text)));
}
