// The first-run demo workbook: setup done, then a few weeks of a realistic IT help desk played
// through the add-on's own entry points (submitTicket, applyTicketAction) at their clock times,
// with the time triggers firing in between, so every feature has something to show: all
// categories, urgencies and statuses, escalations, reopened tickets, a filled knowledge base, and
// open tickets that are at risk or overdue "now". Deterministic for a given seed and `now`.
//
// Over ~400 lines: one scripted story (weeks of tickets played in time order); splitting it
// would scatter a single timeline.
import type { LocalRuntime } from '../runtime';
import { fromWall, toWall } from '../runtime/zone';
import { prng } from '../bench/generate';
import { defaultSettings } from '../src/domain/settings';

/**
 * The demo's "now" unless DEMO_NOW says otherwise: a Wednesday mid-morning in the sheet's zone, so
 * that what a newcomer sees on first open is the same every day — working hours, SLA clocks
 * running, some open tickets amber (at risk) and some red (breached). The clock then moves only
 * when the page's clock panel moves it.
 */
export const DEMO_CLOCK = '2026-03-04T10:00:00+08:00';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export interface DemoOptions {
  /** The demo's "now" (default: the runtime clock). History is generated before it. */
  now?: number;
  /** Days of history (default 24). */
  days?: number;
  /** About this many tickets (default 120). */
  tickets?: number;
  seed?: number;
  /** Spreadsheet name of a new workbook (default IT 支持工单（演示）). */
  name?: string;
}

export interface DemoSummary {
  tickets: number;
  actions: number;
  failed: string[];
  firings: number;
  ms: number;
}


type Category = 'hardware' | 'software' | 'network' | 'access' | 'other';
type Urgency = 'high' | 'medium' | 'low';

interface Problem {
  title: string;
  description: string;
  solution: string;
  urgency: Urgency[];
  note?: string;
  escalation?: string;
}

