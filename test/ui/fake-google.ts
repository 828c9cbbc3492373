// A fake google.script.run for looking at the sidebars without Apps Script: canned, contract-typed
// responses in Chinese or English. Injected by test/ui/harness.ts before the page's own script.
// The page URL chooses the case: ?lang=zh|en&scenario=<name>&delay=<ms>
//   scenarios: (none) happy path · server-errors (submit returns field errors) · throw (submit and
//   actions fail in withFailureHandler) · conflict (actions report a concurrent change) ·
//   not-found (getTicketView fails) · closed (a closed ticket: no actions)
// Every call is recorded in window.__calls as [name, ...args] so tests can count submits.
// Over ~400 lines: canned responses for every sidebar call in two languages and each scenario.
import type {
  ActionOutcome,
  ArticleSuggestion,
  IntakeFormModel,
  SubmitResult,
  TicketView,
  TicketViewResult,
  TicketViewText,
} from '../../src/app/contracts';
import type { ActionPayload, IntakeForm } from '../../src/ui/client/run';
import { catalog, t } from '../../src/domain/i18n';

type Lang = 'zh' | 'en';
const params = new URLSearchParams(location.search);
const lang: Lang = params.get('lang') === 'en' ? 'en' : 'zh';
const scenario = params.get('scenario') || '';
const delay = Number(params.get('delay') || 60);
const zh = lang === 'zh';
const calls: unknown[][] = [];
(window as any).__calls = calls;

function intakeModel(): IntakeFormModel {
  const help = zh
    ? {
        title: '简明概括核心问题,不超过 20 字,如「CRM系统数据库连接错误」',
        department: '提交人所在部门或办公地点,如「销售部/北京分公司」',
        description:
          '请写明:问题现象(具体错误提示)、影响范围、发生时间、已尝试的解决方法。避免「系统不好用」这类笼统描述。',
        urgency: '影响业务中断时请选「高」并电话通知支持团队',
        category: '不确定可选「其他」,支持人员会重新分类',
        submitter: '您的姓名',
        contact: '内线电话或企业邮箱(请勿填写个人手机号)',
      }
    : {
        title: 'The core problem in at most 20 characters, e.g. "CRM database connection error"',
        department: 'Your department or office, e.g. "Sales / Beijing branch"',
        description:
          'Say what happens (the exact error), who is affected, since when, and what you already tried. Avoid vague text like "the system is bad".',
        urgency: 'If business has stopped, choose High and also phone the support team',
        category: 'Not sure? Choose Other; the agent will reclassify',
        submitter: 'Your name',
        contact: 'Internal extension or company email (no personal mobile number)',
      };
  const labels = zh
    ? {
        title: '问题标题',
        department: '所属部门/区域',
        description: '问题描述',
        urgency: '紧急程度',
        category: '问题类型',
        submitter: '提交人',
        contact: '联系方式',
      }
    : {
        title: 'Title',
        department: 'Department / Location',
        description: 'Description',
        urgency: 'Urgency',
        category: 'Category',
        submitter: 'Submitter',
        contact: 'Contact',
      };
  const field = (key: keyof typeof help, required: boolean, maxLength?: number) => ({
    key,
    label: labels[key],
    help: help[key],
    required,
    maxLength,
  });
  return {
    lang,
    title: zh ? '提交技术问题' : 'Report a problem',
    fields: [
      field('title', true, zh ? 20 : 60), // 20 字 = 60 Latin characters (src/domain/titleLength.ts)
      field('department', true, 100),
      field('description', true, 50000),
      field('urgency', true),
      field('category', false),
      field('submitter', true, 50),
      field('contact', true, 100),
    ],
    departments: zh
      ? ['销售部/北京分公司', '财务部/上海总部', '研发部/深圳']
      : ['Sales / Beijing', 'Finance / Shanghai HQ', 'R&D / Shenzhen'],
    urgencies: [
      {
        value: 'high',
        label: zh ? '高' : 'High',
        hint: zh
          ? '影响核心业务(如生产系统中断),需立即处理,并电话通知支持团队'
          : 'Core business stopped (e.g. production down): act now, and phone the support team',
      },
      {
        value: 'medium',
        label: zh ? '中' : 'Medium',
        hint: zh ? '影响部分工作,4 小时内解决' : 'Part of the work affected: solved within 4 hours',
      },
      {
        value: 'low',
        label: zh ? '低' : 'Low',
        hint: zh ? '非紧急,24 小时内解决' : 'Not urgent: solved within 24 hours',
      },
    ],
    categories: (zh
      ? ['硬件', '软件', '网络', '权限', '其他']
      : ['Hardware', 'Software', 'Network', 'Access', 'Other']
    ).map((label, i) => ({
      value: ['hardware', 'software', 'network', 'access', 'other'][i],
      label,
    })),
    // The server's words (src/app/intake.ts builds the same from the catalog).
    text: {
      tooLong: t(lang, 'titleTooLong', { max: '{max}', n: '{n}' }),
      ...catalog(lang).intakeForm,
      counter: '{n}/{max}',
      required: t(lang, 'required', { field: '{field}' }),
      requiredChoice: t(lang, 'requiredChoice', { field: '{field}' }),
      vague: t(lang, 'vagueDescription'),
      mobile: t(lang, 'personalMobile'),
      suggestionsEmpty: t(lang, 'suggestionsEmpty'),
      offline: t(lang, 'submitOffline'),
      failedKept: t(lang, 'submitFailedKept', { detail: '{detail}' }),
      retry: t(lang, 'retry'),
      controlChars: t(lang, 'controlChars', { field: '{field}' }),
      brokenChars: t(lang, 'brokenChars', { field: '{field}' }),
      bidiChars: t(lang, 'bidiChars', { field: '{field}' }),
    },
  };
}

