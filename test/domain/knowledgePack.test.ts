// The knowledge-base index in cache-sized pieces ranks exactly as the whole index does.
import { buildIndex, queryTokens, rank, search, sourceOf } from '../../src/domain/knowledge';
import type { KbEntry } from '../../src/domain/knowledge';
import { KEYS, PIECE_BYTES, decodePostings, packIndex, packedSource, shardOf, untag } from '../../src/domain/knowledgePack';

const TITLES = ['CRM系统数据库连接错误', '打印机卡纸无法打印', 'VPN连接频繁断开', '邮箱密码过期无法登录', '会议室投影仪无信号', 'Excel macro will not run', 'Printer offline on floor 3', 'Wi-Fi drops every hour'];
const SOLUTIONS = ['重启服务后恢复', '更换硒鼓并清理卡纸', '更新VPN客户端至最新版本', 'Re-add the network printer', '调整AP信道'];

function base(n: number): KbEntry[] {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  return Array.from({ length: n }, (_, i) => {
    const t = TITLES[Math.floor(rnd() * TITLES.length)];
    return {
      id: `IT2024${String(i).padStart(7, '0')}`,
      title: `${t} ${i % 37}`,
      category: ['硬件', '软件', '网络'][i % 3],
      description: `${t}，影响 ${i % 11} 人，第 ${i} 次`,
      solution: `${SOLUTIONS[i % SOLUTIONS.length]} (${i})`,
      date: 1_700_000_000_000 - (i % 97) * 3_600_000,
      helpful: i % 5,
    };
  });
}

const QUERIES = ['打印机卡纸', 'VPN 断开 连接', 'printer offline', 'Excel 宏', '密码过期 登录不了', 'wifi drops', '投影仪', '蓝屏', 'CRM 数据库'];

/** The cached pieces as a suggestion reads them: the manifest's doc pieces and the query's shards. */
function fromPieces(values: Record<string, string>, version: string, q: string) {
  const m = JSON.parse(values[KEYS.manifest]);
  const shards = new Set(queryTokens(q).map((t) => shardOf(t, m.shards)));
  return packedSource(
    m,
    m.docPieces.map((_: number, k: number) => untag(values[KEYS.doc(k)], version)),
    new Map([...shards].map((s) => [s, untag(values[KEYS.shard(s)], version)])),
  );
}

describe('knowledge-base pieces', () => {
  it('postings survive the compact text form', () => {
    const weights = [1, 0.6, 0.5, 0.7, 0.3];
    const list = [0, 1, 3, 0.6, 4, 0.5, 1000, 0.3, 123456, 0.7];
    const pack = packIndex({ version: 1, n: 1, docs: [], postings: { x: list } }, [], 'v1')!;
    const m = pack.manifest;
    const text = JSON.parse(untag(pack.values[KEYS.shard(shardOf('x', m.shards))], 'v1')!).x;
    expect(decodePostings(text, m.weights)).toEqual(list);
    expect(weights.every((w) => m.weights.includes(w))).toBe(true);
  });

  it.each([50, 3000])('rank the same entries with the same scores as the whole index (%i entries)', (n) => {
    const entries = base(n);
    const index = buildIndex(entries);
    const pack = packIndex(index, entries, 'v9')!;
    expect(pack).not.toBeNull();
    for (const v of Object.values(pack.values)) expect(Buffer.byteLength(v)).toBeLessThanOrEqual(PIECE_BYTES + 40);
    if (n > 1000) expect(pack.manifest.shards).toBeGreaterThan(1);
    for (const q of QUERIES) {
      const whole = rank(sourceOf(index), q, 30);
      expect(rank(fromPieces(pack.values, 'v9', q)!, q, 30)).toEqual(whole);
      expect(whole.map((h) => index.docs[h.doc].id)).toEqual(search(index, q, 30).map((h) => h.id));
    }
  });

  it('a piece of another version, or missing, is no source (the caller reads the sheet)', () => {
    const entries = base(20);
    const pack = packIndex(buildIndex(entries), entries, 'v1')!;
    expect(fromPieces(pack.values, 'v2', '打印机卡纸')).toBeNull();
    const values = { ...pack.values };
    delete values[KEYS.doc(0)];
    expect(fromPieces(values, 'v1', '打印机卡纸')).toBeNull();
  });

  it('an entry too large for a piece is listed apart, not cut', () => {
    const entries = base(3);
    entries[1] = { ...entries[1], solution: '很长的解决方案'.repeat(6000) };
    const pack = packIndex(buildIndex(entries), entries, 'v1')!;
    expect(pack.manifest.big).toEqual([1]);
    const texts = JSON.parse(untag(pack.values[KEYS.text(0)], 'v1')!);
    expect(texts[1]).toBeNull();
    expect(texts[0][0]).toBe(entries[0].title);
  });
});
