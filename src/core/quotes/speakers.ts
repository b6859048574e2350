/**
 * Who is who in an article: the people and bodies it names, the roles it gives them, and the
 * mentions a pronoun or a bare role can point back to. Built once per article in linear passes;
 * every later look-up is bounded (a few map hits, a few mentions back).
 */
import { ARTICLES, BODY_WORDS, keysOf, ORG_NOUNS, PRONOUNS, ROLE_QUALIFIERS, SPEECH_VERBS, STOPWORDS, TITLE_WORDS, TITLES } from './patterns';
import { partitionPoint } from '../text';

export interface Token {
  /** The word as written, trailing full stops dropped. */
  w: string;
  /** Lower-case form, possessive ’s dropped. */
  l: string;
  s: number;
  e: number;
  /** Punctuation token (, ; : ( ) — –) or a masked quote (Q). */
  p?: string;
  cap: boolean;
  poss: boolean;
  /** Ends with a full stop (an initial, an abbreviation, or a sentence end). */
  dot: boolean;
}

/** The word rule, as a regex: what `tokenize`'s scanner implements (kept for the tests that check they agree). */
export const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}’'.\-]*|\u0001+|[,;:()—–]/gu;
/** Starts with a capital (on one character, whether it is one). */
export const UPPER = /^\p{Lu}/u;
/** An initial ("J."). Module-level: the bundler writes a Unicode-class regex as `new RegExp(…)`, run on every use when inline. */
const INITIAL = /^\p{Lu}\.$/u;
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const LETTER = /^\p{L}$/u;

export { splitTitles };

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/** 1 = letter, 3 = number, 2 = neither, 0 = not asked yet: one regex test per distinct UTF-16 unit, then a table read. */
const unitClass = new Uint8Array(65536);
const astralClass = new Map<number, boolean>();

/** Length in UTF-16 units (1 or 2) of the letter or number code point at i (before `to`), or 0 when there is none. */
function letterOrNumberAt(t: string, i: number, to: number): number {
  const c = t.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
    const d = t.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      const cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
      let k = astralClass.get(cp);
      if (k === undefined) {
        k = LETTER_OR_NUMBER.test(String.fromCodePoint(cp));
        astralClass.set(cp, k);
      }
      return k ? 2 : 0;
    }
  }
  return unitClassOf(c) & 1;
}

/**
 * The class of the UTF-16 unit c read alone, from the table (filled on first asking): odd for a letter or number
 * (`/[\p{L}\p{N}]/u` on it), 1 for a letter (`/\p{L}/u`).
 */
export function unitClassOf(c: number): number {
  let k = unitClass[c]!;
  if (k === 0) {
    const s = String.fromCharCode(c);
    // A lone surrogate is neither: a code point of its own under the u flag, of the class Cs.
    k = unitClass[c] = LETTER.test(s) ? 1 : LETTER_OR_NUMBER.test(s) ? 3 : 2;
  }
  return k;
}

/** Length of the word-continuing code point at i: a letter or number, ’ ' . or -. */
function wordContinuesAt(t: string, i: number, to: number): number {
  const c = t.charCodeAt(i);
  if (c === 0x2019 || c === 39 || c === 46 || c === 45) return 1;
  return letterOrNumberAt(t, i, to);
}

/**
 * The words and punctuation of t[from, to): the TOKEN regex's matches, found by a scanner that tests ASCII in
 * place and asks the Unicode classes once per distinct character (this runs over every word of an article).
 * Appended to `out` when given (the cast's parts go straight into one array). With `starts` (the cast), every
 * token's start goes there, and `out` gets the capitalised words alone, each at its token's number (the other
 * places are left empty: most words are never read).
 */
