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
  prefixSim: number;
  suffixSim: number;
  score: number;
}

export function placeAnchor(text: string, anchor: NoteAnchor): Placement | null {
  const exact = anchor.quote.exact;
  if (exact.length === 0 || text.length < exact.length / 2) return null;
  if (anchor.quote.prefix.length > CONTEXT_CHARS || anchor.quote.suffix.length > CONTEXT_CHARS) return placeRepeated(text, anchor);
  // Only the context nearest the quote is compared: imported anchors may carry longer context.
  const prefix = anchor.quote.prefix.slice(-CONTEXT_CHARS);
  const suffix = anchor.quote.suffix.slice(0, CONTEXT_CHARS);
  const scorer = new Scorer(text, exact, prefix, suffix, anchor.position.start);
  const { start, end } = anchor.position;

  const exactHits = scorer.exactCandidates();
  let pool = exactHits;
  let winner = pickBest(exactHits);
  // The quote with both sides of its context, verbatim: no approximate place can explain it better, so
  // the costly search for one is skipped (a near-copy elsewhere is still looked for below).
  if (!winner || winner.contextSim < 1) {
    pool = [...exactHits, ...scorer.fuzzyCandidates(text)];
    winner = pickBest(pool);
    // Words pasted at the quote's edge let an approximate match stretch over them and score as well as
    // the verbatim quote beside them; the reader's words, verbatim, are the better account of that place.
    const w = winner;
    const verbatim = w && w.errors > 0 ? exactHits.find((c) => c.start < w.end && w.start < c.end) : undefined;
    if (verbatim) winner = verbatim;
  }
  if (!winner || !isTrusted(winner, exactHits.length, exact, text)) return null;
  // The approximate search only reports the lowest-cost places, so a near-copy of the passage (a
  // repeated paragraph, a pull quote) hides behind the winner: search again with the winner masked out.
  // The note's old home, its context still there around other words (the quote deleted or rewritten),
  // competes too: then an identical line elsewhere (a newsletter box, a credit) is not the note's.
  const masked = mask(text, winner.start, winner.end);
  const others = [...pool, ...scorer.fuzzyCandidates(masked)];
  if (rivalled(winner, others, R.ambiguityMargin)) return null;
  // A second place that reproduces the remembered passage (quote and context) nearly as a whole makes
  // the note ambiguous whatever the scores say: on a page that repeats a passage, the verbatim copy far
  // away and the edited one at the stored offset are equally likely to be the reader's.
  // Likewise when the remembered context stands twice on the page, around the winner and around other
  // words (the reader's copy rewritten or padded beyond recognition, an intact copy elsewhere).
  const w = winner;
  const homes = scorer.homeCandidates(mask(text, winner.start - prefix.length, winner.end + suffix.length));
  const twice = w.contextSim >= R.repeatContext;
  if ([...others, ...scorer.nearCopies(masked), ...homes].some((c) => !overlaps(c, w) && (c.score >= R.repeatScore || (twice && c.contextSim >= R.repeatContext)))) return null;
  if (rivalled(winner, homes, R.homeMargin)) return null;
  const method: AnchorMethod = winner.start === start && winner.end === end ? 'position' : winner.errors > 0 ? 'fuzzy' : 'exact';
  return placement(winner, method);
}

/**
 * A passage the page repeated when the note was taken (see `describeSpan`): only its whole remembered
 * setting, verbatim and once, tells the reader's copy from the others, so anything less is an orphan.
 */
function placeRepeated(text: string, anchor: NoteAnchor): Placement | null {
  const { prefix, exact, suffix } = anchor.quote;
  const at = text.indexOf(prefix + exact + suffix);
  if (at < 0 || text.indexOf(prefix + exact + suffix, at + 1) >= 0) return null;
  const start = at + prefix.length;
  const end = start + exact.length;
  const moved = start !== anchor.position.start || end !== anchor.position.end;
  return { start, end, method: moved ? 'exact' : 'position', score: 1 };
}

function mask(text: string, from: number, to: number): string {
  const a = Math.max(0, from);
  const b = Math.min(text.length, to);
  return text.slice(0, a) + '\u0000'.repeat(b - a) + text.slice(b);
}

/** Enough evidence for this place? Exact quotes need some context (or length); edited quotes need more. */
function isTrusted(c: Candidate, exactCount: number, exact: string, text: string): boolean {
  if (c.quoteSim < 1 - R.maxQuoteErrorRate) return false;
  if (c.errors === 0) {
    if (c.contextSim >= R.minContextSimilarity && c.bestSideSim >= R.minBestSideSimilarity) return true;
    if (exactCount !== 1) return false;
    return exact.length >= R.selfEvidentChars || (exact.length >= R.selfEvidentBlockChars && isWholeBlock(text, c));
  }
  // Where a side's context is lost, the quote's own edge there must still be verbatim: otherwise the text
  // parts from the note's words somewhere inside the quote (a paragraph moved away from under its end).
  if (!edgesHold(c, exact, text)) return false;
  if (c.contextSim >= R.minFuzzyContextSimilarity && c.bestSideSim >= R.minBestSideSimilarity) return true;
  // A long passage found again nearly intact is its own evidence (a paragraph moved and corrected); the
  // rival search below makes sure nothing else on the page resembles it as well.
  return exact.length - c.errors >= R.selfEvidentChars && c.quoteSim >= 1 - R.selfEvidentErrorRate;
}

