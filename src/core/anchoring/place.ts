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
import { CONTEXT_CHARS, MAX_CONTEXT_CHARS, contextKind, type NoteAnchor } from './selectors';
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
  // The whole remembered passage, verbatim and once: nothing on the page can be a better place. (A new
  // anchor's passage was unique, even approximately, when it was described, so no near-copy to fear.)
  const verbatim = placeVerbatim(text, anchor);
  if (verbatim !== undefined) return verbatim;
  // Only the context nearest the quote is compared: imported anchors may carry longer context.
  const prefix = anchor.quote.prefix.slice(-CONTEXT_CHARS);
  const suffix = anchor.quote.suffix.slice(0, CONTEXT_CHARS);
  const { start, end } = anchor.position;
  const scorer = new Scorer(text, exact, prefix, suffix, start);

  const exactHits = scorer.exactCandidates();
  const paragraph = storedParagraph(prefix, exact, suffix, start);
  // A quote the page held once when the note was taken, found once again, verbatim, with its whole
  // paragraph (as the anchor shows it) standing alone: the note's own words, wherever the paragraph went.
  // Its old home found empty (the paragraph moved) or a look-alike line (a list of similar captions) is
  // then no reason to doubt it: neither can be the note's words.
  const hit = exactHits.length === 1 ? exactHits[0]! : null;
  if (hit && contextKind(anchor) === 'unique' && foundWhole(text, hit, paragraph)) {
    return placement(hit, hit.start === start && hit.end === end ? 'position' : 'exact');
  }
  const trusted = (c: Candidate) => isTrusted(c, exactHits.length, exact, text, prefix, suffix) || (c.errors === 0 && foundWhole(text, c, paragraph));
  let pool = exactHits;
  let winner = pickBest(exactHits.filter(trusted));
  // The quote with both sides of its context, verbatim: no approximate place can explain it better, so
  // the costly search for one is skipped (a near-copy elsewhere is still looked for below).
  if (!winner || winner.contextSim < 1) {
    pool = [...exactHits, ...scorer.fuzzyCandidates(text)];
    // The best place with enough evidence; better-scoring places without it stay in the pool as rivals
    // (an approximate match stretched over words pasted before the quote is the same place, not a rival).
    winner = pickBest(pool.filter(trusted));
    // Words pasted at the quote's edge let an approximate match stretch over them and score as well as
    // the verbatim quote inside it; the reader's words, verbatim, are the better account of that place.
    const w = winner;
    const verbatim = w && w.errors > 0 ? exactHits.find((c) => w.start <= c.start && c.end <= w.end && trusted(c)) : undefined;
    if (verbatim) winner = verbatim;
  }
  if (!winner) return null;
  // The approximate search only reports the lowest-cost places, so a near-copy of the passage (a
  // repeated paragraph, a pull quote) hides behind the winner: search again with the winner masked out.
  // The note's old home, its context still there around other words (the quote deleted or rewritten),
  // competes too: then an identical line elsewhere (a newsletter box, a credit) is not the note's.
  // Rivals are scored on the masked text: a rival's context is its own, never the winner's words (a place
  // a few characters off would otherwise borrow the winner's context, see contextErrors).
  const masked = mask(text, winner.start, winner.end);
  const rivalScorer = new Scorer(masked, exact, prefix, suffix, anchor.position.start);
  const others = [...pool.map((c) => rivalScorer.score(c.start, c.end, c.errors)), ...rivalScorer.fuzzyCandidates(masked, MAX_COPY_TIERS)];
  if (rivalled(winner, others, R.ambiguityMargin)) return null;
  // A second place that reproduces the remembered passage (quote and context) nearly as a whole makes
  // the note ambiguous whatever the scores say: on a page that repeats a passage, the verbatim copy far
  // away and the edited one at the stored offset are equally likely to be the reader's.
  // Likewise when the remembered context stands twice on the page, around the winner and around other
  // words (the reader's copy rewritten or padded beyond recognition, an intact copy elsewhere).
  const w = winner;
  const homes = scorer.homeCandidates(mask(text, winner.start - prefix.length, winner.end + suffix.length));
  const twice = (c: Candidate) => c.contextSim >= R.repeatContext && c.quoteSim >= R.minRepeatQuoteSim &&
    (w.contextSim >= R.repeatContext || (w.prefixSim >= R.strongSide && c.prefixSim >= R.strongSide) || (w.suffixSim >= R.strongSide && c.suffixSim >= R.strongSide));
  if ([...others, ...homes].some((c) => !overlaps(c, w) && ((c.score >= R.repeatScore && w.score - c.score < R.repeatMargin) || twice(c)))) return null;
  if (rivalled(winner, homes, R.homeMargin)) return null;
  // A quote kept torn at a paragraph break claims the text beyond the break left: not so if its context
  // there still stands beside the rest of its setting, around other words (the note's words rewritten,
  // and this piece a copy elsewhere).
  if (winner.errors > 0) {
    const e = edges(winner, exact, text);
    if ((e.head === 'torn' || e.tail === 'torn') && homes.some((h) => !overlaps(h, w) && h.contextSim >= R.repeatContext)) return null;
  }
  const method: AnchorMethod = winner.start === start && winner.end === end ? 'position' : winner.errors > 0 ? 'fuzzy' : 'exact';
  return placement(trimSpaces(winner, exact, text), method);
}

