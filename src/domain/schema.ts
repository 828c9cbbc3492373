// The ticket sheet's fields and value sets, in both languages. Cells hold the locale's label; the
// code works with the canonical codes below and recognises either language (and common synonyms)
// on read, because teams adopt sheets they already filled by hand.
// Over ~400 lines: the field and value tables of both languages, with their synonyms; a table.
import { foldTraditional } from './hanzi';

export type Lang = 'zh' | 'en';

export type FieldKey =
  | 'id'
  | 'title'
  | 'department'
  | 'description'
  | 'urgency'
  | 'submitter'
  | 'contact'
  | 'submittedAt'
  | 'status'
  | 'assignee'
  | 'workLog'
  | 'solution'
  | 'resolvedAt'
  | 'feedback'
  | 'notes'
  | 'category'
  | 'tier'
  | 'notifyEmail'
  | 'lastReplyAt'
  | 'firstResponseAt'
  | 'lastUpdateAt'
  | 'responseDueAt'
  | 'resolveDueAt'
  | 'slaStatus'
  | 'waiting'
  | 'record';

export type FieldKind = 'id' | 'text' | 'longText' | 'enum' | 'dateTime' | 'log';

export interface FieldDef {
  key: FieldKey;
  zh: string;
  en: string;
  kind: FieldKind;
  /** One of the seed template's 15 columns (the rest are added by the add-on after them). */
  template: boolean;
  /** Written by the add-on only; protected with a warning. */
  auto: boolean;
  /** Value set for enum fields. */
  enumName?: EnumName;
  /** Column width in pixels when the add-on formats the sheet. */
  width: number;
  /** Other header spellings met in hand-made sheets. */
  aliases?: string[];
}

const f = (
  key: FieldKey,
  zh: string,
  en: string,
  kind: FieldKind,
  width: number,
  opts: Partial<Pick<FieldDef, 'template' | 'auto' | 'enumName' | 'aliases'>> = {},
): FieldDef => ({ key, zh, en, kind, width, template: opts.template ?? true, auto: opts.auto ?? false, ...opts });