// Titles stay within the form's 20 characters; descriptions say what, who, since when, what was tried.
const PROBLEMS: Record<Category, Problem[]> = {
  hardware: [
    {
      title: '打印机卡纸无法打印',
      description:
        '三楼东侧 HP M404 打印机提示“卡纸”，已按面板提示取出纸张，仍然报错，整个小组今天的合同都打印不了。',
      solution: '定影器处有残留碎纸，清理后重置打印机，测试打印正常。',
      urgency: ['medium', 'low'],
    },
    {
      title: '笔记本电脑无法开机',
      description: 'ThinkPad T14 按电源键无反应，充电指示灯不亮，换了两个插座都一样，明天上午要带去客户现场。',
      solution: '电源适配器损坏，已更换新的适配器，电脑正常开机并充电。',
      urgency: ['high', 'medium'],
    },
    {
      title: '外接显示器间歇黑屏',
      description: '外接的戴尔显示器每隔几分钟黑屏 2-3 秒，换了 HDMI 线问题依旧，看报表时非常影响效率。',
      solution: '更新显卡驱动，并把刷新率从 75Hz 调整为 60Hz，观察半天未再黑屏。',
      urgency: ['low', 'medium'],
      note: '已远程查看，驱动版本较旧，约用户午休时更新。',
    },
    {
      title: '键盘部分按键失灵',
      description: '键盘的 E、R 两个键按下没有反应，其他键正常，清洁过键盘也没用，影响日常录入。',
      solution: '键盘进液导致按键损坏，已更换新键盘。',
      urgency: ['low'],
    },
    {
      title: '会议室投影仪无信号',
      description: '5 楼大会议室投影仪显示“无信号”，笔记本已切换到扩展屏模式，下午两点有客户演示。',
      solution: '投影仪输入源被切到 VGA，改回 HDMI 后恢复；已在投影仪旁贴操作说明。',
      urgency: ['high', 'medium'],
    },
    {
      title: '扫描仪无法识别',
      description: '财务室的富士通扫描仪连接电脑后设备管理器显示未知设备，重装过驱动，月底报销单据急需扫描。',
      solution: '安装厂商最新的 TWAIN 驱动并更换 USB 口，扫描正常。',
      urgency: ['medium'],
    },
    {
      title: '电脑风扇噪音很大',
      description: '台式机开机后风扇一直高速转，噪音很大，偶尔自动重启，已经持续一周，清理过桌面文件。',
      solution: '机箱内积灰严重导致过热，清灰并更换 CPU 硅脂，温度恢复正常。',
      urgency: ['low'],
      note: '预约周五下班后上门清灰。',
    },
    {
      title: '工位电脑蓝屏重启',
      description: '上午开始电脑反复蓝屏，错误代码 MEMORY_MANAGEMENT，重启后半小时又蓝屏，无法正常工作。',
      solution: '内存条接触不良，重新插拔并替换一根故障内存后运行稳定。',
      urgency: ['high', 'medium'],
      escalation: '疑似硬件故障，需二线检测内存和主板。',
    },
  ],
  software: [
    {
      title: 'CRM系统数据库连接错误',
      description:
        '打开 CRM 提示“数据库连接超时（ORA-12170）”，从上午 9 点开始，销售组 12 人都无法录入客户信息。',
      solution: '数据库监听服务异常，重启监听并扩大连接池，CRM 恢复访问。',
      urgency: ['high'],
      escalation: '一线无法处理，需 DBA 排查数据库监听。',
    },
    {
      title: 'Outlook 无法收发邮件',
      description: 'Outlook 一直显示“正在尝试连接”，网页版邮箱可以正常登录，重启电脑无效，影响与客户沟通。',
      solution: '本地 OST 文件损坏，重建邮件配置文件后收发正常。',
      urgency: ['medium', 'high'],
    },
    {
      title: 'Excel 打开大文件崩溃',
      description: '打开 80MB 的销售明细表时 Excel 无响应然后闪退，其他小文件正常，昨天还能打开。',
      solution: '将 Office 升级到 64 位版本并关闭加载项，大文件可以正常打开。',
      urgency: ['low', 'medium'],
    },
    {
      title: 'OA 审批页面打不开',
      description: '用 Chrome 打开 OA 待办审批页面一直转圈，换 Edge 也一样，同事的电脑可以打开，清过缓存。',
      solution: '浏览器代理设置被第三方软件修改，恢复系统代理设置后正常。',
      urgency: ['medium'],
    },
    {
      title: '视频会议没有声音',
      description: '腾讯会议中听不到其他人说话，对方也听不到我，系统声音测试正常，下午有周会。',
      solution: '会议软件选用了错误的音频设备，改为耳机设备并更新声卡驱动。',
      urgency: ['medium', 'high'],
    },
    {
      title: 'WPS 更新后无法启动',
      description: '系统推送更新后 WPS 双击没有任何反应，任务管理器里进程出现后又消失，重装前想先确认。',
      solution: '更新包不完整，卸载后安装公司软件中心的稳定版本。',
      urgency: ['low'],
    },
    {
      title: 'ERP 报表导出乱码',
      description: 'ERP 导出的月度库存报表用 Excel 打开中文全是乱码，上个月导出正常，财务需要今天交报表。',
      solution: '导出编码被改为 UTF-8 无 BOM，调整为 GBK 后导出正常。',
      urgency: ['medium'],
      escalation: '涉及 ERP 服务端配置，转二线处理。',
    },
    {
      title: '财务软件频繁卡死',
      description: '用友财务软件做凭证时经常卡死 1-2 分钟，月结期间几乎无法使用，其他同事也有类似情况。',
      solution: '数据库索引碎片过多，二线重建索引后响应恢复正常。',
      urgency: ['high', 'medium'],
      escalation: '多人受影响，需二线检查数据库性能。',
    },
  ],
  network: [
    {
      title: '会议室 Wi-Fi 连不上',
      description: '3 楼小会议室连接公司 Wi-Fi 一直显示“无法获取 IP 地址”，手机和电脑都一样，走廊里可以连上。',
      solution: '会议室 AP 的 DHCP 中继配置丢失，重新下发配置后恢复。',
      urgency: ['medium'],
    },
    {
      title: 'VPN 连接频繁断开',
      description: '在家办公时 VPN 每 10 分钟左右断开一次，重连后又正常，家里宽带测速正常，影响远程开发。',
      solution: '客户端版本过旧，升级 VPN 客户端并调整保活时间后稳定。',
      urgency: ['medium', 'low'],
      note: '已收集客户端日志，等待用户晚上复现。',
    },
    {
      title: '分公司专线中断',
      description: '深圳分公司从 10:20 起无法访问总部所有系统，本地上网正常，路由器专线指示灯为红色。',
      solution: '运营商光缆被施工挖断，运营商抢修完成，专线恢复并已切回主线路。',
      urgency: ['high'],
      escalation: '专线故障需二线联系运营商并切换备用线路。',
    },
    {
      title: '无法访问共享盘',
      description: '映射的 S 盘提示“找不到网络路径”，ping 文件服务器可以通，昨天下午还正常，部门资料都在上面。',
      solution: '文件服务器 SMB 服务异常重启，已恢复并重新映射网络驱动器。',
      urgency: ['medium', 'high'],
    },
    {
      title: '网络很慢影响视频会议',
      description: '下午 2 点后办公区网络明显变慢，视频会议卡顿掉线，测速只有 2Mbps，平时有 100Mbps。',
      solution: '有终端在大量上传备份，已限速并调整 QoS 策略。',
      urgency: ['medium'],
    },
    {
      title: '网口无法获取 IP',
      description: '新工位的网线插上后显示“未识别的网络”，换了网线也不行，旁边工位正常。',
      solution: '交换机端口未划入办公 VLAN，调整端口配置后正常获取地址。',
      urgency: ['low', 'medium'],
    },
  ],
  access: [
    {
      title: '新员工开通邮箱账号',
      description: '市场部新同事赵敏下周一入职，需要开通企业邮箱、OA 和共享盘账号，入职审批单已完成。',
      solution: '已开通邮箱、OA 和共享盘账号，初始密码已通过部门负责人转交。',
      urgency: ['low'],
    },
    {
      title: '共享文件夹无访问权限',
      description: '访问 \\\\fs01\\财务\\2024 提示“拒绝访问”，岗位调整后需要查看预算文件，已有主管审批邮件。',
      solution: '按审批邮件将用户加入财务只读组，重新登录后可以访问。',
      urgency: ['low', 'medium'],
    },
    {
      title: '域账号被锁定',
      description: '早上输错几次密码后域账号被锁定，电脑和邮箱都登录不了，无法开始工作。',
      solution: '核实身份后解锁账号，并提醒用户检查手机邮箱里保存的旧密码。',
      urgency: ['high', 'medium'],
    },
    {
      title: '申请 CRM 管理员权限',
      description: '负责华北区客户数据清理，需要 CRM 批量导入导出权限，附件是部门经理的审批。',
      solution: '已按审批授予华北区数据管理角色，有效期三个月。',
      urgency: ['low'],
    },
    {
      title: '离职人员账号停用',
      description: '销售部刘洋本周五离职，需要停用其邮箱、VPN 和 CRM 账号，邮件转交给部门经理。',
      solution: '已停用相关账号，邮件自动转发给部门经理，数据已备份。',
      urgency: ['low', 'medium'],
    },
    {
      title: '密码过期无法重置',
      description: '系统提示密码过期，用自助重置页面收不到验证码，手机号是几年前登记的，现在无法登录电脑。',
      solution: '核实身份后由管理员重置密码，并更新了自助重置的验证邮箱。',
      urgency: ['medium'],
    },
  ],
  other: [
    {
      title: '申请安装绘图软件',
      description: '设计需要安装 Visio 2021，软件中心里没有找到，项目下周开始，部门已有采购的许可证。',
      solution: '已通过软件中心推送 Visio 并激活部门许可证。',
      urgency: ['low'],
    },
    {
      title: '工位电话没有拨号音',
      description: '工位的 IP 电话拿起听筒没有拨号音，屏幕显示“注册失败”，客户打进来的电话都接不到。',
      solution: '话机注册信息丢失，重新配置 SIP 账号后恢复。',
      urgency: ['medium'],
    },
    {
      title: '咨询电脑更换流程',
      description: '我的台式机已经使用 6 年，运行设计软件很慢，想了解申请更换新电脑需要什么流程。',
      solution: '已发送资产更换申请流程和审批模板，提交后 5 个工作日内安排。',
      urgency: ['low'],
    },
    {
      title: '借用演示笔记本',
      description: '下周三去客户现场演示，需要借一台装有演示环境的笔记本电脑，使用两天。',
      solution: '已准备演示笔记本并登记借用，归还时间为下周五。',
      urgency: ['low'],
    },
    {
      title: '门禁卡无法刷开',
      description: '今天早上门禁卡在 6 楼刷卡没反应，其他楼层可以，需要每次找同事开门。',
      solution: '门禁系统中 6 楼权限过期，已续期。',
      urgency: ['low', 'medium'],
    },
  ],
};