/**
 * The fast path, and the only path for a passage the page repeated when the note was taken (its context
 * was widened, see `describeSpan`): only its whole remembered setting, verbatim and once, tells the
 * reader's copy from the others, so anything less is an orphan. Undefined: not decided here.
 */
function placeVerbatim(text: string, anchor: NoteAnchor): Placement | null | undefined {
  const { prefix, exact, suffix } = anchor.quote;
  const { start, end } = anchor.position;
  const window = prefix + exact + suffix;
  const widened = contextKind(anchor) === 'widened';
  const found = (at: number) => ({ start: at, end: at + exact.length, method: (at === start && at + exact.length === end ? 'position' : 'exact') as AnchorMethod, score: 1 });
  // Still not unique at the widest context: the page repeats a long stretch, and only the stored offset
  // itself, holding the whole setting, can be trusted.
  if (prefix.length >= MAX_CONTEXT_CHARS || suffix.length >= MAX_CONTEXT_CHARS) {
    return start >= prefix.length && text.startsWith(window, start - prefix.length) ? found(start) : null;
  }
  const at = text.indexOf(window);
  if (at >= 0 && text.indexOf(window, at + 1) < 0) return found(at + prefix.length);
  return widened ? null : undefined;
}

function mask(text: string, from: number, to: number): string {
  const a = Math.max(0, from);
  const b = Math.min(text.length, to);
  return text.slice(0, a) + MASK.repeat(b - a) + text.slice(b);
}

/** Stands for hidden text: occurs in no article text (TextMap never emits it). */
const MASK = '\u0000';

/** Enough evidence for this place? Exact quotes need some context (or length); edited quotes need more. */
function isTrusted(c: Candidate, exactCount: number, exact: string, text: string, prefix: string, suffix: string): boolean {
  if (c.quoteSim < 1 - R.maxQuoteErrorRate) return false;
  if (!sameBoundaries(c, exact, text, prefix, suffix)) return false;
  if (c.errors === 0) {
    if (c.contextSim >= R.minContextSimilarity && c.bestSideSim >= R.minBestSideSimilarity) return true;
    if (c.bestSideSim >= R.intactSide) return true;
    if (exactCount !== 1) return false;
    return exact.length >= R.selfEvidentChars || (exact.length >= R.selfEvidentBlockChars && isWholeBlock(text, c));
  }
  // Where a side's context is lost, the quote's own edge there must still be verbatim: otherwise the text
  // parts from the note's words somewhere inside the quote (a paragraph moved away from under its end).
  if (!edgesHold(c, exact, text)) return false;
  if (c.contextSim >= R.minFuzzyContextSimilarity && c.bestSideSim >= R.minBestSideSimilarity) return true;
  // One side of the context found again verbatim, right against the quote, vouches for the place even
  // when the other side was rewritten (a paragraph moved after it, words pasted before it).
  if (c.bestSideSim >= R.intactSide) return true;
  // A long passage found again nearly intact is its own evidence (a paragraph moved and corrected); the
  // rival search below makes sure nothing else on the page resembles it as well.
  return exact.length - c.errors >= R.selfEvidentChars && c.quoteSim >= 1 - R.selfEvidentErrorRate;
}

