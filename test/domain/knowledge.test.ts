import {
  buildIndex,
  jaccard,
  search,
  similarity,
  stem,
  tokenize,
  type KbEntry,
} from '../../src/domain/knowledge';

const D = Date.UTC(2024, 4, 1);
const kb = (
  id: string,
  title: string,
  category: string,
  description: string,
  solution: string,
  helpful = 0,
): KbEntry => ({
  id,
  title,
  category,
  description,
  solution,
  date: D,
  helpful,
});

const ENTRIES: KbEntry[] = [
  kb(
    'KB001',
    '打印机无法连接',
    '硬件',
    '办公室打印机无法通过网络连接，打印任务一直排队',
    '重新安装打印机驱动，并按 IP 地址添加网络打印机',
  ),
  kb(
    'KB002',
    'CRM登录失败',
    '软件',
    '打开CRM系统时提示“数据库连接错误”，销售无法录入客户',
    '重启数据库服务并配置开机自启，后续监控服务状态',
  ),
  kb('KB003', 'VPN连接异常', '网络', '在家无法通过VPN访问内网系统', '升级VPN客户端并重新导入配置文件'),
  kb('KB004', '电脑蓝屏', '硬件', '开机后蓝屏并自动重启', '更新显卡驱动，检测内存条'),
  kb(
    'KB005',
    'Outlook cannot send email',
    'Software',
    'Outlook shows error 0x800CCC0E when sending mail',
    'Repair the Office installation and re-create the mail profile',
  ),
  kb(
    'KB006',
    'Shared drive access denied',
    'Access',
    'Cannot open the finance shared folder from the office network',
    'Add the user to the Finance-RW group',
  ),
  kb('KB007', '邮箱密码重置', '权限', '忘记企业邮箱密码，无法登录邮箱', '在自助门户重置密码，或联系管理员'),
  kb('KB008', '会议室Wi-Fi频繁断线', '网络', '会议室无线网络经常掉线', '调整AP信道并升级固件'),
];

describe('tokenize', () => {
  test('Chinese runs become character bigrams; a lone character stays a token', () => {
    expect(tokenize('打印机连接不上')).toEqual(['打印', '印机', '机连', '连接', '接不', '不上']);
    expect(tokenize('网 断')).toEqual(['网', '断']);
  });
  test('unigrams on request', () => {
    expect(tokenize('蓝屏', { unigrams: true })).toEqual(['蓝屏', '蓝', '屏']);
  });
  test('Latin words lower-cased, punctuation stripped, stop words dropped, stemmed; digits kept', () => {
    expect(tokenize("The Printer isn't connecting to Win10!")).toEqual(['printer', 'connect', 'win', '10']);
    expect(tokenize('Wi-Fi drops')).toEqual(['wi', 'fi', 'drop', 'wifi']);
    expect(tokenize('Outlook: error 0x800CCC0E')).toEqual([
      'outlook',
      'error',
      '0',
      'x',
      '800',
      'ccc',
      '0',
      'e',
    ]);
  });
  test('NFKC: full-width letters and digits, mixed scripts', () => {
    expect(tokenize('ＣＲＭ登录失败１２３')).toEqual(['crm', '登录', '录失', '失败', '123']);
    expect(tokenize('CRM登录失败')).toEqual(tokenize('crm 登录失败'));
  });
  test('empty and punctuation-only input', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('，。!?  ---')).toEqual([]);
    expect(tokenize(null as unknown as string)).toEqual([]);
  });
  test('stemmer folds common inflections', () => {
    expect(['connecting', 'connected', 'connects'].map(stem)).toEqual(['connect', 'connect', 'connect']);
    expect(['printers', 'crashes', 'stopped', 'installed', 'access', 'policies'].map(stem)).toEqual([
      'printer',
      'crash',
      'stop',
      'install',
      'access',
      'policy',
    ]);
    expect(stem('update')).toBe(stem('updated'));
  });
});