export function tokenize(t: string, from: number, to: number, out: Token[] = [], starts?: number[]): Token[] {
  const end = Math.min(to, t.length);
  let i = Math.max(0, from);
  while (i < end) {
    const c = t.charCodeAt(i);
    const first = letterOrNumberAt(t, i, end);
    if (first > 0) {
      const s = i;
      i += first;
      while (i < end) {
        const n = wordContinuesAt(t, i, end);
        if (n === 0) break;
        i += n;
      }
      if (starts) {
        starts.push(s);
        // Not capitalised: a word starting with an ASCII character other than A-Z.
        if (c < 65 || (c > 90 && c < 128)) continue;
      }
      const w = word(t.slice(s, i), s);
      if (!starts) out.push(w);
      else if (w.cap) out[starts.length - 1] = w;
    } else if (c === 1 || (c < 60 ? c > 39 && (c < 42 || c === 44 || c > 57) : c === 0x2014 || c === 0x2013)) {
      // A run of masked characters (Q), or one of , ; : ( ) — – (a space leaves on the first comparisons).
      const s = i;
      const ch = c === 1 ? 'Q' : t[i]!;
      i++;
      while (c === 1 && i < end && t.charCodeAt(i) === 1) i++;
      if (starts) starts.push(s);
      else out.push({ w: ch, l: ch, s, e: i, p: ch, cap: false, poss: false, dot: false });
    } else {
      i++;
    }
  }
  return out;
}

/** One word token from its raw text at s. */
function word(raw: string, s: number): Token {
  // The same rules as the regexes in the comments, with cheap character tests first (this runs per word).
  const dot = raw.endsWith('.');
  // w: /^\p{Lu}\.$/ keeps an initial's dot, otherwise trailing dots go (there are none without `dot`).
  const w = !dot || INITIAL.test(raw) ? raw : raw.replace(/\.+$/, '');
  // The possessive /[’']s?$/, 1 or 2 units long: poss reads it in w (w starts with a letter or digit, so never
  // with an apostrophe); l drops it after lower-casing, so an "S" counts there too.
  const last = w.charCodeAt(w.length - 1);
  const ending = isApostrophe(last) ? 1 : (last | 32) === 115 && isApostrophe(w.charCodeAt(w.length - 2)) ? 2 : 0;
  const l = lowerCase(w);
  // cap: /^\p{Lu}/, answered without the regex for ASCII.
  const c0 = w.charCodeAt(0);
  const cap = c0 < 128 ? c0 >= 65 && c0 <= 90 : UPPER.test(w);
  return { w, l: ending ? l.slice(0, -ending) : l, s, e: s + w.length, p: undefined, cap, poss: ending === 1 || (ending === 2 && last === 115), dot };
}

/** `w.toLowerCase()`, without the call for a word with no capital and nothing beyond ASCII (most words). */
export function lowerCase(w: string): string {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c > 127 || (c >= 65 && c <= 90)) return w.toLowerCase();
  }
  return w;
}

export interface Mention {
  pos: number;
  name: string;
  kind: 'person' | 'body';
  /** False for a name met in passing (an object, a place): pronouns skip those. */
  subject?: boolean;
  /** A resolved speaker, not a name run. */
  said?: boolean;
}

interface Role {
  words: string[];
  name: string;
}

/** Pronouns that tell a name's gender when they follow it; object forms ("X reached out to her") point elsewhere. */
const GENDERED: Readonly<Record<string, 'm' | 'f'>> = { he: 'm', his: 'm', himself: 'm', she: 'f', her: 'f', herself: 'f' };
const GENDERED_WORDS = keysOf(GENDERED);

/**
 * Capitalised runs that can be names: no stopwords, no possessives inside, broken by punctuation. A run's words
 * are consecutive tokens: `first` is the index of its first one. A token not built (an empty place) is not
 * capitalised.
 */
function nameRuns(tokens: Token[], text: string): { words: Token[]; at: number; first: number }[] {
  const runs: { words: Token[]; at: number; first: number }[] = [];
  let cur: Token[] = [];
  let first = 0;
  // A new array only after a run is pushed: most tokens are not names and leave `cur` empty.
  const flush = (): void => {
    if (cur.length) {
      runs.push({ words: cur, at: cur[0]!.s, first });
      cur = [];
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || t.p || !t.cap || STOPWORDS.has(t.l)) {
      flush();
      continue;
    }
    // The gap between the two words is exactly " ", or ". " after a title (compared in place, no slice).
    const prev = cur[cur.length - 1];
    const gap = prev ? t.s - prev.e : -1;
    const joined = (gap === 1 && text.charCodeAt(prev!.e) === 32) ||
      (gap === 2 && text.charCodeAt(prev!.e) === 46 && text.charCodeAt(prev!.e + 1) === 32 && TITLE_WORDS.has(prev!.l));
    if (prev && !joined) flush();
    if (!cur.length) first = i;
    cur.push(t);
    if (t.poss) flush();
  }
  flush();
  return runs;
}

