// The ticket workflow (src/domain/workflow.ts): the allowed moves, the actions offered and each
// action's changes, tampered requests and labels. Over ~400 lines: one module's cases, one
// describe per action.
import type { Lang, Status } from '../../src/domain/schema';
import { enumLabel } from '../../src/domain/schema';
import type { ActionContext, ActionName, ActionResult, TicketChanges } from '../../src/domain/workflow';
import {
  ACTIONS,
  actionLabel,
  appendLog,
  applyAction,
  availableActions,
  canMove,
  parseRating,
} from '../../src/domain/workflow';
import type { Ticket } from '../../src/domain/ticket';
import { blankTicket } from '../../src/domain/ticket';
import { t } from '../../src/domain/i18n';
import { formatLocal, intlZone } from '../../src/domain/zone';

const SH = intlZone('Asia/Shanghai');
const T0 = Date.parse('2024-05-01T09:15:00+08:00');
const MIN = 60_000;

const ctx = (over: Partial<ActionContext> = {}): ActionContext => ({
  now: T0 + 15 * MIN,
  by: '张工',
  lang: 'zh',
  agents: [
    { name: '张工', tier: 'tier1' },
    { name: '王工', tier: 'tier1' },
    { name: '李工程师', tier: 'tier2' },
  ],
  stamp: (ms) => formatLocal(ms, SH, 'minute'),
  ...over,
});

const ticket = (over: Partial<Ticket> = {}): Ticket => ({
  ...blankTicket(),
  id: 'IT20240501001',
  title: 'CRM系统数据库连接错误',
  department: '销售部/北京分公司',
  description: '上午9点打开CRM系统提示“数据库连接错误”',
  urgency: 'high',
  submitter: '小明',
  contact: '内线8888',
  submittedAt: T0,
  status: 'pending',
  category: 'software',
  ...over,
});

