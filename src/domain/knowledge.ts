// Knowledge-base search (`知识库`): closed tickets with a solution become entries, and the intake
// form suggests matching entries while the requester types. Chinese is not split into words:
// runs of Han characters become overlapping character bigrams (`打印机` → `打印`, `印机`), which
// match across phrasing (`打印机无法连接` ⇄ `打印机连接不上`) without a dictionary. Latin text
// becomes lower-cased words with a light suffix stemmer, digits stay tokens.
//
// Pure code: no Apps Script, no globals. The index is a plain JSON-serialisable object so it can be
// cached (CacheService, 100 KB a value — large bases should cache per chunk or rebuild, which is
// fast: see test/domain/knowledge.test.ts).

export interface KbEntry {
  id: string;
  title: string;
  /** Category label as stored in the sheet (zh or en); shown, lightly indexed. */
  category: string;
  description: string;
  solution: string;
  /** Epoch ms (closing date) or null. */
  date: number | null;
  /** Times the entry was marked helpful; a tie-breaker only. */
  helpful?: number;
  /** Retired (状态 停用): kept for the record, never suggested. */
  retired?: boolean;
}

/**
 * Whether closing a ticket files its solution as a suggestion, unless the agent decides otherwise:
 * only a ticket that was resolved and that the requester confirmed solved ("提交人反馈" yes) — a
 * vague "电脑坏了" closed without confirmation is not a solution anyone should be offered.
 */
export function fileByDefault(tk: { status?: string | null; feedback?: string | null; solution: string }): boolean {
  return (tk.status === 'resolved' || tk.status === 'closed') && !!tk.feedback && tk.feedback.startsWith('yes') && !!tk.solution.trim();
}

export interface KbDoc {
  id: string;
  title: string;
  category: string;
  date: number | null;
  helpful: number;
  /** First characters of the solution, whitespace collapsed (see PREVIEW_LENGTH). */
  preview: string;
  /** Σ idf × token weight over the title's distinct tokens; normalises title coverage. */
  titleNorm: number;
}

/**
 * Inverted index. `postings[token]` is a flat list `[docIndex, weight, docIndex, weight, …]` in
 * ascending docIndex; weight is the best field the token occurs in (title 1, description 0.6,
 * solution 0.5, category 0.3; +0.1 when in two or more text fields, capped below the title's 1).
 * The document frequency of a token is `postings[token].length / 2`; idf is derived from it.
 */
export interface KbIndex {
  version: 1;
  n: number;
  docs: KbDoc[];
  postings: Record<string, number[]>;
}

export interface KbHit {
  id: string;
  title: string;
  /** 0–1: 0.7 × idf-weighted share of the query found (title matches count fully) + 0.3 × share of the entry's title found in the query. */
  score: number;
  solutionPreview: string;
}

export interface SearchOptions {
  /** Hits scoring below are dropped. Default DEFAULT_MIN_SCORE. */
  minScore?: number;
}

export const DEFAULT_MIN_SCORE = 0.2;
export const PREVIEW_LENGTH = 80;
/** Weight of a single Han character (unigram) relative to a bigram or word. */
export const UNIGRAM_WEIGHT = 0.3;

const FIELD_WEIGHT = { title: 1, description: 0.6, solution: 0.5, category: 0.3 } as const;
const MULTI_FIELD_BONUS = 0.1;
const MAX_BODY_WEIGHT = 0.9;

/** A small English stop-word list: words that carry no meaning in a problem title. */
const STOP_WORDS = new Set(
  (
    'a an the is are was were be been am i me my we our you your it its this that these those to of and or in on at ' +
    'for with from by as not no can cannot cant could does doesnt do dont did didnt will wont would when after ' +
    'please help there have has had get got so but if isnt arent wasnt werent'
  ).split(' '),
);

const HAN = /\p{Script=Han}/u;
// Han runs | other letter runs (Latin, Cyrillic, kana…) | digit runs. Everything else separates.
const HYPHENATED =
  /(?:(?!\p{Script=Han})[\p{L}\p{M}\p{Nd}])+(?:-(?:(?!\p{Script=Han})[\p{L}\p{M}\p{Nd}])+)+/gu;
