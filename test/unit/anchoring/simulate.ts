/**
 * Editing an article text while following one span through the edits: the ground truth for the property
 * tests and the benchmark. After any sequence of edits we know where the anchored words went (or that
 * they are gone), so a placement can be judged right, orphaned or wrong without trusting the matcher.
 */

export interface Tracked {
  text: string;
  /** Where the anchored span is now. */
  start: number;
  end: number;
  /** The span was wholly deleted or torn apart by a paragraph move. */
  destroyed: boolean;
}

export const BLOCK_SEPARATOR = '\n\n';

/**
 * Replace text[a, b) with `insert`. Text inserted at a span's edge stays outside it.
 *
 * A deletion inside a run of repeated text is ambiguous: deleting text[a, b) leaves exactly the same text
 * as deleting text[a + d, b + d) when text[a, a + d) equals text[b, b + d) (one of two identical
 * paragraphs, one "the" of "the the"). The resulting text cannot tell which copy went, so the tracker
 * takes the reading that keeps the span when one exists; otherwise the verdict would call the placement
 * on the surviving, byte-identical copy "wrong" although nothing distinguishes it from the original.
 */
export function replace(t: Tracked, a: number, b: number, insert: string): Tracked {
  if (insert === '' && a < b && !t.destroyed && a < t.end && b > t.start) {
    const slid = slideClear(t.text, a, b, t.start, t.end);
    if (slid !== null) { b = slid + (b - a); a = slid; }
  }
  const text = t.text.slice(0, a) + insert + t.text.slice(b);
  const delta = insert.length - (b - a);
  let { start: s, end: e, destroyed } = t;
  if (destroyed) {
    if (a < s) s = e = Math.max(a, s + delta);
  } else if (a === b) {
    if (a <= s) { s += delta; e += delta; }
    else if (a < e) e += delta;
  } else if (b <= s) {
    s += delta; e += delta;
  } else if (a >= e) {
    /* after the span */
  } else if (a <= s && b >= e) {
    s = e = a; destroyed = true;
  } else if (a < s) {
    s = a + insert.length; e += delta;
  } else if (b > e) {
    e = a;
  } else {
    e += delta;
  }
  if (e <= s) { destroyed = true; e = s; }
  return { text, start: s, end: e, destroyed };
}

/** Start of an equivalent deletion of text[a, b) that leaves [s, e) untouched, or null. */
function slideClear(text: string, a: number, b: number, s: number, e: number): number | null {
  for (let d = 1; a + d <= e && b + d <= text.length; d++) {
    if (text[a + d - 1] !== text[b + d - 1]) break;
    if (a + d >= e) return a + d;
  }
  for (let d = 1; a - d >= 0; d++) {
    if (text[a - d] !== text[b - d]) break;
    if (b - d <= s) return a - d;
  }
  return null;
}

/** [start, end) of each paragraph ("\n\n"-separated block). */
export function blocksOf(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  for (;;) {
    const i = text.indexOf(BLOCK_SEPARATOR, from);
    if (i < 0) { out.push([from, text.length]); return out; }
    out.push([from, i]);
    from = i + BLOCK_SEPARATOR.length;
  }
}

/** Move paragraph `from` so it sits before paragraph `to` of the remaining ones (to = count: at the end). */
export function moveBlock(t: Tracked, from: number, to: number): Tracked {
  const blocks = blocksOf(t.text);
  if (blocks.length < 2 || from < 0 || from >= blocks.length) return t;
  if (to === from) return t; // put back where it was: no edit
  const [a, b] = blocks[from]!;
  const para = t.text.slice(a, b);
  const inside = !t.destroyed && t.start >= a && t.end <= b;
  const offset = t.start - a;
  const len = t.end - t.start;
  // Cut the paragraph with one separator (the following one, or the preceding one for the last block).
  const cut = from < blocks.length - 1 ? replace(t, a, b + BLOCK_SEPARATOR.length, '') : replace(t, a - BLOCK_SEPARATOR.length, b, '');
  const rest = blocksOf(cut.text);
  const target = Math.max(0, Math.min(to, rest.length));
  let moved: Tracked;
  let paraStart: number;
  if (target < rest.length) {
    paraStart = rest[target]![0];
    moved = replace(cut, paraStart, paraStart, para + BLOCK_SEPARATOR);
  } else {
    paraStart = cut.text.length + BLOCK_SEPARATOR.length;
    moved = replace(cut, cut.text.length, cut.text.length, BLOCK_SEPARATOR + para);
  }
  if (inside) return { text: moved.text, start: paraStart + offset, end: paraStart + offset + len, destroyed: false };
  return moved;
}

/** Levenshtein distance (test-side only; quadratic, fine for anchor-sized strings). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** A quote whose edited text is within this share of edits of the original can still be re-attached. */
export const SURVIVAL_EDIT_RATE = 0.25;

/** The anchored words still exist, changed by at most a quarter (the fuzzy matcher's own error bound). */
export function survives(t: Tracked, originalExact: string): boolean {
  if (t.destroyed) return false;
  const now = t.text.slice(t.start, t.end);
  return editDistance(now, originalExact) <= Math.floor(originalExact.length * SURVIVAL_EDIT_RATE);
}

export type Verdict = 'right' | 'partial' | 'orphan' | 'wrong';

/**
 * right: the placement lies on the tracked span, both ends within a small slack (2 characters or a tenth of
 * the span: edit distance leaves ends loose after an edit at the edge).
 * partial: it lies on the note's own words (at least half of it inside the tracked span) but an end is
 * further off — typically words inserted or deleted exactly at the quote's edge.
 * wrong: anything else that is not null — mostly other words, or any placement of words that are gone.
 */
export function judge(t: Tracked, placed: { start: number; end: number } | null): Verdict {
  if (!placed) return 'orphan';
  if (t.destroyed) return 'wrong';
  const len = t.end - t.start;
  const slack = Math.max(2, Math.floor(len * 0.1));
  const overlap = Math.min(placed.end, t.end) - Math.max(placed.start, t.start);
  if (Math.abs(placed.start - t.start) <= slack && Math.abs(placed.end - t.end) <= slack && overlap * 2 >= len) return 'right';
  return overlap * 2 >= placed.end - placed.start ? 'partial' : 'wrong';
}

/** Small seeded generator (mulberry32) so benchmark runs are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