const CATEGORY_WEIGHTS: [Category, number][] = [
  ['software', 30],
  ['hardware', 24],
  ['network', 18],
  ['access', 18],
  ['other', 10],
];

const PEOPLE = [
  ['刘洋', 'liuyang'],
  ['陈静', 'chenjing'],
  ['杨帆', 'yangfan'],
  ['赵敏', 'zhaomin'],
  ['黄磊', 'huanglei'],
  ['周婷', 'zhouting'],
  ['吴昊', 'wuhao'],
  ['徐丽', 'xuli'],
  ['孙强', 'sunqiang'],
  ['马琳', 'malin'],
  ['朱军', 'zhujun'],
  ['胡晓', 'huxiao'],
  ['郭峰', 'guofeng'],
  ['何雪', 'hexue'],
  ['高远', 'gaoyuan'],
  ['林芳', 'linfang'],
  ['罗斌', 'luobin'],
  ['梁悦', 'liangyue'],
];
const TIER1 = [
  { name: '张工', email: 'zhang@example.com' },
  { name: '王工', email: 'wang@example.com' },
];
const TIER2 = { name: '李工程师', email: 'li@example.com' };
const NOTES = [
  '已远程查看，正在收集日志。',
  '已电话联系用户，约定下午上门处理。',
  '等待用户确认问题是否复现。',
  '已联系厂商，等待备件。',
];

