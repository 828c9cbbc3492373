// The tracker's vocabulary (src/domain/schema.ts): the enums and their labels, the fields and their
// headers, and (issue 23, issue 20) the headers, priorities and statuses as teams spell them in
// osTicket, ServiceNow/ITIL, helpdesk datasets, Chinese 工单 lists, Excel templates and traditional
// Chinese. Over 400 lines: the spellings are tables, one case each.
import type { EnumName, FieldKey } from '../../src/domain/schema';
import {
  ENUMS,
  FIELDS,
  FIELD_BY_KEY,
  SHEET_NAMES,
  enumLabel,
  enumLabels,
  fieldForHeader,
  headerKey,
  headerLabel,
  isNotOpenStatus,
  parseEnum,
} from '../../src/domain/schema';

describe('parseEnum: every value by zh label, en label and code', () => {
  const cases: [EnumName, string, string, string][] = [];
  for (const name of Object.keys(ENUMS) as EnumName[]) {
    for (const v of ENUMS[name]) cases.push([name, v.code, v.zh, v.en]);
  }
  it('covers all 5 enums and 21 values', () => {
    expect(new Set(cases.map((c) => c[0]))).toEqual(
      new Set(['urgency', 'status', 'category', 'tier', 'feedback']),
    );
    // feedback: 6 yes/no pairs and 无回复 (auto-close, issue 18)
    expect(cases).toHaveLength(3 + 4 + 5 + 2 + 7);
  });
  it.each(cases)('%s %s ⇐ zh %s / en %s', (name, code, zh, en) => {
    expect(parseEnum(name, zh)).toBe(code);
    expect(parseEnum(name, en)).toBe(code);
    expect(parseEnum(name, code)).toBe(code);
    expect(parseEnum(name, en.toUpperCase())).toBe(code);
    expect(parseEnum(name, en.toLowerCase())).toBe(code);
    expect(parseEnum(name, `  ${zh}\t`)).toBe(code);
    expect(parseEnum(name, `\u3000${en}\u3000`)).toBe(code);
  });
});

describe('parseEnum: synonyms and variants', () => {
  it.each([
    ['urgency', '紧急', 'high'],
    ['urgency', '高紧急', 'high'],
    ['urgency', 'URGENT', 'high'],
    ['urgency', 'P1', 'high'],
    ['urgency', 1, 'high'],
    ['urgency', '一般', 'medium'],
    ['urgency', 'Normal', 'medium'],
    ['urgency', 'p3', 'low'],
    ['urgency', '不急', 'low'],
    ['status', 'open', 'pending'],
    ['status', '新建', 'pending'],
    ['status', 'To Do', 'pending'],
    ['status', 'to_do', 'pending'],
    ['status', 'IN-PROGRESS', 'inProgress'],
    ['status', 'in_progress', 'inProgress'],
    ['status', 'In   Progress', 'inProgress'],
    ['status', 'inprogress', 'inProgress'],
    ['status', '进行中', 'inProgress'],
    ['status', 'Done', 'resolved'],
    ['status', '已完成', 'resolved'],
    ['status', '关闭', 'closed'],
    ['status', '已归档', 'closed'],
    ['category', 'HW', 'hardware'],
    ['category', '设备', 'hardware'],
    ['category', '系统', 'software'],
    ['category', 'VPN', 'network'],
    ['category', 'permissions', 'access'],
    ['category', '账号', 'access'],
    ['category', '其它', 'other'],
    ['tier', '1线', 'tier1'],
    ['tier', 'L2', 'tier2'],
    ['tier', 'tier 2', 'tier2'],
    ['tier', 'Tier2', 'tier2'],
    ['tier', '二级', 'tier2'],
  ] as [EnumName, unknown, string][])('%s %p → %s', (name, raw, code) => {
    expect(parseEnum(name, raw)).toBe(code);
  });

  it('NFKC: full-width Latin letters, digits and spaces', () => {
    expect(parseEnum('status', 'Ｉｎ\u3000ｐｒｏｇｒｅｓｓ')).toBe('inProgress');
    expect(parseEnum('urgency', 'ＨＩＧＨ')).toBe('high');
    expect(parseEnum('urgency', 'Ｐ２')).toBe('medium');
    expect(parseEnum('tier', 'Ｔｉｅｒ　１')).toBe('tier1');
    expect(parseEnum('category', 'ｖｐｎ')).toBe('network');
  });
});

