/**
 * Re-attaching a note to the article text on a later visit. Three steps, cheapest first:
 *   1. position: the stored offsets still hold the quote and at least one side of its context;
 *   2. exact: the quote occurs verbatim somewhere; its surroundings pick the occurrence;
 *   3. fuzzy: the quote was edited (a corrected word, new punctuation, a paragraph split); an approximate
 *      search with a bounded error count finds candidates, scored by quote, context and position.
 * Whenever the evidence is weak or two places are equally good, the answer is null (an orphan): a note on
 * the wrong words misleads the reader, a note marked "not found" does not.
 */
import approxSearch from 'approx-string-match';
import { CONTEXT_CHARS, type NoteAnchor } from './selectors';
import { ANCHORING_RULES as R } from './rules';

export type AnchorMethod = 'position' | 'exact' | 'fuzzy';

export interface Placement {
  start: number;
  end: number;
  method: AnchorMethod;
  /** 0–1: how well quote, context and position agree (1 = nothing changed). */
  score: number;
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
  quoteSim: number;
  contextSim: number;
  /** Similarity of the better-kept side of the context (an ad pasted on one side leaves the other). */
  bestSideSim: number;
  score: number;
}

export function placeAnchor(text: string, anchor: NoteAnchor): Placement | null {
  const exact = anchor.quote.exact;
  if (exact.length === 0 || text.length < exact.length / 2) return null;
  // Only the context nearest the quote is compared: imported anchors may carry longer context.
  const prefix = anchor.quote.prefix.slice(-CONTEXT_CHARS);
  const suffix = anchor.quote.suffix.slice(0, CONTEXT_CHARS);
  const scorer = new Scorer(text, exact, prefix, suffix, anchor.position.start);

  const { start, end } = anchor.position;
  if (end - start === exact.length && text.startsWith(exact, start)) {
    // Both sides intact too: otherwise a look-alike passage that slid into this offset could pass.
    if (text.endsWith(prefix, start) && text.startsWith(suffix, end)) {
      return placement(scorer.score(start, end, 0), 'position');
    }
  }

  const exactHits = scorer.exactCandidates();
  const best = pickBest(exactHits);
  // Both sides intact and no equal rival: nothing else on the page can be a better place.
  if (best && best.contextSim === 1 && !rivalled(best, exactHits)) {
    return placement(best, best.start === start && best.end === end ? 'position' : 'exact');
  }

  let winner = pickBest([...exactHits, ...scorer.fuzzyCandidates(text)]);
  if (!winner) return null;
  // Words pasted at the quote's edge let an approximate match stretch over them and score as well as the
  // verbatim quote beside them; the reader's words, verbatim, are the better account of that place.
  const verbatim = winner.errors > 0 ? exactHits.find((c) => c.start < winner!.end && winner!.start < c.end) : undefined;
  if (verbatim) winner = verbatim;
  if (!isTrusted(winner, exactHits.length, exact, text)) return null;
  // The approximate search only reports the lowest-cost places, so a near-copy of the passage (a
  // repeated paragraph, a pull quote) hides behind the winner: search again with the winner masked out.
  const w = winner;
  const masked = text.slice(0, w.start) + '\u0000'.repeat(w.end - w.start) + text.slice(w.end);
  if (rivalled(w, [...exactHits, ...scorer.fuzzyCandidates(masked)])) return null;
  return placement(winner, winner.errors > 0 ? 'fuzzy' : winner.start === start && winner.end === end ? 'position' : 'exact');
}

/** Enough evidence for this place? Exact quotes need some context (or length); edited quotes need more. */
function isTrusted(c: Candidate, exactCount: number, exact: string, text: string): boolean {
  if (c.errors === 0) {
    if (c.contextSim >= R.minContextSimilarity && c.bestSideSim >= R.minBestSideSimilarity) return true;
    if (exactCount !== 1) return false;
    return exact.length >= R.selfEvidentChars || (exact.length >= R.selfEvidentBlockChars && isWholeBlock(text, c) && /^\n*$/.test(''));
  }
  return c.quoteSim >= 1 - R.maxQuoteErrorRate && c.contextSim >= R.minFuzzyContextSimilarity &&
    c.bestSideSim >= R.minBestSideSimilarity;
}

/** The span is a paragraph of its own: a blank line (or the text's edge) on both sides. */
function isWholeBlock(text: string, c: { start: number; end: number }): boolean {
  return (c.start === 0 || text.endsWith('\n\n', c.start)) && (c.end === text.length || text.startsWith('\n\n', c.end));
}

