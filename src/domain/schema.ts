// The ticket sheet's fields and value sets, in both languages. Cells hold the locale's label; the
// code works with the canonical codes below and recognises either language (and common synonyms)
// on read, because teams adopt sheets they already filled by hand.

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
  | 'firstResponseAt'
  | 'lastUpdateAt'
  | 'responseDueAt'
  | 'resolveDueAt'
  | 'slaStatus';

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

export const FIELDS: readonly FieldDef[] = [
  f('id', '问题编号', 'Ticket ID', 'id', 130, { auto: true, aliases: ['ID', '编号', '工单号', 'Ticket', 'Ticket No'] }),
  f('title', '问题标题', 'Title', 'text', 180, { aliases: ['标题', 'Subject', 'Summary'] }),
  f('department', '所属部门/区域', 'Department / Location', 'text', 140, {
    aliases: ['部门', '所属部门', 'Department', 'Location', 'Department/Location'],
  }),
  f('description', '问题描述', 'Description', 'longText', 260, { aliases: ['描述', 'Details'] }),
  f('urgency', '紧急程度', 'Urgency', 'enum', 80, { enumName: 'urgency', aliases: ['优先级', 'Priority'] }),
  f('submitter', '提交人', 'Submitter', 'text', 90, { aliases: ['报告人', 'Requester', 'Reporter'] }),
  f('contact', '联系方式', 'Contact', 'text', 130, { aliases: ['联系电话', 'Phone', 'Email'] }),
  f('submittedAt', '提交时间', 'Submitted at', 'dateTime', 130, {
    auto: true,
    aliases: ['创建时间', 'Created', 'Created at', 'Submitted', 'Date'],
  }),
  f('status', '当前状态', 'Status', 'enum', 90, { enumName: 'status', aliases: ['状态', 'State'] }),
  f('assignee', '负责人', 'Assignee', 'text', 100, { aliases: ['处理人', 'Owner', 'Agent', 'Assigned to'] }),
  f('workLog', '处理过程记录', 'Work log', 'log', 280, { aliases: ['处理过程', 'Log', 'Work notes'] }),
  f('solution', '解决方案', 'Solution', 'longText', 220, { aliases: ['Resolution'] }),
  f('resolvedAt', '解决时间', 'Resolved at', 'dateTime', 130, { auto: true, aliases: ['Resolved'] }),
  f('feedback', '提交人反馈', 'Submitter feedback', 'enum', 120, { enumName: 'feedback', aliases: ['反馈', 'Feedback'] }),
  f('notes', '备注', 'Notes', 'longText', 160, { aliases: ['Remarks', 'Comments'] }),
  f('category', '问题类型', 'Category', 'enum', 80, { template: false, enumName: 'category', aliases: ['类型', '分类', 'Type'] }),
  f('tier', '支持级别', 'Tier', 'enum', 80, { template: false, enumName: 'tier', aliases: ['Support tier', 'Level'] }),
  f('firstResponseAt', '首次响应时间', 'First response at', 'dateTime', 130, { template: false, auto: true }),
  f('lastUpdateAt', '最近更新时间', 'Last update at', 'dateTime', 130, { template: false, auto: true }),
  f('responseDueAt', '响应截止', 'Response due', 'dateTime', 130, { template: false, auto: true }),
  f('resolveDueAt', '解决截止', 'Resolution due', 'dateTime', 130, { template: false, auto: true }),
  f('slaStatus', 'SLA状态', 'SLA status', 'text', 120, { template: false, auto: true, aliases: ['SLA'] }),
];

export const FIELD_BY_KEY: Readonly<Record<FieldKey, FieldDef>> = Object.fromEntries(
  FIELDS.map((d) => [d.key, d]),
) as Record<FieldKey, FieldDef>;