describe('parseEnum: feedback pairs', () => {
  it.each([
    ['是;满意', 'yes:satisfied'],
    ['是；满意', 'yes:satisfied'],
    ['是; 满意', 'yes:satisfied'],
    ['是 ; 满意', 'yes:satisfied'],
    ['是,基本满意', 'yes:basic'],
    ['是，基本满意', 'yes:basic'],
    ['否;不满意', 'no:unsatisfied'],
    ['否；基本满意', 'no:basic'],
    ['是/满意', 'yes:satisfied'],
    ['Yes; Basically satisfied', 'yes:basic'],
    ['yes;basically satisfied', 'yes:basic'],
    ['YES; SATISFIED', 'yes:satisfied'],
    ['Yes - Basically satisfied', 'yes:basic'],
    ['no, unsatisfied', 'no:unsatisfied'],
    ['No; Satisfied', 'no:satisfied'],
    ['n, ok', 'no:basic'],
    ['y / good', 'yes:satisfied'],
    ['yes;满意', 'yes:satisfied'],
    ['否, dissatisfied', 'no:unsatisfied'],
    ['Ｙｅｓ；Ｓａｔｉｓｆｉｅｄ', 'yes:satisfied'],
    ['yes:basic', 'yes:basic'],
    ['no:unsatisfied', 'no:unsatisfied'],
  ])('%p → %s', (raw, code) => {
    expect(parseEnum('feedback', raw)).toBe(code);
  });

  it.each(['是', '满意', 'yes', '是;', ';满意', '是;很好吧', 'maybe; satisfied', '是;满意;满意', '对;满意'])(
    '%p → null',
    (raw) => {
      expect(parseEnum('feedback', raw)).toBeNull();
    },
  );

  it('a feedback pair is not an urgency or a status', () => {
    expect(parseEnum('status', '是;满意')).toBeNull();
    expect(parseEnum('urgency', 'yes, satisfied')).toBeNull();
  });
});

describe('parseEnum: unknown values', () => {
  it.each([
    ['urgency', '超高'],
    ['urgency', 'P9'],
    ['urgency', '6'],
    ['urgency', '7 - Whenever'],
    ['urgency', 0],
    ['status', '待定'],
    ['status', 'pend'],
    ['category', '硬件/软件'],
    ['category', 'Other stuff'],
    ['tier', '三线'],
    ['tier', 'tier3'],
  ] as [EnumName, unknown][])('%s %p → null', (name, raw) => {
    expect(parseEnum(name, raw)).toBeNull();
  });

  it.each([null, undefined, '', '   ', '\u3000'])('empty %p → null', (raw) => {
    for (const name of Object.keys(ENUMS) as EnumName[]) expect(parseEnum(name, raw)).toBeNull();
  });

  it('does not match labels of another enum', () => {
    expect(parseEnum('urgency', '待处理')).toBeNull();
    expect(parseEnum('status', '高')).toBeNull();
    expect(parseEnum('tier', 'high')).toBeNull();
  });
});

