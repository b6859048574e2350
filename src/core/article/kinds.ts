/**
 * What kind of boilerplate an element is, read from its name (tokens) or from its visible text.
 * Both readers are pure functions of one element so the content script can ask them again about
 * nodes a page injects late.
 */
import { tidyText, visibleTextNodes } from '../text';
import { attrOf, readAttrs, stripArbitraryVariants, type Attrs } from './page-index';
import {
  KIND_TOKENS, KIND_TOKEN_PAIRS, STEPS, TEXT_PATTERNS, TEXT_PATTERN_MAX_CHARS,
  type BoilerplateKind, type TextPattern,
} from './patterns';

const KIND_ORDER: BoilerplateKind[] = ['support', 'subscribe', 'newsletter', 'comments', 'related', 'share', 'ad'];
const EXACT = new Map<string, BoilerplateKind>();
for (const kind of [...KIND_ORDER].reverse()) for (const t of KIND_TOKENS[kind].exact) EXACT.set(t, kind);
const PREFIXES = KIND_ORDER.flatMap((kind) => KIND_TOKENS[kind].prefix.map((prefix) => ({ kind, prefix })));
/** Split a name into lower-case tokens at non-alphanumerics and camelCase humps ("mostReadList" → most read list). */
export function tokenize(name: string): string[] {
  // Each token is a run of ASCII letters and digits, cut before an upper-case letter that follows a lower-case one
  // or a digit; taken as one slice, lower-cased (ASCII only, so the slice lower-cases letter by letter).
  const out: string[] = [];
  let start = -1;
  let prevLower = false;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    const isUpper = code >= 65 && code <= 90;
    const isLower = (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
    if (!isUpper && !isLower) {
      if (start >= 0) out.push(name.slice(start, i).toLowerCase());
      start = -1;
      prevLower = false;
      continue;
    }
    if (isUpper && prevLower && start >= 0) {
      out.push(name.slice(start, i).toLowerCase());
      start = -1;
    }
    if (start < 0) start = i;
    prevLower = isLower;
  }
  if (start >= 0) out.push(name.slice(start).toLowerCase());
  return out;
}

/** The attributes a name is read from, in order. */
const NAME_ATTRS = ['id', 'class', 'role', 'data-component', 'data-testid', 'data-module', 'data-type'];

/**
 * The raw name we read tokens from: id, class, role, aria-label and the common component attributes.
 * `attrs`: what `readAttrs` read of the element (its attribute names among them): only the names present are read
 * from it.
 */
function rawName(el: Element, attrs: Attrs, tag: string): string {
  let s = '';
  // aria-label is not here: it is human text ("Reply from @bob@example.social"), read by kindFromTokens as text.
  for (const a of NAME_ATTRS) {
    const v = attrOf(el, attrs, a);
    // (The first value as the DOM hands it back: an element named by its class alone, most of them, keys the cache
    // with a string built and hashed once. Spaces between tokens are all the same to them.)
    if (v && v.length < 500) s = s ? s + ' ' + v : v;
  }
  // A form says what it is for in its action ("…/newsletters/signup", "…/subscribe").
  if (tag === 'FORM') {
    const action = attrOf(el, attrs, 'action');
    if (action && action.length < 300) s += ' ' + action.replace(/^[a-z]+:\/\/[^/]*/i, '');
  }
  return stripArbitraryVariants(s);
}

export interface KindMatch { kind: BoilerplateKind; reason: string; step: string }

/**
 * Step `boilerplate-tokens`. `cache`: answers by raw name for the rest of a pass (a page repeats its class names;
 * the answer is a function of the name alone). Matches are shared between the elements of one name: read only.
 * `attrs` and `tag`: what the page walk read of the element (the page index), when it was read there.
 */
export function kindFromTokens(
  el: Element, cache?: Map<string, KindMatch | null>, attrs = el.hasAttributes() ? readAttrs(el) : null, tag = el.tagName,
): KindMatch | null {
  // Everything below reads attributes: an element without any (most of a page) has no name to read.
  if (!attrs) return null;
  const label = attrOf(el, attrs, 'aria-label');
  if (label && label.length <= 60) {
    const p = kindFromText(label);
    if (p?.strong) return { kind: p.kind, reason: `labelled "${label}"`, step: STEPS.boilerplateTokens };
  }
  const name = rawName(el, attrs, tag);
  if (!name) return null;
  if (!cache) return kindFromName(name);
  let k = cache.get(name);
  if (k === undefined) cache.set(name, (k = kindFromName(name)));
  return k;
}

