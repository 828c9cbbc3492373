// Knowledge-base suggestions while the requester types and "this solved it" (src/app/suggest.ts),
// from the knowledge base as people really keep it: hand-edited, retired, cached. Filing at close
// (the agent's close action feeding the base) is a journey: test/scenarios/knowledgeAtClose.test.ts.
import { createLocalRuntime } from '../../runtime';
import { T0, setUp, trackerRuntime } from './helpers';
import { actAs, kbSheet, knowledgeRows as rows, resolved } from './knowledgeFixture';
import type { EntryResult } from '../entries';
import type { LocalRuntime } from '../../runtime';

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

    const hits = rt.callFromClient<EntryResult<'suggestArticles'>>('suggestArticles', '打印机无法连接').result;
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
    kbSheet(rt)
      .getRange(2, 1, 1, 7)
      .setValues([['IT20240401001', '打印机无法连接', '硬件', '三楼打印机脱机', '重启打印服务', DAY, 0]]);
    for (let i = 0; i < 3; i++)
      expect(rt.callFromClient('markArticleHelpful', 'IT20240401001').result).toBe(true);
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
    const hits = rt.callFromClient<EntryResult<'suggestArticles'>>('suggestArticles', '共享文件夹没有权限,无法访问共享盘').result;
    const shown = hits.map((h) => `${h.title}|${h.solution}`);
    expect(new Set(shown).size).toBe(shown.length);
    expect(hits.map((h) => h.id)).toContain('IT20240404001');
  });
});

describe('editing and retiring (issue 20)', () => {
  it('an entry edited in the sheet is suggested as edited; one set to 停用 is no longer suggested', () => {
    const rt = trackerRuntime();
    const id = resolved(rt, true);
    actAs(rt, id, 'close');
    const sh = kbSheet(rt);
    const row = rows(rt).findIndex((r) => r[0] === id) + 2;
    // Asked once before the edit: the suggestion's index is cached, and the edit must show through it.
    expect(rt.callFromClient<EntryResult<'suggestArticles'>>('suggestArticles', '打印机卡纸').result[0]).toMatchObject({ id });
    // A person's edits in the sheet (the edit trigger runs, as in Sheets).
    expect(rt.edit(`知识库!E${row}`, '先关机，再清理定影器处的碎纸').ok).toBe(true);
    expect(rt.callFromClient<EntryResult<'suggestArticles'>>('suggestArticles', '打印机卡纸').result[0]).toMatchObject({
      id,
      solution: '先关机，再清理定影器处的碎纸',
    });
    // 状态 is a dropdown (有效 / 停用).
    expect(sh.getRange(row, 8).getDataValidation()!.getCriteriaValues()[0]).toEqual(['有效', '停用']);
    expect(rt.edit(`知识库!H${row}`, '停用').ok).toBe(true);
    expect(rt.callFromClient<EntryResult<'suggestArticles'>>('suggestArticles', '打印机卡纸').result.map((h) => h.id)).not.toContain(
      id,
    );
  });

  it('setup adds the 状态 column to a knowledge sheet made before it, and old rows stay suggested', () => {
    const rt = trackerRuntime();
    const sh = kbSheet(rt);
    sh.deleteColumn(8);
    sh.getRange(2, 1, 1, 7).setValues([
      ['IT20240401001', '打印机无法连接', '硬件', '三楼打印机提示脱机', '重新添加网络打印机', DAY, 0],
    ]);
    expect(rt.callFromClient<EntryResult<'suggestArticles'>>('suggestArticles', '打印机无法连接').result[0]).toMatchObject({
      id: 'IT20240401001',
    });
    setUp(rt);
    expect(sh.getRange(1, 8).getValue()).toBe('状态');
    expect(rt.callFromClient<EntryResult<'suggestArticles'>>('suggestArticles', '打印机无法连接').result[0]).toMatchObject({
      id: 'IT20240401001',
    });
  });
});