/**
 * A note on whole words lies on whole words, and one that began inside a word still does: where the
 * quote's first (last) character is a letter or digit, whether the character before (after) it is one
 * too must be the same as when the note was taken. ("ti" noted as a word is not the "ti" of "tipa".)
 */
function sameBoundaries(c: Candidate, exact: string, text: string, prefix: string, suffix: string): boolean {
  const joined = (a: string | undefined, b: string | undefined) => !!a && !!b && WORD_CHAR.test(a) && WORD_CHAR.test(b);
  const first = text[c.start];
  const last = text[c.end - 1];
  if (first && WORD_CHAR.test(first) && joined(prefix.slice(-1), exact[0]) !== joined(text[c.start - 1], first)) return false;
  if (last && WORD_CHAR.test(last) && joined(exact.slice(-1), suffix[0]) !== joined(last, text[c.end])) return false;
  return true;
}

/** A letter or digit in any script. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

function edgesHold(c: Candidate, exact: string, text: string): boolean {
  const e = edges(c, exact, text);
  return e.head !== 'lost' && e.tail !== 'lost';
}

/**
 * How each placed edge is vouched for: 'held' (its side of the context found again, or the quote's own
 * first/last characters there), 'torn' (only a paragraph break where the quote had one: the text beyond
 * it moved away or went, and the quote kept its larger piece here) or 'lost'.
 */
function edges(c: Candidate, exact: string, text: string): { head: Edge; tail: Edge } {
  const bound = Math.floor(exact.length * R.maxQuoteErrorRate);
  const n = Math.min(R.edgeChars, bound);
  if (n === 0) return { head: 'held', tail: 'held' };
  // The placed edge is the quote's own: its first (last) characters, or a little further in (words
  // deleted at the edge), verbatim, spaces gained or lost aside.
  const head = text.slice(c.start, c.start + n);
  const tail = text.slice(c.end - n, c.end);
  // Words deleted across the quote's edge leave the rest of that side's context, a little further off;
  // a quote torn from its text (its paragraph moved away) leaves none of it, only the paragraph break.
  const headHeld = c.prefixSim >= R.minSideSimilarity || head === exact.slice(0, n) || headHolds(text, c.start, exact.slice(0, n)) ||
    (c.prefixSim >= R.minEdgeDeletionSide && exact.slice(0, n + bound).includes(head));
  const tailHeld = c.suffixSim >= R.minSideSimilarity || tail === exact.slice(-n) || tailHolds(text, c.end, exact.slice(-n)) ||
    (c.suffixSim >= R.minEdgeDeletionSide && exact.slice(-(n + bound)).includes(tail));
  const headTorn = (c.start === 0 || text.endsWith(BREAK, c.start)) && exact.includes(BREAK + head);
  const tailTorn = (c.end === text.length || text.startsWith(BREAK, c.end)) && exact.includes(tail + BREAK);
  return {
    head: headHeld ? 'held' : headTorn ? 'torn' : 'lost',
    tail: tailHeld ? 'held' : tailTorn ? 'torn' : 'lost',
  };
}

type Edge = 'held' | 'torn' | 'lost';

/** The paragraph separator of article texts (TextMap joins blocks with a blank line). */
const BREAK = '\n\n';