describe('enumLabel / enumLabels', () => {
  it('labels in both languages', () => {
    expect(enumLabel('urgency', 'high', 'zh')).toBe('高');
    expect(enumLabel('urgency', 'high', 'en')).toBe('High');
    expect(enumLabel('status', 'inProgress', 'zh')).toBe('处理中');
    expect(enumLabel('status', 'inProgress', 'en')).toBe('In progress');
    expect(enumLabel('feedback', 'yes:satisfied', 'zh')).toBe('是;满意');
    expect(enumLabel('feedback', 'no:basic', 'en')).toBe('No; Basically satisfied');
    expect(enumLabel('tier', 'tier2', 'zh')).toBe('二线');
    expect(enumLabel('category', 'access', 'zh')).toBe('权限');
  });

  it('throws for an unknown code', () => {
    expect(() => enumLabel('urgency', 'urgent', 'zh')).toThrow(/unknown urgency code: urgent/);
    expect(() => enumLabel('status', '待处理', 'zh')).toThrow();
  });

  it('lists in the seed order', () => {
    expect(enumLabels('urgency', 'zh')).toEqual(['高', '中', '低']);
    expect(enumLabels('urgency', 'en')).toEqual(['High', 'Medium', 'Low']);
    expect(enumLabels('status', 'zh')).toEqual(['待处理', '处理中', '已解决', '已关闭']);
    expect(enumLabels('category', 'zh')).toEqual(['硬件', '软件', '网络', '权限', '其他']);
    expect(enumLabels('tier', 'zh')).toEqual(['一线', '二线']);
    expect(enumLabels('feedback', 'zh')).toEqual([
      '是;满意',
      '是;基本满意',
      '是;不满意',
      '否;满意',
      '否;基本满意',
      '否;不满意',
      '无回复',
    ]);
    expect(enumLabels('feedback', 'en')).toHaveLength(7);
  });

  it('every label round-trips through parseEnum', () => {
    for (const name of Object.keys(ENUMS) as EnumName[]) {
      for (const lang of ['zh', 'en'] as const) {
        const labels = enumLabels(name, lang);
        expect(new Set(labels).size).toBe(labels.length);
        for (const l of labels) expect(enumLabel(name, parseEnum(name, l) as string, lang)).toBe(l);
      }
    }
  });

  it('no synonym or label is shared between two values of one enum', () => {
    const norm = (s: string) =>
      s
        .normalize('NFKC')
        .trim()
        .toLowerCase()
        .replace(/[\s_]+/g, ' ');
    for (const name of Object.keys(ENUMS) as EnumName[]) {
      const seen = new Map<string, string>();
      for (const v of ENUMS[name]) {
        for (const s of new Set([v.code, v.zh, v.en, ...v.synonyms].map(norm))) {
          expect([name, s, seen.get(s) ?? v.code]).toEqual([name, s, v.code]);
          seen.set(s, v.code);
        }
      }
    }
  });
});