const TOKEN_RUN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{M}])+)|(\p{Nd}+)/gu;

/** NFKC (full-width → ASCII, compatibility ideographs → unified), lower case, apostrophes dropped inside words. */
export function normalizeText(text: string): string {
  return String(text ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(\p{L})['’](\p{L})/gu, '$1$2');
}

/** Light English stemmer: plural -s/-es, -ing, -ed, final -e (keeps a stem of at least 3 letters); both sides of a comparison go through it. */
export function stem(word: string): string {
  if (!/^[a-z]+$/.test(word) || word.length <= 3) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (/(sses|shes|ches|xes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length - 3 >= 3) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length - 2 >= 3) w = w.slice(0, -2);
  // stopped → stop, jammed → jam (but installed → install)
  if (w !== word && w.length >= 4 && /([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w))
    w = w.slice(0, -1);
  // update, updates, updated, updating → updat
  if (w.length >= 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

export interface TokenizeOptions {
  /** Also emit each Han character of runs longer than one (search uses them at low weight). */
  unigrams?: boolean;
}

/**
 * Tokens of a text, in order, duplicates kept:
 * - Han runs → overlapping bigrams (`登录失败` → `登录`, `录失`, `失败`); a lone Han character is
 *   its own token; with `unigrams`, every character of longer runs is added too;
 * - other letter runs → lower-cased words, English stop words dropped, lightly stemmed;
 * - digit runs → one token (`win10` → `win`, `10`);
 * - hyphenated words are added joined as well (`wi-fi` → `wi`, `fi`, `wifi`).
 */
export function tokenize(text: string, opts: TokenizeOptions = {}): string[] {
  const out: string[] = [];
  const s = normalizeText(text);
  TOKEN_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RUN.exec(s))) {
    if (m[1]) {
      const chars = Array.from(m[1]);
      if (chars.length === 1) out.push(chars[0]);
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
      if (opts.unigrams && chars.length > 1) for (const c of chars) out.push(c);
    } else if (m[2]) {
      if (!STOP_WORDS.has(m[2])) out.push(stem(m[2]));
    } else if (m[3]) {
      out.push(m[3]);
    }
  }
  // Hyphenated words also count joined: `Wi-Fi` → `wi`, `fi`, `wifi`.
  HYPHENATED.lastIndex = 0;
  while ((m = HYPHENATED.exec(s))) {
    const joined = m[0].replace(/-/g, '');
    if (!STOP_WORDS.has(joined)) out.push(stem(joined));
  }
  return out;
}

const isUnigram = (token: string): boolean =>
  token.length <= 2 && Array.from(token).length === 1 && HAN.test(token);
const tokenWeight = (token: string): number => (isUnigram(token) ? UNIGRAM_WEIGHT : 1);

/** Jaccard index of two token sets; 0 when either is empty. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const t of small) if (big.has(t)) inter++;
  return inter / (a.size + b.size - inter);
}

/**
 * Jaccard similarity of the two texts' token sets (bigrams for Chinese, words for Latin); 0–1.
 * Texts without tokens (punctuation only) are 1 when equal after normalisation, else 0.
 * For many comparisons, tokenize once and use `jaccard` on the sets.
 */
export function similarity(a: string, b: string): number {
  const sa = new Set(tokenize(a));
  const sb = new Set(tokenize(b));
  if (sa.size === 0 || sb.size === 0) {
    const na = normalizeText(a).trim();
    return na !== '' && na === normalizeText(b).trim() ? 1 : 0;
  }
  return jaccard(sa, sb);
}

/** BM25-style idf, always positive. */
function idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function preview(solution: string): string {
  if (solution === '') return ''; // the weekly review indexes titles only
  const chars = Array.from(
    String(solution ?? '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  return chars.length > PREVIEW_LENGTH ? chars.slice(0, PREVIEW_LENGTH).join('') + '…' : chars.join('');
}

export function buildIndex(entries: readonly KbEntry[]): KbIndex {
  const postings = new Map<string, number[]>();
  // Titles and categories repeat (a problem filed again and again, a handful of categories):
  // each distinct one is tokenised once.
  const seen = new Map<string, Set<string>>();
  const tokensOf = (text: string): Set<string> => new Set(tokenize(text, { unigrams: true }));
  const repeated = (text: unknown): Set<string> => {
    const key = String(text ?? '');
    let set = seen.get(key);
    if (!set) seen.set(key, (set = tokensOf(key)));
    return set;
  };
  // An entry with neither description nor solution (the weekly review indexes titles only) weighs
  // its tokens by its title and category alone: computed once per distinct pair.
  const titleOnly = new Map<Set<string>, Map<Set<string>, [string, number][]>>();
  const weighted = (title: Set<string>, description: Set<string>, solution: Set<string>, category: Set<string>): [string, number][] => {
    const w = new Map<string, { best: number; fields: number }>();
    const add = (tokens: Set<string>, weight: number, counts: boolean): void => {
      for (const t of tokens) {
        const cur = w.get(t) ?? { best: 0, fields: 0 };
        cur.best = Math.max(cur.best, weight);
        if (counts) cur.fields++;
        w.set(t, cur);
      }
    };
    add(title, FIELD_WEIGHT.title, true);
    add(description, FIELD_WEIGHT.description, true);
    add(solution, FIELD_WEIGHT.solution, true);
    add(category, FIELD_WEIGHT.category, false);
    const out: [string, number][] = [];
    for (const [t, { best, fields }] of w)
      out.push([t, best >= FIELD_WEIGHT.title ? best : Math.min(MAX_BODY_WEIGHT, best + (fields >= 2 ? MULTI_FIELD_BONUS : 0))]);
    return out;
  };
  const titleSets: Set<string>[] = [];
  entries.forEach((e, doc) => {
    const title = repeated(e.title);
    const category = repeated(e.category);
    let pairs: [string, number][];
    if (e.description === '' && e.solution === '') {
      let byCategory = titleOnly.get(title);
      if (!byCategory) titleOnly.set(title, (byCategory = new Map()));
      let hit = byCategory.get(category);
      if (!hit) byCategory.set(category, (hit = weighted(title, repeated(''), repeated(''), category)));
      pairs = hit;
    } else {
      const body = (text: string): Set<string> => (text === '' ? repeated('') : tokensOf(text));
      pairs = weighted(title, body(e.description), body(e.solution), category);
    }
    // Indexed: 10,000 entries × their tokens, once per weekly review and per index rebuild.
    for (let i = 0; i < pairs.length; i++) {
      const t = pairs[i][0];
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push(doc, pairs[i][1]);
    }
    titleSets.push(title);
  });
  const n = entries.length;
  const out: Record<string, number[]> = Object.create(null);
  postings.forEach((list, t) => (out[t] = list));
  // A title's weight depends on its tokens alone: once per distinct title.
  const norms = new Map<Set<string>, number>();
  const normOf = (title: Set<string>): number => {
    let v = norms.get(title);
    if (v === undefined) {
      v = 0;
      for (const t of title) v += tokenWeight(t) * idf(n, postings.get(t)!.length / 2);
      norms.set(title, v);
    }
    return v;
  };
  const docs: KbDoc[] = entries.map((e, i) => ({
    id: String(e.id),
    title: String(e.title ?? ''),
    category: String(e.category ?? ''),
    date: e.date ?? null,
    helpful: Number(e.helpful) || 0,
    preview: preview(e.solution),
    titleNorm: normOf(titleSets[i]),
  }));
  return { version: 1, n, docs, postings: out };
}

/** Letters, digits and Han characters in the query; fewer than 2 is too short to search. */
const significantLength = (q: string): number => (normalizeText(q).match(/[\p{L}\p{Nd}]/gu) ?? []).length;

/**
 * What ranking needs of an index: its size, a token's postings, and each entry's ID, title weight,
 * helpful count and date. A whole KbIndex is one (`sourceOf`); so are the cached pieces of one
 * (knowledgePack.ts), which load only the postings of the query's tokens.
 */
export interface RankSource {
  n: number;
  postings(token: string): readonly number[] | undefined;
  docs: {
    id: ArrayLike<string>;
    titleNorm: ArrayLike<number>;
    helpful: ArrayLike<number>;
    date: ArrayLike<number | null>;
  };
}

export function sourceOf(index: KbIndex): RankSource {
  const docs = index.docs;
  return {
    n: index.n,
    postings: (t) => (hasOwn(index.postings, t) ? index.postings[t] : undefined),
    docs: {
      id: docs.map((d) => d.id),
      titleNorm: docs.map((d) => d.titleNorm),
      helpful: docs.map((d) => d.helpful),
      date: docs.map((d) => d.date),
    },
  };
}

/** The distinct tokens a query is searched by (unigrams included): what a ranking looks up. */
export function queryTokens(query: string): string[] {
  return Array.from(new Set(tokenize(query, { unigrams: true })));
}

/** A ranked entry: its index in the source, and its score (0–1, rounded to 3 places). */
export interface RankedDoc {
  doc: number;
  score: number;
}

/**
 * Best entries for a query, best first: at most `limit`, none below `minScore`, none for an empty
 * or one-character query. Ties: more helpful, then newer, then id.
 */
export function search(index: KbIndex, query: string, limit = 3, opts: SearchOptions = {}): KbHit[] {
  if (!index || !index.n) return [];
  return rank(sourceOf(index), query, limit, opts).map(({ doc, score }) => {
    const d = index.docs[doc];
    return { id: d.id, title: d.title, score, solutionPreview: d.preview };
  });
}

/** `search` over any rank source: the entries' indexes and scores. */
export function rank(source: RankSource, query: string, limit = 3, opts: SearchOptions = {}): RankedDoc[] {
  const minScore = opts.minScore ?? DEFAULT_MIN_SCORE;
  if (!source || !source.n || limit <= 0 || significantLength(query) < 2) return [];
  const tokens = queryTokens(query);
  if (!tokens.some((t) => !isUnigram(t))) return [];
  const n = source.n;
  const known: { t: string; w: number; idf: number; list: readonly number[] }[] = [];
  let unknownWeight = 0;
  for (const t of tokens) {
    const list = source.postings(t);
    if (list) known.push({ t, w: tokenWeight(t), idf: idf(n, list.length / 2), list });
    else unknownWeight += tokenWeight(t);
  }
  if (!known.length) return [];
  // A query token the base never saw (often a bigram spanning two words, `机连`) counts as an
  // average token: it dilutes the score without dominating it the way its huge idf would.
  const knownWeight = known.reduce((s, k) => s + k.w, 0);
  const avgIdf = known.reduce((s, k) => s + k.w * k.idf, 0) / knownWeight;
  const queryMass = known.reduce((s, k) => s + k.w * k.idf, 0) + unknownWeight * avgIdf;

  const acc = new Float64Array(n);
  const inTitle = new Float64Array(n);
  const touched: number[] = [];
  for (const k of known) {
    const q = k.w * k.idf;
    const list = k.list;
    for (let i = 0; i < list.length; i += 2) {
      const doc = list[i];
      const w = list[i + 1];
      if (acc[doc] === 0 && inTitle[doc] === 0) touched.push(doc);
      acc[doc] += q * w;
      if (w >= FIELD_WEIGHT.title) inTitle[doc] += q;
    }
  }
  const { id, titleNorm, helpful, date } = source.docs;
  const hits: { doc: number; score: number }[] = [];
  for (const doc of touched) {
    const norm = titleNorm[doc];
    const titleCov = norm > 0 ? Math.min(1, inTitle[doc] / norm) : 0;
    const score = 0.7 * Math.min(1, acc[doc] / queryMass) + 0.3 * titleCov;
    if (score >= minScore) hits.push({ doc, score });
  }
  hits.sort((a, b) => {
    if (b.score !== a.score) return b.score - a.score;
    if (helpful[b.doc] !== helpful[a.doc]) return helpful[b.doc] - helpful[a.doc];
    const da = date[a.doc] ?? 0;
    const db = date[b.doc] ?? 0;
    if (db !== da) return db - da;
    const ia = id[a.doc];
    const ib = id[b.doc];
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
  return hits.slice(0, limit).map(({ doc, score }) => ({ doc, score: Math.round(score * 1000) / 1000 }));
}