describe('suggestions from the cached index (issue 20: 2 spreadsheet calls at any size)', () => {
  const ENTRIES: unknown[][] = [
    ['IT20240401001', '打印机无法连接', '硬件', '三楼打印机提示脱机', '重新添加网络打印机', DAY, 0, '有效'],
    ['IT20240401002', 'VPN连不上', '网络', 'VPN客户端报错 809', '重装VPN客户端', DAY, 5, '有效'],
    ['IT20240401003', '打印机卡纸', '硬件', '二楼打印机卡纸', '清理定影器处的碎纸', DAY, 1, '有效'],
    ['IT20240401004', '打印机卡纸', '硬件', '二楼打印机又卡纸', '清理定影器处的碎纸', DAY, 0, '有效'],
    ['IT20240401005', 'Printer offline', '硬件', 'The printer on floor 3 shows offline', 'Re-add the network printer', DAY, 0, '有效'],
  ];
  const QUERIES = ['打印机无法连接', '打印机卡纸了', 'VPN 809', 'printer is offline', '电脑蓝屏', '打印'];
  const withBase = () => {
    const rt = trackerRuntime();
    kbSheet(rt).getRange(2, 1, ENTRIES.length, 8).setValues(ENTRIES);
    return rt;
  };
  const ask = (rt: LocalRuntime, q: string) => rt.callFromClient<EntryResult<'suggestArticles'>>('suggestArticles', q);

  it('answers as the sheet read does, in 2 spreadsheet calls once cached', () => {
    const rt = withBase();
    const cold = QUERIES.map((q) => ask(rt, q));
    expect(cold[0].stats.spreadsheetCalls).toBeGreaterThan(2); // the first reads the sheet
    const warm = QUERIES.map((q) => ask(rt, q));
    for (const [i, w] of warm.entries()) {
      expect(w.result).toEqual(cold[i].result);
      expect(w.stats.spreadsheetCalls).toBeLessThanOrEqual(2);
      expect(w.stats.cellsRead).toBe(0);
    }
    expect(warm[0].result[0]).toMatchObject({ id: 'IT20240401001', solution: '重新添加网络打印机' });
    // The same title and solution filed twice is shown once.
    expect(warm[1].result.filter((h) => h.title === '打印机卡纸')).toHaveLength(1);
  });

  it('a cache that lost its pieces (Google may evict) answers from the sheet again, the same', () => {
    const rt = withBase();
    const first = ask(rt, '打印机卡纸了').result;
    rt.services.CacheService.getScriptCache().remove('kb.p.0');
    for (const k of ['kb.d.0', 'kb.t.0']) rt.services.CacheService.getScriptCache().remove(k);
    const again = ask(rt, '打印机卡纸了');
    expect(again.result).toEqual(first);
    expect(again.stats.spreadsheetCalls).toBeGreaterThan(2);
    expect(ask(rt, '打印机卡纸了').stats.spreadsheetCalls).toBeLessThanOrEqual(2);
  });

  it('closing a ticket, "this solved it" and setup each renew the version: the next answer is from the sheet', () => {
    const rt = withBase();
    ask(rt, 'VPN 809');
    expect(ask(rt, 'VPN 809').stats.spreadsheetCalls).toBeLessThanOrEqual(2);
    expect(rt.callFromClient('markArticleHelpful', 'IT20240401001').result).toBe(true);
    expect(ask(rt, 'VPN 809').stats.spreadsheetCalls).toBeGreaterThan(2);
    setUp(rt);
    expect(ask(rt, 'VPN 809').stats.spreadsheetCalls).toBeGreaterThan(2);
  });

  it('a write no trigger saw (another script) shows once the pieces expire, within the hour', () => {
    const rt = withBase();
    expect(ask(rt, '打印机无法连接').result[0].solution).toBe('重新添加网络打印机');
    kbSheet(rt).getRange(2, 5).setValue('重启打印服务');
    rt.tick(rt.clock.now() + 61 * 60_000);
    expect(ask(rt, '打印机无法连接').result[0].solution).toBe('重启打印服务');
  });

  it('a deleted knowledge sheet suggests nothing, at once', () => {
    const rt = withBase();
    expect(ask(rt, '打印机无法连接').result).not.toHaveLength(0);
    const ss = rt.services.SpreadsheetApp.getActiveSpreadsheet();
    ss.deleteSheet(kbSheet(rt));
    expect(ask(rt, '打印机无法连接').result).toEqual([]);
  });
});
