/**
 * Where the story is: score every paragraph-like element by its prose (length, commas) and credit its
 * ancestors, the way Readability does, then take the best container and the siblings that score close
 * to it. Read-only: scores live in typed arrays beside the page index, never on the nodes.
 */
import { linkDensity, type PageIndex } from './page-index';
import { NEGATIVE_TOKENS, POSITIVE_TOKENS } from './patterns';

export interface StoryOptions { useUnlikely: boolean; useClassWeight: boolean; useLinkDensity: boolean; useSiblings: boolean }

const MIN_PARAGRAPH_CHARS = 22; // non-space characters; about 25 with spaces
const ANCESTOR_LEVELS = 5;
/** Climbing to a better-scoring parent may at most multiply the story's text by this. */
const MAX_CLIMB_GROWTH = 2.5;
const PROSE_TAGS = new Set(['P', 'PRE', 'TD', 'BLOCKQUOTE']);
const CONTAINER_TAGS = new Set(['DIV', 'SECTION', 'ARTICLE', 'MAIN', 'LI', 'DD', 'TD', 'SPAN', 'FONT', 'CENTER', 'HEADER']);

function isPageRoot(ix: PageIndex, i: number): boolean {
  const tag = ix.tags[i];
  return tag === 'BODY' || tag === 'HTML';
}

/** The weight one name attribute (class or id) gives. */
function partWeight(part?: string | null): number {
  if (!part) return 0;
  const s = part.toLowerCase();
  let w = 0;
  if (NEGATIVE_TOKENS.test(s)) w -= 25;
  if (POSITIVE_TOKENS.test(s)) w += 25;
  return w;
}

function tagBase(tag: string): number {
  switch (tag) {
    case 'DIV': return 5;
    case 'PRE': case 'TD': case 'BLOCKQUOTE': return 3;
    case 'ADDRESS': case 'OL': case 'UL': case 'DL': case 'DD': case 'DT': case 'LI': case 'FORM': return -3;
    case 'H1': case 'H2': case 'H3': case 'H4': case 'H5': case 'H6': case 'TH': return -5;
    default: return 0;
  }
}

export interface StoryPlace {
  top: number;
  containers: number[];
  score: Float64Array;
}