export type EnumName = 'urgency' | 'status' | 'category' | 'tier' | 'feedback';
export type Urgency = 'high' | 'medium' | 'low';
export type Status = 'pending' | 'inProgress' | 'resolved' | 'closed';
export type Category = 'hardware' | 'software' | 'network' | 'access' | 'other';
export type Tier = 'tier1' | 'tier2';
export type Rating = 'satisfied' | 'basic' | 'unsatisfied';
/** Feedback pair: resolved yes/no and a rating, e.g. `yes:satisfied` ⇄ `是;满意`. */
export type Feedback = `${'yes' | 'no'}:${Rating}`;

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
    { code: 'high', zh: '高', en: 'High', synonyms: ['紧急', '高紧急', 'urgent', 'critical', 'p1', '1'] },
    { code: 'medium', zh: '中', en: 'Medium', synonyms: ['一般', 'normal', 'med', 'p2', '2'] },
    { code: 'low', zh: '低', en: 'Low', synonyms: ['不急', 'minor', 'p3', '3'] },
  ],
  status: [
    { code: 'pending', zh: '待处理', en: 'Pending', synonyms: ['open', 'new', '新建', '未处理', 'todo', 'to do'] },
    { code: 'inProgress', zh: '处理中', en: 'In progress', synonyms: ['doing', 'working', '进行中', 'in-progress', 'wip'] },
    { code: 'resolved', zh: '已解决', en: 'Resolved', synonyms: ['done', 'fixed', 'solved', '完成', '已完成'] },
    { code: 'closed', zh: '已关闭', en: 'Closed', synonyms: ['关闭', 'archived', '已归档'] },
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
  feedback: (['yes', 'no'] as const).flatMap((yn) =>
    RATINGS.map((r) => ({
      code: `${yn}:${r.code}`,
      zh: `${yn === 'yes' ? '是' : '否'};${r.zh}`,
      en: `${yn === 'yes' ? 'Yes' : 'No'}; ${r.en}`,
      synonyms: [],
    })),
  ),
};

export const RATING_VALUES = RATINGS;

const norm = (s: string): string =>
  s
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');

/** Normalised code, labels and synonyms → code, per enum (first value wins, as the scan did). */
const ENUM_INDEX = new Map<EnumName, Map<string, string>>();
function enumIndex(name: EnumName): Map<string, string> {
  let m = ENUM_INDEX.get(name);
  if (!m) {
    m = new Map();
    for (const v of ENUMS[name]) for (const x of [v.code, v.zh, v.en, ...v.synonyms]) if (!m.has(norm(x))) m.set(norm(x), v.code);
    ENUM_INDEX.set(name, m);
  }
  return m;
}

/** Canonical code for a cell value in either language or a known synonym; null if unknown. */
export function parseEnum(name: EnumName, raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  const index = enumIndex(name);
  // Cells usually hold the exact label: skip normalising then (whole-sheet reads parse 50,000 rows).
  const exact = typeof raw === 'string' ? index.get(raw) : undefined;
  if (exact !== undefined) return exact;
  const s = norm(String(raw));
  if (!s) return null;
  const hit = index.get(s);
  if (hit !== undefined) return hit;
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
  const v = ENUMS[name].find((x) => x.code === code);
  if (!v) throw new Error(`unknown ${name} code: ${code}`);
  return v[lang];
}

export function enumLabels(name: EnumName, lang: Lang): string[] {
  return ENUMS[name].map((v) => v[lang]);
}

const HEADER_INDEX: Map<string, FieldKey> = (() => {
  const m = new Map<string, FieldKey>();
  for (const d of FIELDS) {
    for (const h of [d.zh, d.en, d.key, ...(d.aliases ?? [])]) {
      const k = norm(h);
      if (!m.has(k)) m.set(k, d.key);
    }
  }
  return m;
})();

/** The field a header cell names (Chinese, English, key or alias), or null for a column of the team's own. */
export function fieldForHeader(header: unknown): FieldKey | null {
  if (typeof header !== 'string') return null;
  return HEADER_INDEX.get(norm(header)) ?? null;
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