describe('fields and headers', () => {
  it('template columns in the seed order, then the add-on columns', () => {
    expect(FIELDS.filter((f) => f.template).map((f) => f.zh)).toEqual([
      '问题编号',
      '问题标题',
      '所属部门/区域',
      '问题描述',
      '紧急程度',
      '提交人',
      '联系方式',
      '提交时间',
      '当前状态',
      '负责人',
      '处理过程记录',
      '解决方案',
      '解决时间',
      '提交人反馈',
      '备注',
    ]);
    expect(FIELDS.filter((f) => !f.template).map((f) => f.key)).toEqual([
      'category',
      'tier',
      'notifyEmail',
      'lastReplyAt',
      'firstResponseAt',
      'lastUpdateAt',
      'responseDueAt',
      'resolveDueAt',
      'slaStatus',
      'waiting',
      'record',
    ]);
    const firstAdded = FIELDS.findIndex((f) => !f.template);
    expect(FIELDS.slice(firstAdded).every((f) => !f.template)).toBe(true);
  });

  it('auto columns', () => {
    expect(
      FIELDS.filter((f) => f.auto)
        .map((f) => f.key)
        .sort(),
    ).toEqual(
      [
        'id',
        'submittedAt',
        'resolvedAt',
        'lastReplyAt',
        'firstResponseAt',
        'lastUpdateAt',
        'responseDueAt',
        'resolveDueAt',
        'slaStatus',
        'waiting',
        'record',
      ].sort(),
    );
  });

  it('enum fields name their value set', () => {
    for (const f of FIELDS) expect(f.kind === 'enum').toBe(f.enumName !== undefined);
    expect(FIELD_BY_KEY.feedback.enumName).toBe('feedback');
    expect(FIELD_BY_KEY.category.enumName).toBe('category');
  });

  it('every zh/en/key header maps back to its field', () => {
    for (const f of FIELDS) {
      expect(fieldForHeader(f.zh)).toBe(f.key);
      expect(fieldForHeader(f.en)).toBe(f.key);
      expect(fieldForHeader(f.key)).toBe(f.key);
      expect(fieldForHeader(headerLabel(f.key, 'zh'))).toBe(f.key);
      expect(fieldForHeader(headerLabel(f.key, 'en'))).toBe(f.key);
      for (const a of f.aliases ?? []) expect([a, fieldForHeader(a)]).toEqual([a, f.key]);
    }
  });

  it.each([
    ['  问题编号 ', 'id'],
    ['ticket id', 'id'],
    ['TICKET ID', 'id'],
    ['Ticket_ID', 'id'],
    ['Ticket\nID', 'id'],
    ['ＩＤ', 'id'],
    ['编号', 'id'],
    ['工单号', 'id'],
    ['Subject', 'title'],
    ['department / location', 'department'],
    ['Department/Location', 'department'],
    ['部门', 'department'],
    ['优先级', 'urgency'],
    ['Priority', 'urgency'],
    ['Requester', 'submitter'],
    ['Email', 'contact'],
    ['创建时间', 'submittedAt'],
    ['submitted at', 'submittedAt'],
    ['状态', 'status'],
    ['Owner', 'assignee'],
    ['处理过程', 'workLog'],
    ['Resolution', 'solution'],
    ['Resolved', 'resolvedAt'],
    ['反馈', 'feedback'],
    ['Remarks', 'notes'],
    ['分类', 'category'],
    ['Support tier', 'tier'],
    ['SLA', 'slaStatus'],
    ['sla状态', 'slaStatus'],
    ['Resolution due', 'resolveDueAt'],
  ] as [string, FieldKey][])('header %p → %s', (h, key) => {
    expect(fieldForHeader(h)).toBe(key);
  });

  it.each([
    ['客户等级'],
    ['Cost center'],
    [''],
    ['   '],
    ['问题'],
    ['Ticket ID 2'],
    [null],
    [undefined],
    [42],
    [new Date(0)],
    [['问题编号']],
  ])('garbage header %p → null', (h) => {
    expect(fieldForHeader(h)).toBeNull();
  });

  it('no header spelling is claimed by two fields', () => {
    const norm = (s: string) =>
      s
        .normalize('NFKC')
        .trim()
        .toLowerCase()
        .replace(/[\s_]+/g, ' ');
    const owner = new Map<string, FieldKey>();
    for (const f of FIELDS) {
      for (const h of [f.zh, f.en, f.key, ...(f.aliases ?? [])]) {
        const k = norm(h);
        expect([k, owner.get(k) ?? f.key]).toEqual([k, f.key]);
        owner.set(k, f.key);
      }
    }
  });

  it('sheet names in both languages', () => {
    expect(SHEET_NAMES.tickets).toEqual({ zh: '工单', en: 'Tickets' });
    expect(SHEET_NAMES.knowledge.zh).toBe('知识库');
    expect(SHEET_NAMES.audit.zh).toBe('操作日志');
  });
});

describe('header vocabulary (issue 23)', () => {
  it.each([
    ['Ticket Number', 'id'],
    ['TicketID', 'id'],
    ['ticket-id', 'id'],
    ['Ticket #', 'id'],
    ['number', 'id'],
    ['Issue ID', 'id'],
    ['工单编号', 'id'],
    ['工单ID', 'id'],
    ['Subject', 'title'],
    ['Issue Summary', 'title'],
    ['short_description', 'title'],
    ['Ticket Subject', 'title'],
    ['Date Created', 'submittedAt'],
    ['Created', 'submittedAt'],
    ['opened_at', 'submittedAt'],
    ['创建时间', 'submittedAt'],
    ['Date Resolved', 'resolvedAt'],
    ['resolved_at', 'resolvedAt'],
    ['完成时间', 'resolvedAt'],
    ['Current Status', 'status'],
    ['State', 'status'],
    ['incident_state', 'status'],
    ['Ticket Status', 'status'],
    ['工单状态', 'status'],
    ['Assigned To', 'assignee'],
    ['Agent', 'assignee'],
    ['Technician', 'assignee'],
    ['Owner', 'assignee'],
    ['处理人', 'assignee'],
    ['From', 'submitter'],
    ['Requester', 'submitter'],
    ['申请人', 'submitter'],
    ['Type', 'category'],
    ['类别', 'category'],
    ['Category', 'category'],
    ['Ticket Type', 'category'],
    ['Severity', 'urgency'],
    ['Impact', 'urgency'],
    ['Priority', 'urgency'],
    ['Ticket Priority', 'urgency'],
    ['Ticket Description', 'description'],
    ['Resolution Summary', 'solution'],
    ['From Email', 'contact'],
    ['Last Updated', 'lastUpdateAt'],
  ] as [string, FieldKey][])('%p → %s', (h, key) => {
    expect(fieldForHeader(h)).toBe(key);
  });

  it.each([
    'Due Date',
    'Overdue',
    'Thread Count',
    'reassignment_count',
    'made_sla',
    'Cost centre',
    'Days open',
    'problem_id',
    'Answered',
  ])('%p stays the team’s own column', (h) => {
    expect(fieldForHeader(h)).toBeNull();
  });

  it('no header key is claimed by two fields', () => {
    const owner = new Map<string, FieldKey>();
    for (const f of FIELDS) {
      for (const h of [f.zh, f.en, f.key, ...(f.aliases ?? [])]) {
        const k = headerKey(h);
        expect([h, owner.get(k) ?? f.key]).toEqual([h, f.key]);
        owner.set(k, f.key);
      }
    }
  });
});