const changesOf = (r: ActionResult): TicketChanges => {
  if (!r.ok) throw new Error(`refused: ${r.message}`);
  return r.changes;
};
const refusal = (r: ActionResult) => {
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r.changes)}`);
  return r;
};
const apply = (tk: Ticket, c: TicketChanges): Ticket => ({ ...tk, ...c });

const STATUSES: Status[] = ['pending', 'inProgress', 'resolved', 'closed'];

/** A payload each action accepts. */
const GOOD: Record<ActionName, Record<string, unknown>> = {
  accept: {},
  assign: { assignee: '王工' },
  escalate: { reason: '涉及生产数据库', assignee: '李工程师' },
  note: { text: '已远程检查' },
  resolve: { solution: '重启数据库服务' },
  feedback: { resolved: true, rating: '满意' },
  close: { reason: '重复提交' },
  reopen: {},
  wait: { kind: 'requester', reason: '请提供截图' },
  endWait: { reason: '已收到' },
};

describe('canMove: all 16 pairs', () => {
  const allowed = new Set([
    'pending>pending',
    'pending>inProgress',
    'pending>closed',
    'inProgress>inProgress',
    'inProgress>resolved',
    'resolved>resolved',
    'resolved>inProgress',
    'resolved>closed',
    'closed>closed',
  ]);
  const pairs = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as [Status, Status]));
  it('has 16 pairs', () => expect(pairs).toHaveLength(16));
  it.each(pairs)('%s → %s', (from, to) => {
    expect(canMove(from, to)).toBe(allowed.has(`${from}>${to}`));
  });
  it('a row without a status counts as pending', () => {
    for (const to of STATUSES) expect(canMove(null, to)).toBe(canMove('pending', to));
  });
});

describe('availableActions', () => {
  it.each([
    ['pending', ['accept', 'assign', 'escalate', 'note', 'wait', 'close']],
    ['inProgress', ['accept', 'assign', 'escalate', 'note', 'wait', 'resolve']],
    ['resolved', ['note', 'feedback', 'close', 'reopen']],
    ['closed', []],
    [null, ['accept', 'assign', 'escalate', 'note', 'wait', 'close']],
  ] as [Status | null, ActionName[]][])('%s → %p', (status, actions) => {
    expect(availableActions({ status })).toEqual(actions);
  });

  const forbidden = STATUSES.flatMap((s) =>
    ACTIONS.filter((a) => !availableActions({ status: s }).includes(a)).map(
      (a) => [s, a] as [Status, ActionName],
    ),
  );

  it.each(forbidden)('in %s, %s is refused naming the status', (status, action) => {
    for (const lang of ['zh', 'en'] as Lang[]) {
      const r = refusal(
        applyAction(ticket({ status, solution: 'x', tier: 'tier1' }), action, GOOD[action], ctx({ lang })),
      );
      expect(r.field).toBeNull();
      expect(r.message).toBe(
        t(lang, 'actionNotAllowed', {
          action: actionLabel(action, lang),
          status: enumLabel('status', status, lang),
        }),
      );
      expect(r.message).toContain(enumLabel('status', status, lang));
    }
  });

  it('closed offers nothing and refuses everything', () => {
    for (const a of ACTIONS)
      expect(applyAction(ticket({ status: 'closed' }), a, GOOD[a], ctx()).ok).toBe(false);
  });

  const offered = STATUSES.flatMap((s) =>
    availableActions({ status: s }).map((a) => [s, a] as [Status, ActionName]),
  );
  it.each(offered)('in %s, %s with a good payload makes only allowed moves', (status, action) => {
    const tk = ticket({
      status,
      tier: 'tier1',
      assignee: '王工',
      resolvedAt: status === 'resolved' ? T0 + MIN : null,
    });
    const c = changesOf(applyAction(tk, action, GOOD[action], ctx()));
    if (c.status !== undefined) expect(canMove(status, c.status as Status)).toBe(true);
    expect(c.lastUpdateAt).toBe(ctx().now);
    expect(c.workLog).toMatch(/^2024-05-01 09:30 张工: /);
    expect(Object.keys(c)).not.toContain('id');
  });
});

describe('the happy path', () => {
  it('pending → accept → resolve → feedback yes → close', () => {
    let tk = ticket();
    const c1 = ctx({ now: T0 + 10 * MIN });
    const a = changesOf(applyAction(tk, 'accept', {}, c1));
    expect(a).toEqual({
      status: 'inProgress',
      assignee: '张工',
      lastUpdateAt: T0 + 10 * MIN,
      firstResponseAt: T0 + 10 * MIN,
      workLog: '2024-05-01 09:25 张工: 已受理',
    });
    tk = apply(tk, a);

    const r = changesOf(
      applyAction(
        tk,
        'resolve',
        { solution: '  重启数据库服务并配置开机自启  ' },
        ctx({ now: T0 + 75 * MIN }),
      ),
    );
    expect(r.status).toBe('resolved');
    expect(r.solution).toBe('重启数据库服务并配置开机自启');
    expect(r.resolvedAt).toBe(T0 + 75 * MIN);
    expect(r).not.toHaveProperty('firstResponseAt');
    tk = apply(tk, r);

    const f = changesOf(
      applyAction(
        tk,
        'feedback',
        { resolved: true, rating: '满意' },
        ctx({ now: T0 + 90 * MIN, by: '小明' }),
      ),
    );
    expect(f.feedback).toBe('yes:satisfied');
    expect(f).not.toHaveProperty('status');
    expect(f).not.toHaveProperty('resolvedAt');
    tk = apply(tk, f);

    const c = changesOf(applyAction(tk, 'close', {}, ctx({ now: T0 + 120 * MIN })));
    expect(c.status).toBe('closed');
    tk = apply(tk, c);

    expect(tk.workLog.split('\n')).toEqual([
      '2024-05-01 09:25 张工: 已受理',
      '2024-05-01 10:30 张工: 已解决',
      '2024-05-01 10:45 小明: 提交人反馈：已解决，满意',
      '2024-05-01 11:15 张工: 已关闭',
    ]);
    expect(tk.firstResponseAt).toBe(T0 + 10 * MIN);
    expect(tk.resolvedAt).toBe(T0 + 75 * MIN);
    expect(availableActions(tk)).toEqual([]);
  });

  it('English log entries', () => {
    const c = changesOf(applyAction(ticket(), 'accept', {}, ctx({ lang: 'en', by: 'Zhang' })));
    expect(c.workLog).toBe('2024-05-01 09:30 Zhang: accepted');
  });
});

describe('close', () => {
  it('pending → closed needs a reason, which is logged', () => {
    const c = changesOf(applyAction(ticket(), 'close', { reason: '与 IT20240430007 重复' }, ctx()));
    expect(c.status).toBe('closed');
    expect(c.workLog).toBe('2024-05-01 09:30 张工: 关闭：与 IT20240430007 重复');
    expect(
      changesOf(applyAction(ticket(), 'close', { reason: 'duplicate' }, ctx({ lang: 'en' }))).workLog,
    ).toMatch(/closed: duplicate$/);
  });

  it('closing from pending is the first response (a status change out of 待处理)', () => {
    expect(changesOf(applyAction(ticket(), 'close', { reason: '重复' }, ctx())).firstResponseAt).toBe(
      ctx().now,
    );
    expect(
      changesOf(applyAction(ticket({ firstResponseAt: T0 }), 'close', { reason: '重复' }, ctx())),
    ).not.toHaveProperty('firstResponseAt');
  });

  it.each([undefined, '', '   ', 42, ['重复'], '\u0000'])(
    'pending close with reason %p is refused',
    (reason) => {
      const r = refusal(applyAction(ticket(), 'close', { reason }, ctx()));
      expect(r).toEqual({ ok: false, field: 'reason', message: t('zh', 'reasonRequired') });
    },
  );

  it('resolved → closed needs no reason', () => {
    expect(
      changesOf(applyAction(ticket({ status: 'resolved', firstResponseAt: T0 }), 'close', undefined, ctx()))
        .status,
    ).toBe('closed');
  });
});

describe('reopen and feedback', () => {
  const resolved = () =>
    ticket({
      status: 'resolved',
      resolvedAt: T0 + 60 * MIN,
      solution: '重启',
      firstResponseAt: T0 + 5 * MIN,
      assignee: '张工',
      workLog: '2024-05-01 09:20 张工: 已受理',
    });

  it('resolved → reopen clears resolvedAt', () => {
    const c = changesOf(applyAction(resolved(), 'reopen', { reason: '问题复现' }, ctx()));
    expect(c).toEqual({
      status: 'inProgress',
      resolvedAt: null,
      lastUpdateAt: ctx().now,
      workLog: '2024-05-01 09:20 张工: 已受理\n2024-05-01 09:30 张工: 重新打开：问题复现',
    });
    expect(changesOf(applyAction(resolved(), 'reopen', {}, ctx())).workLog).toMatch(/重新打开$/);
    expect(changesOf(applyAction(resolved(), 'reopen', {}, ctx({ lang: 'en' }))).workLog).toMatch(
      /reopened$/,
    );
  });

  it('feedback no reopens and clears resolvedAt', () => {
    const c = changesOf(
      applyAction(resolved(), 'feedback', { resolved: false, rating: '不满意' }, ctx({ by: '小明' })),
    );
    expect(c.feedback).toBe('no:unsatisfied');
    expect(c.status).toBe('inProgress');
    expect(c.resolvedAt).toBeNull();
    expect(c.workLog).toMatch(/\n2024-05-01 09:30 小明: 提交人反馈：未解决，不满意，重新打开$/);
    expect(canMove('resolved', c.status as Status)).toBe(true);
  });

  it.each([
    ['满意', 'satisfied'],
    ['基本满意', 'basic'],
    ['不满意', 'unsatisfied'],
    ['Satisfied', 'satisfied'],
    ['Basically satisfied', 'basic'],
    ['basic', 'basic'],
    ['UNSATISFIED', 'unsatisfied'],
    [' 一般 ', 'basic'],
  ])('rating %p → %s', (rating, code) => {
    expect(changesOf(applyAction(resolved(), 'feedback', { resolved: true, rating }, ctx())).feedback).toBe(
      `yes:${code}`,
    );
    expect(parseRating(rating)).toBe(code);
  });

  it.each([
    [{ resolved: 'true', rating: '满意' }, 'resolved'],
    [{ resolved: 1, rating: '满意' }, 'resolved'],
    [{ rating: '满意' }, 'resolved'],
    [{ resolved: true }, 'rating'],
    [{ resolved: true, rating: '非常好' }, 'rating'],
    [{ resolved: true, rating: ['满意'] }, 'rating'],
    [{ resolved: false, rating: 3 }, 'rating'],
  ])('feedback %p is refused on %s', (payload, field) => {
    const r = refusal(applyAction(resolved(), 'feedback', payload, ctx()));
    expect(r.field).toBe(field);
  });

  it('English feedback entry', () => {
    const c = changesOf(
      applyAction(
        resolved(),
        'feedback',
        { resolved: true, rating: 'basic' },
        ctx({ lang: 'en', by: 'Ming' }),
      ),
    );
    expect(c.workLog).toMatch(/2024-05-01 09:30 Ming: requester feedback: resolved, basically satisfied$/);
  });
});

describe('escalate', () => {
  it('requires a reason', () => {
    for (const payload of [{}, { reason: '' }, { reason: '  ' }, { reason: 5 }, null]) {
      expect(refusal(applyAction(ticket({ status: 'inProgress' }), 'escalate', payload, ctx()))).toEqual({
        ok: false,
        field: 'reason',
        message: '请填写原因。',
      });
    }
  });

  it('sets tier 2, hands over to the tier-2 agent and logs it with the background and what was tried', () => {
    const c = changesOf(
      applyAction(
        ticket({ status: 'inProgress', tier: 'tier1', firstResponseAt: T0 }),
        'escalate',
        { reason: '生产系统中断', assignee: '李工程师', background: '全员无法登录', tried: '重启服务\n检查日志' },
        ctx(),
      ),
    );
    expect(c).toEqual({
      tier: 'tier2',
      assignee: '李工程师',
      lastUpdateAt: ctx().now,
      workLog: '2024-05-01 09:30 张工: 升级至二线（李工程师）：生产系统中断\n  背景：全员无法登录\n  已尝试：重启服务\n  检查日志',
    });
  });

  it('needs a tier-2 agent: none named, a tier-1 agent, nobody at tier 2 in the settings', () => {
    const tk = ticket({ status: 'inProgress' });
    expect(refusal(applyAction(tk, 'escalate', { reason: 'x' }, ctx()))).toEqual({ ok: false, field: 'assignee', message: '请选择接手的二线支持人员。' });
    expect(refusal(applyAction(tk, 'escalate', { reason: 'x', assignee: '王工' }, ctx({ lang: 'en' })))).toEqual({
      ok: false,
      field: 'assignee',
      message: '"王工" is not a tier-2 agent: choose someone whose tier is Tier 2 in the Settings sheet.',
    });
    const noTier2 = ctx({ agents: [{ name: '张工', tier: 'tier1' }] });
    expect(refusal(applyAction(tk, 'escalate', { reason: 'x' }, noTier2)).message).toMatch(/没有二线人员/);
    expect(refusal(applyAction(tk, 'escalate', { reason: 'x', assignee: ['李工程师'] }, ctx())).field).toBe('assignee');
    expect(refusal(applyAction(tk, 'escalate', { reason: 'x', assignee: '李工程师', tried: 'x'.repeat(5001) }, ctx())).field).toBe('tried');
  });

  it('with a named tier-2 agent, assigns them', () => {
    const c = changesOf(
      applyAction(
        ticket({ status: 'inProgress', assignee: '张工' }),
        'escalate',
        { reason: '需查数据库', assignee: '李工程师' },
        ctx({ lang: 'en' }),
      ),
    );
    expect(c.tier).toBe('tier2');
    expect(c.assignee).toBe('李工程师');
    expect(c.workLog).toBe('2024-05-01 09:30 张工: escalated to tier 2 (李工程师): 需查数据库');
  });

  it('refuses an unknown agent and a ticket already at tier 2', () => {
    expect(
      refusal(
        applyAction(ticket({ status: 'inProgress' }), 'escalate', { reason: 'x', assignee: '赵六' }, ctx()),
      ).field,
    ).toBe('assignee');
    const r = refusal(
      applyAction(ticket({ status: 'inProgress', tier: 'tier2' }), 'escalate', { reason: 'x', assignee: '李工程师' }, ctx()),
    );
    expect(r.message).toContain('二线');
  });

  it('from pending keeps the status but counts as a response', () => {
    const c = changesOf(applyAction(ticket(), 'escalate', { reason: '核心业务中断', assignee: '李工程师' }, ctx()));
    expect(c).not.toHaveProperty('status');
    expect(c.firstResponseAt).toBe(ctx().now);
  });
});

describe('assign and accept', () => {
  it('assign a known agent; the tier follows the agent unless already set', () => {
    expect(changesOf(applyAction(ticket(), 'assign', { assignee: '李工程师' }, ctx()))).toMatchObject({
      assignee: '李工程师',
      tier: 'tier2',
    });
    expect(
      changesOf(applyAction(ticket({ tier: 'tier1' }), 'assign', { assignee: '李工程师' }, ctx())).tier,
    ).toBe('tier1');
    expect(changesOf(applyAction(ticket(), 'assign', { assignee: ' 王工 ' }, ctx())).workLog).toBe(
      '2024-05-01 09:30 张工: 指派给 王工',
    );
  });

  it('assign refuses unknown or missing agents', () => {
    expect(refusal(applyAction(ticket(), 'assign', { assignee: '赵六' }, ctx()))).toEqual({
      ok: false,
      field: 'assignee',
      message: '「赵六」不在设置的支持人员名单中。',
    });
    expect(refusal(applyAction(ticket(), 'assign', {}, ctx())).field).toBe('assignee');
    expect(refusal(applyAction(ticket(), 'assign', { assignee: ['王工'] }, ctx())).field).toBe('assignee');
  });

  it('accept by someone else takes the ticket over; by its own assignee is refused', () => {
    expect(
      changesOf(
        applyAction(
          ticket({ status: 'inProgress', assignee: '王工', firstResponseAt: T0 }),
          'accept',
          {},
          ctx(),
        ),
      ).assignee,
    ).toBe('张工');
    const r = refusal(applyAction(ticket({ status: 'inProgress', assignee: '张工' }), 'accept', {}, ctx()));
    expect(r.message).toContain('处理中');
  });
});

describe('notes and the work log', () => {
  it('appends `yyyy-MM-dd HH:mm 姓名: text`, newest last', () => {
    let tk = ticket({ status: 'inProgress', workLog: '09:30检查数据库服务器,发觉服务异常终止' });
    tk = apply(
      tk,
      changesOf(applyAction(tk, 'note', { text: '已定位到数据库连接超时' }, ctx({ now: T0 + 60 * MIN }))),
    );
    tk = apply(
      tk,
      changesOf(
        applyAction(tk, 'note', { text: '正在优化参数' }, ctx({ now: T0 + 125 * MIN, by: '李工程师' })),
      ),
    );
    expect(tk.workLog.split('\n')).toEqual([
      '09:30检查数据库服务器,发觉服务异常终止',
      '2024-05-01 10:15 张工: 已定位到数据库连接超时',
      '2024-05-01 11:20 李工程师: 正在优化参数',
    ]);
  });

  it('a multi-line note becomes one entry, its further lines indented', () => {
    expect(
      changesOf(
        applyAction(ticket({ status: 'inProgress' }), 'note', { text: '第一行\n  第二行\r\n第三行' }, ctx()),
      ).workLog,
    ).toBe('2024-05-01 09:30 张工: 第一行\n  第二行\n  第三行');
  });

  it.each([undefined, '', '   ', 7, { text: 'x' }, 'bad\u0000', 'x'.repeat(5001)])(
    'note %p is refused',
    (text) => {
      const r = refusal(applyAction(ticket({ status: 'inProgress' }), 'note', { text }, ctx()));
      expect(r.field).toBe('text');
    },
  );

  it('a 5000-character note is accepted', () => {
    expect(applyAction(ticket({ status: 'inProgress' }), 'note', { text: '记'.repeat(5000) }, ctx()).ok).toBe(
      true,
    );
  });

  it.each([
    ['', 'B', 'B'],
    ['   \n', 'B', 'B'],
    ['A', 'B', 'A\nB'],
    ['A\n', 'B', 'A\nB'],
    ['A  \n\n', 'B', 'A\nB'],
    ['A\nB', 'C', 'A\nB\nC'],
  ])('appendLog(%p, %p) → %p', (log, entry, out) => {
    expect(appendLog(log, entry)).toBe(out);
  });
});

describe('first response', () => {
  it.each([
    ['accept', {}],
    ['note', { text: '已联系提交人' }],
    ['escalate', { reason: '核心业务', assignee: '李工程师' }],
    ['assign', { assignee: '王工' }],
    ['close', { reason: '重复' }],
  ] as [ActionName, Record<string, unknown>][])('%s on a new ticket stamps it', (action, payload) => {
    expect(changesOf(applyAction(ticket(), action, payload, ctx())).firstResponseAt).toBe(ctx().now);
  });

  it('is stamped only once', () => {
    let tk = ticket();
    tk = apply(tk, changesOf(applyAction(tk, 'note', { text: '收到' }, ctx({ now: T0 + 5 * MIN }))));
    expect(tk.firstResponseAt).toBe(T0 + 5 * MIN);
    for (const [action, payload] of [
      ['accept', {}],
      ['note', { text: '处理中' }],
      ['escalate', { reason: '升级', assignee: '李工程师' }],
      ['resolve', { solution: '已修复' }],
    ] as [ActionName, Record<string, unknown>][]) {
      const c = changesOf(applyAction(tk, action, payload, ctx({ now: tk.lastUpdateAt! + 10 * MIN })));
      expect([action, c.firstResponseAt]).toEqual([action, undefined]);
      tk = apply(tk, c);
    }
    expect(tk.firstResponseAt).toBe(T0 + 5 * MIN);
  });

  it('resolving a hand-moved ticket with no stamp stamps it', () => {
    expect(
      changesOf(applyAction(ticket({ status: 'inProgress' }), 'resolve', { solution: 'x' }, ctx()))
        .firstResponseAt,
    ).toBe(ctx().now);
  });
});

describe('resolve', () => {
  it('needs a solution', () => {
    for (const payload of [{}, { solution: '' }, { solution: '  ' }, { solution: 1 }]) {
      expect(refusal(applyAction(ticket({ status: 'inProgress' }), 'resolve', payload, ctx()))).toEqual({
        ok: false,
        field: 'solution',
        message: t('zh', 'solutionRequired'),
      });
    }
  });

  it('uses the solution already on the ticket when none is sent', () => {
    expect(
      changesOf(applyAction(ticket({ status: 'inProgress', solution: ' 重启服务 ' }), 'resolve', {}, ctx()))
        .solution,
    ).toBe('重启服务');
  });

  it('an explicit empty solution is not replaced by the old one', () => {
    expect(
      applyAction(ticket({ status: 'inProgress', solution: '重启服务' }), 'resolve', { solution: '' }, ctx())
        .ok,
    ).toBe(false);
  });
});

describe('tampered requests', () => {
  it.each([
    'toString',
    '__proto__',
    'constructor',
    'ACCEPT',
    'accept ',
    '',
    'delete',
    42,
    null,
    undefined,
    ['accept'],
    { name: 'accept' },
  ])('action %p is a bad request', (action) => {
    expect(refusal(applyAction(ticket(), action, {}, ctx()))).toEqual({
      ok: false,
      field: null,
      message: t('zh', 'badRequest'),
    });
    expect(refusal(applyAction(ticket(), action, {}, ctx({ lang: 'en' }))).message).toBe(
      t('en', 'badRequest'),
    );
  });

  it.each([null, undefined, 'text=hi', 42, ['hi'], true])('payload %p is treated as empty', (payload) => {
    expect(refusal(applyAction(ticket(), 'note', payload, ctx())).field).toBe('text');
    expect(changesOf(applyAction(ticket(), 'accept', payload, ctx())).status).toBe('inProgress');
  });

  it('payload keys that are not for the action are ignored', () => {
    const c = changesOf(
      applyAction(
        ticket(),
        'note',
        { text: 'hi', status: 'closed', id: 'IT1', firstResponseAt: 0, tier: 'tier2' },
        ctx(),
      ),
    );
    expect(Object.keys(c).sort()).toEqual(['firstResponseAt', 'lastUpdateAt', 'workLog']);
    expect(c.firstResponseAt).toBe(ctx().now);
  });

  it('does not mutate the ticket', () => {
    const tk = ticket();
    const copy = { ...tk };
    applyAction(tk, 'accept', {}, ctx());
    applyAction(tk, 'close', { reason: 'x' }, ctx());
    expect(tk).toEqual(copy);
  });
});

describe('labels', () => {
  it('every action has a label in both languages', () => {
    for (const a of ACTIONS) {
      expect(actionLabel(a, 'zh')).toBeTruthy();
      expect(actionLabel(a, 'en')).toBeTruthy();
    }
    expect(actionLabel('reopen', 'zh')).toBe('重新打开');
  });
});
