/**
 * What a note remembers about the text it was written on: W3C Web Annotation selectors over the article
 * text (`TextMap.of(article.paragraphs).text`). The quote with a little context on each side survives
 * edits elsewhere on the page; the character offsets make the common case (nothing changed) instant.
 */

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

/** Longest quote we store: a selection longer than this is a whole article, not a note's anchor. */
const MAX_EXACT_CHARS = 100_000;

/** Selectors for text[start, end) of an article text. Offsets are clamped into the text. */
export function describeSpan(text: string, start: number, end: number): NoteAnchor {
  const s = clamp(Math.min(start, end), 0, text.length);
  const e = clamp(Math.max(start, end), 0, text.length);
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(s, e),
      prefix: text.slice(Math.max(0, s - CONTEXT_CHARS), s),
      suffix: text.slice(e, e + CONTEXT_CHARS),
    },
    position: { type: 'TextPositionSelector', start: s, end: e },
  };
}

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
