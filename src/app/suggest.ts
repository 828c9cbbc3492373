// Knowledge-base suggestions while the requester types, and "this solved it".
//
// A suggestion must answer within 2 spreadsheet calls and 50 ms at 10,000 entries (issue 20):
// reading and indexing the whole knowledge sheet on every keystroke pause cost 4 calls and ~400 ms.
// So the index is kept in the tracker's cache in pieces (domain/knowledgePack.ts), under the
// knowledge base's version (a document property every writer of the knowledge sheet renews:
// closing, filing missed entries, "this solved it", setup, and a hand edit of the sheet). A
// suggestion reads the version, the pieces its words need, and asks the spreadsheet only whether
// the knowledge sheet is still there. When a piece is missing (evicted, expired, another version),
// it reads the sheet, ranks, and writes the pieces again.
//
// What the version cannot see: a write to the knowledge sheet that fires no edit trigger (another
// script, the Sheets API). Such a change reaches the suggestions when the pieces expire
// (PIECE_TTL_S) or the next time the tracker itself writes the knowledge base.
import { rethrowDefect } from '../domain/errors';
import { buildIndex, queryTokens, rank, sourceOf } from '../domain/knowledge';
import type { KbManifest } from '../domain/knowledgePack';
import { KEYS, packIndex, packedSource, pieceOf, shardOf, untag } from '../domain/knowledgePack';
import { t } from '../domain/i18n';
import { findKnowledgeSheet, readKnowledge } from '../gas/knowledgeSheet';
import { withTrackerLock } from '../gas/lock';
import { noteKnowledgeChanged, readKnowledgeVersion } from '../gas/properties';
import { trackerCache } from '../gas/scope';
import type { Services } from '../gas/services';
import type { ArticleSuggestion } from './contracts';
import { actingEmail, openTracker } from './tracker';

type Cache = GoogleAppsScript.Cache.Cache;

/** How long cached pieces live: bounds how stale a write no trigger saw can leave the suggestions. */
export const PIECE_TTL_S = 60 * 60;
/** Hits ranked before duplicates (the same title and solution filed twice) are dropped. */
const RANKED = 30;
const SHOWN = 3;

interface Text {
  title: string;
  category: string;
  solution: string;
}

/** Up to three knowledge-base entries matching what the requester is typing. */
export function suggestArticles(svc: Services, text: unknown): ArticleSuggestion[] {
  if (typeof text !== 'string' || Array.from(text.trim()).length < 2 || text.length > 50_000) return [];
  const tr = openTracker(svc);
  const sheet = findKnowledgeSheet(tr.ss, tr.lang);
  if (!sheet) return [];
  const cache = trackerCache(svc);
  // The version is read before the sheet: a write after it renews the version, so pieces built
  // from an older read never pass for the newer base.
  let version = cache ? readKnowledgeVersion(tr.props) : null;
  if (cache && version) {
    const cached = fromPieces(cache, version, text);
    if (cached) return cached;
  }
  const kb = readKnowledge(tr.ss, sheet);
  // Retired entries (状态 停用) are kept for the record, never suggested.
  const entries = kb ? kb.entries.filter((e) => !e.retired) : [];
  if (!entries.length) return [];
  const index = buildIndex(entries);
  if (cache) {
    try {
      if (!version) version = noteKnowledgeChanged(tr.props);
      const pack = packIndex(index, entries, version);
      if (pack) cache.putAll(pack.values, PIECE_TTL_S);
    } catch (e) {
      rethrowDefect(e);
      // A cache that refuses (quota, size) only costs the next suggestion a read of the sheet.
    }
  }
  const texts = (doc: number): Text => entries[doc];
  return shown(rank(sourceOf(index), text, RANKED), (doc) => index.docs[doc].id, texts);
}

