// The knowledge-base index in cache-sized pieces, so that a suggestion reads only the pieces its
// words need instead of the whole knowledge sheet (issue 20: at 10,000 entries, 2 spreadsheet
// calls and 50 ms). CacheService holds 100 KB a value (docs/platform.md), so the index is cut:
//   - a manifest (what the pieces are, and the knowledge base's version they were built from);
//   - doc pieces: each entry's ID, title weight, helpful count and date (every query may touch any
//     entry, so all of them are read: a few bytes an entry);
//   - posting shards: each token's posting list, compactly encoded, in the shard its hash names
//     (a query reads the shards of its own tokens only);
//   - text pieces: each entry's title, category and solution, read only for the hits.
// Ranking over the pieces is the very ranking of `search` (knowledge.ts rank): same scores, same
// order. Pure code: the cache itself is app/gas's business.
import type { KbEntry, KbIndex, RankSource } from './knowledge';

/** Bytes a cached value may hold, with room under CacheService's 100 KB (and for the version tag). */
export const PIECE_BYTES = 90 * 1024;
/** Aim for shards of about this size: a query reads a few dozen of them. */
const SHARD_TARGET_BYTES = 16 * 1024;
/** At most this many shards (CacheService keeps about 1,000 items a cache: leave room for others). */
export const MAX_SHARDS = 256;
/** Beyond this the pieces are not worth writing (a rebuild from the sheet is used instead). */
export const MAX_PACK_BYTES = 12 * 1024 * 1024;

export interface KbManifest {
  /** The knowledge base's version the pieces were built from (every piece carries it too). */
  version: string;
  n: number;
  shards: number;
  /** Distinct posting weights; a posting names its weight by index. */
  weights: number[];
  /** First entry index of each doc piece, and of each text piece. */
  docPieces: number[];
  textPieces: number[];
  /** Entries too large for a text piece (a hit among them is answered from the sheet). */
  big: number[];
}

export interface KbPack {
  manifest: KbManifest;
  /** Cache key → value (each value tagged with the version). */
  values: Record<string, string>;
}

export const KEYS = {
  manifest: 'kb.m',
  doc: (k: number) => `kb.d.${k}`,
  shard: (s: number) => `kb.p.${s}`,
  text: (k: number) => `kb.t.${k}`,
};

const bytes = (s: string): number => {
  // UTF-8 length without Buffer (the bundle runs in Apps Script).
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
};

/** FNV-1a of a token, for its shard. */
export function shardOf(token: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    h ^= token.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % shards;
}

/**
 * Base-36 text of the small gaps most postings have (a dense list's gaps are 1, 2, 3…). Made on the
 * first encode, not when the bundle loads: every execution loads it, few build the index.
 */
let small: string[] | null = null;
const smallGaps = (): string[] => (small ??= Array.from({ length: 36 * 36 }, (_, i) => i.toString(36)));

/** Postings `[doc, w, doc, w…]` (docs ascending) as text: base-36 gaps, each closed by its weight's letter. */
function encode(list: readonly number[], weights: readonly number[], letters: readonly string[]): string {
  const parts: string[] = new Array(list.length);
  const SMALL = smallGaps();
  let prev = 0;
  for (let i = 0; i < list.length; i += 2) {
    const gap = list[i] - prev;
    parts[i] = gap < SMALL.length ? SMALL[gap] : gap.toString(36);
    // A handful of distinct weights: a scan beats hashing a double.
    const w = list[i + 1];
    let k = 0;
    while (k < weights.length - 1 && weights[k] !== w) k++;
    parts[i + 1] = letters[k];
    prev = list[i];
  }
  return parts.join('');
}

export function decodePostings(text: string, weights: readonly number[]): number[] {
  const out: number[] = [];
  let gap = 0;
  let doc = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      doc += gap;
      out.push(doc, weights[c - 65]);
      gap = 0;
    } else gap = gap * 36 + (c <= 57 ? c - 48 : c - 87);
  }
  return out;
}

const tag = (version: string, json: string): string => `${version}\n${json}`;

/** The value's JSON when it carries `version`, else null (a piece of another build). */
export function untag(value: string | null | undefined, version: string): string | null {
  if (typeof value !== 'string' || !value.startsWith(`${version}\n`)) return null;
  return value.slice(version.length + 1);
}

/** Consecutive items grouped into pieces of at most PIECE_BYTES: the first index of each piece. */
function group(sizes: readonly number[]): number[] {
  const starts: number[] = [];
  let used = Infinity;
  sizes.forEach((s, i) => {
    if (used + s + 1 > PIECE_BYTES) {
      starts.push(i);
      used = 0;
    }
    used += s + 1;
  });
  return starts;
}