const ARTICLES: ArticleSuggestion[] = zh
  ? [
      {
        id: 'IT20240501001',
        title: 'CRM系统数据库连接错误',
        category: '软件',
        solution: '重启数据库服务并配置开机自启。\n后续监控服务状态。',
        score: 0.82,
      },
      {
        id: 'IT20240428003',
        title: 'CRM 登录后页面空白',
        category: '软件',
        solution: '清除浏览器缓存后重新登录;仍不行请联系内线 8888。',
        score: 0.51,
      },
      {
        id: 'IT20240410007',
        title: 'VPN 连接后无法访问内网 <b>系统</b>',
        category: '网络',
        solution: '在 VPN 客户端中勾选「使用远程网关」。',
        score: 0.33,
      },
    ]
  : [
      {
        id: 'IT20240501001',
        title: 'CRM database connection error',
        category: 'Software',
        solution:
          'Restarted the database service and set it to start on boot.\nMonitor the service afterwards.',
        score: 0.82,
      },
      {
        id: 'IT20240428003',
        title: 'CRM blank page after login',
        category: 'Software',
        solution: 'Clear the browser cache and log in again; call ext 8888 if it persists.',
        score: 0.51,
      },
      {
        id: 'IT20240410007',
        title: 'VPN up but intranet <b>unreachable</b>',
        category: 'Network',
        solution: 'Tick "Use remote gateway" in the VPN client.',
        score: 0.33,
      },
    ];