/** The ranked entries as suggestions: each title and solution once, the best three. */
function shown(hits: { doc: number; score: number }[], idOf: (doc: number) => string, textOf: (doc: number) => Text): ArticleSuggestion[] {
  const seen = new Set<string>();
  const out: ArticleSuggestion[] = [];
  for (const h of hits) {
    const e = textOf(h.doc);
    const key = `${e.title.trim()}\n${e.solution.trim()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ id: idOf(h.doc), title: e.title, category: e.category, solution: e.solution, score: h.score });
    if (out.length === SHOWN) break;
  }
  return out;
}

/** The suggestions from the cached pieces, or null when one is missing or of another version. */
function fromPieces(cache: Cache, version: string, text: string): ArticleSuggestion[] | null {
  let manifest: KbManifest;
  try {
    manifest = JSON.parse(cache.get(KEYS.manifest) ?? 'null') as KbManifest;
  } catch (e) {
    rethrowDefect(e);
    // A cache that refuses, or a damaged manifest: no cached index, the sheet is read.
    return null;
  }
  if (!manifest || manifest.version !== version) return null;
  const shards = [...new Set(queryTokens(text).map((tk) => shardOf(tk, manifest.shards)))];
  const docKeys = manifest.docPieces.map((_, k) => KEYS.doc(k));
  const got = cache.getAll([...docKeys, ...shards.map(KEYS.shard)]);
  const source = packedSource(
    manifest,
    docKeys.map((k) => untag(got[k], version)),
    new Map(shards.map((s) => [s, untag(got[KEYS.shard(s)], version)])),
  );
  if (!source) return null;
  const hits = rank(source, text, RANKED);
  if (!hits.length) return [];
  if (hits.some((h) => manifest.big.includes(h.doc))) return null;
  const pieces = [...new Set(hits.map((h) => pieceOf(manifest.textPieces, h.doc)))];
  const texts = cache.getAll(pieces.map(KEYS.text));
  const rows = new Map<number, (Text | null)[]>();
  for (const k of pieces) {
    const json = untag(texts[KEYS.text(k)], version);
    if (json === null) return null;
    const list = JSON.parse(json) as ([string, string, string] | null)[];
    rows.set(k, list.map((r) => (r ? { title: r[0], category: r[1], solution: r[2] } : null)));
  }
  const textOf = (doc: number): Text => {
    const k = pieceOf(manifest.textPieces, doc);
    return (rows.get(k) as (Text | null)[])[doc - manifest.textPieces[k]] as Text;
  };
  return shown(hits, (doc) => source.docs.id[doc], textOf);
}

/** How long one person's "this solved it" for one entry is remembered (CacheService's maximum). */
const HELPFUL_MEMORY_S = 6 * 60 * 60;
const LOCK_WAIT_MS = 10_000;

/**
 * "This solved it": counts the entry as helpful (the requester did not need a ticket) — once per
 * person and entry, so a looping web-form visitor cannot inflate the count. Someone whose email
 * Google hides cannot be told apart and is counted each time.
 */
export function markArticleHelpful(svc: Services, id: unknown): boolean {
  if (typeof id !== 'string' || !id.trim() || id.length > 40) return false;
  const tr = openTracker(svc);
  const who = actingEmail(svc, 'triggerOwner').toLowerCase();
  // This sheet's cache (scope.ts); without one, counted each time like someone unnamed.
  const cache = who ? trackerCache(svc) : null;
  const key = `helpful:${who}:${id.trim()}`;
  if (cache && cache.get(key)) return true;
  return withTrackerLock(svc, LOCK_WAIT_MS, t(tr.lang, 'busy'), () => {
    const kb = readKnowledge(tr.ss);
    const i = kb ? kb.entries.findIndex((e) => e.id === id.trim()) : -1;
    if (!kb || i < 0) return false;
    kb.sheet.getRange(kb.rows[i], kb.helpfulCol).setValue(kb.rowHelpful[i] + 1);
    // The helpful count orders equal suggestions: the cached index is of the old count now.
    noteKnowledgeChanged(tr.props);
    if (cache) cache.put(key, '1', HELPFUL_MEMORY_S);
    return true;
  });
}

