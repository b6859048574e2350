/**
 * What a note remembers about the text it was written on: W3C Web Annotation selectors over the article
 * text (`TextMap.of(article.paragraphs).text`). The quote with a little context on each side survives
 * edits elsewhere on the page; the character offsets make the common case (nothing changed) instant.
 */

import approxSearch from 'approx-string-match';

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface NoteAnchor {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/**
 * Characters of context kept on each side of the quote. Enough to tell apart repeated phrases ("he said")
 * and short enough that an ad or a corrected word next to the quote still leaves most of it intact.
 */
export const CONTEXT_CHARS = 32;

/**
 * Context kept on each side when the page holds the quote itself only once (verbatim): four characters
 * more than CONTEXT_CHARS, and that length is how a later visit knows the quote was unique when noted
 * (see `contextKind`). Anchors made before this existed, and quotes the page repeats, carry CONTEXT_CHARS.
 */
export const UNIQUE_CONTEXT_CHARS = CONTEXT_CHARS + 4;

/** Longest quote we store: a selection longer than this is a whole article, not a note's anchor. */
const MAX_EXACT_CHARS = 100_000;

/**
 * Context kept at most, per side, for a passage the page repeats: the context is doubled from
 * CONTEXT_CHARS until quote and context together occur once in the text (or this bound is reached).
 */
export const MAX_CONTEXT_CHARS = 512;

/**
 * Selectors for text[start, end) of an article text. Offsets are clamped into the text.
 *
 * The context is CONTEXT_CHARS a side unless the page holds that passage, context included, more than
 * once (a repeated paragraph, a list of identical captions): then it is widened until it is unique. A
 * wider context therefore says "this passage is repeated on the page", and `placeAnchor` accepts such an
 * anchor only where its whole context is found again verbatim, once.
 */
export function describeSpan(text: string, start: number, end: number): NoteAnchor {
  const s = clamp(Math.min(start, end), 0, text.length);
  const e = clamp(Math.max(start, end), 0, text.length);
  const exact = text.slice(s, e);
  const once = (n: number) => occursOnce(text, Math.max(0, s - n), Math.min(text.length, e + n), s, e);
  // (Whether the passage repeats is judged on CONTEXT_CHARS a side, as for every anchor.)
  let n = CONTEXT_CHARS;
  while (n < MAX_CONTEXT_CHARS && !once(n)) n *= 2;
  const uniqueQuote = e > s && text.indexOf(exact) === s && text.indexOf(exact, s + 1) < 0;
  if (n === CONTEXT_CHARS && uniqueQuote) n = UNIQUE_CONTEXT_CHARS;
  let prefix = text.slice(Math.max(0, s - n), s);
  let suffix = text.slice(e, e + n);
  // Near the text's edges a side comes out shorter than n, and the widths must still read back right
  // (see contextKind): a unique quote with neither side at full width keeps CONTEXT_CHARS (read as
  // 'plain'); a widened side cut to exactly UNIQUE_CONTEXT_CHARS loses a character (still 'widened').
  if (n === UNIQUE_CONTEXT_CHARS && prefix.length < n && suffix.length < n) {
    prefix = prefix.slice(-CONTEXT_CHARS);
    suffix = suffix.slice(0, CONTEXT_CHARS);
  } else if (n > UNIQUE_CONTEXT_CHARS && Math.max(prefix.length, suffix.length) === UNIQUE_CONTEXT_CHARS) {
    const p = prefix.length === UNIQUE_CONTEXT_CHARS ? prefix.slice(1) : prefix;
    const q = suffix.length === UNIQUE_CONTEXT_CHARS ? suffix.slice(0, -1) : suffix;
    if (unique(text, p + exact + q)) [prefix, suffix] = [p, q];
  }
  return {
    quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
    position: { type: 'TextPositionSelector', start: s, end: e },
  };
}

function unique(text: string, w: string): boolean {
  const at = text.indexOf(w);
  return at >= 0 && text.indexOf(w, at + 1) < 0;
}

/**
 * What the stored context's width says about the page when the note was taken:
 * - 'unique': the quote itself occurred once (a side of exactly UNIQUE_CONTEXT_CHARS, none wider);
 * - 'widened': the passage with its context occurred more than once (any other side wider than
 *   CONTEXT_CHARS: 64, 128, … or cut short by the text's edge);
 * - 'plain': not known (the quote occurred more than once, or the anchor predates these widths).
 * (An anchor made before UNIQUE_CONTEXT_CHARS existed, widened on a text so short that both sides were
 * cut to at most that length with one exactly that long, reads as 'unique'.)
 */
export function contextKind(anchor: NoteAnchor): 'unique' | 'widened' | 'plain' {
  const { prefix, suffix } = anchor.quote;
  const longest = Math.max(prefix.length, suffix.length);
  if (longest === UNIQUE_CONTEXT_CHARS) return 'unique';
  return longest > CONTEXT_CHARS ? 'widened' : 'plain';
}

/**
 * text[a, b) occurs nowhere else in the text, not even approximately: a copy within the fuzzy matcher's
 * error bound (a quarter) would be as good a place for the note once either copy is edited.
 */
function occursOnce(text: string, a: number, b: number, s: number, e: number): boolean {
  if (a === 0 && b === text.length) return true;
  const w = text.slice(a, b);
  if (text.indexOf(w) !== a || text.indexOf(w, a + 1) >= 0) return false;
  const k = Math.min(REPEAT_MAX_ERRORS, Math.floor(w.length * REPEAT_ERROR_RATE));
  const masked = (from: number, to: number) => text.slice(0, from) + '\u0000'.repeat(to - from) + text.slice(to);
  // A copy elsewhere; then a copy overlapping this one (a page that repeats a paragraph back to back):
  // with only the quote hidden, this place itself is at least the quote's length away from the window.
  if (approxSearch(masked(a, b), w, k).length > 0) return false;
  const quoteLength = w.length - (s - a) - (b - e);
  return approxSearch(masked(s, e), w, Math.min(k, quoteLength - 1)).length === 0;
}

/** "Approximately": within this share of edits (the fuzzy matcher's own bound), searched with at most
 *  this many errors (which bounds the cost). */
const REPEAT_ERROR_RATE = 0.25;
const REPEAT_MAX_ERRORS = 256;

function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, Math.trunc(n))) : lo;
}

/**
 * Structural check for anchors that arrive from outside (imports, old records): plain code, no schema
 * library, so the content script can use it without pulling one in.
 */
export function isNoteAnchor(x: unknown): x is NoteAnchor {
  if (!isRecord(x) || !isRecord(x.quote) || !isRecord(x.position)) return false;
  const q = x.quote;
  const p = x.position;
  return (
    q.type === 'TextQuoteSelector' &&
    typeof q.exact === 'string' && q.exact.length > 0 && q.exact.length <= MAX_EXACT_CHARS &&
    typeof q.prefix === 'string' && q.prefix.length <= MAX_EXACT_CHARS &&
    typeof q.suffix === 'string' && q.suffix.length <= MAX_EXACT_CHARS &&
    p.type === 'TextPositionSelector' &&
    isOffset(p.start) && isOffset(p.end) && p.start <= p.end
  );
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isOffset(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}
