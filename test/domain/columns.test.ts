import type { FieldKey, Lang } from '../../src/domain/schema';
import { FIELDS } from '../../src/domain/schema';
import type { ColumnMap } from '../../src/domain/columns';
import {
  columnLetter,
  HEADER_SCAN_ROWS,
  cellToInstant,
  detectHeader,
  fieldToCell,
  matchHeaderRow,
  missingFields,
  rowToTicket,
} from '../../src/domain/columns';
import type { Ticket } from '../../src/domain/ticket';
import { blankTicket } from '../../src/domain/ticket';
import { intlZone } from '../../src/domain/zone';
import { OSTICKET_EXPORT_HEADER } from './osTicketExport';

const SH = intlZone('Asia/Shanghai');
const UTC = intlZone('UTC');
const LON = intlZone('Europe/London');

const ZH_HEADERS = FIELDS.filter((f) => f.template).map((f) => f.zh);

describe('detectHeader', () => {
  it('the seed template in Chinese, first row', () => {
    const m = detectHeader([ZH_HEADERS, ['IT20240501001', 'CRM系统数据库连接错误']]);
    expect(m).not.toBeNull();
    expect(m!.row).toBe(0);
    expect(m!.extra).toEqual([]);
    FIELDS.filter((f) => f.template).forEach((f, i) =>
      expect([f.key, m!.columns[f.key]]).toEqual([f.key, i]),
    );
    expect(missingFields(m!.columns)).toEqual([
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
  });

  it('English headers in another order, with the team’s own columns reported as extra', () => {
    const header = [
      'Status',
      'Cost center',
      'Title',
      'Ticket ID',
      '',
      'Urgency',
      'Submitted at',
      'VIP?',
      'SLA status',
      null,
    ];
    const m = detectHeader([header]);
    expect(m).toEqual({
      row: 0,
      columns: { status: 0, title: 2, id: 3, urgency: 5, submittedAt: 6, slaStatus: 8 },
      extra: [
        { index: 1, header: 'Cost center' },
        { index: 7, header: 'VIP?' },
      ],
    });
  });

  it('a title row (and a blank row) above the header', () => {
    const m = detectHeader([
      ['技术问题解决与支持工作表'],
      [],
      ['', ...ZH_HEADERS.slice(0, 5), '客户等级'],
      ['', 'IT20240501001'],
    ]);
    expect(m!.row).toBe(2);
    expect(m!.columns).toEqual({ id: 1, title: 2, department: 3, description: 4, urgency: 5 });
    expect(m!.extra).toEqual([{ index: 6, header: '客户等级' }]);
  });

  it('a title row that itself names a field is not mistaken for the header', () => {
    const m = detectHeader([['问题编号', '', ''], ZH_HEADERS]);
    expect(m!.row).toBe(1);
  });

  it('picks the row with most recognised fields', () => {
    const m = detectHeader([
      ['ID', 'Title', 'Status'],
      ['ID', 'Title', 'Status', 'Urgency', 'Assignee'],
    ]);
    expect(m!.row).toBe(1);
  });

  it('mixed languages and aliases', () => {
    const m = detectHeader([['编号', 'Subject', '状态', 'Priority', '负责人', '备注']]);
    expect(m!.columns).toEqual({ id: 0, title: 1, status: 2, urgency: 3, assignee: 4, notes: 5 });
  });

  it('a repeated header: first wins, the repeat is kept as extra', () => {
    const m = detectHeader([['问题编号', '问题标题', '备注', 'Notes']]);
    expect(m!.columns).toEqual({ id: 0, title: 1, notes: 2 });
    expect(m!.extra).toEqual([{ index: 3, header: 'Notes' }]);
  });

  it.each([
    ['too few recognised', [['问题编号', '问题标题', '客户']]],
    ['three fields but neither id nor title', [['当前状态', '负责人', '紧急程度', '备注']]],
    ['empty sheet', []],
    ['blank rows', [[], ['', null, undefined]]],
    ['data only', [['IT20240501001', 'CRM错误', '高', '处理中']]],
  ])('%s → null', (_name, rows) => {
    expect(detectHeader(rows as unknown[][])).toBeNull();
  });

  it(`looks at the first ${HEADER_SCAN_ROWS} rows only`, () => {
    const blank = Array.from({ length: HEADER_SCAN_ROWS }, () => ['']);
    expect(detectHeader([...blank.slice(1), ZH_HEADERS])!.row).toBe(HEADER_SCAN_ROWS - 1);
    expect(detectHeader([...blank, ZH_HEADERS])).toBeNull();
  });
});

describe('cellToInstant', () => {
  const at = (iso: string) => Date.parse(iso);

  it('a Date cell is its instant, whatever the zone', () => {
    const d = new Date('2024-05-01T01:15:00Z');
    expect(cellToInstant(d, SH)).toBe(d.getTime());
    expect(cellToInstant(d, UTC)).toBe(d.getTime());
    expect(cellToInstant(new Date(NaN), SH)).toBeNull();
  });

  it.each([
    ['2024-05-01 09:15', '2024-05-01T09:15:00+08:00'],
    ['2024-05-0109:15', '2024-05-01T09:15:00+08:00'], // the seed's own spelling
    ['2024-05-0110:30', '2024-05-01T10:30:00+08:00'],
    ['2024/5/1 9:15', '2024-05-01T09:15:00+08:00'],
    ['2024.05.01 09:15:30', '2024-05-01T09:15:30+08:00'],
    ['2024年5月1日 9:15', '2024-05-01T09:15:00+08:00'],
    ['2024年5月1日9：15', '2024-05-01T09:15:00+08:00'],
    ['  2024-05-01  ', '2024-05-01T00:00:00+08:00'],
    ['2024-05-01', '2024-05-01T00:00:00+08:00'],
    ['2024-12-31 23:59', '2024-12-31T23:59:00+08:00'],
    ['2024-02-29 12:00', '2024-02-29T12:00:00+08:00'],
  ])('%p in Asia/Shanghai', (s, iso) => {
    expect(cellToInstant(s, SH)).toBe(at(iso));
  });

  it('the same text names different instants in different zones', () => {
    expect(cellToInstant('2024-05-01 09:15', UTC)).toBe(at('2024-05-01T09:15:00Z'));
    expect(cellToInstant('2024-05-0109:15', UTC)).toBe(at('2024-05-01T09:15:00Z'));
    expect(cellToInstant('2024-05-01 09:15', LON)).toBe(at('2024-05-01T09:15:00+01:00'));
    expect(cellToInstant('2024-01-15 09:15', LON)).toBe(at('2024-01-15T09:15:00Z'));
    expect(
      (cellToInstant('2024-05-01 09:15', UTC) as number) - (cellToInstant('2024-05-01 09:15', SH) as number),
    ).toBe(8 * 3600_000);
  });

  it.each([
    ['garbage'],
    [''],
    ['IT20240501001'],
    ['09:15'],
    ['2024-05'],
    ['24-05-01 09:15'],
    ['2024-13-01'],
    ['2024-00-10'],
    ['2024-05-32'],
    ['2024-02-30'],
    ['2023-02-29 10:00'],
    ['2024-04-31'],
    ['2024-05-01 25:00'],
    ['2024-05-01 09:60'],
    ['2024-05-01 09:15:61'],
    ['2024-05-01 09:15 tomorrow'],
    [45413.38],
    [null],
    [undefined],
    [true],
    [{}],
  ])('%p → null', (v) => {
    expect(cellToInstant(v, SH)).toBeNull();
  });
});

const sample = (): Ticket => ({
  id: 'IT20240501001',
  title: 'CRM系统数据库连接错误',
  department: '销售部/北京分公司',
  description: '上午9点打开CRM系统提示“数据库连接错误”,3名销售无法录入客户;重启电脑无效',
  urgency: 'high',
  submitter: '小明',
  contact: '内线8888',
  submittedAt: Date.parse('2024-05-01T09:15:00+08:00'),
  status: 'inProgress',
  assignee: '李工程师',
  workLog: '2024-05-01 09:30 张工: 远程协助\n2024-05-01 09:45 李工程师: 重启服务',
  solution: '重启数据库服务并配置开机自启',
  resolvedAt: Date.parse('2024-05-01T10:30:00+08:00'),
  feedback: 'yes:satisfied',
  notes: '待供应商确认补丁发布时间',
  category: 'software',
  tier: 'tier2',
  notifyEmail: 'xiaoming@example.com',
  lastReplyAt: Date.parse('2024-05-01T10:00:00+08:00'),
  firstResponseAt: Date.parse('2024-05-01T09:30:00+08:00'),
  lastUpdateAt: Date.parse('2024-05-01T10:30:00+08:00'),
  responseDueAt: Date.parse('2024-05-01T10:15:00+08:00'),
  resolveDueAt: Date.parse('2024-05-01T11:15:00+08:00'),
  slaStatus: 'met',
  waiting: '',
  record: '',
});

describe('rowToTicket / fieldToCell', () => {
  const newDate = (ms: number) => new Date(ms);
  const allColumns = (order: FieldKey[]): ColumnMap => Object.fromEntries(order.map((k, i) => [k, i]));

  it.each(['zh', 'en'] as Lang[])('a full ticket round-trips through %s cells', (lang) => {
    const keys = FIELDS.map((f) => f.key).reverse(); // columns in an unusual order
    const columns = allColumns(keys);
    const tk = sample();
    const row = keys.map((k) => fieldToCell(k, tk[k], lang, newDate));
    expect(rowToTicket(row, columns, SH)).toEqual(tk);
    expect(rowToTicket(row, columns, UTC)).toEqual(tk); // Date cells do not depend on the zone
  });

  it('cells hold labels in the sheet language and Dates', () => {
    const tk = sample();
    expect(fieldToCell('urgency', tk.urgency, 'zh', newDate)).toBe('高');
    expect(fieldToCell('urgency', tk.urgency, 'en', newDate)).toBe('High');
    expect(fieldToCell('status', tk.status, 'zh', newDate)).toBe('处理中');
    expect(fieldToCell('feedback', tk.feedback, 'zh', newDate)).toBe('是;满意');
    expect(fieldToCell('feedback', tk.feedback, 'en', newDate)).toBe('Yes; Satisfied');
    expect(fieldToCell('tier', tk.tier, 'zh', newDate)).toBe('二线');
    expect(fieldToCell('category', tk.category, 'en', newDate)).toBe('Software');
    expect(fieldToCell('submittedAt', tk.submittedAt, 'zh', newDate)).toEqual(
      new Date(tk.submittedAt as number),
    );
    expect(fieldToCell('title', tk.title, 'zh', newDate)).toBe(tk.title);
    expect(fieldToCell('id', tk.id, 'en', newDate)).toBe(tk.id);
  });

  it('empty values become empty cells', () => {
    for (const k of [
      'urgency',
      'status',
      'feedback',
      'resolvedAt',
      'title',
      'firstResponseAt',
    ] as FieldKey[]) {
      expect(fieldToCell(k, null, 'zh', newDate)).toBe('');
      expect(fieldToCell(k, '', 'zh', newDate)).toBe('');
    }
  });

  it('uses the caller’s Date factory', () => {
    const made: number[] = [];
    fieldToCell('resolvedAt', 123, 'zh', (ms) => (made.push(ms), new Date(ms)));
    expect(made).toEqual([123]);
  });

  it('an empty ticket round-trips', () => {
    const columns = allColumns(FIELDS.map((f) => f.key));
    const empty = rowToTicket([], columns, SH);
    expect(empty).toEqual(blankTicket());
    const row = FIELDS.map((f) => fieldToCell(f.key, empty[f.key], 'zh', newDate));
    expect(row.every((c) => c === '')).toBe(true);
  });

  it('a hand-kept row: synonyms, text dates, numbers, missing columns, extra columns', () => {
    const columns: ColumnMap = {
      id: 1,
      title: 2,
      urgency: 3,
      contact: 4,
      submittedAt: 5,
      status: 6,
      feedback: 7,
      resolvedAt: 8,
    };
    const tk = rowToTicket(
      ['客户A', ' IT20240501001 ', 'VPN断开', '紧急', 8888, '2024-05-0109:15', 'Done', '是；满意', '垃圾'],
      columns,
      SH,
    );
    expect(tk.id).toBe('IT20240501001');
    expect(tk.title).toBe('VPN断开');
    expect(tk.urgency).toBe('high');
    expect(tk.contact).toBe('8888');
    expect(tk.submittedAt).toBe(Date.parse('2024-05-01T09:15:00+08:00'));
    expect(tk.status).toBe('resolved');
    expect(tk.feedback).toBe('yes:satisfied');
    expect(tk.resolvedAt).toBeNull();
    expect(tk.department).toBe('');
    expect(tk.category).toBeNull();
  });

  it('unknown enum values read as null', () => {
    const tk = rowToTicket(['超高', '待定', '还行'], { urgency: 0, status: 1, feedback: 2 }, SH);
    expect([tk.urgency, tk.status, tk.feedback]).toEqual([null, null, null]);
  });

  it('fieldToCell refuses an unknown enum code', () => {
    expect(() => fieldToCell('urgency', 'urgent' as never, 'zh', newDate)).toThrow();
  });
});

describe('columnLetter', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [703, 'AAA'],
  ])('%i → %s', (n, letters) => expect(columnLetter(n)).toBe(letters));
});

describe('a team’s header row (issue 23)', () => {
  it('when two columns claim a field the better alias wins and the other stays the team’s', () => {
    // osTicket export
    const os = matchHeaderRow(OSTICKET_EXPORT_HEADER);
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
