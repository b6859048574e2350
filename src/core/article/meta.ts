/**
 * The story's labels: headline, standfirst, byline and publication date. Each is taken from what the
 * page says about itself (meta tags, JSON-LD) and checked against what the reader sees near the story.
 */
import { blockText } from '../text';
import { BY_PREFIX, BYLINE_TOKENS, STANDFIRST_TOKENS } from './patterns';
import { attrOf, nameOf, type Attrs, type PageIndex } from './page-index';

/** The attributes a <meta> is keyed by, in order of precedence. */
const META_KEYS = ['property', 'name', 'itemprop'];

/** The <meta> keys each label is read from, in order of preference (lower-cased, as the table keeps them). */
const LABEL_KEYS = {
  title: ['og:title', 'twitter:title', 'headline'],
  description: ['og:description', 'description', 'twitter:description'],
  author: ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator'],
  published: ['article:published_time', 'datepublished', 'parsely-pub-date', 'pubdate', 'publish-date', 'date', 'dc.date', 'dc.date.issued', 'sailthru.date'],
};
/** Every key the labels ask for: the only ones the table keeps. */
export const WANTED_KEYS = new Set(Object.values(LABEL_KEYS).flat());

/**
 * The <meta>s of the page by property/name/itemprop (lower-cased), first one with content wins, for the keys the
 * labels ask for. One pass: selector queries per key would each walk the whole document. A meta's content is read
 * only when it brings a key not yet found: most of a page's metas (viewport, images, app ids) bring none, and the
 * lookups never ask for another key, so they get the same answers as from a table of every key.
 */
export function metaTable(doc: Document): Map<string, string> {
  const out = new Map<string, string>();
  // The live tag list read in place by index: no array copy, and no iterator (measured dearer).
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    const el = metas[i]!;
    // Read once, when first needed; without content (undefined or '') the meta gives no key at all.
    let v: string | undefined;
    for (const a of META_KEYS) {
      const k = el.getAttribute(a)?.toLowerCase();
      if (k && WANTED_KEYS.has(k) && !out.has(k) && (v ??= el.getAttribute('content')?.trim())) out.set(k, v);
    }
  }
  return out;
}

function metaOf(table: Map<string, string>, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = table.get(k);
    if (v) return v;
  }
  return null;
}

/** Article-typed JSON-LD objects (bounded walk over @graph and arrays). */
export function jsonLdArticles(doc: Document): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  // Every script, its type read here (one without reads '' and is not JSON-LD): the tag list measured cheaper
  // than a 'script[type]' selector query on small pages, and no dearer on large ones.
  // The first 20 of them, from the live tag list in place, by index (as the metas).
  let read = 0;
  const scripts = doc.getElementsByTagName('script');
  for (let i = 0; i < scripts.length; i++) {
    const s = scripts[i]!;
    if ((s.getAttribute('type') ?? '').toLowerCase() !== 'application/ld+json') continue;
    if (read++ === 20) break;
    let data: unknown;
    try { data = JSON.parse(s.textContent ?? ''); } catch { continue; }
    const queue: unknown[] = [data];
    for (let steps = 0; queue.length > 0 && steps < 200; steps++) {
      const v = queue.shift();
      if (Array.isArray(v)) { queue.push(...v.slice(0, 50)); continue; }
      if (!v || typeof v !== 'object') continue;
      const o = v as Record<string, unknown>;
      // Article, NewsArticle, Report, BlogPosting…: the longer names contain the shorter, so three suffice. A list of
      // types reads as its names joined by commas; the three hold no comma, so a match lies within one of the names.
      // None: 'undefined', no match.
      if (/Article|Report|Posting/.test(String(o['@type']))) out.push(o);
      if (o['@graph']) queue.push(o['@graph']);
    }
  }
  return out;
}

/** Module-level: the bundler writes a Unicode-class regex as `new RegExp(…)`; `match` resets a global regex's lastIndex. */
const WORDS = /[\p{L}\p{N}]+/gu;

function words(s: string): string[] {
  return s.toLowerCase().match(WORDS) ?? [];
}

/** Share of the shorter text's words found in the longer one, 0..1. */
export function overlap(a: string, b: string): number {
  return overlapWith(b)(a);
}

/** `overlap(·, b)` for many texts against one `b`: b's words are split once, when first asked (often never). */
function overlapWith(b: string): (a: string) => number {
  let wb: string[] | undefined;
  let setB: Set<string> | null = null;
  return (a) => {
    const wa = words(a);
    wb ??= words(b);
    if (wa.length === 0 || wb.length === 0) return 0;
    // The shorter text's words looked up in a set of the longer's (no pair array per call).
    return wa.length <= wb.length ? overlapOf(wa, (setB ??= new Set(wb)), wa, wb) : overlapOf(wb, new Set(wa), wa, wb);
  };
}