export function findStory(ix: PageIndex, o: StoryOptions): StoryPlace | null {
  const n = ix.els.length;
  const score = new Float64Array(n);
  const isCand = new Uint8Array(n);
  const cands: number[] = [];
  // A class attribute's weight, once per distinct value (a page repeats its class names); ids are read apart.
  const byClass = new Map<string, number>();
  const cachedClassWeight = (i: number): number => {
    const cls = ix.attrs[i]?.cls;
    let w = cls ? byClass.get(cls) : 0;
    if (w === undefined) byClass.set(cls!, (w = partWeight(cls)));
    return w + partWeight(ix.attrs[i]?.id);
  };
  const init = (i: number) => {
    if (isCand[i]) return;
    isCand[i] = 1;
    score[i] = tagBase(ix.tags[i]!) + (o.useClassWeight ? cachedClassWeight(i) : 0);
    cands.push(i);
  };
  for (let i = 0; i < n; i++) {
    if (o.useUnlikely && ix.unlikely[i]) continue;
    const tag = ix.tags[i]!;
    const prose = PROSE_TAGS.has(tag);
    let len: number;
    if (prose) len = ix.text[i]!;
    else if (CONTAINER_TAGS.has(tag)) len = ix.own[i]!;
    else continue;
    if (len < MIN_PARAGRAPH_CHARS) continue;
    // A prose tag inside another prose tag (p in blockquote, p in td) is scored once, at the inner one.
    if (prose && ix.own[i]! < MIN_PARAGRAPH_CHARS && ix.text[i]! > 2 * ix.own[i]!) continue;
    const s = 1 + ix.commas[i]! * (prose ? 1 : ix.own[i]! / Math.max(1, ix.text[i]!)) + Math.min(Math.floor(len / 85), 3);
    let a = ix.parent[i]!;
    for (let level = 0; level < ANCESTOR_LEVELS && a > 0; level++, a = ix.parent[a]!) {
      init(a);
      score[a]! += level === 0 ? s : level === 1 ? s / 2 : s / (level * 3);
    }
    if (CONTAINER_TAGS.has(tag)) {
      // A div of bare prose is a paragraph and a candidate at once.
      init(i);
    }
  }
  if (cands.length === 0) return null;
  for (const c of cands) if (o.useLinkDensity) score[c] = score[c]! * (1 - linkDensity(ix, c));
  cands.sort((a, b) => score[b]! - score[a]!);
  let top = cands[0]!;
  const topScore = score[top]!;

  // Several near-equal candidates under one ancestor: the story is split, take the ancestor.
  const alts = cands.slice(1, 5).filter((c) => score[c]! / topScore >= 0.75);
  if (alts.length >= 3) {
    for (let p = ix.parent[top]!; p > 0 && !isPageRoot(ix, p); p = ix.parent[p]!) {
      let inside = 0;
      for (const a of alts) {
        for (let x = a; x >= 0; x = ix.parent[x]!) if (x === p) { inside++; break; }
      }
      if (inside >= 3) { top = p; break; }
    }
  }
  // A close runner-up just above that holds far more prose: the winner was a widget inside the story
  // (a video box whose class names happen to say "story").
  for (let p = ix.parent[top]!, k = 0; p > 0 && k < 3 && !isPageRoot(ix, p); p = ix.parent[p]!, k++) {
    if (isCand[p] && score[p]! >= 0.9 * score[top]! && ix.text[p]! >= 5 * ix.text[top]!) { top = p; break; }
  }
  // A parent that scores better than its best child holds more of the story.
  let last = score[top]!;
  const threshold = last / 3;
  for (let p = ix.parent[top]!; p > 0 && !isPageRoot(ix, p); p = ix.parent[p]!) {
    if (!isCand[p]) continue;
    const ps = score[p]!;
    if (ps < threshold) break;
    // …but not a page column that merely holds the story among much else.
    if (ps > last) {
      if (ix.text[p]! <= MAX_CLIMB_GROWTH * ix.text[top]!) top = p;
      break;
    }
    last = ps;
  }
  // The author's own <article>, just above, is the story box (its chrome is sorted out by the walk).
  for (let p = ix.parent[top]!, k = 0; p > 0 && k < 2; p = ix.parent[p]!, k++) {
    if (ix.tags[p] !== 'ARTICLE') continue;
    if (ix.els[p]!.getElementsByTagName('article').length === 0 && linkDensity(ix, p) < 0.3 && ix.text[p]! <= 3 * ix.text[top]!) top = p;
    break;
  }
  // An only child says nothing on its own.
  for (let p = ix.parent[top]!; p > 0; p = ix.parent[p]!) {
    if (isPageRoot(ix, p) || ix.els[p]!.children.length !== 1) break;
    top = p;
  }
  const containers = [top];
  const parent = ix.parent[top]!;
  if (o.useSiblings && parent > 0 && !isPageRoot(ix, parent)) {
    const ts = score[top]!;
    const threshold2 = Math.max(10, ts * 0.2);
    const topClass = ix.attrs[top]?.cls;
    containers.length = 0;
    // The parent's indexed children (hidden and skipped ones are not in the index), in order.
    for (let s = parent + 1, e = ix.end[parent]!; s < e; s = ix.end[s]!) {
      const sib = ix.els[s]!;
      if (s === top) { containers.push(s); continue; }
      let sscore = isCand[s] ? score[s]! : -Infinity;
      const sameClass = !!topClass && ix.attrs[s]?.cls === topClass;
      if (sameClass) sscore += ts * 0.2;
      if (sscore >= threshold2) { containers.push(s); continue; }
      // A twin of the best container (same class) whose prose sits too deep to have been scored.
      if (sameClass && ix.text[s]! >= 200 && linkDensity(ix, s) < 0.3) { containers.push(s); continue; }
      // A wrapper around exactly one paragraph (<span><p>lead</p></span>) is that paragraph.
      const isP = ix.tags[s] === 'P';
      const ps = isP ? null : sib.getElementsByTagName('p');
      // That paragraph's index (-1: hidden or skipped), by a native scan of the list from the sibling on (an indexed
      // descendant lies just after it): no look-up over the whole page.
      const onlyP = ps?.length === 1 ? ix.els.indexOf(ps[0]!, s) : -1;
      if (isP || (onlyP >= 0 && ix.text[onlyP]! === ix.text[s]!)) {
        const len = ix.text[s]!;
        const ld = linkDensity(ix, s);
        if ((len > 70 && ld < 0.25) || (len > 0 && len <= 70 && ld === 0 && /\.( |$)/.test(sib.textContent ?? ''))) containers.push(s);
      }
    }
  }
  return { top, containers, score };
}