/** Splits a run into the titles before the name and the name itself. */
function splitTitles(words: Token[]): { titles: string[]; name: Token[] } {
  // "Tunisian Prime Minister Firstname Lastname": the name starts after the last title word.
  let k = 0;
  for (let i = 0; i < words.length - 1; i++) if (TITLE_WORDS.has(words[i]!.l)) k = i + 1;
  // Most runs have no title: then no copies (nobody writes to either array).
  return k ? { titles: words.slice(0, k).map((w) => w.l).filter((l) => TITLE_WORDS.has(l)), name: words.slice(k) } : { titles: [], name: words };
}

/** Characters tokenized, and name runs read, between two pause points of a sliced pass. */
const TOKENIZE_CHARS_PER_STEP = 20_000;
const RUNS_PER_STEP = 400;

export class Cast {
  /** Full names (two words or more) by last word and by first word, in order of first appearance. */
  private byLast = new Map<string, string[]>();
  private byFirst = new Map<string, string[]>();
  private roles = new Map<string, Role[]>();
  /** How often each full name is written: a Title Case headline's "Outlet Writer Firstname Lastname" loses to the body's usage. */
  private uses = new Map<string, number>();
  private qualified = new Map<string, Set<string>>();
  readonly gender = new Map<string, 'm' | 'f'>();
  /** Person and body names met outside quotes, in text order. */
  private runMentions: Mention[] = [];
  /** Speakers as they are resolved, in text order. */
  private spoken: Mention[] = [];

  /**
   * The cast, read in resumable steps (a sliced pass, `src/content/pass.ts`): pauses between parts of the text
   * and groups of name runs. `noNamesBefore`: a Title Case headline's end — its capitalised runs glue words
   * into fake names.
   */
  static *steps(text: string, masked: string, noNamesBefore = 0): Generator<void, Cast, unknown> {
    const cast = new Cast();
    yield* cast.read(text, masked, noNamesBefore);
    return cast;
  }