function overlapOf(small: string[], big: Set<string>, wa: string[], wb: string[]): number {
  let hit = 0;
  for (const w of small) if (big.has(w)) hit++;
  // Penalise very different lengths: a one-word heading is not the title.
  return (hit / small.length) * Math.min(1, (small.length + 2) / ((wa.length + wb.length) / 2 + 2));
}

export interface Labels {
  headline: Element | null;
  /** Index of the headline, standfirst and byline elements in the page index, -1 for none. */
  headlineIdx: number;
  standfirstIdx: number;
  bylineIdx: number;
  title: string;
  standfirstElement: Element | null;
  standfirst: string | null;
  byline: string | null;
  bylineElement: Element | null;
  published: string | null;
}

function cleanTitle(t: string): string {
  // "Story headline | Site" → keep the longest part when a separator splits off a short site name.
  const parts = t.split(/ [|–—-] | [|] | » | :: /);
  if (parts.length < 2) return t.trim();
  // The first part with the most words (each part split once).
  let best = t;
  let most = -1;
  for (const p of parts) {
    const n = words(p).length;
    if (n > most) {
      best = p;
      most = n;
    }
  }
  return most >= 3 ? best.trim() : t.trim();
}

function authorName(v: unknown): string | null {
  if (!v) return null;
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) {
    const names = v.slice(0, 8).map(authorName).filter((x): x is string => !!x);
    return names.length ? names.join(', ') : null;
  }
  if (typeof v === 'object') return authorName((v as Record<string, unknown>)['name']);
  return null;
}