describe('traditional Chinese headers and values (issue 20)', () => {
  it.each([
    ['問題編號', 'id'],
    ['問題標題', 'title'],
    ['所屬部門/區域', 'department'],
    ['問題描述', 'description'],
    ['緊急程度', 'urgency'],
    ['聯繫方式', 'contact'],
    ['聯絡方式', 'contact'],
    ['提交時間', 'submittedAt'],
    ['當前狀態', 'status'],
    ['負責人', 'assignee'],
    ['處理過程記錄', 'workLog'],
    ['解決方案', 'solution'],
    ['解決時間', 'resolvedAt'],
    ['提交人反饋', 'feedback'],
    ['備註', 'notes'],
    ['問題類型', 'category'],
    ['支持級別', 'tier'],
    ['首次響應時間', 'firstResponseAt'],
    ['工單編號', 'id'],
    ['優先級', 'urgency'],
    ['處理人', 'assignee'],
    ['申請人', 'submitter'],
    ['SLA狀態', 'slaStatus'],
  ] as [string, FieldKey][])('%p → %s', (h, key) => {
    expect(fieldForHeader(h)).toBe(key);
  });

  it.each([
    ['status', '待處理', 'pending'],
    ['status', '處理中', 'inProgress'],
    ['status', '已解決', 'resolved'],
    ['status', '已關閉', 'closed'],
    ['feedback', '是;滿意', 'yes:satisfied'],
  ] as const)('%s %p → %s', (name, raw, code) => {
    expect(parseEnum(name, raw)).toBe(code);
  });
});

describe('priorities and statuses as teams spell them (issue 23)', () => {
  it.each([
    ['Emergency', 'high'],
    ['Critical', 'high'],
    ['P1', 'high'],
    ['P2', 'medium'],
    ['P3', 'low'],
    ['P4', 'low'],
    ['2 - Medium', 'medium'],
    ['1 - Critical', 'high'],
    ['2 - High', 'high'],
    ['3 - Moderate', 'medium'],
    ['4 - Low', 'low'],
    ['5 - Planning', 'low'],
    ['紧急', 'high'],
    ['緊急', 'high'],
    ['Highest', 'high'],
    ['Minor', 'low'],
  ])('urgency %p → %s', (raw, code) => {
    expect(parseEnum('urgency', raw)).toBe(code);
  });

  it.each([
    ['Active', 'inProgress'],
    ['Awaiting User Info', 'inProgress'],
    ['Pending Customer Response', 'inProgress'],
    ['Completed', 'resolved'],
    ['已处理', 'resolved'],
    ['New', 'pending'],
    ['1 - New', 'pending'],
  ])('status %p → %s', (raw, code) => {
    expect(parseEnum('status', raw)).toBe(code);
    expect(isNotOpenStatus(raw)).toBe(false);
  });

  it.each(['Cancelled', 'Canceled', 'On Hold', 'on-hold', 'Draft', '已取消', '草稿', '已作废', '掛起'])(
    'status %p is not open: read as closed, recognised as the team’s own word',
    (raw) => {
      expect(parseEnum('status', raw)).toBe('closed');
      expect(isNotOpenStatus(raw)).toBe(true);
    },
  );

  it('our own closed labels are not "not open" words', () => {
    for (const s of ['Closed', '已关闭', '关闭', '已結案']) expect(isNotOpenStatus(s)).toBe(false);
  });
});
