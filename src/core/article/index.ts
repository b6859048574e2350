/**
 * The article engine: find the story on a news page, its labels, and the boilerplate in and around it.
 *
 * Read first, write never: the document is not modified or cloned. The caller (content script, CLI)
 * gets elements back and decides what to hide.
 *
 * Steps, in order (each named in patterns.ts STEPS and switchable off):
 *  1. index the visible page once (hidden-nodes, unlikely-candidates);
 *  2. score prose and pick the story containers (class-weight, link-density, sibling-join);
 *  3. walk the containers and their surroundings: boilerplate named by tokens is set aside whole,
 *     story blocks are collected, captions/embeds/link clusters are left out (captions, link-clusters);
 *  4. short blocks whose text reads like an appeal grow into the box that holds them (boilerplate-text);
 *  5. labels: headline, standfirst, byline, date.
 */
import { NEXT_SIBLING, TAG_NAME, TEXT_CONTENT, TextMap, blockText, isPlugin, partitionPoint } from '../text';
import { buildIndexSteps, contains, drain, linkDensity, nameOf, type PageIndex } from './page-index';
import { findStory } from './story';
import { findLabels, jsonLdArticles } from './meta';
import { kindFromBlock, kindFromElementText, kindFromTokens, type KindMatch } from './kinds';
import {
  BYLINE_TOKENS, HEADED_BOX_MAX_CHARS, LONE_MATCH_MAX_CHARS, NON_STORY_TAGS, SITE_FIXES, STEPS, STORY_BLOCK_TAGS, TEXT_PATTERN_MAX_CHARS,
  type BoilerplateKind,
} from './patterns';

export type { BoilerplateKind } from './patterns';
export { STEPS, TEXT_PATTERNS, KIND_TOKENS, SITE_FIXES } from './patterns';

export interface BoilerplateBlock { kind: BoilerplateKind; element: Element; text: string; reason: string; step: string }
export interface Article {
  isArticle: boolean;
  notArticleReason?: string;
  root: Element | null;
  headline: Element | null;
  title: string;
  standfirstElement: Element | null;
  standfirst: string | null;
  byline: string | null;
  published: string | null;
  paragraphs: Element[];
  text: string;
  boilerplate: BoilerplateBlock[];
  removals: Array<{ step: string; reason: string; text: string }>;
}
export interface AnalyzeOptions { url?: string; disabledSteps?: string[]; siteFixes?: boolean }

/** Below this many non-space characters of story the page is not an article. */
const MIN_STORY_CHARS = 180;
/** Less prose than this in the best container: look again without the unlikely-candidates filter. */
const RETRY_BELOW_CHARS = 450;
/** How far above the story container we look for boilerplate around it. */
const SURROUNDING_LEVELS = 3;
/** A box named like boilerplate but holding this much unlinked prose inside the story is kept. */
const STORY_SIZED_PROSE = 500;
const EMBED_TOKENS = /twitter-tweet|instagram-media|tiktok-embed|embed|fb-post|reddit-card/;
const SNIPPET_CHARS = 160;
/** A box after the story whose text is at least this much link text is a list of teasers. */
const TEASER_LINK_DENSITY = 0.75;
/** Non-space characters above which a text-matched box stops growing unless it is mostly appeal. */
const GROW_MAX_CHARS = 1200;
/**
 * Pages with fewer indexed elements than this are analysed without pausing between steps: a pause passed up through
 * the generators costs ~0.15 µs, a few per cent of such a page's pass, and even its cold first pass is a few ms.
 */