function edgesHold(c: Candidate, exact: string, text: string): boolean {
  const n = Math.min(R.edgeChars, Math.floor(exact.length * R.maxQuoteErrorRate));
  if (n === 0) return true;
  const headOk = c.prefixSim >= R.minSideSimilarity || text.startsWith(exact.slice(0, n), c.start);
  const tailOk = c.suffixSim >= R.minSideSimilarity || text.endsWith(exact.slice(-n), c.end);
  return headOk && tailOk;
}

/** The span is a paragraph of its own: a blank line (or the text's edge) on both sides. */
function isWholeBlock(text: string, c: { start: number; end: number }): boolean {
  return (c.start === 0 || text.endsWith('\n\n', c.start)) && (c.end === text.length || text.startsWith('\n\n', c.end));
}

/** Another place, not overlapping this one, scores within the ambiguity margin. */
function rivalled(best: Candidate, cands: Candidate[], margin: number): boolean {
  for (const c of cands) {
    if (overlaps(c, best)) continue; // the same place, other boundaries
    if (best.score - c.score < margin) return true;
  }
  return false;
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
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
    return { start, end, errors, quoteSim, contextSim, bestSideSim, prefixSim: prefixSide, suffixSim: suffixSide, score };
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

  /**
   * Every place (beyond the masked winner) where prefix, quote and suffix together are found again within
   * the repeat bound: the search reports only the cheapest tier, so each tier is masked and the search
   * repeated, a bounded number of times.
   */
  nearCopies(masked: string): Candidate[] {
    const window = this.prefix + this.exact + this.suffix;
    const k = Math.min(R.maxErrors, Math.floor(window.length * R.maxQuoteErrorRate));
    const out: Candidate[] = [];
    let t = masked;
    for (let round = 0; round < MAX_COPY_ROUNDS; round++) {
      const ms = approxSearch(t, window, k).slice(0, R.maxCandidates);
      if (ms.length === 0) break;
      for (const m of ms) {
        const inner = this.locateQuote(t, m.start, m.end);
        if (inner) out.push(inner);
      }
      let next = '';
      let from = 0;
      for (const m of ms) {
        if (m.end <= from) continue;
        const a = Math.max(from, m.start);
        next += t.slice(from, a) + '\u0000'.repeat(m.end - a);
        from = m.end;
      }
      t = next + t.slice(from);
    }
    return out;
  }

  /**
   * Where the note used to be: the stored prefix and suffix found again close together, whatever now lies
   * between them (the quote deleted, or rewritten beyond recognition). Scored like any place, so it only
   * matters when its context outweighs what a copy of the quote elsewhere can show.
   */
  homeCandidates(text: string): Candidate[] {
    const { exact, prefix, suffix } = this;
    if (prefix.length < MIN_HOME_CONTEXT || suffix.length < MIN_HOME_CONTEXT) return [];
    const out: Candidate[] = [];
    const gap = 2 * exact.length + CONTEXT_CHARS;
    const k = (p: string) => Math.floor(p.length * R.maxQuoteErrorRate);
    for (const m of approxSearch(text, prefix, k(prefix)).slice(0, MAX_HOMES)) {
      const window = text.slice(m.end, m.end + gap + suffix.length);
      const s = nearest(approxSearch(window, suffix, k(suffix)), 0, (x) => x.start);
      if (s) out.push(this.home(m.end, m.end + s.start));
    }
    for (const m of approxSearch(text, suffix, k(suffix)).slice(0, MAX_HOMES)) {
      const lo = Math.max(0, m.start - gap - prefix.length);
      const p = nearest(approxSearch(text.slice(lo, m.start), prefix, k(prefix)), m.start - lo, (x) => x.end);
      if (p) out.push(this.home(lo + p.end, m.start));
    }
    return out;
  }

  private home(start: number, end: number): Candidate {
    const { exact, text } = this;
    const bound = Math.min(exact.length, MAX_HOME_QUOTE_ERRORS);
    const d = boundedDistance(exact, text.slice(start, end), bound);
    // Beyond the bound only the length difference is known; it is a lower bound on the distance, so the
    // home is never made to look worse than it is.
    const errors = d <= bound ? d : Math.min(exact.length, Math.max(bound + 1, Math.abs(exact.length - (end - start))));
    return this.score(start, end, errors);
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
    // Words pasted at the edge (up to the error bound) plus as many quote characters the match gave up.
    const reach = Math.min(R.maxErrors, Math.max(MIN_SNAP_DISTANCE, 2 * Math.floor(this.exact.length * R.maxQuoteErrorRate)));
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

/** A home is looked for only when both context sides are at least this long (a quote at the text's edge
 *  has none to find), among at most this many matches of each side; the quote's remains are compared up
 *  to this many edits. */
const MIN_HOME_CONTEXT = 8;
const MAX_HOMES = 20;
/** Tiers of near-copies looked for (a page repeating a passage more often is ambiguous by the first ones). */
const MAX_COPY_ROUNDS = 4;
const MAX_HOME_QUOTE_ERRORS = 64;

function nearest<T>(xs: T[], to: number, at: (x: T) => number): T | null {
  let best: T | null = null;
  for (const x of xs) if (!best || Math.abs(at(x) - to) < Math.abs(at(best) - to)) best = x;
  return best;
}

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
