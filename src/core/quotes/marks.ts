/**
 * Quotation marks in one paragraph: a single left-to-right pass with a small stack, so the cost is
 * linear in the paragraph however unbalanced its marks are. Only outermost spans come out; a quote
 * inside a quote belongs to its outer quote.
 */
import { unitClassOf } from './speakers';

/** One outer quote: `start`/`end` exclude the marks; `open` is the opening mark's index. */
export interface Span {
  open: number;
  start: number;
  end: number;
  /** False when the paragraph ended first (a quote that continues in the next paragraph). */
  closed: boolean;
}

type Kind = 'd' | 's' | 'g' | 'low';
/** Module-level: the bundler writes a Unicode-class regex as `new RegExp(…)`, run on every use when inline. */
export const LOWER = /\p{Ll}/u;
const isWord = (c: string | undefined): boolean => c !== undefined && (unitClassOf(c.charCodeAt(0)) & 1) === 1;
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
/** After one of these a straight mark opens a quote rather than closing one. */
const OPENS_AFTER = ' \t\n([{—–-/“‘«„"\'';
const canOpen = (prev: string | undefined, next: string | undefined): boolean =>
  (prev === undefined || OPENS_AFTER.includes(prev)) && next !== undefined && next !== ' ' && next !== '\n';

/**
 * An apostrophe, not a mark: inside a word (don’t, France’s, it's), or eliding digits (the ’90s).
 * `sPlural` is the Jones’ house case, decided by the caller (it needs to know a later mark can close).
 */
const isApostrophe = (prev: string | undefined, next: string | undefined): boolean =>
  (isWord(prev) && isWord(next)) || (!isWord(prev) && isDigit(next));

/** The characters the scan acts on: every other one is passed over by the regex engine. */
export const MARK = /["'“”„«»‘’]/g;

/** Where the first match of `one`, a global regex for one character, is at or after `from` in t, or t.length. */
export function nextMatch(one: RegExp, t: string, from: number): number {
  one.lastIndex = from;
  // `test` builds no match array.
  return one.test(t) ? one.lastIndex - 1 : t.length;
}

export function scanParagraph(t: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  const stack: { kind: Kind; at: number }[] = [];
  // The last right single mark that could close a quote: lets "the Jones’ house" stay an apostrophe
  // when a later mark is there to close the open single quote. One backward pass, so still linear, made only
  // when that case comes up (rarely: most paragraphs never need it).
  let lastSingleClose = -2;
  const lastClose = (): number => {
    for (let i = to - 1; lastSingleClose < -1; i--) {
      const c = t.charCodeAt(i);
      if (i < from) lastSingleClose = -1;
      else if ((c === 0x2019 || c === 39) && !isWord(t[i + 1])) lastSingleClose = i;
    }
    return lastSingleClose;
  };
  const open = (kind: Kind, at: number): void => {
    // A second double mark while one is open means the first was never closed: start again.
    if (kind !== 's' && stack.some((e) => e.kind === kind)) stack.length = 0;
    if (stack.length < 16) stack.push({ kind, at });
  };
  const close = (kinds: string, at: number): boolean => {
    for (let k = stack.length - 1; k >= 0; k--) {
      if (kinds.includes(stack[k]!.kind)) {
        const e = stack[k]!;
        stack.length = k;
        if (k === 0 && at > e.at + 1) out.push({ open: e.at, start: e.at + 1, end: at, closed: true });
        return true;
      }
    }
    return false;
  };
  // Only the marks below do anything: the regex engine finds the next one (past `to` at most once per paragraph).
  for (let i = nextMatch(MARK, t, from); i < to; i = nextMatch(MARK, t, i + 1)) {
    const c = t[i]!;
    const prev = i > from ? t[i - 1] : undefined;
    const next = i + 1 < to ? t[i + 1] : undefined;
    switch (c) {
      case '“':
        if (!close('low', i)) open('d', i);
        break;
      case '”':
        close('d low', i);
        break;
      case '„':
        open('low', i);
        break;
      case '«':
        open('g', i);
        break;
      case '»':
        close('g', i);
        break;
      case '"':
        if (stack.some((e) => e.kind === 'd') && !canOpen(prev, next)) close('d', i);
        else if (canOpen(prev, next)) open('d', i);
        else close('d', i);
        break;
      case '‘':
        if (next !== undefined && next !== ' ' && !isDigit(next)) open('s', i);
        break;
      case '’':
      case "'": {
        if (isApostrophe(prev, next)) break;
        const singleOpen = stack.some((e) => e.kind === 's');
        if (c === "'" && !singleOpen) {
          if (canOpen(prev, next) && isWord(next)) open('s', i);
          break;
        }
        if (!singleOpen) break;
        // "the Jones’ house": a plural possessive, when a later mark can still close the quote.
        if (prev === 's' && next === ' ' && LOWER.test(t[i + 2] ?? '') && i < lastClose()) break;
        close('s', i);
        break;
      }
    }
  }
  // A double quote still open at the paragraph's end runs to it (and may continue in the next one).
  const first = stack[0];
  if (first && first.kind !== 's') {
    let end = to;
    while (end > first.at + 1 && /\s/.test(t[end - 1]!)) end--;
    if (end > first.at + 1) out.push({ open: first.at, start: first.at + 1, end, closed: false });
  }
  return out;
}