/** Another place, not overlapping this one, scores within the ambiguity margin. */
function rivalled(best: Candidate, cands: Candidate[]): boolean {
  for (const c of cands) {
    if (c.start < best.end && best.start < c.end) continue; // the same place, other boundaries
    if (best.score - c.score < R.ambiguityMargin) return true;
  }
  return false;
}

function pickBest(cands: Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  for (const c of cands) if (!best || c.score > best.score) best = c;
  return best;
}

function placement(c: Candidate, method: AnchorMethod): Placement {
  return { start: c.start, end: c.end, method, score: Math.round(c.score * 1000) / 1000 };
}

class Scorer {
  constructor(
    readonly text: string,
    readonly exact: string,
    readonly prefix: string,
    readonly suffix: string,
    readonly hint: number,
  ) {}

  /**
   * Score = share of the remembered passage (prefix + quote + suffix, quote characters weighted more) that
   * is found again, plus a small pull towards the stored offset. Counting differing characters across the
   * whole passage, rather than a share per part, keeps one changed letter in a four-letter quote from
   * outweighing a changed context.
   */
  score(start: number, end: number, errors: number): Candidate {
    const { text, prefix, suffix, exact } = this;
    const w = R.weights;
    const quoteErrors = Math.min(exact.length, errors);
    const prefixErrors = prefix ? distance(prefix, text.slice(Math.max(0, start - prefix.length), start)) : 0;
    const suffixErrors = suffix ? distance(suffix, text.slice(end, end + suffix.length)) : 0;
    const contextLen = prefix.length + suffix.length;
    const contextSim = contextLen === 0 ? 1 : 1 - (prefixErrors + suffixErrors) / contextLen;
    const quoteSim = 1 - quoteErrors / exact.length;
    const found = w.quoteChar * (exact.length - quoteErrors) + w.contextChar * (contextLen - prefixErrors - suffixErrors);
    const whole = w.quoteChar * exact.length + w.contextChar * contextLen;
    const posSim = 1 - Math.min(1, Math.abs(start - this.hint) / Math.max(1, text.length));
    const score = (1 - w.position) * (found / whole) + w.position * posSim;
    // A side stored empty (the quote began or ended the text) is kept only if it still does.
    const prefixSide = prefix ? 1 - prefixErrors / prefix.length : start === 0 ? 1 : 0;
    const suffixSide = suffix ? 1 - suffixErrors / suffix.length : end === text.length ? 1 : 0;
    const bestSideSim = Math.max(prefixSide, suffixSide);
    return { start, end, errors, quoteSim, contextSim, bestSideSim, score };
  }

  /** Every verbatim occurrence of the quote (bounded). */
  exactCandidates(): Candidate[] {
    const out: Candidate[] = [];
    const { text, exact } = this;
    for (let i = text.indexOf(exact); i >= 0 && out.length < R.maxCandidates; i = text.indexOf(exact, i + 1)) {
      out.push(this.score(i, i + exact.length, 0));
    }
    return out;
  }

  /**
   * Approximate places: the quote alone (good for long quotes), and the quote with its context (the
   * context tells a short, edited quote from its look-alikes), then the quote located inside each.
   */
  fuzzyCandidates(text: string): Candidate[] {
    const { exact, prefix, suffix } = this;
    const out: Candidate[] = [];
    const quoteErrors = Math.min(R.maxErrors, Math.floor(exact.length * R.maxQuoteErrorRate));
    if (quoteErrors > 0) {
      for (const m of approxSearch(text, exact, quoteErrors).slice(0, R.maxCandidates)) {
        out.push(this.refined(m.start, m.end, m.errors));
      }
    }
    const pattern = prefix + exact + suffix;
    if (pattern.length > exact.length) {
      const ctxErrors = Math.min(R.maxErrors, Math.floor(pattern.length * R.maxContextErrorRate));
      for (const m of approxSearch(text, pattern, ctxErrors).slice(0, R.maxCandidates)) {
        const inner = this.locateQuote(text, m.start, m.end);
        if (inner) out.push(inner);
      }
    }
    return out;
  }