describe('similarity', () => {
  test('Jaccard over token sets, hand-computed', () => {
    // {打印,印机,机无,无法,法连,连接} vs {vpn,无法,法连,连接}: 3 shared / 7 in union
    expect(similarity('打印机无法连接', 'VPN无法连接')).toBeCloseTo(3 / 7, 10);
    // {打印,印机,机无,无法,法连,连接} vs {打印,印机,机连,连接,接不,不上}: 3 / 9
    expect(similarity('打印机无法连接', '打印机连接不上')).toBeCloseTo(1 / 3, 10);
    // {crm,登录,录失,失败} vs {crm,登录,录失,失败,了}: 4 / 5
    expect(similarity('CRM登录失败', 'crm登录失败了')).toBeCloseTo(0.8, 10);
    // {printer, connect} both sides after stop words and stemming
    expect(similarity('Printer not connecting', 'printer cannot connect')).toBe(1);
    expect(similarity('Outlook cannot send email', 'Outlook email sending fails')).toBeCloseTo(3 / 4, 10);
  });
  test('jaccard on precomputed sets', () => {
    expect(jaccard(new Set(['a', 'b', 'c']), new Set(['b', 'c', 'd']))).toBe(0.5);
    expect(jaccard(new Set(), new Set(['a']))).toBe(0);
  });
  test('identical, disjoint and empty', () => {
    expect(similarity('电脑蓝屏', '电脑蓝屏')).toBe(1);
    expect(similarity('电脑蓝屏', 'VPN连接异常')).toBe(0);
    expect(similarity('', '')).toBe(0);
    expect(similarity('', '电脑')).toBe(0);
    expect(similarity('???', '？？？')).toBe(1); // no tokens: equal after NFKC
    expect(similarity('???', '!!!')).toBe(0);
  });
});

describe('search', () => {
  const index = buildIndex(ENTRIES);

  test('Chinese rephrasing finds the entry', () => {
    const hits = search(index, '打印机连接不上');
    expect(hits[0].id).toBe('KB001');
    expect(hits[0].title).toBe('打印机无法连接');
    expect(hits[0].solutionPreview).toBe('重新安装打印机驱动，并按 IP 地址添加网络打印机');
  });
  test('mixed-case Latin + Chinese', () => {
    expect(search(index, 'crm 登录报错')[0].id).toBe('KB002');
    expect(search(index, 'VPN 连不上')[0].id).toBe('KB003');
    expect(search(index, '电脑突然蓝屏了')[0].id).toBe('KB004');
    expect(search(index, '邮箱密码忘了')[0].id).toBe('KB007');
    expect(search(index, 'wifi 老是断线')[0].id).toBe('KB008');
    expect(search(index, 'Wi-Fi掉线')[0].id).toBe('KB008');
  });
  test('English queries', () => {
    expect(search(index, 'outlook email not sending')[0].id).toBe('KB005');
    expect(search(index, 'Access denied on the shared folder')[0].id).toBe('KB006');
  });
  test('title matches outrank body matches', () => {
    // 数据库 appears only in KB002's description/solution; 网络 in KB001's and KB008's descriptions.
    const hits = search(index, '网络打印机');
    expect(hits[0].id).toBe('KB001');
    // "office" is in KB005's solution and KB006's description; "outlook" in KB005's title.
    expect(search(index, 'outlook office')[0].id).toBe('KB005');
  });
  test('scores are in (0, 1], best first, limit honoured', () => {
    const hits = search(index, '无法连接', 3);
    expect(hits.length).toBeGreaterThan(1);
    expect(hits.length).toBeLessThanOrEqual(3);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
    for (const h of hits) {
      expect(h.score).toBeGreaterThan(0);
      expect(h.score).toBeLessThanOrEqual(1);
    }
    expect(search(index, '无法连接', 1)).toHaveLength(1);
    expect(search(index, '无法连接', 0)).toEqual([]);
  });
  test('no match, empty, very short queries', () => {
    expect(search(index, '咖啡机漏水')).toEqual([]);
    expect(search(index, 'coffee machine leaking')).toEqual([]);
    expect(search(index, '')).toEqual([]);
    expect(search(index, '   ')).toEqual([]);
    expect(search(index, 'a')).toEqual([]);
    expect(search(index, '打')).toEqual([]);
    expect(search(index, '？！')).toEqual([]);
  });
  test('prototype-named words are safe', () => {
    expect(search(index, 'constructor __proto__ toString')).toEqual([]);
    const idx = buildIndex([kb('X1', 'constructor toString', 'Other', '__proto__', 'hasOwnProperty')]);
    expect(search(idx, 'constructor tostring')[0].id).toBe('X1');
    expect(JSON.parse(JSON.stringify(idx)).postings.constructor).toEqual([0, 1]);
  });
  test('ties go to the more helpful entry', () => {
    const idx = buildIndex([
      kb('A', '蓝牙鼠标失灵', '硬件', '', '', 1),
      kb('B', '蓝牙鼠标失灵', '硬件', '', '', 5),
    ]);
    expect(search(idx, '蓝牙鼠标失灵').map((h) => h.id)).toEqual(['B', 'A']);
  });
  test('the index survives a JSON round trip (cacheable)', () => {
    const copy = JSON.parse(JSON.stringify(index));
    for (const q of ['打印机连接不上', 'crm 登录报错', 'outlook email not sending', '咖啡机漏水']) {
      expect(search(copy, q)).toEqual(search(index, q));
    }
  });
  test('long solutions are cut in the preview', () => {
    const idx = buildIndex([kb('L', '长方案', '其他', '', '步'.repeat(200))]);
    expect(search(idx, '长方案')[0].solutionPreview).toBe('步'.repeat(80) + '…');
  });
  test('empty index', () => {
    expect(search(buildIndex([]), '打印机')).toEqual([]);
  });
});