/** Each pair's words ("you may like" → you, may, like), in table order. */
const PAIR_WORDS = KIND_TOKEN_PAIRS.map(({ kind, pair }) => ({ kind, pair, words: pair.split(' ') }));
const RANK = new Map(KIND_ORDER.map((k, i) => [k, i]));

/**
 * Every kind word (exact, prefix, or a pair's first word): a name holding none of them anywhere, in any case, has no
 * kind token and no pair (a token is a lower-cased piece of the name). Most names hold none: they are answered by
 * one look, without being split.
 */
const KIND_WORD = new RegExp([
  ...EXACT.keys(), ...PREFIXES.map((p) => p.prefix), ...PAIR_WORDS.map((p) => p.words[0]),
].join('|'), 'i');

function kindFromName(name: string): KindMatch | null {
  if (!KIND_WORD.test(name)) return null;
  // (Not empty: a kind word is letters.)
  const tokens = tokenize(name);
  let best: BoilerplateKind | null = null;
  let bestToken = '';
  for (const t of tokens) {
    let k = EXACT.get(t);
    // The first prefix in kind order that begins the token (only names holding a kind word get here).
    for (let j = 0; !k && j < PREFIXES.length; j++) if (t.length > PREFIXES[j]!.prefix.length && t.startsWith(PREFIXES[j]!.prefix)) k = PREFIXES[j]!.kind;
    if (k && (best === null || RANK.get(k)! < RANK.get(best)!)) {
      best = k;
      bestToken = t;
    }
  }
  // A pair is two tokens (or three) in a row: what " a b " found in the space-joined tokens meant.
  for (const { kind, pair, words } of PAIR_WORDS) {
    if (best !== null && RANK.get(kind)! >= RANK.get(best)!) continue;
    if (hasRun(tokens, words)) {
      best = kind;
      bestToken = pair;
    }
  }
  if (best === null) return null;
  return { kind: best, reason: `named "${bestToken}"`, step: STEPS.boilerplateTokens };
}

/** Do `words` occur in `tokens` consecutively? */
function hasRun(tokens: readonly string[], words: readonly string[]): boolean {
  for (let j = 0; j + words.length <= tokens.length; j++) {
    let k = 0;
    while (k < words.length && tokens[j + k] === words[k]) k++;
    if (k === words.length) return true;
  }
  return false;
}

/** Can `p` match `lower` (a normalised text) at all? It must hold one of the pattern's literal words. */
export function passesGate(p: TextPattern, lower: string): boolean {
  return p.needs.some((n) => (n.startsWith('^') ? lower.startsWith(n.slice(1)) : lower.includes(n)));
}

/**
 * Every pattern's gate words (disabled patterns too: a wider gate only costs a look), asked of a text once:
 * `raw`, whether it can hold any (see `mayHoldGateWord`); then in the normalised text `words`, every place one
 * starts, and `lead`, one at the start ("^…" words). Each alternation is longest first (the words starting at one
 * place share their first letter, so their group), so the word found where several start is the longest: the
 * others begin it, and `patterns` lists under each word the patterns of every gate word it begins with ('comments'
 * stands for 'comment' too), by table index. Rebuilt if the table grows.
 */
let anyGate: { size: number; raw: RegExp; words: RegExp; lead: RegExp; patterns: Map<string, number[]> } | null = null;
function gateRes(): NonNullable<typeof anyGate> {
  if (!anyGate || anyGate.size !== TEXT_PATTERNS.length) {
    // (The gate words are lower-case letters and spaces, nothing a regex reads otherwise: text-gates.test.ts.)
    const needs = [...new Set(TEXT_PATTERNS.flatMap((p) => p.needs))].sort((a, b) => b.length - a.length);
    // Grouped by first letter ("c(?:reate a free account|ommenting forum|…)|…"): at each place in a text the regex
    // engine tries the few words that begin with the letter there, not every word (longest first within a group).
    const alts = (lead: boolean) => {
      const byFirst = new Map<string, string[]>();
      for (const n of needs) {
        const w = lead ? n.slice(1) : n;
        if (n.startsWith('^') === lead) byFirst.set(w[0]!, [...(byFirst.get(w[0]!) ?? []), w.slice(1)]);
      }
      return [...byFirst].map(([c, rest]) => `${c}(?:${rest.join('|')})`).join('|');
    };
    // (A "^…" word begins only a "^…" word.)
    const patterns = new Map(needs.map((w) => [w, TEXT_PATTERNS.flatMap((p, k) => (p.needs.some((n) => w.startsWith(n)) ? [k] : []))]));
    // The raw look, case-blind, each space of a word standing for any run of white space: a "^…" word may follow
    // leading white space (trim). See mayHoldGateWord.
    anyGate = {
      size: TEXT_PATTERNS.length, raw: new RegExp(`^\\s*(?:${alts(true)})|${alts(false)}`.replace(/ /g, '\\s+'), 'i'), words: new RegExp(`(?=(${alts(false)}))`, 'g'),
      lead: new RegExp(`^(?:${alts(true)})`), patterns,
    };
  }
  return anyGate;
}