  /** The quote inside a context match: the approximate occurrence nearest where the prefix ends. */
  private locateQuote(text: string, from: number, to: number): Candidate | null {
    const { exact, prefix } = this;
    const maxErrors = Math.min(R.maxErrors, Math.floor(exact.length * R.maxQuoteErrorRate));
    const slack = maxErrors + 2;
    const lo = Math.max(0, from - slack);
    const window = text.slice(lo, Math.min(text.length, to + slack));
    const expected = from + prefix.length - lo;
    let best: { start: number; end: number; errors: number } | null = null;
    for (const m of approxSearch(window, exact, maxErrors)) {
      if (!best || Math.abs(m.start - expected) < Math.abs(best.start - expected)) best = m;
    }
    return best ? this.refined(lo + best.start, lo + best.end, best.errors) : null;
  }

  /**
   * Edit distance leaves the ends of an approximate match loose: it may trade words inserted at the quote's
   * edge for substitutions inside it. Where the stored context's nearest characters sit near an end, try
   * moving the end onto them, and keep whichever boundaries explain the passage with the better score.
   */
  private refined(start: number, end: number, errors: number): Candidate {
    const { text, prefix, suffix } = this;
    const head = suffix.slice(0, SNAP_CHARS);
    const tail = prefix.slice(-SNAP_CHARS);
    const reach = Math.min(R.maxErrors, Math.max(MIN_SNAP_DISTANCE, Math.floor(this.exact.length * R.maxQuoteErrorRate)));
    let ds = 0;
    let de = 0;
    if (tail.length >= MIN_SNAP_CHARS && !text.endsWith(tail, start)) {
      ds = nearestShift(reach, (k) => text.endsWith(tail, start + k)) ?? 0;
    }
    if (head.length >= MIN_SNAP_CHARS && !text.startsWith(head, end)) {
      de = nearestShift(reach, (k) => text.startsWith(head, end + k)) ?? 0;
    }
    const bound = Math.floor(this.exact.length * R.maxQuoteErrorRate);
    const at = (s: number, e: number) => this.score(s, e, boundedDistance(this.exact, text.slice(s, e), bound));
    // Start first (end fixed), then end. A tighter span wins ties: claim no character the quote can't explain.
    let best = this.score(start, end, errors);
    const starts = [start + ds, ...range(1, TRIM_CHARS).map((k) => start + k)];
    for (const s of starts) {
      if (s === start || s >= best.end) continue;
      const c = at(s, best.end);
      if (c.score > best.score || (c.score === best.score && s > best.start)) best = c;
    }
    const ends = [end + de, ...range(1, TRIM_CHARS).map((k) => end - k)];
    for (const e of ends) {
      if (e === best.end || e <= best.start) continue;
      const c = at(best.start, e);
      if (c.score > best.score || (c.score === best.score && e < best.end)) best = c;
    }
    return best;
  }
}

/** How far a loose end may move to meet its context (at least this, at most the match's error count), and
 *  how much context must match to move it. */
const MIN_SNAP_DISTANCE = 3;
const SNAP_CHARS = 6;
const MIN_SNAP_CHARS = 3;
/** How far an end is pulled in when the characters at the edge of a fuzzy match don't belong to the quote. */
const TRIM_CHARS = 4;

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

function nearestShift(reach: number, fits: (k: number) => boolean): number | null {
  for (let d = 1; d <= reach; d++) {
    if (fits(-d)) return -d;
    if (fits(d)) return d;
  }
  return null;
}

/**
 * Edit distance between a and b when it is at most k, else k + 1. Only the diagonal band of width 2k + 1
 * is computed, so the cost is O(length · k) even for paragraph-long quotes.
 */
export function boundedDistance(a: string, b: string, k: number): number {
  if (Math.abs(a.length - b.length) > k) return k + 1;
  const BIG = k + 1;
  let prev = new Int32Array(b.length + 1).fill(BIG);
  let cur = new Int32Array(b.length + 1).fill(BIG);
  for (let j = 0; j <= Math.min(b.length, k); j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - k);
    const hi = Math.min(b.length, i + k);
    cur.fill(BIG, Math.max(0, lo - 1), Math.min(b.length, hi + 1) + 1);
    if (lo === 1) cur[0] = i <= k ? i : BIG;
    let rowMin = lo === 1 ? cur[0]! : BIG;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const v = Math.min(prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
      cur[j] = v > BIG ? BIG : v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > k) return BIG;
    [prev, cur] = [cur, prev];
  }
  return Math.min(BIG, prev[b.length]!);
}

/** Edit distance (two-row Levenshtein); only ever called on context-sized strings (≤ CONTEXT_CHARS). About
 *  0.7 × length for unrelated English, 0 for equal strings. */
export function distance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}