// The English text leaves keys out on purpose: the sidebar's own fallbacks fill them.
const TICKET_TEXT: Partial<TicketViewText> = zh
  ? {
      ticketId: '问题编号',
      idPlaceholder: '留空 = 当前选中行',
      open: '打开',
      loading: '加载中…',
      sla: 'SLA',
      actions: '操作',
      noActions: '此状态下没有可执行的操作。',
      empty: '—',
      assignee: '负责人',
      reason: '原因',
      note: '记录内容',
      solution: '解决方案',
      resolvedQuestion: '问题是否已解决?',
      yes: '是',
      no: '否',
      rating: '评价',
      satisfied: '满意',
      basic: '基本满意',
      unsatisfied: '不满意',
      choose: '— 请选择 —',
      cancel: '取消',
      confirmClose: '确定关闭工单 {id} 吗?关闭后将归档到知识库。',
      working: '正在处理…',
      done: '已完成:{action}',
      reload: '重新加载',
      conflict: '工单已被他人修改,请重新加载后再操作。',
      failed: '操作失败,请重试。',
      breachedWord: '已超时',
      atRiskWord: '即将超时',
    }
  : {
      ticketId: 'Ticket ID',
      idPlaceholder: 'Empty = selected row',
      open: 'Open',
      sla: 'SLA',
      actions: 'Actions',
      assignee: 'Assignee',
      reason: 'Reason',
      note: 'Note',
      solution: 'Solution',
      resolvedQuestion: 'Is the problem solved?',
      yes: 'Yes',
      no: 'No',
      rating: 'Rating',
      satisfied: 'Satisfied',
      basic: 'Basically satisfied',
      unsatisfied: 'Unsatisfied',
      cancel: 'Cancel',
      confirmClose: 'Close ticket {id}? It will be archived to the knowledge base.',
      done: 'Done: {action}',
      reload: 'Reload',
      breachedWord: 'breached',
      atRiskWord: 'at risk',
      // the rest left out on purpose: the page's English fallbacks fill them in
    };

const STATUS = zh
  ? { pending: '待处理', inProgress: '处理中', resolved: '已解决', closed: '已关闭' }
  : { pending: 'Pending', inProgress: 'In progress', resolved: 'Resolved', closed: 'Closed' };
const ACTION_LABEL = zh
  ? {
      accept: '受理',
      assign: '指派',
      escalate: '升级',
      note: '记录',
      resolve: '解决',
      feedback: '反馈',
      close: '关闭',
      reopen: '重新打开',
    }
  : {
      accept: 'Accept',
      assign: 'Assign',
      escalate: 'Escalate',
      note: 'Add a note',
      resolve: 'Resolve',
      feedback: 'Record feedback',
      close: 'Close',
      reopen: 'Reopen',
    };
type Status = keyof typeof STATUS;
type Name = keyof typeof ACTION_LABEL;
const NEEDS: Record<Name, TicketView['actions'][number]['needs']> = {
  accept: [],
  assign: ['assignee'],
  escalate: ['reason', 'assignee'],
  note: ['text'],
  resolve: ['solution'],
  feedback: ['feedback'],
  close: [],
  reopen: ['reason'],
};
const AVAILABLE: Record<Status, Name[]> = {
  pending: ['accept', 'assign', 'escalate', 'note', 'close'],
  inProgress: ['accept', 'assign', 'escalate', 'note', 'resolve'],
  resolved: ['note', 'feedback', 'close', 'reopen'],
  closed: [],
};

const ticket = {
  id: 'IT20240501001',
  status: (scenario === 'closed' ? 'closed' : 'inProgress') as Status,
  assignee: zh ? '张工' : 'Zhang',
  solution: '',
  workLog: zh
    ? '2024-05-01 09:30 张工: 远程协助,发现数据库服务未启动\n2024-05-01 10:00 张工: 启动服务后测试正常,等待提交人确认'
    : '2024-05-01 09:30 Zhang: remote session, the database service was not running\n2024-05-01 10:00 Zhang: started it, test OK, waiting for the requester',
  version: 'v1',
};