/** ISO 8601 from the common date spellings; null when it cannot be read. */
export function toIsoDate(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = s.trim();
  if (/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(t)) {
    return t.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  }
  if (t.length > 80) return null;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** BYLINE_TOKENS in any case: for the raw id and class, before their lower-cased name is built. */
const BYLINE_ANY_CASE = new RegExp(BYLINE_TOKENS.source, 'i');

/**
 * `BYLINE_TOKENS.test(nameOf(attrs))`, most elements rejected on their raw id and class without building the name.
 * Exact: the name is a cut of "id class" lower-cased, with no bracketed part dropped when there is no '['; a token
 * found in it is then found in id or class (a token has no space) in some case. Lower-casing turns no other character
 * into an ASCII letter save U+212A (k, in no token) and U+0130 (i then U+0307, and in a token an i is followed by a
 * letter), and the case-insensitive match makes no non-ASCII character an ASCII letter.
 */
export function namedLikeByline(attrs: Attrs | null | undefined): boolean {
  const id = attrs?.id ?? '';
  const cls = attrs?.cls ?? '';
  if (!id && !cls) return false; // an element without a name, most of them
  if (!BYLINE_ANY_CASE.test(id) && !BYLINE_ANY_CASE.test(cls) && !id.includes('[') && !cls.includes('[')) return false;
  return BYLINE_TOKENS.test(nameOf(attrs));
}

export function findLabels(doc: Document, ix: PageIndex, firstParagraph: number, storyTop: number): Labels {
  const table = metaTable(doc);
  const ld = jsonLdArticles(doc);
  // The first truthy value of key k among the JSON-LD articles (no array of them all).
  const ldGet = (k: string) => {
    for (const o of ld) if (o[k]) return o[k];
    return undefined;
  };
  const ogTitle = metaOf(table, LABEL_KEYS.title) ?? (typeof ldGet('headline') === 'string' ? String(ldGet('headline')) : null);
  const docTitle = doc.title ?? '';
  const wanted = ogTitle ?? cleanTitle(docTitle);

  const overlapWanted = wanted ? overlapWith(wanted) : null;
  // Headline: the visible <h1> agreeing best with the declared title, the nearest one before the story on ties.
  let headline: Element | null = null;
  // The headline's text as scored: at most 400 characters, so the whole of it (blockText stops only past its cap).
  let headlineText = '';
  let hIdx = -1;
  let best = -1;
  const limit = firstParagraph >= 0 ? firstParagraph : ix.els.length;
  // The candidates, in index order: <h1>s, then <h2>s and <h3>s. The tags are read once per level, and most pages
  // stop at their <h1>.
  for (const level of [1, 2]) {
    for (let i = 0; i < ix.tags.length; i++) {
      const tag = ix.tags[i];
      if (level === 1 ? tag !== 'H1' : tag !== 'H2' && tag !== 'H3') continue;
      const el = ix.els[i]!;
      const t = blockText(el, 400);
      if (!t || t.length > 400) continue;
      let s = wanted ? overlapWanted!(t) : 0.3;
      if (i < limit) s += 0.15;
      if (storyTop >= 0 && i > limit) s -= 0.2;
      if (s > best + 0.01) { best = s; headline = el; headlineText = t; hIdx = i; }
    }
    if (headline && (best >= 0.45 || level === 1)) break;
    if (best < 0.6) { headline = null; headlineText = ''; hIdx = -1; best = -1; }
  }
  const title = headlineText || (ogTitle ? ogTitle.trim() : cleanTitle(docTitle));

  // Standfirst: between headline and body, agreeing with the page's own description or named like one.
  const desc = metaOf(table, LABEL_KEYS.description);
  const overlapDesc = desc ? overlapWith(desc) : null;
  let standfirstElement: Element | null = null;
  let standfirst: string | null = null;
  let standfirstIdx = -1;
  // Without a description no block reaches 0.6 (a standfirst's name gives 0.5): no search.
  if (hIdx >= 0 && overlapDesc) {
    let bestS = 0;
    const end = Math.min(limit + 1, hIdx + 600, ix.els.length);
    for (let i = hIdx + 1; i < end; i++) {
      const tag = ix.tags[i];
      if (tag !== 'P' && tag !== 'DIV' && tag !== 'H2' && tag !== 'SPAN' && tag !== 'H3') continue;
      const len = ix.text[i]!;
      if (len < 25 || len > 500) continue;
      if (ix.own[i]! < len * 0.6 && tag === 'DIV') continue;
      const el = ix.els[i]!;
      const t = blockText(el);
      let s = overlapDesc(t);
      if (STANDFIRST_TOKENS.test(nameOf(ix.attrs[i]))) s += 0.5;
      if (i === limit) s -= 0.3; // the first body paragraph is a standfirst only when it clearly says so
      if (s >= 0.6 && s > bestS + 0.01) { bestS = s; standfirstElement = el; standfirst = t; standfirstIdx = i; }
    }
  }

  // Byline: declared author first, then what the page prints near the headline.
  let byline = authorName(ldGet('author')) ?? metaOf(table, LABEL_KEYS.author);
  if (byline && /^https?:/.test(byline)) byline = null;
  let bylineElement: Element | null = null;
  let bylineIdx = -1;
  const start = Math.max(0, hIdx);
  for (let i = start; i < Math.min(ix.els.length, start + 400); i++) {
    const el = ix.els[i]!;
    // What the page walk read of its attributes: no rel, itemprop or name is read from the element without one.
    const attrs = ix.attrs[i];
    const isAuthor = attrOf(el, attrs, 'rel') === 'author' || attrOf(el, attrs, 'itemprop') === 'author' || namedLikeByline(attrs);
    if (!isAuthor) continue;
    // Not ix.text: an inline link's text is credited to its block. At most 120 characters, it is the whole text.
    const t = blockText(el, 120);
    if (t.length === 0 || t.length > 120) continue;
    bylineElement = el;
    bylineIdx = i;
    if (!byline) byline = t.replace(BY_PREFIX, '').trim() || null;
    break;
  }
  if (!byline && hIdx >= 0) {
    for (let i = hIdx + 1; i < Math.min(ix.els.length, hIdx + 200); i++) {
      if (ix.text[i]! > 100 || ix.text[i]! < 4) continue;
      const el = ix.els[i]!;
      // The text read (a walk) only if it may start "by": its characters are a subsequence of the textContent (one
      // native read), so that needs a b there, and a y after the first b. (Not a string: a clobbered form, read.)
      const all: unknown = el.textContent;
      if (typeof all === 'string' && !/^[^b]*b[^]*y/i.test(all)) continue;
      // Read up to 100 characters: a text under 100 is then read whole, a longer one stays at least 100 long.
      const t = blockText(el, 100);
      if (BY_PREFIX.test(t) && t.length < 100) { byline = t.replace(BY_PREFIX, '').trim(); bylineElement = el; bylineIdx = i; break; }
    }
  }

  // Date: declared first, then the first <time datetime> near the headline.
  let published = toIsoDate(metaOf(table, LABEL_KEYS.published))
    ?? toIsoDate(typeof ldGet('datePublished') === 'string' ? String(ldGet('datePublished')) : null);
  if (!published) {
    const times = doc.getElementsByTagName('time');
    for (let i = 0; i < times.length && i < 10; i++) {
      published = toIsoDate(times[i]!.getAttribute('datetime'));
      if (published) break;
    }
  }
  return { headline, headlineIdx: hIdx, title, standfirstElement, standfirstIdx, standfirst, byline: byline ?? null, bylineElement, bylineIdx, published };
}
