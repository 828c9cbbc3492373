// Issue 23: headers, priorities and statuses as teams spell them (osTicket, ServiceNow/ITIL,
// helpdesk datasets, Chinese 工单 lists, Excel templates); issue 20: traditional Chinese headers.
import type { FieldKey } from '../../src/domain/schema';
import { FIELDS, fieldForHeader, headerKey, isNotOpenStatus, parseEnum } from '../../src/domain/schema';
import { detectHeader, matchHeaderRow } from '../../src/domain/columns';
import { foldTraditional } from '../../src/domain/hanzi';

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

  it('when two columns claim a field the better alias wins and the other stays the team’s', () => {
    // osTicket export
    const os = matchHeaderRow([
      'Ticket Number',
      'Date Created',
      'Subject',
      'From',
      'From Email',
      'Priority',
      'Department',
      'Help Topic',
      'Source',
      'Current Status',
      'Last Updated',
      'Due Date',
      'Overdue',
      'Answered',
      'Assigned To',
      'Agent Assigned',
      'Team Assigned',
    ]);
    expect(os.columns).toEqual({
      id: 0,
      submittedAt: 1,
      title: 2,
      submitter: 3,
      contact: 4,
      urgency: 5,
      department: 6,
      category: 7,
      status: 9,
      lastUpdateAt: 10,
      assignee: 14,
    });
    expect(os.extra.map((e) => e.header)).toEqual([
      'Source',
      'Due Date',
      'Overdue',
      'Answered',
      'Agent Assigned',
      'Team Assigned',
    ]);
    // ServiceNow incident event log: urgency beats priority and impact; assigned_to beats resolved_by.
    const itil = matchHeaderRow([
      'number',
      'incident_state',
      'active',
      'caller_id',
      'opened_by',
      'opened_at',
      'sys_created_at',
      'sys_updated_at',
      'location',
      'category',
      'impact',
      'urgency',
      'priority',
      'assigned_to',
      'resolved_by',
      'resolved_at',
      'closed_at',
    ]);
    expect(itil.columns).toMatchObject({
      id: 0,
      status: 1,
      submitter: 3,
      submittedAt: 5,
      lastUpdateAt: 7,
      department: 8,
      category: 9,
      urgency: 11,
      assignee: 13,
      resolvedAt: 15,
    });
    expect(itil.extra.map((e) => e.header)).toEqual(
      expect.arrayContaining([
        'impact',
        'priority',
        'opened_by',
        'resolved_by',
        'closed_at',
        'sys_created_at',
      ]),
    );
  });

  it('finds the header below a title row', () => {
    const m = detectHeader([
      ['IT Issue Tracker 2025', '', ''],
      ['', '', ''],
      ['Issue ID', 'Issue Summary', 'Date Reported', 'Reported By', 'Status', 'Priority'],
    ]);
    expect(m?.row).toBe(2);
    expect(m?.columns).toEqual({ id: 0, title: 1, submittedAt: 2, submitter: 3, status: 4, urgency: 5 });
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

  it('every simplified header of ours has a traditional spelling that folds back', () => {
    expect(foldTraditional('問題編號')).toBe('问题编号');
    expect(foldTraditional('Ticket 編號 #1')).toBe('Ticket 编号 #1');
    expect(foldTraditional('plain')).toBe('plain');
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