function ticketView(): TicketView {
  const L = zh
    ? {
        id: '问题编号',
        title: '问题标题',
        department: '所属部门/区域',
        description: '问题描述',
        urgency: '紧急程度',
        submitter: '提交人',
        contact: '联系方式',
        submittedAt: '提交时间',
        status: '当前状态',
        assignee: '负责人',
        workLog: '处理过程记录',
        solution: '解决方案',
        feedback: '提交人反馈',
        notes: '备注',
      }
    : {
        id: 'Ticket ID',
        title: 'Title',
        department: 'Department / Location',
        description: 'Description',
        urgency: 'Urgency',
        submitter: 'Submitter',
        contact: 'Contact',
        submittedAt: 'Submitted at',
        status: 'Status',
        assignee: 'Assignee',
        workLog: 'Work log',
        solution: 'Solution',
        feedback: 'Submitter feedback',
        notes: 'Notes',
      };
  const V = zh
    ? {
        title: 'CRM系统数据库连接错误',
        department: '销售部/北京分公司',
        description: '上午9点打开CRM系统提示“数据库连接错误”,3名销售无法录入客户;重启电脑无效',
        urgency: '高',
        submitter: '小明',
        contact: '内线8888',
        submittedAt: '2024-05-01 09:15',
      }
    : {
        title: 'CRM database connection error',
        department: 'Sales / Beijing',
        description:
          'At 9:00 the CRM said "database connection error"; 3 sales staff cannot enter customers. Restarting the PC did not help.',
        urgency: 'High',
        submitter: 'Ming',
        contact: 'ext 8888',
        submittedAt: '2024-05-01 09:15',
      };
  const fields = (Object.keys(L) as (keyof typeof L)[]).map((key) => ({
    key,
    label: L[key],
    value:
      key === 'id'
        ? ticket.id
        : key === 'status'
          ? STATUS[ticket.status]
          : key === 'assignee'
            ? ticket.assignee
            : key === 'workLog'
              ? ticket.workLog
              : key === 'solution'
                ? ticket.solution
                : key === 'feedback' || key === 'notes'
                  ? ''
                  : V[key as keyof typeof V],
  }));
  const sla =
    ticket.status === 'closed'
      ? zh
        ? '已达成'
        : 'met'
      : ticket.status === 'resolved'
        ? zh
          ? '解决:已达成'
          : 'resolution met'
        : zh
          ? '解决已超时 35 分钟(截止 2024-05-01 11:15)'
          : 'Resolution breached by 35 min (due 2024-05-01 11:15)';
  return {
    ok: true,
    lang,
    id: ticket.id,
    version: ticket.version,
    fields,
    status: STATUS[ticket.status],
    slaText: sla,
    actions: AVAILABLE[ticket.status].map((name) => ({
      name,
      label: ACTION_LABEL[name],
      needs: ticket.status === 'pending' && name === 'close' ? ['reason'] : NEEDS[name],
    })),
    agents: zh ? ['张工', '李工程师', '王主管'] : ['Zhang', 'Li', 'Wang'],
    tier2Agents: zh ? ['李工程师'] : ['Li'],
    waiting: '',
    text: TICKET_TEXT as TicketViewText,
  };
}

const stamp = (s: string) => `${'2024-05-01 10:45'} ${zh ? '张工' : 'Zhang'}: ${s}`;
let serial = 1;

