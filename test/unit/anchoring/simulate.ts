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
  /** The span was wholly deleted (or cut below half by edits; see `survives`). */
  destroyed: boolean;
  /** Other places the span may equally be now: an ambiguous deletion (below) has more than one reading
   *  that leaves the span whole, and the resulting text cannot tell them apart. */
  alternatives?: Array<[number, number]>;
}

export const BLOCK_SEPARATOR = '\n\n';

type Span = { start: number; end: number; destroyed: boolean };

/** Where [s, e) goes when text[a, b) is replaced by `insertLength` characters. */
function mapSpan(t: Span, a: number, b: number, insertLength: number): Span {
  const delta = insertLength - (b - a);
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
    s = a + insertLength; e += delta;
  } else if (b > e) {
    e = a;
  } else {
    e += delta;
  }
  if (e <= s) { destroyed = true; e = s; }
  return { start: s, end: e, destroyed };
}

/**
 * Replace text[a, b) with `insert`. Text inserted at a span's edge stays outside it.
 *
 * A deletion inside a run of repeated text is ambiguous: deleting text[a, b) leaves exactly the same text
 * as deleting text[a + d, b + d) when text[a, a + d) equals text[b, b + d) (one of two identical
 * paragraphs, one "the" of "the the"). The resulting text cannot tell which copy went. The tracker takes
 * the given reading when it leaves the span whole, else the nearest reading that does (so a placement on
 * the surviving, byte-identical copy is not called "wrong"), and keeps any other whole-span reading as an
 * alternative that `judge` accepts too.
 */
export function replace(t: Tracked, a: number, b: number, insert: string): Tracked {
  const text = t.text.slice(0, a) + insert + t.text.slice(b);
  const readings: Span[] = [];
  if (insert === '' && a < b && !t.destroyed) {
    const len = b - a;
    let lo = a;
    while (lo > 0 && t.text[lo - 1] === t.text[lo - 1 + len]) lo--;
    let hi = a;
    while (hi + len < t.text.length && t.text[hi] === t.text[hi + len]) hi++;
    // The readings that leave the span whole: the deletion wholly before it or wholly after it.
    const before = Math.min(hi, t.start - len); // latest start of a reading ending before the span
    const after = Math.max(lo, t.end); // earliest start of a reading beginning after it
    const untouched = (x: number) => x + len <= t.start || x >= t.end;
    const order = untouched(a) ? [a] : [];
    if (before >= lo) order.push(before);
    if (after <= hi) order.push(after);
    for (const x of order) readings.push(mapSpan(t, x, x + len, 0));
  }
  if (readings.length === 0) readings.push(mapSpan(t, a, b, insert.length));
  const [main, ...rest] = readings;
  const alternatives: Array<[number, number]> = [];
  for (const r of rest) if (r.start !== main!.start) alternatives.push([r.start, r.end]);
  for (const [s0, e0] of t.alternatives ?? []) {
    const r = mapSpan({ start: s0, end: e0, destroyed: false }, a, b, insert.length);
    if (!r.destroyed && r.end - r.start === e0 - s0) alternatives.push([r.start, r.end]);
  }
  return { text, ...main!, ...(alternatives.length ? { alternatives } : {}) };
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
  // Moving a paragraph next to an identical one changes nothing one could observe: the span stays.
  if (moved.text === t.text) return t;
  if (inside) return { text: moved.text, start: paraStart + offset, end: paraStart + offset + len, destroyed: false };
  // A span across the moved paragraph's edge is torn in two: follow the larger piece (most of the note's
  // words), so that a placement on it is judged on the words it shows rather than on the leftover.
  const pieceStart = Math.max(t.start, a);
  const piece = Math.min(t.end, b) - pieceStart;
  if (!t.destroyed && piece * 2 > len) {
    const start = paraStart + pieceStart - a;
    return { text: moved.text, start, end: start + piece, destroyed: false };
  }
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
  const readings = [...(t.destroyed ? [] : [[t.start, t.end] as [number, number]]), ...(t.alternatives ?? [])];
  const verdicts = readings.map(([s, e]) => verdictOn(s, e, placed));
  return verdicts.includes('right') ? 'right' : verdicts.includes('partial') ? 'partial' : 'wrong';
}

function verdictOn(start: number, end: number, placed: { start: number; end: number }): Verdict {
  const len = end - start;
  const slack = Math.max(2, Math.floor(len * 0.1));
  const overlap = Math.min(placed.end, end) - Math.max(placed.start, start);
  if (Math.abs(placed.start - start) <= slack && Math.abs(placed.end - end) <= slack && overlap * 2 >= len) return 'right';
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