/** text from `at` begins with `snap`, spaces aside (a space gained or lost before a comma, say). */
function headHolds(text: string, at: number, snap: string): boolean {
  if (at < 0 || at >= text.length || /\s/.test(text[at]!) !== /\s/.test(snap[0] ?? '')) return false;
  return squeeze(text.slice(at, at + 2 * snap.length)).startsWith(squeeze(snap));
}

/** text up to `at` ends with `snap`, spaces aside. */
function tailHolds(text: string, at: number, snap: string): boolean {
  if (at <= 0 || at > text.length || /\s/.test(text[at - 1]!) !== /\s/.test(snap[snap.length - 1] ?? '')) return false;
  return squeeze(text.slice(Math.max(0, at - 2 * snap.length), at)).endsWith(squeeze(snap));
}

function squeeze(s: string): string {
  return s.replace(/\s+/g, '');
}

/**
 * The quote's paragraph as far as the anchor shows it: when the stored context reaches a paragraph break
 * (or the text's edge) on both sides, the words between those breaks. Null when a side's context lies
 * wholly inside the paragraph. (A prefix as long as the quote's offset reached the text's start; a
 * suffix shorter than CONTEXT_CHARS, its end.)
 */
function storedParagraph(prefix: string, exact: string, suffix: string, start: number): { before: string; after: string } | null {
  const b = prefix.lastIndexOf(BREAK);
  const before = b >= 0 ? prefix.slice(b + BREAK.length) : prefix.length === start ? prefix : null;
  const a = suffix.indexOf(BREAK);
  const after = a >= 0 ? suffix.slice(0, a) : suffix.length < CONTEXT_CHARS ? suffix : null;
  if (before === null || after === null || exact.includes(BREAK)) return null;
  return before.length + exact.length + after.length >= R.selfEvidentBlockChars ? { before, after } : null;
}

/**
 * A verbatim quote whose whole paragraph (as the anchor shows it, see storedParagraph) stands here as a
 * paragraph of its own, and nowhere else: the paragraph moved, and its words vouch for the place as a
 * whole-paragraph quote does (`selfEvidentBlockChars`). A paragraph the page held twice is told apart
 * by the rival and old-home checks that follow, as for any place.
 */