/**
 * The pieces of an index built from `entries`, tagged with the knowledge base's `version`, or null
 * when the knowledge base is too large to be worth caching.
 */
export function packIndex(index: KbIndex, entries: readonly KbEntry[], version: string): KbPack | null {
  const weights: number[] = [];
  const tokens = Object.keys(index.postings);
  for (const token of tokens) {
    const list = index.postings[token];
    for (let i = 1; i < list.length; i += 2) if (!weights.includes(list[i])) weights.push(list[i]);
    if (weights.length > 26) return null;
  }
  const letters = weights.map((_, k) => String.fromCharCode(65 + k));
  const encoded: [string, string][] = [];
  let total = 0;
  for (const token of tokens) {
    const text = encode(index.postings[token], weights, letters);
    encoded.push([token, text]);
    total += bytes(token) + text.length + 6;
  }
  if (total > MAX_PACK_BYTES) return null;
  let shards = 1;
  while (shards < MAX_SHARDS && total / shards > SHARD_TARGET_BYTES) shards *= 2;
  let shardJson: string[];
  for (;;) {
    const groups: Record<string, string>[] = Array.from({ length: shards }, () => Object.create(null) as Record<string, string>);
    for (const [token, text] of encoded) groups[shardOf(token, shards)][token] = text;
    shardJson = groups.map((g) => JSON.stringify(g));
    if (shardJson.every((j) => bytes(j) <= PIECE_BYTES)) break;
    if (shards >= MAX_SHARDS) return null;
    shards *= 2;
  }

  const docs = index.docs;
  const docRow = docs.map((d) => JSON.stringify([d.id, d.titleNorm, d.helpful, d.date]));
  const docPieces = group(docRow.map(bytes));
  const textRow = entries.map((e) => JSON.stringify([String(e.title ?? ''), String(e.category ?? ''), String(e.solution ?? '')]));
  const big: number[] = [];
  const textSizes = textRow.map((t, i) => {
    if (bytes(t) + 1 <= PIECE_BYTES) return bytes(t);
    big.push(i);
    return 4; // stored as null
  });
  const textPieces = group(textSizes);
  const manifest: KbManifest = { version, n: index.n, shards, weights, docPieces, textPieces, big };
  const values: Record<string, string> = {};
  const slices = (starts: number[], items: string[], key: (k: number) => string) =>
    starts.forEach((from, k) => {
      const to = k + 1 < starts.length ? starts[k + 1] : items.length;
      values[key(k)] = tag(version, `[${items.slice(from, to).join(',')}]`);
    });
  slices(docPieces, docRow, KEYS.doc);
  const isBig = new Set(big);
  slices(textPieces, textRow.map((t, i) => (isBig.has(i) ? 'null' : t)), KEYS.text);
  shardJson.forEach((j, s) => (values[KEYS.shard(s)] = tag(version, j)));
  values[KEYS.manifest] = JSON.stringify(manifest);
  const items = Object.keys(values).length;
  if (items > MAX_SHARDS + 200) return null;
  return { manifest, values };
}

/** The piece holding entry `doc`, given the pieces' first indexes. */
export function pieceOf(starts: readonly number[], doc: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= doc) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A rank source over the pieces read: `docs` (every doc piece, in order) and the shards of the
 * query's tokens (`shards`: shard number → its JSON). Null when a piece is missing or of another
 * build (the caller rebuilds).
 */
export function packedSource(manifest: KbManifest, docValues: (string | null)[], shards: Map<number, string | null>): RankSource | null {
  const n = manifest.n;
  const id: string[] = new Array(n);
  const titleNorm = new Float64Array(n);
  const helpful = new Float64Array(n);
  const date: (number | null)[] = new Array(n);
  let at = 0;
  for (const v of docValues) {
    if (v === null) return null;
    const rows = JSON.parse(v) as [string, number, number, number | null][];
    for (const r of rows) {
      id[at] = r[0];
      titleNorm[at] = r[1];
      helpful[at] = r[2];
      date[at] = r[3];
      at++;
    }
  }
  if (at !== n) return null;
  const parsed = new Map<number, Record<string, string>>();
  for (const [s, v] of shards) {
    if (v === null) return null;
    parsed.set(s, JSON.parse(v) as Record<string, string>);
  }
  return {
    n,
    docs: { id, titleNorm, helpful, date },
    postings: (token) => {
      const shard = parsed.get(shardOf(token, manifest.shards));
      const text = shard && Object.prototype.hasOwnProperty.call(shard, token) ? shard[token] : undefined;
      return text === undefined ? undefined : decodePostings(text, manifest.weights);
    },
  };
}