/**
 * Can `text`, or any text tidied from it (its white space runs made one space, trimmed, cut), be normalised into one
 * holding a gate word? The gate words are lower-case ASCII letters and spaces. Normalising lower-cases, turns
 * curly apostrophes straight, strips trailing punctuation and trims; tidying (blockText) joins a block's text
 * nodes, makes each run of white space one space and trims. None of that puts a letter where there was none or
 * joins two letters that had anything but white space between them, so a word found in the normalised text was in
 * the text as it came, with white space (\s holds all blockText's and trim's) for its spaces, in any case; and a
 * "^…" word at the start of the normalised text followed only white space (trim) there. The one exception is the
 * case: lower-casing maps a non-ASCII character to an ASCII letter only for the Kelvin sign (to k, which a gate
 * word holds) and İ (to i and a combining dot, which no gate word can use: none ends in i), and a case-blind regex
 * does not: a text with a Kelvin sign is always read.
 */
function mayHoldGateWord(text: string): boolean {
  return text.indexOf('\u212a') >= 0 || gateRes().raw.test(text);
}

/** Step `boilerplate-text`: the first enabled pattern that the (short) text matches. */
export function kindFromText(text: string): TextPattern | null {
  // (An empty text holds no gate word.)
  if (text.length > TEXT_PATTERN_MAX_CHARS || !mayHoldGateWord(text)) return null;
  const gates = gateRes();
  const lower = text.toLowerCase().replace(/[’‘]/g, "'").replace(/[.!?:…]+$/, '').trim();
  // Only the patterns whose gate the text passes are tried, in table order.
  const ks: number[] = [];
  const lead = gates.lead.exec(lower);
  if (lead) ks.push(...gates.patterns.get('^' + lead[0])!);
  const words = gates.words;
  words.lastIndex = 0;
  // A look-ahead match is empty: step past its start by hand.
  for (let m; (m = words.exec(lower)); words.lastIndex = m.index + 1) ks.push(...gates.patterns.get(m[1]!)!);
  ks.sort((a, b) => a - b);
  for (let j = 0; j < ks.length; j++) {
    const p = TEXT_PATTERNS[ks[j]!]!;
    if (ks[j] !== ks[j - 1] && !p.disabled && p.re.test(lower)) return p;
  }
  return null;
}

/**
 * Step `boilerplate-text` for one element: `kindFromText` of its text. Most blocks cannot hold a gate word, and
 * their visible text nodes, joined as they are, say so (mayHoldGateWord) before the text is tidied.
 */
export function kindFromBlock(el: Element): TextPattern | null {
  let raw = '';
  for (const node of visibleTextNodes(el)) raw += node.data;
  // A block's text nodes can hold kilobytes that the tidy-up never reads (white space, aria-hidden menus: it stops a
  // few hundred characters in): past a few times that, asking first costs more than tidying.
  if (raw.length <= 4 * TEXT_PATTERN_MAX_CHARS && !mayHoldGateWord(raw)) return null;
  // The block's text, tidied from the joined text without walking the block again. Patterns read nothing longer
  // than TEXT_PATTERN_MAX_CHARS: stop reading past it.
  return kindFromText(tidyText(raw, TEXT_PATTERN_MAX_CHARS));
}

/** Kind of one element from its own text, for late-inserted nodes. */
export function kindFromElementText(el: Element): KindMatch | null {
  const p = kindFromBlock(el);
  return p ? { kind: p.kind, reason: `text matches ${p.name}`, step: STEPS.boilerplateText } : null;
}