// Aliases are ranked: when two of a team's columns could be one field (osTicket's `Assigned To` and
// `Agent Assigned`, ServiceNow's `urgency`, `priority` and `impact`), the earlier alias wins and the
// other column stays the team's own. Headers are compared by headerKey (case, spaces, punctuation
// and traditional characters ignored), so `Ticket_ID`, `ticket-id` and `TicketID` are one spelling.
export const FIELDS: readonly FieldDef[] = [
  f('id', '问题编号', 'Ticket ID', 'id', 130, {
    auto: true,
    aliases: ['ID', '编号', '工单号', '工单编号', '工单ID', 'Ticket', 'Ticket No', 'Ticket Number', 'Issue ID', 'Incident ID', 'Incident Number', 'Case ID', 'Case Number', 'Request ID', 'Request Number', 'Number', 'No', 'Ref', 'Reference', '单号', '事件编号', '报修单号', '序号'],
  }),
  f('title', '问题标题', 'Title', 'text', 180, {
    aliases: ['标题', 'Subject', 'Summary', 'Issue Summary', 'Short description', 'Issue Title', 'Topic', '主题', '问题概述', '问题摘要', '事项', '故障现象'],
  }),
  f('department', '所属部门/区域', 'Department / Location', 'text', 140, {
    aliases: ['部门', '所属部门', 'Department', 'Location', 'Department/Location', 'Dept', '部门/区域', '区域', '地点', '使用部门', '申请部门', 'Site', 'Office', 'Branch'],
  }),
  f('description', '问题描述', 'Description', 'longText', 260, {
    aliases: ['描述', 'Details', 'Issue Description', 'Problem Description', 'Detail', 'Body', 'Message', '详细描述', '问题详情', '故障描述', '详情', '内容'],
  }),
  f('urgency', '紧急程度', 'Urgency', 'enum', 80, {
    enumName: 'urgency',
    aliases: ['优先级', 'Priority', '紧急度', 'Priority Level', 'Urgency Level', 'Severity', '严重程度', '严重性', 'Impact', '影响程度', '等级'],
  }),
  f('submitter', '提交人', 'Submitter', 'text', 90, {
    aliases: ['报告人', 'Requester', 'Reporter', '申请人', '报修人', '提出人', '发起人', 'Requested by', 'Reported by', 'Caller', 'Caller ID', 'From', 'Customer', 'Customer Name', 'Requester Name', 'User', '用户', 'Opened by', 'Created by', '创建人', '登记人'],
  }),
  f('contact', '联系方式', 'Contact', 'text', 130, {
    aliases: ['联系电话', 'Phone', 'Email', '联络方式', '电话', '邮箱', '分机', 'Extension', 'From Email', 'Requester Email', 'Customer Email', 'Contact Email', 'E-mail', 'Phone Number'],
  }),
  f('submittedAt', '提交时间', 'Submitted at', 'dateTime', 130, {
    auto: true,
    aliases: ['创建时间', 'Created', 'Created at', 'Submitted', 'Date Created', 'Created On', 'Creation Date', 'Created Date', 'Opened', 'Opened at', 'Open Date', 'Date Opened', 'Date Reported', 'Reported Date', 'Reported On', 'Date Submitted', 'Submitted On', 'Request Date', 'sys_created_at', '提交日期', '建立时间', '报修时间', '申请时间', '发起时间', '登记时间', '报告时间', 'Timestamp', 'Date', '日期'],
  }),
  f('status', '当前状态', 'Status', 'enum', 90, {
    enumName: 'status',
    aliases: ['状态', 'State', 'Current Status', 'Ticket Status', 'Incident State', '工单状态', '处理状态', '处理进度', '进度', 'Stage'],
  }),
  f('assignee', '负责人', 'Assignee', 'text', 100, {
    aliases: ['处理人', 'Owner', 'Agent', 'Assigned to', 'Assigned', 'Agent Assigned', 'Technician', 'Assigned Technician', 'Engineer', 'Handler', 'Resolver', 'IT Owner', 'Support Agent', '处理人员', '受理人', '工程师', '维修人', '执行人', '承办人', 'Resolved by'],
  }),
  f('workLog', '处理过程记录', 'Work log', 'log', 280, {
    aliases: ['处理过程', 'Log', 'Work notes', 'Activity', 'Activity Log', 'History', 'Updates', 'Progress', 'Progress Notes', '处理记录', '跟进记录', '处理过程描述'],
  }),
  f('solution', '解决方案', 'Solution', 'longText', 220, {
    aliases: ['Resolution', 'Resolution Summary', 'Resolution Notes', 'Close Notes', 'Fix', '解决办法', '处理结果', '处理方法', '处理方案', '解决措施'],
  }),
  f('resolvedAt', '解决时间', 'Resolved at', 'dateTime', 130, {
    auto: true,
    aliases: ['Resolved', 'Date Resolved', 'Resolved On', 'Resolution Date', 'Resolution Time', 'Date Closed', 'Closed at', 'Closed On', 'Close Date', 'Closed Date', 'Completed', 'Date Completed', 'Completion Date', '完成时间', '解决日期', '处理完成时间', '关闭时间', '结束时间', '完成日期', 'Time Resolved', 'Time to Resolution'],
  }),
  f('feedback', '提交人反馈', 'Submitter feedback', 'enum', 120, {
    enumName: 'feedback',
    aliases: ['反馈', 'Feedback', '用户反馈', '评价', '满意度', 'Satisfaction', 'Customer Satisfaction', 'Customer Satisfaction Rating', 'Rating'],
  }),
  f('notes', '备注', 'Notes', 'longText', 160, { aliases: ['Remarks', 'Comments', 'Comment', 'Note', '说明', '附注', '其他说明'] }),
  f('category', '问题类型', 'Category', 'enum', 80, {
    template: false,
    enumName: 'category',
    aliases: ['类型', '分类', 'Type', '类别', '问题分类', '问题类别', '故障类型', 'Ticket Type', 'Issue Type', 'Help Topic', 'Filed Against'],
  }),
  f('tier', '支持级别', 'Tier', 'enum', 80, { template: false, enumName: 'tier', aliases: ['Support tier', 'Level', 'Support Level', '支持层级'] }),
  // Where the requester's updates go (issue 18): from Google, the contact field or the form's
  // "email for updates". The email-like contact headers stay the contact's (adoption keeps them).
  f('notifyEmail', '提交人邮箱', 'Email for updates', 'text', 180, {
    template: false,
    aliases: ['通知邮箱', '接收通知邮箱', '更新通知邮箱', 'Requester email for updates', 'Notification email', 'Notify email', 'Updates email', 'Email for notifications'],
  }),
  // When the requester last received a reply (a mail sent, or a reply logged for one who has no
  // address): the progress-update clock counts only these (issue 18).
  f('lastReplyAt', '最近回复时间', 'Last reply at', 'dateTime', 130, {
    template: false,
    auto: true,
    aliases: ['Last reply', 'Last replied', 'Last public reply', 'Last reply to requester', '最后回复时间', '最近回复'],
  }),
  f('firstResponseAt', '首次响应时间', 'First response at', 'dateTime', 130, {
    template: false,
    auto: true,
    aliases: ['First Response', 'First Response Time', 'Responded at', 'Date Responded', '首次响应', '响应时间', 'Response Time', 'First Response Date', '首次响应日期'],
  }),
  f('lastUpdateAt', '最近更新时间', 'Last update at', 'dateTime', 130, {
    template: false,
    auto: true,
    aliases: ['Last Updated', 'Last Update', 'Updated', 'Updated at', 'Last Modified', 'sys_updated_at', '更新时间', '最后更新时间', '最近更新'],
  }),
  f('responseDueAt', '响应截止', 'Response due', 'dateTime', 130, { template: false, auto: true }),
  f('resolveDueAt', '解决截止', 'Resolution due', 'dateTime', 130, { template: false, auto: true }),
  f('slaStatus', 'SLA状态', 'SLA status', 'text', 120, { template: false, auto: true, aliases: ['SLA'] }),
  // The current waiting state (issue 18, waiting.ts): set and ended from the sidebar with a
  // reason; the periods themselves live in the record below. Typed over, it is put back.
  f('waiting', '等待', 'Waiting', 'text', 150, { template: false, auto: true, aliases: ['等待状态', 'Waiting state'] }),
  // The add-on's own hidden record of each row: the ID, the last accepted status and update time
  // (record.ts). Hand edits are checked against it, never against e.oldValue or the audit sheet.
  f('record', '系统记录', 'Tracker record', 'text', 60, { template: false, auto: true }),
];