const PAUSE_MIN_ELEMENTS = 256;
const QUOTE_MARKS = /["“”«»„]/;

/** The last URL's host name ('' for no URL): a page's passes all ask about the same URL. */
let lastHost: { url: string; host: string } | null = null;
function hostOf(url: string): string {
  if (lastHost?.url !== url) {
    let host = '';
    try { host = new URL(url).hostname; } catch { /* not a URL: no fixes */ }
    lastHost = { url, host };
  }
  return lastHost.host;
}

function snippet(el: Element): string {
  const t = blockText(el, SNIPPET_CHARS);
  return t.length > SNIPPET_CHARS ? t.slice(0, SNIPPET_CHARS) + '…' : t;
}

/**
 * A removal record whose `text`, the element's snippet, is read when first asked for: the content script never
 * reads it (the CLIs, the evaluation and debugging do). A getter in the literal: spreads and JSON see a plain
 * `text` after step and reason. Read late, it is the element's text then; the pass's own writes (attributes)
 * leave that unchanged.
 */
function removalOf(step: string, reason: string, el: Element): Article['removals'][number] {
  let text: string | undefined;
  return { step, reason, get text() { return (text ??= snippet(el)); } };
}

function emptyArticle(reason: string, removals: Article['removals'], title = ''): Article {
  return {
    isArticle: false, notArticleReason: reason, root: null, headline: null, title, standfirstElement: null,
    standfirst: null, byline: null, published: null, paragraphs: [], text: '', boilerplate: [], removals,
  };
}

function isDataTable(el: Element, ix: PageIndex, i: number): boolean {
  const has = (tag: string) => el.getElementsByTagName(tag).length > 0;
  if (has('table')) return false;
  if (has('th') || has('caption') || has('thead')) return true;
  return ix.own[i]! < ix.text[i]! && el.getElementsByTagName('td').length <= 60 && !has('p') && !has('div');
}

export function analyzeArticle(doc: Document, options: AnalyzeOptions = {}): Article {
  return drain(analyzeArticleSteps(doc, options));
}

/**
 * `analyzeArticle` as a generator: it yields between its steps (and inside the page walk, every few thousand
 * nodes), so the content script can run it in slices with the browser free in between. Driven to its end in
 * one go it is `analyzeArticle` — the same code, the same result. Read only, like `analyzeArticle`; a page that
 * changes between slices is read partly before and partly after the change, as late content is anyway.
 */
export function* analyzeArticleSteps(doc: Document, options: AnalyzeOptions = {}): Generator<void, Article, unknown> {
  // (A list, not a set: it is asked about each element walked, and is nearly always empty.)
  const off = options.disabledSteps ?? [];
  const on = (step: string) => !off.includes(step);
  const removals: Article['removals'] = [];
  // A document with no root element (an empty response, some DOM libraries on bare text) has nothing to read.
  if (!doc.documentElement) return emptyArticle('the document is empty', removals);

  const ix = yield* buildIndexSteps(doc, { skipHidden: on(STEPS.hiddenNodes), markUnlikely: on(STEPS.unlikelyCandidates) });
  const pauses = ix.els.length >= PAUSE_MIN_ELEMENTS;
  const storyOpts = {
    useUnlikely: on(STEPS.unlikelyCandidates), useClassWeight: on(STEPS.classWeight),
    useLinkDensity: on(STEPS.linkDensity), useSiblings: on(STEPS.siblingJoin),
  };
  if (pauses) yield;
  let place = findStory(ix, storyOpts);
  let retried = false;
  const weak = (pl: typeof place) => !pl || ix.text[pl.top]! < RETRY_BELOW_CHARS || ix.tags[pl.top] === 'BODY' || ix.tags[pl.top] === 'HTML';
  if (weak(place) && storyOpts.useUnlikely) {
    if (pauses) yield;
    // Little prose found: maybe the story itself sits in a box named like chrome. Look again without that filter.
    const retry = findStory(ix, { ...storyOpts, useUnlikely: false });
    if (retry && !weak(retry)) {
      removals.push({ step: STEPS.unlikelyCandidates, reason: 'retried without the unlikely-candidates filter', text: '' });
      place = retry;
      retried = true;
    }
  }
  if (!place) return emptyArticle('no paragraph of prose on the page', removals, doc.title ?? '');
  if (pauses) yield;

  const containers = new Set(place.containers);
  // Protected: the containers, their ancestors — never boilerplate, they hold the story.
  const protectedSet = new Set<number>();
  for (const c of place.containers) for (let a = c; a >= 0; a = ix.parent[a]!) protectedSet.add(a);

  // The region scanned for boilerplate: a few levels above the story, never <body>.
  let scope = place.top;
  for (let k = 0; k < SURROUNDING_LEVELS; k++) {
    const p = ix.parent[scope]!;
    const tag = ix.tags[p];
    if (p < 0 || tag === 'BODY' || tag === 'HTML') break;
    scope = p;
    if (tag === 'ARTICLE' || tag === 'MAIN') break;
  }

  // Twins: the story split into several boxes named like the best one ("story-body-1", "story-body-2"),
  // not siblings, so sibling-join missed them.
  if (on(STEPS.siblingJoin)) {
    const first = (ix.attrs[place.top]?.cls ?? '').trim().split(/\s+/)[0];
    if (first && first.length >= 4) {
      for (let d = scope + 1; d < ix.end[scope]!; d++) {
        if (containers.has(d) || protectedSet.has(d)) continue;
        const cls = ix.attrs[d]?.cls;
        // (A class whose first word is `first` holds it: most classes are turned away before the split.)
        if (!cls?.includes(first) || cls.trim().split(/\s+/)[0] !== first) continue;
        if (ix.text[d]! < 200 || linkDensity(ix, d) >= 0.3) continue;
        if ([...containers].some((c) => contains(ix, c, d) || contains(ix, d, c))) continue;
        containers.add(d);
        for (let a = d; a >= 0; a = ix.parent[a]!) protectedSet.add(a);
        removals.push(removalOf(STEPS.siblingJoin, `joined a twin of the story box (.${first})`, ix.els[d]!));
      }
    }
  }

  // Site fixes: elements the table names, by host.
  const fixed = new Map<Element, KindMatch>();
  if (options.siteFixes !== false && on(STEPS.siteFixes) && options.url) {
    const host = hostOf(options.url);
    for (const f of SITE_FIXES) {
      if (host !== f.host && !host.endsWith('.' + f.host)) continue;
      for (const el of Array.from(doc.querySelectorAll(f.selector))) fixed.set(el, { kind: f.kind, reason: f.why, step: STEPS.siteFixes });
    }
  }

  // Walk: token boilerplate, story blocks, and candidates for text patterns.
  const flagged = new Map<number, KindMatch>();
  const kindByName = new Map<string, KindMatch | null>();
  const blocks: number[] = [];
  const textCands: number[] = [];
  const linkBoxes: number[] = [];
  // The walk's stack: element indices, and whether each one's parent is in the story (two arrays, no pair per element).
  const stack: number[] = [scope];
  const stackInStory: boolean[] = [containers.has(scope)];
  // Elements read since the last pause point (the walk's own, and those pushTextCands scans).
  let walked = 0;
  while (stack.length > 0) {
    if (++walked >= 512) {
      walked = 0;
      yield;
    }
    const i = stack.pop()!;
    const parentInStory = stackInStory.pop()!;
    const el = ix.els[i]!;
    const inStory = parentInStory || containers.has(i);
    const tag = ix.tags[i]!;
    if (!protectedSet.has(i)) {
      const fix = fixed.size > 0 ? fixed.get(el) : undefined;
      const byName = fix ?? (on(STEPS.boilerplateTokens) && tag !== 'P' && tag !== 'A' ? kindFromTokens(el, kindByName, ix.attrs[i], tag) : null);
      if (byName) {
        const prose = ix.text[i]! - ix.link[i]!;
        if (inStory && !fix && prose > STORY_SIZED_PROSE && byName.kind !== 'comments') {
          removals.push(removalOf(byName.step, `kept: ${byName.reason} but holds ${Math.round(prose)} characters of prose`, el));
        } else {
          flagged.set(i, byName);
          continue;
        }
      }
    }
    if (isTextCand(ix, i)) textCands.push(i);
    if (inStory && (!protectedSet.has(i) || containers.has(i))) {
      // A form the story itself sits in (ASP.NET pages wrap the whole page in one) is not a sign-up box.
      if (on(STEPS.captions) && ((NON_STORY_TAGS.has(tag) && !(tag === 'FORM' && containers.has(i))) || EMBED_TOKENS.test(nameOf(ix.attrs[i])))) {
        removals.push({ step: STEPS.captions, reason: `${tag.toLowerCase()} is not story text`, text: '' });
        walked += pushTextCands(ix, i, textCands);
        continue;
      }
      if (on(STEPS.unlikelyCandidates) && !retried && ix.unlikely[i] && !ix.unlikely[ix.parent[i]!]) {
        removals.push({ step: STEPS.unlikelyCandidates, reason: `named "${nameOf(ix.attrs[i]).trim().slice(0, 60)}"`, text: '' });
        walked += pushTextCands(ix, i, textCands);
        continue;
      }
      const isStoryBlock = STORY_BLOCK_TAGS.has(tag) && (tag !== 'TABLE' || isDataTable(el, ix, i));
      const isProseBox = !isStoryBlock && !STORY_BLOCK_TAGS.has(tag) && ix.own[i]! >= 20 && ix.own[i]! >= 0.5 * ix.text[i]!;
      if (isStoryBlock || isProseBox) {
        const ld = linkDensity(ix, i);
        if (on(STEPS.linkClusters) && ((tag === 'UL' || tag === 'OL' || tag === 'DL') ? ld > 0.5 : ld > 0.8 && ix.text[i]! < 400)) {
          removals.push(removalOf(STEPS.linkClusters, `link-dense ${tag.toLowerCase()} (${ld.toFixed(2)})`, el));
          walked += pushTextCands(ix, i, textCands);
          continue;
        }
        if (ix.text[i]! > 0) blocks.push(i);
        walked += pushTextCands(ix, i, textCands);
        continue;
      }
      if (on(STEPS.linkClusters) && ix.text[i]! > 0 && linkDensity(ix, i) > 0.6 && ix.text[i]! < 1500 && !protectedSet.has(i)) {
        removals.push(removalOf(STEPS.linkClusters, `link-dense box (${linkDensity(ix, i).toFixed(2)})`, el));
        linkBoxes.push(i);
        walked += pushTextCands(ix, i, textCands);
        continue;
      }
    }
    // The indexed children, last first so the first is walked first: i+1, then past each child's subtree.
    const mark = stack.length;
    for (let c = i + 1, e = ix.end[i]!; c < e; c = ix.end[c]!) {
      stack.push(c);
      stackInStory.push(inStory);
    }
    reverseFrom(stack, mark);
  }

  if (pauses) yield;
  // Labels need the first story block; the headline and standfirst are never story blocks or boilerplate.
  blocks.sort((a, b) => a - b);
  const labels = findLabels(doc, ix, blocks[0] ?? -1, place.top);
  const labelIdx = [labels.headlineIdx, labels.standfirstIdx].filter((i) => i >= 0);
  for (const l of labelIdx) for (let a = l; a >= 0; a = ix.parent[a]!) protectedSet.add(a);

  if (pauses) yield;
  // Text patterns: matched short blocks grow into the box that is mostly made of them.
  if (on(STEPS.boilerplateText)) yield* flagByText(ix, textCands, flagged, protectedSet, containers, scope, removals);

  // Teasers after the story: a box of nothing but links below the last story block is a related list.
  if (on(STEPS.linkClusters)) {
    const last = blocks.length ? blocks[blocks.length - 1]! : -1;
    for (const b of linkBoxes) {
      if (b < last || flagged.has(b) || protectedSet.has(b)) continue;
      // The box's indexed elements with text: its indexed descendants are the range after it (no look-up over the page).
      const withText = new Set<Element>();
      for (let d = b + 1; d < ix.end[b]!; d++) if (ix.text[d]! > 0) withText.add(ix.els[d]!);
      const links = Array.from(ix.els[b]!.getElementsByTagName('a')).filter((x) => withText.has(x) || (x.textContent ?? '').trim().length > 0);
      if (links.length < 2 || linkDensity(ix, b) < TEASER_LINK_DENSITY) continue;
      flagged.set(b, { kind: 'related', reason: `${links.length} links after the story`, step: STEPS.linkClusters });
    }
  }

  // Outermost flags only; drop story blocks inside them.
  const flaggedIdx = [...flagged.keys()].sort((a, b) => a - b);
  const outer: number[] = [];
  for (const f of flaggedIdx) {
    // In index order, a box inside an earlier outer box is inside the last one taken.
    if (outer.length > 0 && contains(ix, outer[outer.length - 1]!, f)) continue;
    outer.push(f);
  }
  // Inside a flagged box (or one itself) is inside an outermost one: outer boxes are disjoint ranges, in order.
  const isFlaggedInside = (i: number) => {
    if (outer.length === 0) return false;
    const lo = partitionPoint(outer.length, (m) => outer[m]! <= i);
    return lo > 0 && contains(ix, outer[lo - 1]!, i);
  };
  const bylineIdx = labels.bylineIdx;
  const story: Element[] = [];
  let storyChars = 0;
  for (const b of blocks) {
    if (labelIdx.includes(b)) continue;
    if (isFlaggedInside(b)) continue;
    const el = ix.els[b]!;
    // A short block naming the author or printing the date is metadata, not story.
    if (ix.text[b]! < 100 && (b === bylineIdx || contains(ix, b, bylineIdx) || BYLINE_TOKENS.test(nameOf(ix.attrs[b])))) {
      removals.push(removalOf('metadata', 'byline block', el));
      continue;
    }
    if (ix.text[b]! < 100 && isDateline(el)) {
      removals.push(removalOf('metadata', 'date line', el));
      continue;
    }
    if (labelIdx.some((l) => contains(ix, b, l))) continue;
    story.push(el);
    storyChars += ix.text[b]!;
  }
  const boilerplate: BoilerplateBlock[] = outer.map((i) => {
    const m = flagged.get(i)!;
    const el = ix.els[i]!;
    removals.push(removalOf(m.step, `${m.kind}: ${m.reason}`, el));
    return boilerplateBlock(m, el);
  });

  if (pauses) yield;
  const storyMap = TextMap.of(story);
  const text = storyMap.text;
  const base = {
    root: ix.els[place.top]!, headline: labels.headline, title: labels.title,
    standfirstElement: labels.standfirstElement, standfirst: labels.standfirst, byline: labels.byline,
    published: labels.published, paragraphs: story, text, boilerplate, removals,
  };
  if (storyChars < MIN_STORY_CHARS) {
    return { ...base, isArticle: false, notArticleReason: `only ${storyChars} characters of story text`, text: '', paragraphs: [] };
  }
  storyMaps.set(story, storyMap);
  return { isArticle: true, ...base };
}

/** The story's TextMap that `analyzeArticle` built for `text`, kept so a caller needing the way back does not build it again. */
const storyMaps = new WeakMap<readonly Element[], TextMap>();

/** The TextMap of an article's paragraphs (its `text` and the way back to the DOM): the one analysis built, or a new one. */
export function storyTextMap(article: Pick<Article, 'paragraphs'>): TextMap {
  return storyMaps.get(article.paragraphs) ?? TextMap.of(article.paragraphs);
}

/**
 * A boilerplate block whose `text` is read when first asked for (hiding needs only the element; the CLIs and
 * the evaluation print the text): keys kind, element, text, reason, step, as they always were.
 */
function boilerplateBlock(m: KindMatch, element: Element): BoilerplateBlock {
  let text: string | undefined;
  return { kind: m.kind, element, get text() { return (text ??= blockText(element)); }, reason: m.reason, step: m.step };
}

/** May element i carry an appeal's text (for step boilerplate-text)? Some prose of its own, and short. */
function isTextCand(ix: PageIndex, i: number): boolean {
  return ix.own[i]! > 0 && ix.text[i]! <= TEXT_PATTERN_MAX_CHARS * 1.2;
}

/** Index-order descendants of i that are text candidates; returns how many descendants it read. */
function pushTextCands(ix: PageIndex, i: number, out: number[]): number {
  // Descendants are contiguous in document order: i+1 … end[i]-1.
  const e = ix.end[i]!;
  for (let d = i + 1; d < e; d++) if (isTextCand(ix, d)) out.push(d);
  return e - i - 1;
}

/** Reverses a[from…] in place. */
function reverseFrom<T>(a: T[], from: number): void {
  for (let l = from, r = a.length - 1; l < r; l++, r--) {
    const t = a[l]!;
    a[l] = a[r]!;
    a[r] = t;
  }
}

function* flagByText(
  ix: PageIndex, cands: number[], flagged: Map<number, KindMatch>, protectedSet: Set<number>,
  containers: Set<number>, scope: number, removals: Article['removals'],
): Generator<void, void, unknown> {
  // 1. which short blocks match, outermost only
  const matched = new Map<number, { kind: BoilerplateKind; name: string; strong: boolean; len: number }>();
  let read = 0;
  // Under a flagged or matched box: the boxes before i in index order reach past it (descendants are contiguous).
  // The candidates and the flagged boxes are in index order already, each once: the walk visits elements in
  // document order, takes an element's candidates when it visits it, and flags only what it visits.
  const flaggedSorted = [...flagged.keys()];
  let fp = 0;
  let reach = -1;
  for (const i of cands) {
    if (protectedSet.has(i)) continue;
    // A pause point every few hundred blocks read (each read is a blockText and up to 31 patterns).
    if (++read % 64 === 0) yield;
    for (; fp < flaggedSorted.length && flaggedSorted[fp]! < i; fp++) reach = Math.max(reach, ix.end[flaggedSorted[fp]!]!);
    if (i < reach) continue;
    let p = kindFromBlock(ix.els[i]!);
    if (!p) {
      // A box led by a label ("<span>Share this article</span><a>…</a>") is named by the label.
      const label = firstLabel(ix.els[i]!);
      const lp = label ? kindFromBlock(label) : null;
      if (lp?.strong) p = lp;
    }
    // A link that merely says "Newsletters" is navigation; only unmistakable phrases count on links.
    if (p && !p.strong && insideLink(ix, i)) continue;
    if (p) {
      matched.set(i, { kind: p.kind, name: p.name, strong: p.strong, len: ix.text[i]! });
      reach = Math.max(reach, ix.end[i]!);
    }
  }
  if (matched.size === 0) return;
  // 2. matched characters per ancestor, so a box can tell how much of it is appeal
  const matchedChars = new Map<number, number>();
  const matchedCount = new Map<number, number>();
  for (const [i, m] of matched) {
    for (let a = i; a >= 0; a = ix.parent[a]!) {
      matchedChars.set(a, (matchedChars.get(a) ?? 0) + m.len);
      matchedCount.set(a, (matchedCount.get(a) ?? 0) + 1);
      if (a === scope) break;
    }
  }
  // 3. grow each match while the parent is mostly appeal (or links) and is not the story's container
  for (const [i, m] of matched) {
    let cur = i;
    for (;;) {
      const p = ix.parent[cur]!;
      if (p < 0 || protectedSet.has(p) || containers.has(p) || !contains(ix, scope, p)) break;
      if (p === scope) break;
      const t = ix.text[p]!;
      // Big boxes grow only when most of their text is appeal: link text alone (menus) does not carry them.
      if (t > GROW_MAX_CHARS && (matchedChars.get(p) ?? 0) < 0.5 * t) break;
      const rest = t - (matchedChars.get(p) ?? 0) - ix.link[p]!;
      // A box is of a kind when it is mostly made of matches, or when a match is its heading (first words).
      const headed = t <= HEADED_BOX_MAX_CHARS && startsWith(ix, p, i);
      if (rest > 0.5 * t + 20 && !headed) break;
      cur = p;
    }
    const count = matchedCount.get(cur) ?? 1;
    const len = ix.text[cur]!;
    if (count < 2 && (len > LONE_MATCH_MAX_CHARS || QUOTE_MARKS.test(blockText(ix.els[cur]!)))) {
      // A single appeal-like sentence in a long or quoting paragraph is more likely the story talking about appeals.
      removals.push(removalOf(STEPS.boilerplateText, `kept: lone ${m.name} in a story-like block`, ix.els[cur]!));
      continue;
    }
    if (flagged.has(cur)) continue;
    flagged.set(cur, { kind: m.kind, reason: `text matches ${m.name}${count > 1 ? ` (${count} appeals in the box)` : ''}`, step: STEPS.boilerplateText });
  }
}

/** A short block that is mostly a <time>: the story's date, not its text. */
function isDateline(el: Element): boolean {
  const times = el.getElementsByTagName('time');
  if (times.length === 0) return false;
  let t = 0;
  for (const x of Array.from(times)) t += (x.textContent ?? '').trim().length;
  return t >= 0.5 * blockText(el).length;
}

/** The first child element with text, when it is an inline label (span, strong, label, b, em). */
function firstLabel(el: Element): Element | null {
  // Whichever child has text first, there is no label without a label-tag child: the tags say so before any text
  // is read (most boxes hold none).
  let c = el.firstElementChild;
  while (c && !isLabelTag(c)) c = nextChild(c);
  if (!c) return null;
  for (c = el.firstElementChild; c; c = nextChild(c)) {
    // An <object>/<embed> is read through the prototypes (see notePlugins); it is never a label.
    if (!((isPlugin(c) ? TEXT_CONTENT.call(c) : c.textContent) ?? '').trim()) continue;
    return isLabelTag(c) ? c : null;
  }
  return null;
}

function isLabelTag(c: Element): boolean {
  return /^(?:SPAN|STRONG|B|EM|LABEL|SMALL)$/.test(isPlugin(c) ? TAG_NAME.call(c) : c.tagName);
}

/** The next element sibling; a plugin element's is read without asking the plugin. */
function nextChild(c: Element): Element | null {
  if (!isPlugin(c)) return c.nextElementSibling;
  let n = NEXT_SIBLING.call(c);
  while (n && !isPlugin(n) && n.nodeType !== 1) n = n.nextSibling;
  return n as Element | null;
}

function insideLink(ix: PageIndex, i: number): boolean {
  for (let a = i, k = 0; a >= 0 && k < 4; a = ix.parent[a]!, k++) if (ix.tags[a] === 'A') return true;
  return false;
}

/** Is the text of box `p` led by element `i` (no text-bearing element between them in document order)? */
function startsWith(ix: PageIndex, p: number, i: number): boolean {
  for (let k = p; k < i; k++) if (ix.own[k]! > 0) return false;
  return true;
}

/** Cheap early check: is this page likely to hold an article? */
export function looksLikeArticlePage(doc: Document): boolean {
  if (!doc.documentElement) return false;
  for (const m of Array.from(doc.getElementsByTagName('meta'))) {
    if (m.getAttribute('property') === 'og:type' && (m.getAttribute('content') ?? '').toLowerCase().startsWith('article')) return true;
  }
  if (doc.getElementsByTagName('article').length > 0) return true;
  if (doc.querySelector('[itemprop="articleBody"], [itemtype*="Article"]')) return true;
  if (jsonLdArticles(doc).length > 0) return true;
  let long = 0;
  for (const p of Array.from(doc.getElementsByTagName('p'))) {
    if ((p.textContent ?? '').length >= 120 && ++long >= 3) return true;
  }
  return false;
}

/** Kind of an element that appeared after the analysis (MutationObserver), or null when it is not boilerplate. */
export function classifyBoilerplate(el: Element, article: Article): { kind: BoilerplateKind; reason: string; step: string } | null {
  if (!article.isArticle) return null;
  for (const p of article.paragraphs) if (el === p || el.contains(p)) return null;
  if (article.headline && el.contains(article.headline)) return null;
  if (article.standfirstElement && el.contains(article.standfirstElement)) return null;
  const byName = kindFromTokens(el);
  if (byName) return byName;
  return kindFromElementText(el);
}