describe('search over 10,000 entries', () => {
  const devices = [
    '打印机',
    '电脑',
    '显示器',
    '扫描仪',
    '投影仪',
    '笔记本',
    '鼠标',
    '键盘',
    '交换机',
    '服务器',
  ];
  const faults = [
    '无法连接',
    '无法开机',
    '运行缓慢',
    '频繁死机',
    '驱动异常',
    '屏幕闪烁',
    '没有反应',
    '报错退出',
  ];
  const places = ['北京分公司', '上海分公司', '广州办事处', '深圳研发中心', '总部三楼', '总部五楼'];
  const en = [
    'printer offline',
    'laptop slow',
    'monitor flickering',
    'keyboard not working',
    'server unreachable',
  ];
  const entries: KbEntry[] = [];
  for (let i = 0; i < 10_000; i++) {
    const zh = i % 3 !== 0;
    const title = zh
      ? `${places[i % 6]}${devices[i % 10]}${faults[(i >> 1) % 8]}`
      : `${en[i % 5]} at site ${i % 37}`;
    entries.push(
      kb(
        `KB${String(i).padStart(5, '0')}`,
        title,
        zh ? '硬件' : 'Hardware',
        zh
          ? `${places[i % 6]}的${devices[i % 10]}${faults[(i >> 1) % 8]}，影响${(i % 9) + 1}名同事办公，编号${i}`
          : `Reported ${title}; asset ${i}`,
        zh
          ? `检查${devices[(i + 3) % 10]}电源与线缆，重新安装驱动，第${i}次处理`
          : `Restart and reinstall the driver, case ${i}`,
      ),
    );
  }
  entries[7777] = kb(
    'KB07777',
    '财务系统报表导出乱码',
    '软件',
    '导出Excel报表后中文显示为乱码',
    '将导出编码改为UTF-8',
  );
  entries[4242] = kb(
    'KB04242',
    'SAP invoice posting fails',
    'Software',
    'Posting an invoice in SAP ends with error F5 702',
    'Open the posting period',
  );

  test('builds, finds the right entries, answers fast', () => {
    const t0 = Date.now();
    const index = buildIndex(entries);
    const t1 = Date.now();
    const queries = [
      '报表导出出现乱码',
      'sap invoice posting error',
      '上海分公司扫描仪无法连接',
      'printer offline',
      '咖啡机漏水',
    ];
    const results = queries.map((q) => search(index, q, 5));
    const t2 = Date.now();
    console.log(
      `knowledge: built 10,000 entries in ${t1 - t0} ms; ${queries.length} queries in ${t2 - t1} ms`,
    );
    expect(results[0][0].id).toBe('KB07777');
    expect(results[1][0].id).toBe('KB04242');
    // Exact-title matches for 上海分公司 + 扫描仪 + 无法连接 exist; every hit must have all three.
    expect(results[2].length).toBe(5);
    for (const h of results[2]) expect(h.title).toBe('上海分公司扫描仪无法连接');
    for (const h of results[3]) expect(h.title.startsWith('printer offline')).toBe(true);
    expect(results[4]).toEqual([]);
  });
});