/**
 * Aliases of time fields that may name something else (issue 23): "Time to Resolution" is a
 * duration in many logs (36 h) and a timestamp in others, "Resolved" may be a yes/no flag, 响应时间
 * may be 30分钟. Adoption reads such a column as the field only when it holds dates (adopt.ts).
 */
export const LOOSE_TIME_HEADERS: Partial<Record<FieldKey, readonly string[]>> = {
  resolvedAt: ['Time to Resolution', 'Resolution Time', 'Time Resolved', 'Resolved', 'Completed'],
  firstResponseAt: ['First Response Time', 'First Response', 'Response Time', '响应时间', '首次响应'],
  lastUpdateAt: ['Updated', 'Last Update'],
};

export const FIELD_BY_KEY: Readonly<Record<FieldKey, FieldDef>> = Object.fromEntries(
  FIELDS.map((d) => [d.key, d]),
) as Record<FieldKey, FieldDef>;

export type EnumName = 'urgency' | 'status' | 'category' | 'tier' | 'feedback';
export type Urgency = 'high' | 'medium' | 'low';
export type Status = 'pending' | 'inProgress' | 'resolved' | 'closed';
export type Category = 'hardware' | 'software' | 'network' | 'access' | 'other';
export type Tier = 'tier1' | 'tier2';
export type Rating = 'satisfied' | 'basic' | 'unsatisfied';
/**
 * Feedback pair: resolved yes/no and a rating, e.g. `yes:satisfied` ⇄ `是;满意`; or `none` (无回复):
 * the requester never answered and the ticket closed itself (issue 18, auto-close).
 */
export type Feedback = `${'yes' | 'no'}:${Rating}` | 'none';

export interface EnumValue<C extends string = string> {
  code: C;
  zh: string;
  en: string;
  /** Spellings people type, matched case-insensitively. */
  synonyms: string[];
}

