// Knowledge base as people really keep it, and the suggestions the intake form shows from it.
import { createLocalRuntime } from '../../runtime';
import { T0, setUp, trackerRuntime } from './helpers';

const kbSheet = (rt: any) => rt.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('知识库');
const DAY = new Date('2024-04-20T10:00:00+08:00');

describe('a hand-edited 知识库 sheet', () => {
  it('an inserted column (负责人 in B) does not shift what suggestions show or where "solved it" counts', () => {
    const rt = trackerRuntime();
    const sh = kbSheet(rt);
    sh.getRange(2, 1, 2, 7).setValues([
      ['IT20240401001', '打印机无法连接', '硬件', '三楼打印机提示脱机', '重新添加网络打印机', DAY, 0],
      ['IT20240401002', 'VPN连不上', '网络', 'VPN客户端报错 809', '重装VPN客户端', DAY, 5],
    ]);
    // Someone adds a column of their own inside the table, as people do.
    sh.insertColumnBefore(2);
    sh.getRange(1, 2).setValue('负责人');

    const hits = rt.callFromClient<any[]>('suggestArticles', '打印机无法连接').result;
    expect(hits[0]).toMatchObject({
      id: 'IT20240401001',
      title: '打印机无法连接',
      category: '硬件',
      solution: '重新添加网络打印机',
    });

    expect(rt.callFromClient('markArticleHelpful', 'IT20240401002').result).toBe(true);
    const header = sh.getRange(1, 1, 1, 8).getValues()[0];
    const row = sh.getRange(3, 1, 1, 8).getDisplayValues()[0];
    expect(row[header.indexOf('有用次数')]).toBe('6'); // counted in the helpful column
    expect(row[header.indexOf('日期')]).toBe('2024-04-20'); // the date is left alone
  });
});

describe('"this solved it" is remembered for this sheet only (issue 16)', () => {
  // The script cache is "common to all users of the script" (reference/cache/cache-service#getscriptcache):
  // in an add-on that is every sheet using it. The memory key is intake.ts's `helpful:{who}:{id}`.
  const KEY = 'helpful:li@example.com:IT20240401001';
  const mark = (addonMode: boolean) => {
    const rt = createLocalRuntime({ now: T0, locale: 'zh-CN', user: 'li@example.com', addonMode });
    setUp(rt);
    kbSheet(rt).getRange(2, 1, 1, 7).setValues([['IT20240401001', '打印机无法连接', '硬件', '三楼打印机脱机', '重启打印服务', DAY, 0]]);
    for (let i = 0; i < 3; i++) expect(rt.callFromClient('markArticleHelpful', 'IT20240401001').result).toBe(true);
    expect(kbSheet(rt).getRange(2, 7).getValue()).toBe(1);
    const cache = rt.services.CacheService;
    return { script: cache.getScriptCache().get(KEY), document: cache.getDocumentCache()!.get(KEY) };
  };

  it('in an add-on, in the document cache, never the script cache every sheet shares', () => {
    expect(mark(true)).toEqual({ script: null, document: '1' });
  });

  it('in a bound script, in its script cache: its web form cannot reach a document cache', () => {
    expect(mark(false)).toEqual({ script: '1', document: null });
  });
});

describe('suggestions', () => {
  it('a recurring problem filed several times fills one slot, not all three', () => {
    const rt = trackerRuntime();
    const sh = kbSheet(rt);
    // Each closed ticket becomes an entry, so a recurring problem is there several times (the
    // demo workbook has 共享文件夹无访问权限 six times).
    const same = [
      '共享文件夹无访问权限',
      '权限',
      '打开财务共享文件夹提示没有权限',
      '按审批邮件将用户加入财务只读组,重新登录后可以访问。',
    ];
    sh.getRange(2, 1, 4, 7).setValues([
      ['IT20240401001', ...same, DAY, 0],
      ['IT20240402001', ...same, DAY, 0],
      ['IT20240403001', ...same, DAY, 0],
      [
        'IT20240404001',
        '无法访问共享盘',
        '网络',
        '共享盘映射断开,提示找不到网络路径',
        '文件服务器 SMB 服务异常重启,已恢复并重新映射网络驱动器。',
        DAY,
        0,
      ],
    ]);
    const hits = rt.callFromClient<any[]>('suggestArticles', '共享文件夹没有权限,无法访问共享盘').result;
    const shown = hits.map((h) => `${h.title}|${h.solution}`);
    expect(new Set(shown).size).toBe(shown.length);
    expect(hits.map((h) => h.id)).toContain('IT20240404001');
  });
});