  private *read(text: string, masked: string, noNamesBefore: number): Generator<void, void, unknown> {
    // Tokenized in parts cut at a space or line break: no token spans one, so the parts' tokens are the whole's.
    // Only the capitalised words are built (most words are not); any other token is built when a check reads it
    // (the few words around a name run) by tokenizing from its start to the next token's, which gives that token.
    const tokens: Token[] = [];
    const starts: number[] = [];
    for (let from = 0; from < text.length;) {
      let to = Math.min(text.length, from + TOKENIZE_CHARS_PER_STEP);
      while (to < text.length && text.charCodeAt(to) !== 32 && text.charCodeAt(to) !== 10) to++;
      tokenize(text, from, to, tokens, starts);
      from = to;
      yield;
    }
    const token = (i: number): Token | undefined =>
      i in starts ? (tokens[i] ??= tokenize(text, starts[i]!, starts[i + 1] ?? text.length)[0]!) : undefined;
    const runs = nameRuns(tokens, text);
    yield;
    let n = 0;
    for (const run of runs) {
      if (++n % RUNS_PER_STEP === 0) yield;
      const { titles, name } = splitTitles(run.words);
      const last = name[name.length - 1]!;
      if (run.at < noNamesBefore || name.length < 2 || last.poss || BODY_WORDS.has(last.l)) continue;
      const full = name.map((w) => w.w).join(' ');
      this.uses.set(full, (this.uses.get(full) ?? 0) + 1);
      this.add(this.byLast, last.w, full);
      this.add(this.byFirst, name[0]!.w, full);
      this.noteGender(full, titles);
      // Roles: titles in the run, the words just before it ("shadow health secretary Firstname Lastname"),
      // and an apposition before it ("the country’s president, Firstname Lastname").
      if (titles.length) this.addRole(titles, full);
      let i = run.first - 1;
      if (token(i)?.p === ',') i--;
      const before: string[] = [];
      for (; i >= 0 && before.length < 5; i--) {
        const t = token(i)!;
        if (t.p || STOPWORDS.has(t.l) || (t.cap && !t.poss) || t.dot) break;
        before.unshift(t.l);
      }
      if (before.length) this.addRole(before, full);
    }
    for (const run of runs) {
      if (++n % RUNS_PER_STEP === 0) yield;
      if (masked[run.at] === '\u0001') continue;
      const { titles, name } = splitTitles(run.words);
      const last = name[name.length - 1]!;
      if (last.poss && name.length === 1 && !titles.length) continue;
      const kind = BODY_WORDS.has(last.l) ? 'body' : 'person';
      const resolved = kind === 'body' ? run.words.map((w) => w.w).join(' ') : this.fullName(name.map((w) => w.w));
      if (!resolved) continue;
      if (kind === 'person' && name.length === 1 && !titles.length && resolved === name[0]!.w) continue;
      const ti = run.first;
      const before = token(ti - 1);
      // "an Oklahoma Republican", "the Virginia Democrat": a description, not a person's name.
      if (kind === 'person' && before && ARTICLES.has(before.l) && !titles.length) continue;
      this.noteGender(resolved, titles);
      // A subject: it opens its sentence, or a verb-like word follows it ("Fetter arrived", "Rothman recalls").
      const after = token(ti + run.words.length);
      const subject = !before || before.dot || SPEECH_VERBS.has(before.l) || (before.cap && STOPWORDS.has(before.l)) ||
        (!!after && !after.p && !after.cap && !STOPWORDS.has(after.l) && /(ed|s|d|t)$/.test(after.l));
      this.runMentions.push({ pos: run.at, name: resolved, kind, subject });
      // The first personal pronoun in the next few words usually refers back to this person.
      if (kind === 'person' && !this.gender.has(resolved)) {
        const i = run.first + run.words.length - 1;
        for (let j = i + 1; j < i + 12 && j < starts.length; j++) {
          // Every capitalised word is built; another only if it can be a pronoun here: h or s (every pronoun
          // here starts with one, and a word that is not capitalised is written as it lower-cases), or beyond ASCII.
          const at = starts[j]!;
          const c = text.charCodeAt(at);
          const t = tokens[j] ?? (c === 104 || c === 115 || c > 127 ? token(j)! : null);
          if ((t?.cap && !STOPWORDS.has(t.l)) || masked[at] === '\u0001') break;
          const g = t && GENDERED_WORDS.has(t.l) && GENDERED[t.l];
          if (!g) continue;
          // "her" counts only as a possessive ("her team"), not as an object ("told her, …").
          const nx = token(j + 1);
          if (t.l !== 'her' || (nx && !nx.p && !STOPWORDS.has(nx.l))) {
            this.gender.set(resolved, g);
            break;
          }
        }
      }
    }
  }

  private add(map: Map<string, string[]>, key: string, full: string): void {
    const list = map.get(key) ?? [];
    if (!list.includes(full) && list.length < 8) list.push(full);
    map.set(key, list);
  }

  private addRole(words: string[], name: string): void {
    const head = words[words.length - 1]!;
    const list = this.roles.get(head) ?? [];
    if (list.length < 8) list.push({ words, name });
    this.roles.set(head, list);
    if (words.some((w) => ROLE_QUALIFIERS.has(w))) {
      const heads = this.qualified.get(name) ?? new Set<string>();
      this.qualified.set(name, heads.add(head));
    }
  }

  private noteGender(name: string, titles: string[]): void {
    for (const t of titles) if (TITLES[t]) this.gender.set(name, TITLES[t] as 'm' | 'f');
  }

  /** The fullest name the article gives: a surname or first name alone looks up the first full name. */
  fullName(words: string[]): string | null {
    if (!words.length) return null;
    const joined = words.join(' ');
    if (words.length === 1) {
      const list = this.byLast.get(joined) ?? this.byFirst.get(joined);
      if (!list) return joined;
      // The most used full name, the earliest on a tie.
      return list.reduce((best, c) => ((this.uses.get(c) ?? 0) > (this.uses.get(best) ?? 0) ? c : best));
    }
    let best = joined;
    for (const cand of [...(this.byFirst.get(words[0]!) ?? []), ...(this.byLast.get(words[words.length - 1]!) ?? [])]) {
      if (cand.length > best.length && (cand.startsWith(joined + ' ') || cand.endsWith(' ' + joined))) best = cand;
    }
    return best;
  }