type Event =
  | { at: number; seq: number; kind: 'submit'; ticket: number }
  | {
      at: number;
      seq: number;
      kind: 'action';
      ticket: number;
      action: string;
      payload: Record<string, unknown>;
      by: string;
    };

export function createDemo(rt: LocalRuntime, opts: DemoOptions = {}): DemoSummary {
  const started = Date.now();
  const rand = prng(opts.seed ?? 20240506);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const between = (a: number, b: number) => a + rand() * (b - a);
  const tz = rt.workbook.timeZone;
  const now = Math.floor((opts.now ?? rt.clock.now()) / MIN) * MIN;
  const days = opts.days ?? 24;
  const wanted = opts.tickets ?? 120;

  // Working time: Mon–Fri 09:00–18:00 in the spreadsheet zone (the settings' default calendar).
  const isWork = (t: number) => {
    const w = toWall(tz, t);
    return w.dow >= 1 && w.dow <= 5 && w.h >= 9 && w.h < 18;
  };
  /** `t` if it is working time, else the next working morning plus a few minutes. */
  const inWork = (t: number): number => {
    if (isWork(t)) return t;
    let w = toWall(tz, t);
    let day = fromWall(tz, w.y, w.mo, w.d, 9, 0);
    if (t >= day) day += DAY;
    for (;;) {
      w = toWall(tz, day);
      if (w.dow >= 1 && w.dow <= 5) break;
      day += DAY;
    }
    return day + Math.round(between(5, 40)) * MIN;
  };
  /** `minutes` of working time after `t` (an approximation good enough for made-up delays). */
  const afterWork = (t: number, minutes: number): number => {
    let at = inWork(t);
    let left = minutes * MIN;
    while (left > 0) {
      const w = toWall(tz, at);
      const end = fromWall(tz, w.y, w.mo, w.d, 18, 0);
      if (at + left <= end) return at + left;
      left -= end - at;
      at = inWork(end);
    }
    return at;
  };

  // 1. Setup, answering Yes to its questions (a new workbook has nothing to adopt).
  const start = (() => {
    const w = toWall(tz, now - days * DAY);
    return fromWall(tz, w.y, w.mo, w.d, 8, 0);
  })();
  rt.clock.set(start);
  rt.lastTick = start;
  if (rt.workbook.name === 'Untitled spreadsheet') rt.workbook.name = opts.name ?? 'IT 支持工单（演示）';
  const responder = rt.ui.responder;
  rt.ui.responder = (q) => ({ button: q.buttons.includes('YES') ? 'YES' : q.buttons[0] });
  try {
    rt.call('setupTrackerFromMenu');
  } finally {
    rt.ui.responder = responder;
  }

  // 2. Submission times: working days, mostly office hours, more in the mornings.
  const times: number[] = [];
  const workDays: number[] = [];
  for (let d = 0; d <= days; d++) {
    const w = toWall(tz, start + d * DAY);
    if (w.dow >= 1 && w.dow <= 5) workDays.push(fromWall(tz, w.y, w.mo, w.d, 0, 0));
  }
  const perDay = wanted / Math.max(1, workDays.length);
  for (const day of workDays) {
    const n = Math.max(1, Math.round(perDay * between(0.6, 1.4)));
    for (let i = 0; i < n; i++) {
      const hour = rand() < 0.08 ? between(18.2, 21) : rand() < 0.55 ? between(9, 12) : between(13, 18);
      const t = day + Math.round(hour * 60) * MIN;
      if (t < now - 20 * MIN && t > start + HOUR) times.push(t);
    }
  }
  times.sort((a, b) => a - b);
  while (times.length > wanted) times.splice(Math.floor(rand() * times.length), 1);

  // 3. Each ticket's story, as events in time order.
  const events: Event[] = [];
  let seq = 0;
  const forms: Record<string, unknown>[] = [];
  const ids: (string | null)[] = [];
  const lateOpen = times.filter((t) => t < now - 3 * DAY).slice(-6);
  times.forEach((submitAt, i) => {
    const catWeights = CATEGORY_WEIGHTS.reduce((s, [, w]) => s + w, 0);
    let r = rand() * catWeights;
    const category = CATEGORY_WEIGHTS.find(([, w]) => (r -= w) < 0)?.[0] ?? 'other';
    const problem = pick(PROBLEMS[category]);
    const urgency = pick(problem.urgency);
    const [name, login] = pick(PEOPLE);
    const department = pick(defaultSettings('zh').departments);
    const contact = rand() < 0.5 ? `${login}@example.com` : `分机 ${Math.floor(between(8100, 8999))}`;
    // A requester unsure of the type leaves it to the agent (the form allows an empty category).
    forms.push({
      title: problem.title,
      department,
      description: problem.description,
      urgency,
      category: rand() < 0.04 ? '' : category,
      submitter: name,
      contact,
    });
    ids.push(null);
    events.push({ at: submitAt, seq: seq++, kind: 'submit', ticket: i });

    const act = (at: number, action: string, by: string, payload: Record<string, unknown> = {}) => {
      events.push({ at, seq: seq++, kind: 'action', ticket: i, action, payload, by });
      return at;
    };
    const agent = pick(TIER1);
    const late = rand() < 0.12;
    const respond =
      urgency === 'high' ? between(5, 30) : urgency === 'medium' ? between(10, 50) : between(15, 55);

    // A few older tickets were forgotten: still pending, or in progress long past their due time.
    const stuck = lateOpen.indexOf(submitAt);
    if (stuck >= 0 && stuck < 2) return;
    // Some are duplicates of an earlier report, closed with a reason.
    if (rand() < 0.05) {
      act(afterWork(submitAt, respond), 'close', agent.email, {
        reason: '与之前提交的工单重复，已合并处理。',
      });
      return;
    }
    let t = act(afterWork(submitAt, late ? respond * 3 : respond), 'accept', agent.email);
    let owner = agent.email;
    if (problem.escalation && rand() < 0.7) {
      t = act(t + between(10, 30) * MIN, 'escalate', owner, {
        reason: problem.escalation,
        assignee: TIER2.name,
      });
      owner = TIER2.email;
    }
    if (problem.note || rand() < 0.25)
      t = act(afterWork(t, between(5, 30)), 'note', owner, { text: problem.note ?? pick(NOTES) });
    if (stuck >= 2) return;
    const work =
      urgency === 'high' ? between(20, 70) : urgency === 'medium' ? between(40, 170) : between(120, 1200);
    const resolveAt =
      urgency === 'high' ? t + work * (late ? 2.5 : 1) * MIN : afterWork(t, work * (late ? 2.5 : 1));
    t = act(resolveAt, 'resolve', owner, { solution: problem.solution });
    const fb = afterWork(t, between(30, 600));
    if (rand() < 0.12) {
      // The requester says it is not fixed: reopened, worked again, then accepted.
      t = act(fb, 'feedback', owner, { resolved: false, rating: 'unsatisfied' });
      t = act(afterWork(t, between(30, 180)), 'note', owner, { text: '用户反馈问题复现，重新排查。' });
      t = act(afterWork(t, between(30, 120)), 'resolve', owner, { solution: problem.solution });
      t = act(afterWork(t, between(60, 300)), 'feedback', owner, { resolved: true, rating: 'basic' });
    } else if (rand() < 0.92) {
      const x = rand();
      t = act(fb, 'feedback', owner, {
        resolved: true,
        rating: x < 0.65 ? 'satisfied' : x < 0.93 ? 'basic' : 'unsatisfied',
      });
    }
    if (rand() < 0.88) act(afterWork(t, between(10, 240)), 'close', owner);
  });
  events.sort((a, b) => a.at - b.at || a.seq - b.seq);

  // 4. Play the story: triggers fire in between, each call runs at its own clock time.
  const home = { ...rt.ctx.user };
  const failed: string[] = [];
  let actions = 0;
  let fired = 0;
  try {
    for (const e of events) {
      if (e.at > now) continue;
      fired += rt.tick(e.at).length;
      if (e.kind === 'submit') {
        const form = forms[e.ticket];
        const login = String(form.contact).includes('@') ? String(form.contact) : `${e.ticket}@example.com`;
        rt.ctx.user = { active: login, effective: login };
        const token = `demo-${String(e.ticket).padStart(4, '0')}-${e.at}`;
        const r = rt.call<{ ok: boolean; id?: string; errors?: unknown }>('submitTicket', form, token).result;
        if (r.ok && r.id) ids[e.ticket] = r.id;
        else failed.push(`submit #${e.ticket}: ${JSON.stringify(r.errors)}`);
      } else {
        const id = ids[e.ticket];
        if (!id) continue;
        rt.ctx.user = { active: e.by, effective: e.by };
        const r = rt.call<{ ok: boolean; errors?: unknown }>(
          'applyTicketAction',
          id,
          e.action,
          e.payload,
        ).result;
        actions++;
        if (!r.ok) failed.push(`${e.action} ${id}: ${JSON.stringify(r.errors)}`);
      }
    }
    rt.ctx.user = home;
    fired += rt.tick(now).length;
  } finally {
    rt.ctx.user = home;
  }

  // 5. Open the ticket sheet on its latest rows (where the open tickets are).
  const sheet =
    rt.workbook.sheets.find((s) => s.name === '工单') ?? rt.workbook.sheets.find((s) => s.frozenRows > 0);
  if (sheet) {
    rt.workbook.activeSheetId = sheet.id;
    sheet.activeA1 = `A${Math.max(2, sheet.lastRow())}`;
  }
  rt.ui.dialogs = [];
  rt.ui.asks = [];
  rt.ui.toasts = [];
  return { tickets: ids.filter(Boolean).length, actions, failed, firings: fired, ms: Date.now() - started };
}