const server: Record<string, (...args: any[]) => unknown> = {
  getIntakeForm: (): IntakeFormModel => intakeModel(),
  submitTicket(form: IntakeForm, _token: string): SubmitResult {
    if (scenario === 'throw')
      throw new Error(
        zh
          ? '系统繁忙(其他人正在提交),请稍后重试。您填写的内容已保留。'
          : 'Busy (someone else is submitting); please try again. Your input has been kept.',
      );
    if (scenario === 'server-errors') {
      return {
        ok: false,
        code: 'invalid',
        errors: [
          {
            field: 'contact',
            message: zh
              ? '联系方式应为内线电话(如 内线8888)或企业邮箱。'
              : 'Contact should be an internal extension (e.g. ext 8888) or a company email.',
          },
          {
            field: 'department',
            message: zh
              ? '所属部门/区域太长:最多 100 个字符。'
              : 'Department / Location is too long: at most 100 characters.',
          },
          {
            field: null,
            message: zh
              ? '找不到工单表。请先在菜单中运行「初始化 / 修复工单表」。'
              : 'No ticket sheet found. Run "Set up / repair tracker" from the add-on menu first.',
          },
        ],
      };
    }
    const warnings =
      Array.from(form.description || '').length < 10
        ? [{ field: 'description', message: intakeModel().text.vague }]
        : [];
    return { ok: true, id: `IT20240501${String(serial++).padStart(3, '0')}`, duplicate: false, warnings };
  },
  suggestArticles: (text: string): ArticleSuggestion[] =>
    /crm|数据库|vpn|database/i.test(text) ? ARTICLES : [],
  markArticleHelpful: () => true,
  getTicketView(id?: string): TicketViewResult {
    if (scenario === 'not-found' || (id && id !== ticket.id))
      return {
        ok: false,
        code: 'notFound',
        message: zh ? `找不到工单 ${id || ''}。` : `Ticket ${id || ''} was not found.`,
        text: TICKET_TEXT as TicketViewText,
      };
    return ticketView();
  },
  applyTicketAction(id: string, action: Name, payload: ActionPayload, version: string): ActionOutcome {
    if (scenario === 'throw') throw new Error('NetworkError: Connection failure due to HTTP 0');
    if (scenario === 'conflict' || version !== ticket.version) {
      ticket.version = 'v2';
      return {
        ok: false,
        code: 'conflict',
        errors: [
          {
            field: null,
            message: zh
              ? `工单 ${id} 已被 李工程师 修改,请重新加载后再操作。`
              : `Ticket ${id} was changed by Li; reload it and try again.`,
          },
        ],
        conflict: true,
      };
    }
    if (action === 'resolve' && !payload.solution)
      return {
        ok: false,
        code: 'invalid',
        errors: [
          {
            field: 'solution',
            message: zh ? '标记为已解决前请填写解决方案。' : 'Please write the solution before resolving.',
          },
        ],
      };
    if ((action === 'escalate' || (action === 'close' && ticket.status === 'pending')) && !payload.reason)
      return {
        ok: false,
        code: 'invalid',
        errors: [{ field: 'reason', message: t(lang, 'reasonRequired') }],
      };
    if (action === 'feedback' && typeof payload.resolved !== 'boolean')
      return {
        ok: false,
        code: 'invalid',
        errors: [
          { field: 'resolved', message: t(lang, 'requiredChoice', { field: catalog(lang).actionInputs.resolved }) },
          ...(payload.rating
            ? []
            : [{ field: 'rating', message: t(lang, 'requiredChoice', { field: catalog(lang).actionInputs.rating }) }]),
        ],
      };
    const log = (s: string) => (ticket.workLog = `${ticket.workLog}\n${stamp(s)}`);
    switch (action) {
      case 'accept':
        ticket.status = 'inProgress';
        log(zh ? '已受理' : 'accepted');
        break;
      case 'assign':
        ticket.assignee = payload.assignee || '';
        log(zh ? `指派给 ${payload.assignee}` : `assigned to ${payload.assignee}`);
        break;
      case 'escalate':
        log(zh ? `升级至二线:${payload.reason}` : `escalated to tier 2: ${payload.reason}`);
        break;
      case 'note':
        log(payload.text || '');
        break;
      case 'resolve':
        ticket.status = 'resolved';
        ticket.solution = payload.solution || '';
        log(zh ? '已解决' : 'resolved');
        break;
      case 'feedback':
        if (!payload.resolved) ticket.status = 'inProgress';
        log(zh ? '提交人反馈' : 'requester feedback');
        break;
      case 'close':
        ticket.status = 'closed';
        log(zh ? '已关闭' : 'closed');
        break;
      case 'reopen':
        ticket.status = 'inProgress';
        log(zh ? '重新打开' : 'reopened');
        break;
    }
    ticket.version = `v${Number(ticket.version.slice(1)) + 1}`;
    return { ok: true, view: ticketView() };
  },
};

function makeRunner(onOk?: (v: unknown) => void, onErr?: (e: Error) => void): any {
  const runner: any = {
    withSuccessHandler: (f: (v: unknown) => void) => makeRunner(f, onErr),
    withFailureHandler: (f: (e: Error) => void) => makeRunner(onOk, f),
  };
  for (const name of Object.keys(server)) {
    runner[name] = (...args: unknown[]) => {
      calls.push([name, ...JSON.parse(JSON.stringify(args))]);
      setTimeout(() => {
        try {
          const value = server[name](...args);
          if (onOk) onOk(JSON.parse(JSON.stringify(value ?? null)));
        } catch (e) {
          if (onErr) onErr(e as Error);
        }
      }, delay);
    };
  }
  return runner;
}

(window as any).google = { script: { run: makeRunner(), host: { close: () => undefined } } };