  /** A role ("the foreign secretary", "the French president") given to a named person anywhere. */
  role(words: string[], pos: number): string | null {
    const head = words[words.length - 1]!;
    const mods = words.slice(0, -1);
    const list = this.roles.get(head);
    const fits = (r: Role): boolean =>
      mods.every((m) => r.words.some((w) => w.slice(0, 5) === m.slice(0, 5))) &&
      r.words.every((w) => !ROLE_QUALIFIERS.has(w) || mods.includes(w));
    const hit = list?.filter(fits).pop();
    if (hit) return hit.name;
    // A known kind of office with no name attached: the person most recently in view holds it.
    if (list || TITLE_WORDS.has(head)) return this.recent(pos, (m) => m.kind === 'person' && !this.roleClash(m.name, words));
    return ORG_NOUNS.has(head) ? this.body(words, pos) : null;
  }

  /**
   * "the conservation department" → a body named earlier whose words hold the noun and its modifiers
   * (looked for a bounded way back); "the company" → the body most recently in view.
   */
  private body(words: string[], pos: number): string | null {
    const near = words.length > 1 ? null : this.recent(pos, (m) => m.kind === 'body');
    if (near) return near;
    let seen = 0;
    const has = (name: string, w: string): boolean => name.toLowerCase().split(' ').some((x) => x.slice(0, 5) === w.slice(0, 5));
    for (const m of this.before(pos)) {
      if (++seen > 200) break;
      if (m.kind === 'body' && words.every((w) => has(m.name, w))) return m.name;
    }
    return null;
  }

  /** True when `name` holds a qualified version of this office ("shadow" secretary) and the query does not say so. */
  private roleClash(name: string, words: string[]): boolean {
    return !!this.qualified.get(name)?.has(words[words.length - 1]!) && !words.some((w) => ROLE_QUALIFIERS.has(w));
  }

  pronoun(p: string, pos: number): string | null {
    const want = PRONOUNS[p];
    // Singular "they" in news is mostly a spokesperson's body: prefer one in view.
    if (want === 'p') return this.recent(pos, (m) => m.kind === 'body' && !!m.said) ?? this.recent(pos, () => true);
    if (want === 'n') return this.recent(pos, (m) => m.kind === 'body');
    const other = want === 'm' ? 'f' : 'm';
    let seen = 0;
    for (const m of this.before(pos)) {
      if (++seen > 6) break;
      if (m.kind !== 'person' || m.subject === false || this.gender.get(m.name) === other) continue;
      if (want) this.gender.set(m.name, want as 'm' | 'f');
      return m.name;
    }
    return null;
  }

  /** The first name-run mention in [from, to): the subject a participle ("…, saying") hangs on. */
  firstMention(from: number, to: number): string | null {
    for (let i = this.firstAtOrAfter(from); i < this.runMentions.length && this.runMentions[i]!.pos < to; i++) {
      if (this.runMentions[i]!.kind === 'person') return this.runMentions[i]!.name;
    }
    return null;
  }

  private firstAtOrAfter(pos: number): number {
    return partitionPoint(this.runMentions.length, (m) => this.runMentions[m]!.pos < pos);
  }

  /** A resolved speaker (`said` set by the caller, which passes a fresh object). */
  spoke(m: Mention): void {
    this.spoken.push(m);
  }

  private recent(pos: number, ok: (m: Mention) => boolean): string | null {
    let seen = 0;
    for (const m of this.before(pos)) {
      if (++seen > 6) break;
      if (ok(m)) return m.name;
    }
    return null;
  }

  /** Mentions before `pos`, nearest first: name runs and resolved speakers merged. */
  private *before(pos: number): Generator<Mention> {
    let i = this.firstAtOrAfter(pos) - 1;
    let j = this.spoken.length - 1;
    while (j >= 0 && this.spoken[j]!.pos >= pos) j--;
    while (i >= 0 || j >= 0) {
      const a = this.runMentions[i];
      const b = this.spoken[j];
      if (b && (!a || b.pos >= a.pos)) {
        yield b;
        j--;
      } else if (a) {
        yield a;
        i--;
      }
    }
  }
}