function foundWhole(text: string, c: { start: number; end: number }, paragraph: { before: string; after: string } | null): boolean {
  if (!paragraph) return false;
  const { before, after } = paragraph;
  const a = c.start - before.length;
  const b = c.end + after.length;
  if (a < 0 || b > text.length || !text.startsWith(before, a) || !text.startsWith(after, c.end)) return false;
  if (!isWholeBlock(text, { start: a, end: b })) return false;
  const whole = text.slice(a, b);
  for (let i = text.indexOf(whole); i >= 0; i = text.indexOf(whole, i + 1)) {
    if (i !== a && isWholeBlock(text, { start: i, end: i + whole.length })) return false;
  }
  return true;
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

/** An approximate place does not begin (end) with spaces the quote did not begin (end) with. */
function trimSpaces(c: Candidate, exact: string, text: string): Candidate {
  const space = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);
  let { start, end } = c;
  if (!space(exact[0])) while (start < end && space(text[start])) start++;
  if (!space(exact[exact.length - 1])) while (end > start && space(text[end - 1])) end--;
  return start === c.start && end === c.end ? c : { ...c, start, end };
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
    const prefixErrors = prefix ? contextErrors(prefix, text, start, -1) : 0;
    const suffixErrors = suffix ? contextErrors(suffix, text, end, 1) : 0;
    const contextLen = prefix.length + suffix.length;
    const contextSim = contextLen === 0 ? 1 : 1 - (prefixErrors + suffixErrors) / contextLen;
    const quoteSim = 1 - quoteErrors / exact.length;
    const found = w.quoteChar * (exact.length - quoteErrors) +
      w.contextChar * (contextFound(prefix, prefixErrors, text, start, -1) + contextFound(suffix, suffixErrors, text, end, 1));
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
  fuzzyCandidates(text: string, tiers = 1): Candidate[] {
    const { exact, prefix, suffix } = this;
    const out: Candidate[] = [];
    const quoteErrors = Math.min(R.maxErrors, Math.floor(exact.length * R.maxQuoteErrorRate));
    if (quoteErrors > 0) {
      for (const m of places(approxSearch(text, exact, quoteErrors))) {
        out.push(...this.refined(m.start, m.end, m.errors));
      }
    }
    const pattern = prefix + exact + suffix;
    if (pattern.length === exact.length) return out;
    const ctxErrors = Math.min(R.maxErrors, Math.floor(pattern.length * R.maxContextErrorRate));
    // The search reports only the cheapest tier of matches; looking for rivals, each tier is masked and
    // the search repeated (a bounded number of times) so that every near-copy of the passage shows up.
    let t = text;
    for (let tier = 0; tier < tiers; tier++) {
      const ms = places(approxSearch(t, pattern, ctxErrors));
      if (ms.length === 0) break;
      for (const m of ms) out.push(...this.locateQuote(t, m.start, m.end));
      if (tier + 1 < tiers) for (const m of ms) t = mask(t, m.start, m.end);
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
    // Room for the quote rewritten longer, or words pasted into it (up to a few lines).
    const gap = 2 * exact.length + 4 * CONTEXT_CHARS;
    const k = (p: string) => Math.floor(p.length * R.maxQuoteErrorRate);
    for (const m of places(approxSearch(text, prefix, k(prefix))).slice(0, MAX_HOMES)) {
      const window = text.slice(m.end, m.end + gap + suffix.length);
      const s = nearest(approxSearch(window, suffix, k(suffix)), 0, (x) => x.start);
      if (s) out.push(this.home(m.end, m.end + s.start));
    }
    for (const m of places(approxSearch(text, suffix, k(suffix))).slice(0, MAX_HOMES)) {
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
  private locateQuote(text: string, from: number, to: number): Candidate[] {
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
    const out = best ? this.refined(lo + best.start, lo + best.end, best.errors) : [];
    // The cheapest occurrence inside may be a verbatim copy next door (a page repeating a paragraph)
    // rather than the edited quote between the matched context: take that span as well.
    const s0 = from + prefix.length;
    const e0 = to - this.suffix.length;
    if (e0 > s0 && (!best || lo + best.start !== s0 || lo + best.end !== e0)) {
      const d = boundedDistance(exact, this.text.slice(s0, e0), maxErrors);
      if (d <= maxErrors) out.push(...this.refined(s0, e0, d));
    }
    return out;
  }

  /**
   * Edit distance leaves the ends of an approximate match loose: it may trade words inserted at the quote's
   * edge for substitutions inside it. Where the stored context's nearest characters sit near an end, try
   * moving the end onto them, and keep whichever boundaries explain the passage with the better score.
   */
  private refined(start: number, end: number, errors: number): Candidate[] {
    const { text, prefix, suffix, exact } = this;
    const bound = Math.min(R.maxErrors, Math.floor(exact.length * R.maxQuoteErrorRate));
    // Words pasted at the edge (up to the error bound) plus as many quote characters the match gave up.
    const reach = Math.min(R.maxErrors, Math.max(MIN_SNAP_DISTANCE, 2 * bound));
    const shift = (snap: string, fits: (snap: string, k: number) => boolean) =>
      snap.length >= MIN_SNAP_CHARS && !fits(snap, 0) ? nearestShift(reach, (k) => fits(snap, k)) ?? 0 : 0;
    const endsAt = (x: number) => (snap: string, k: number) => text.endsWith(snap, x + k);
    const startsAt = (x: number) => (snap: string, k: number) => text.startsWith(snap, x + k);
    // Each end moved onto the stored context, or onto the quote's own first/last characters.
    const dsContext = shift(prefix.slice(-SNAP_CHARS), endsAt(start));
    const deContext = shift(suffix.slice(0, SNAP_CHARS), startsAt(end));
    // (Failing that, the nearest inward place whose characters the quote has near its edge: words
    // deleted at the quote's edge.)
    const n = Math.min(SNAP_CHARS, bound);
    const headPart = exact.slice(0, n + bound);
    const tailPart = exact.slice(-(n + bound));
    const inward = (ok: (k: number) => boolean) => { for (let k = 0; k <= reach; k++) if (ok(k)) return k; return 0; };
    // (Spaces gained or lost at the edge, "the end ." for "the end.", don't stop an end moving
    // onto the quote's own characters.)
    const looseStartsAt = (x: number) => (snap: string, k: number) => headHolds(text, x + k, snap);
    const looseEndsAt = (x: number) => (snap: string, k: number) => tailHolds(text, x + k, snap);
    // (An inward end lands on a word, as the quote's own end does, not on the space before it.)
    const space = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);
    const dsQuote = shift(exact.slice(0, SNAP_CHARS), startsAt(start)) || shift(exact.slice(0, SNAP_CHARS), looseStartsAt(start)) ||
      (n > 0 ? inward((k) => space(text[start + k]) === space(exact[0]) && headPart.includes(text.slice(start + k, start + k + n))) : 0);
    const deQuote = shift(exact.slice(-SNAP_CHARS), endsAt(end)) || shift(exact.slice(-SNAP_CHARS), looseEndsAt(end)) ||
      (n > 0 ? -inward((k) => end - k - n >= 0 && space(text[end - k - 1]) === space(exact[exact.length - 1]) && tailPart.includes(text.slice(end - k - n, end - k))) : 0);
    // Moving an end trades quote errors (weight 1.5) for context agreement (at most both sides, weight 1):
    // a span more than that many errors worse cannot win, so the banded distance stops there. (Its
    // error count is then understated, which only ever flatters a span that loses anyway.)
    const tradeBound = Math.min(bound, errors + 2 * CONTEXT_CHARS);
    const at = (s: number, e: number, k = tradeBound) => this.score(s, e, boundedDistance(exact, text.slice(s, e), k));
    const trim = range(1, TRIM_CHARS);
    // Start first (end fixed), then end. A tighter span wins ties: claim no character the quote can't explain.
    let best = this.score(start, end, errors);
    for (const s of [start + dsContext, ...trim.map((k) => start + k)]) {
      if (s === start || s >= best.end) continue;
      const c = at(s, best.end);
      if (c.score > best.score || (c.score === best.score && s > best.start)) best = c;
    }
    for (const e of [end + deContext, ...trim.map((k) => end - k)]) {
      if (e === best.end || e <= best.start) continue;
      const c = at(best.start, e);
      if (c.score > best.score || (c.score === best.score && e < best.end)) best = c;
    }
    // The quote's own edges may score below the context's (words pasted before a quote whose context
    // survived look like part of it) yet be the only boundaries with enough evidence: keep them as well.
    const own = start + dsQuote < end + deQuote ? at(start + dsQuote, end + deQuote, bound) : null;
    const out = own && (own.start !== best.start || own.end !== best.end) ? [best, own] : [best];
    // A quote across a paragraph break whose paragraph on one side moved away or went: the part that
    // stayed ends (begins) at a paragraph break where the quote had one.
    if (exact.includes(BREAK)) {
      const s0 = own?.start ?? best.start;
      const e0 = own?.end ?? best.end;
      // (Only pieces that can still hold three quarters of the quote.)
      const least = exact.length - bound;
      for (let p = text.indexOf(BREAK, s0); p >= 0 && p < e0; p = text.indexOf(BREAK, p + 1)) {
        if (p - s0 >= least && exact.includes(text.slice(Math.max(s0, p - SNAP_CHARS), p) + BREAK)) out.push(at(s0, p, bound));
        const q = p + BREAK.length;
        if (e0 - q >= least && exact.includes(BREAK + text.slice(q, Math.min(e0, q + SNAP_CHARS)))) out.push(at(q, e0, bound));
      }
    }
    return out;
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
const MAX_COPY_TIERS = 4;
const MAX_HOME_QUOTE_ERRORS = 64;

/**
 * The search reports every end position of the cheapest matches, so one place shows up as a run of
 * overlapping matches: keep the first of each run, and at most maxCandidates places.
 */
function places<T extends { start: number; end: number }>(ms: T[]): T[] {
  const out: T[] = [];
  let last = -1;
  for (const m of ms) {
    if (m.start < last) continue;
    out.push(m);
    last = m.end;
    if (out.length >= R.maxCandidates) break;
  }
  return out;
}

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

/**
 * How many edits the stored context needs to be found again against the text, read outward from the
 * quote's edge at `at` (dir -1: the prefix, read backwards from `at`; dir 1: the suffix, read forwards).
 * The context must start right at the quote's edge and every stored character counts, but the far end
 * may stop anywhere in a window CONTEXT_SLACK characters longer: words pasted into (or deleted from)
 * the context shift its far end, and that shift costs what was pasted or deleted, not twice that (once
 * for the new words, once for the stored characters pushed out of a fixed-length window). Unrelated
 * English still needs about 0.65 × length.
 */
export function contextErrors(context: string, text: string, at: number, dir: 1 | -1): number {
  const m = context.length;
  let n = dir < 0 ? Math.min(at, m + CONTEXT_SLACK) : Math.min(text.length - at, m + CONTEXT_SLACK);
  // A masked stretch (another place's words, see placeAnchor) ends the context there.
  const wall = dir < 0 ? text.lastIndexOf(MASK, at - 1) : text.indexOf(MASK, at);
  if (wall >= 0) n = Math.min(n, dir < 0 ? at - 1 - wall : wall - at);
  // Fast path: the context verbatim where it should be.
  if (n >= m && (dir < 0 ? text.endsWith(context, at) : text.startsWith(context, at))) return 0;
  const ctx = (i: number) => context.charCodeAt(dir < 0 ? m - 1 - i : i);
  const txt = (j: number) => text.charCodeAt(dir < 0 ? at - 1 - j : at + j);
  // Rows: stored characters read outward; columns: text characters read outward; the answer is the best
  // of the last row. Text between the quote's edge and the context's first character costs double (row
  // 0), as it did in a fixed window: else any place a few characters off would borrow the quote's context.
  let prev = new Uint16Array(n + 1);
  let cur = new Uint16Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = NEAR_GAP_COST * j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const c = ctx(i - 1);
    for (let j = 1; j <= n; j++) {
      const sub = prev[j - 1]! + (c === txt(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  let best = m;
  for (let j = 0; j <= n; j++) if (prev[j]! < best) best = prev[j]!;
  return best;
}

/**
 * Characters of a context side that count as found again: its agreement beyond what unrelated text
 * reaches by chance, scaled to the side's length, or, if more, the stored characters found verbatim right
 * against the quote (a context cut short by a paragraph boundary or pasted words is still evidence).
 */
function contextFound(context: string, errors: number, text: string, at: number, dir: 1 | -1): number {
  const m = context.length;
  if (m === 0) return 0;
  const chance = R.chanceContextSimilarity;
  const beyond = (m * Math.max(0, 1 - errors / m - chance)) / (1 - chance);
  let run = 0;
  while (run < m && (dir < 0 ? text[at - 1 - run] === context[m - 1 - run] : text[at + run] === context[run])) run++;
  return Math.max(beyond, run);
}

/** Text characters beyond the stored context's length that its far end may reach, and the cost of each text
 *  character between the quote's edge and the context (see contextErrors). */
const CONTEXT_SLACK = CONTEXT_CHARS;
const NEAR_GAP_COST = 2;

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