const RATINGS: EnumValue<Rating>[] = [
  { code: 'satisfied', zh: '满意', en: 'Satisfied', synonyms: ['好', 'good', 'very satisfied', '非常满意'] },
  { code: 'basic', zh: '基本满意', en: 'Basically satisfied', synonyms: ['一般', 'ok', 'okay', 'fair', 'neutral'] },
  { code: 'unsatisfied', zh: '不满意', en: 'Unsatisfied', synonyms: ['差', 'bad', 'poor', 'dissatisfied'] },
];

export const ENUMS: { [K in EnumName]: EnumValue[] } = {
  urgency: [
    // P1–P4 follow the resolution targets: P1 (business stopped) is 高 (2 h), P2 中 (4 h), P3/P4 低.
    // `2 - High` (ServiceNow) is read by its word, see parseEnum.
    {
      code: 'high',
      zh: '高',
      en: 'High',
      synonyms: ['紧急', '高紧急', '非常紧急', '特急', '严重', '高优先级', 'urgent', 'critical', 'emergency', 'highest', 'very high', 'blocker', 'p1', 'sev1', '1'],
    },
    { code: 'medium', zh: '中', en: 'Medium', synonyms: ['一般', '普通', '中等', 'normal', 'med', 'moderate', 'standard', 'major', 'p2', 'sev2', '2'] },
    { code: 'low', zh: '低', en: 'Low', synonyms: ['不急', '较低', '轻微', 'minor', 'lowest', 'trivial', 'planning', 'p3', 'p4', 'sev3', 'sev4', '3', '4'] },
  ],
  status: [
    {
      code: 'pending',
      zh: '待处理',
      en: 'Pending',
      synonyms: ['open', 'new', '新建', '未处理', 'todo', 'to do', 'not started', 'unassigned', 'queued', 'submitted', '未开始', '待分配', '待受理', '已提交', '待办'],
    },
    {
      code: 'inProgress',
      zh: '处理中',
      en: 'In progress',
      synonyms: ['doing', 'working', '进行中', 'in-progress', 'wip', 'active', 'assigned', 'ongoing', 'started', 'in work', 'reopened', 'awaiting user info', 'awaiting vendor', 'awaiting evidence', 'awaiting problem', 'pending customer response', 'waiting on customer', 'waiting for customer', '已分配', '已受理', '重新打开', '等待用户', '等待反馈', '跟进中'],
    },
    {
      code: 'resolved',
      zh: '已解决',
      en: 'Resolved',
      synonyms: ['done', 'fixed', 'solved', 'completed', 'complete', '完成', '已完成', '已处理', '已修复', '处理完成', '待确认', '待验证'],
    },
    { code: 'closed', zh: '已关闭', en: 'Closed', synonyms: ['关闭', 'archived', '已归档', '已结束', '结束', '已结案', '结案'] },
  ],
  category: [
    { code: 'hardware', zh: '硬件', en: 'Hardware', synonyms: ['hw', '设备'] },
    { code: 'software', zh: '软件', en: 'Software', synonyms: ['sw', '系统', 'application', 'app'] },
    { code: 'network', zh: '网络', en: 'Network', synonyms: ['net', 'vpn', '网络连接'] },
    { code: 'access', zh: '权限', en: 'Access', synonyms: ['permission', 'permissions', '账号', 'account'] },
    { code: 'other', zh: '其他', en: 'Other', synonyms: ['其它', 'misc'] },
  ],
  tier: [
    { code: 'tier1', zh: '一线', en: 'Tier 1', synonyms: ['1线', 'l1', 't1', 'tier1', '一级'] },
    { code: 'tier2', zh: '二线', en: 'Tier 2', synonyms: ['2线', 'l2', 't2', 'tier2', '二级'] },
  ],
  feedback: [
    ...(['yes', 'no'] as const).flatMap((yn) =>
      RATINGS.map((r) => ({
        code: `${yn}:${r.code}`,
        zh: `${yn === 'yes' ? '是' : '否'};${r.zh}`,
        en: `${yn === 'yes' ? 'Yes' : 'No'}; ${r.en}`,
        synonyms: [],
      })),
    ),
    { code: 'none', zh: '无回复', en: 'No answer', synonyms: ['未回复', '无反馈', 'no reply', 'no response'] },
  ],
};

