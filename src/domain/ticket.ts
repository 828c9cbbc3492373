// A ticket as the domain sees it: canonical codes and epoch milliseconds, never sheet cells.
import type { Category, Feedback, Status, Tier, Urgency } from './schema';

export interface Ticket {
  id: string;
  title: string;
  department: string;
  description: string;
  urgency: Urgency | null;
  submitter: string;
  contact: string;
  /** Epoch ms; null when the cell is empty or unreadable. */
  submittedAt: number | null;
  status: Status | null;
  assignee: string;
  /** Entries `yyyy-MM-dd HH:mm 姓名: text`, one per line, newest last. */
  workLog: string;
  solution: string;
  resolvedAt: number | null;
  feedback: Feedback | null;
  notes: string;
  category: Category | null;
  tier: Tier | null;
  /** Where the requester's updates go ('' when unknown). Never a mobile number. */
  notifyEmail: string;
  /** When the requester last received a reply (epoch ms). */
  lastReplyAt: number | null;
  firstResponseAt: number | null;
  lastUpdateAt: number | null;
  responseDueAt: number | null;
  resolveDueAt: number | null;
  /** The `SLA状态` cell as written by the SLA engine (its own encoding, see sla/text.ts). */
  slaStatus: string;
  /** The `等待` cell: the current waiting state as shown (waiting.ts waitLabel); the record holds the truth. */
  waiting: string;
  /** The add-on's hidden record cell (record.ts): what the tracker last accepted for this row. */
  record: string;
}

/** A ticket with every field empty: the base that new tickets and fixtures override. */
export function blankTicket(): Ticket {
  return {
    id: '',
    title: '',
    department: '',
    description: '',
    urgency: null,
    submitter: '',
    contact: '',
    submittedAt: null,
    status: null,
    assignee: '',
    workLog: '',
    solution: '',
    resolvedAt: null,
    feedback: null,
    notes: '',
    category: null,
    tier: null,
    notifyEmail: '',
    lastReplyAt: null,
    firstResponseAt: null,
    lastUpdateAt: null,
    responseDueAt: null,
    resolveDueAt: null,
    slaStatus: '',
    waiting: '',
    record: '',
  };
}

/** One row of the audit sheet (`操作日志`). */
export interface AuditEntry {
  at: number;
  user: string;
  ticketId: string;
  field: string;
  oldValue: string;
  newValue: string;
  /** `link`: the requester's answer through the signed link in a mail (app/verify.ts). */
  via: 'sidebar' | 'edit' | 'trigger' | 'setup' | 'menu' | 'form' | 'link';
}