export const RATING_VALUES = RATINGS;

/**
 * Statuses teams use that mean "not open" and have no value of ours (issue 23): read as closed
 * (no SLA, not overdue, not in the backlog), but never rewritten to 已关闭 by setup, so the team's
 * word stays visible in the cell and in the plan.
 */
export const NOT_OPEN_STATUSES: readonly string[] = [
  'cancelled', 'canceled', 'on hold', 'draft', 'withdrawn', 'duplicate', 'rejected', 'invalid', "won't fix", 'wontfix', 'deferred', 'void',
  '已取消', '取消', '草稿', '作废', '已作废', '搁置', '暂停', '挂起', '已撤回', '撤回', '重复', '已拒绝', '无效',
];

const norm = (s: string): string =>
  foldTraditional(s.normalize('NFKC'))
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');

/** Case, spaces and punctuation (`_ - / . # ( ) :`) ignored, traditional characters folded. */
export const headerKey = (s: string): string => norm(s).replace(/[^\p{L}\p{N}]+/gu, '');

/** A value without its separators (`on-hold`, `In_Progress`, `won't fix`); other marks (`urgent!`) still count. */
const compactValue = (s: string): string => norm(s).replace(/[\s_\-.'’]+/g, '');

/** Normalised code, labels and synonyms → code, per enum (first value wins, as the scan did). */
const ENUM_INDEX = new Map<EnumName, Map<string, string>>();
function enumIndex(name: EnumName): Map<string, string> {
  let m = ENUM_INDEX.get(name);
  if (!m) {
    m = new Map();
    const add = (x: string, code: string) => {
      if (!m?.has(norm(x))) m?.set(norm(x), code);
      if (!m?.has(compactValue(x))) m?.set(compactValue(x), code);
    };
    for (const v of ENUMS[name]) for (const x of [v.code, v.zh, v.en, ...v.synonyms]) add(x, v.code);
    if (name === 'status') for (const x of NOT_OPEN_STATUSES) add(x, 'closed');
    ENUM_INDEX.set(name, m);
  }
  return m;
}

/** A status cell that reads as closed but names something else (Cancelled, 草稿…): kept as written. */
export function isNotOpenStatus(raw: unknown): boolean {
  if (typeof raw !== 'string') return false;
  const s = norm(raw);
  return NOT_OPEN_KEYS.has(s) || NOT_OPEN_KEYS.has(compactValue(s));
}
const NOT_OPEN_KEYS: ReadonlySet<string> = new Set(NOT_OPEN_STATUSES.flatMap((x) => [norm(x), compactValue(x)]));

/** enumLabel's index: each enum's values by code, built on first use. */
const ENUM_BY_CODE = new Map<EnumName, Map<string, EnumValue>>();

/** Canonical code for a cell value in either language or a known synonym; null if unknown. */
export function parseEnum(name: EnumName, raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  const index = enumIndex(name);
  // Cells usually hold the exact label: skip normalising then (whole-sheet reads parse 50,000 rows).
  const exact = typeof raw === 'string' ? index.get(raw) : undefined;
  if (exact !== undefined) return exact;
  if (raw === '') return null; // an empty cell (normalising '' gives '': nothing)
  const s = norm(String(raw));
  if (!s) return null;
  const hit = index.get(s) ?? index.get(compactValue(s));
  if (hit !== undefined) return hit;
  // `2 - Medium`, `1 - Critical`, `3. Low`: the word decides (ServiceNow's numbers differ per list).
  const numbered = /^\d\s*[-–.:)]\s*(\D.*)$/.exec(s);
  if (numbered) {
    const word = index.get(numbered[1].trim()) ?? index.get(compactValue(numbered[1]));
    if (word !== undefined) return word;
  }
  if (name === 'feedback') {
    // `是;满意`, `是；满意`, `yes, satisfied`, `Yes - Basically satisfied`…
    const m = s.match(/^(是|否|yes|no|y|n)\s*[;；,，/\-–]\s*(.+)$/);
    if (m) {
      const rating = RATINGS.find((r) => [r.code, r.zh, r.en, ...r.synonyms].some((x) => norm(x) === norm(m[2])));
      if (rating) return `${['是', 'yes', 'y'].includes(m[1]) ? 'yes' : 'no'}:${rating.code}`;
    }
  }
  return null;
}

export function enumLabel(name: EnumName, code: string, lang: Lang): string {
  // A lookup, not a search: the weekly review labels four fields of every ticket.
  let byCode = ENUM_BY_CODE.get(name);
  if (!byCode) ENUM_BY_CODE.set(name, (byCode = new Map(ENUMS[name].map((v) => [v.code, v]))));
  const v = byCode.get(code);
  if (!v) throw new Error(`unknown ${name} code: ${code}`);
  return v[lang];
}

export function enumLabels(name: EnumName, lang: Lang): string[] {
  return ENUMS[name].map((v) => v[lang]);
}

/** headerKey → field and rank (0: our own labels and key; then the alias order). */
const HEADER_INDEX: Map<string, { key: FieldKey; rank: number }> = (() => {
  const m = new Map<string, { key: FieldKey; rank: number }>();
  for (const d of FIELDS) {
    [d.zh, d.en, d.key].forEach((h) => {
      const k = headerKey(h);
      if (!m.has(k)) m.set(k, { key: d.key, rank: 0 });
    });
  }
  for (const d of FIELDS) {
    (d.aliases ?? []).forEach((h, i) => {
      const k = headerKey(h);
      if (!m.has(k)) m.set(k, { key: d.key, rank: i + 1 });
    });
  }
  return m;
})();

/** Words teams put before a field's name: `Ticket Status`, `Issue Type`, `工单状态`, `问题类别`. */
const ENTITY_PREFIX = /^(ticket|issue|incident|case|request|工单|问题|事件|报修)(?=.)/;
/** Ranks of headers found only after dropping such a word come after every plain alias. */
const PREFIXED_RANK = 100;

/** The field a header names and how surely (lower rank: preferred when two columns claim one field). */
export function headerMatch(header: unknown): { key: FieldKey; rank: number } | null {
  if (typeof header !== 'string') return null;
  const k = headerKey(header);
  if (!k) return null;
  const exact = HEADER_INDEX.get(k);
  if (exact) return exact;
  const bare = k.replace(ENTITY_PREFIX, '');
  const hit = bare !== k ? HEADER_INDEX.get(bare) : undefined;
  return hit ? { key: hit.key, rank: PREFIXED_RANK + hit.rank } : null;
}

/** The field a header cell names (Chinese simplified or traditional, English, key or alias), or null for a column of the team's own. */
export function fieldForHeader(header: unknown): FieldKey | null {
  return headerMatch(header)?.key ?? null;
}

export function headerLabel(key: FieldKey, lang: Lang): string {
  return FIELD_BY_KEY[key][lang];
}

/** Sheet names per language; both are recognised on read. */
export const SHEET_NAMES = {
  tickets: { zh: '工单', en: 'Tickets' },
  settings: { zh: '设置', en: 'Settings' },
  audit: { zh: '操作日志', en: 'Audit log' },
  knowledge: { zh: '知识库', en: 'Knowledge base' },
  archive: { zh: '归档', en: 'Archive' },
  logArchive: { zh: '工作日志归档', en: 'Work log archive' },
  review: { zh: '周报', en: 'Review' },
} as const;

export type SheetRole = keyof typeof SHEET_NAMES;

/** SLA state codes written (as labels) into the `SLA状态` column. */
export type SlaState = 'onTrack' | 'atRisk' | 'breached' | 'met' | 'missed';
export type SlaHint = 'needsEscalation' | 'updateOverdue';

export const SLA_LABELS: Record<SlaState | SlaHint, { zh: string; en: string }> = {
  onTrack: { zh: '正常', en: 'On track' },
  atRisk: { zh: '有风险', en: 'At risk' },
  breached: { zh: '已超时', en: 'Breached' },
  met: { zh: '已达成', en: 'Met' },
  missed: { zh: '未达成', en: 'Missed' },
  needsEscalation: { zh: '需升级', en: 'Needs escalation' },
  updateOverdue: { zh: '待更新', en: 'Update overdue' },
};
