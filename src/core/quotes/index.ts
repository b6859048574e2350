/**
 * The quote engine: finds what was said in an article and who said it.
 *
 * Pipeline, every step linear in the text: quotation marks per paragraph (marks.ts) → a masked copy
 * of the text where quoted words are hidden, so cues and sentence ends are read from the narration
 * only → the article's cast of names and roles (speakers.ts) → for each quote, in order, a speech cue
 * in a bounded window after, before or around it, its speaker phrase resolved to a display name.
 */
import { LOWER, nextMatch, scanParagraph, MARK, type Span } from './marks';
import { Cast, lowerCase, splitTitles, tokenize, unitClassOf, UPPER, type Token } from './speakers';
import { partitionPoint } from '../text';
import {
  ABBREVIATIONS, ARTICLES, AUXILIARIES, BODY_ROLES, BODY_WORDS, CUE_WINDOW, DETERMINERS, FROM_PLACE, NOT_SPEECH_BEFORE, NOUN_FOLLOWERS, NOUN_TOO, PRONOUN_WORDS, SCARE_MAX_WORDS,
  SPEAKER_MAX_WORDS, SPEECH_NOUNS, SPEECH_VERBS, STOPWORDS, TITLE_WORDS, TITLES,
} from './patterns';

export type Cue = 'before' | 'after' | 'split' | 'none';
export type Part = 'headline' | 'standfirst' | 'body';
export interface Quote {
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  cue: Cue;
  part?: Part;
}

interface Para {
  start: number;
  end: number;
  /** Holds a quote: only such paragraphs are read for sentence ends (every look-up of a sentence is made in one). */
  quoted?: boolean;
}
interface Found {
  span: Span;
  para: number;
  speaker: string | null;
  cue: Cue;
  /** Where the speaker phrase sits (for pronouns that point back to it). */
  at: number;
  /** Position just past the cue phrase, for split quotes. */
  cueEnd: number;
  speech: boolean;
}

const MASK = '\u0001';
// Unicode-class regexes live here, not inline: the bundler writes each one as `new RegExp(…)`, which an inline
// use would run on every call.
const FOUR_LETTERS = /^\P{L}*\p{L}{4}/u;
const LEADING_UPPER = /^\P{L}*\p{Lu}/u;
const SENTENCE_END = /[.!?]/g;

/** Plain text where every line (any run of newlines) is a paragraph. Offsets index `text`. */
export function findQuotesInText(text: string): Quote[] {
  const paras: Para[] = [];
  splitLines(text, 0, paras);
  const steps = analyse(text, paras);
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value.map(({ span, speaker, cue }) => ({
    start: span.start, end: span.end, text: text.slice(span.start, span.end), speaker, cue,
  }));
}

/** An article's parts; `body` paragraphs are separated by "\n\n". Offsets index the part named by `part`. */
export function findArticleQuotes(parts: { headline: string; standfirst: string | null; body: string }): Quote[] {
  const steps = findArticleQuotesSteps(parts);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * `findArticleQuotes` as a generator that yields between its steps and every few quotes, so the content script
 * can run it in slices (`src/content/pass.ts`). Driven to its end in one go it is `findArticleQuotes`.
 */
export function* findArticleQuotesSteps(parts: { headline: string; standfirst: string | null; body: string }): Generator<void, Quote[], unknown> {
  const pieces: [Part, string][] = [['headline', parts.headline], ['standfirst', parts.standfirst ?? ''], ['body', parts.body]];
  let text = '';
  const paras: Para[] = [];
  const bases: { part: Part; base: number; end: number }[] = [];
  for (const [part, value] of pieces) {
    if (text) text += '\n\n';
    const base = text.length;
    text += value;
    bases.push({ part, base, end: text.length });
    splitLines(text, base, paras);
  }
  const found = yield* analyse(text, paras);
  return found.map(({ span, speaker, cue }) => {
    const b = bases.find((x) => span.start >= x.base && span.start <= x.end)!;
    return { start: span.start - b.base, end: span.end - b.base, text: text.slice(span.start, span.end), speaker, cue, part: b.part };
  });
}

/** The non-empty lines of text[from, end) as paragraphs, found with `indexOf` (no loop over every character). */
function splitLines(text: string, from: number, paras: Para[]): void {
  for (let s = from; s <= text.length;) {
    let i = text.indexOf('\n', s);
    if (i < 0) i = text.length;
    if (i > s) paras.push({ start: s, end: i });
    s = i + 1;
  }
}

/** Quotes to attribute between two pause points of a sliced run. */
const QUOTES_PER_STEP = 16;
/** Characters of text scanned for marks, or for sentence ends, between two pause points. */
const CHARS_PER_STEP = 20_000;

function* analyse(text: string, paras: Para[]): Generator<void, Found[], unknown> {
  const found: Found[] = [];
  let scanned = 0;
  // The next mark, kept across paragraphs: a paragraph without one is passed over whole.
  let mark = -1;
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    if (mark < p.start) mark = nextMatch(MARK, text, p.start);
    if (mark < p.end) {
      for (const span of scanParagraph(text, p.start, p.end)) {
        found.push({ span, para: i, speaker: null, cue: 'none', at: span.open, cueEnd: -1, speech: true });
        p.quoted = true;
      }
    }
    scanned += p.end - p.start;
    if (scanned >= CHARS_PER_STEP) {
      scanned = 0;
      yield;
    }
  }
  // No marks, no quotes: the cast, sentences and cues below only serve quotes.
  if (found.length === 0) return found;
  yield;
  // Hide quoted words: narration alone decides sentences, cues and the mentions pronouns point to.
  const masked = maskSpans(text, found);
  yield;
  const starts = yield* sentenceStarts(masked, paras);
  yield;
  const first = paras[0];
  const cast = yield* Cast.steps(text, masked, first && isTitleCase(text.slice(first.start, first.end)) ? first.end : 0);
  const sentenceOf = (pos: number): [number, number] => {
    const lo = partitionPoint(starts.length, (m) => starts[m]! <= pos);
    return [starts[lo - 1] ?? 0, starts[lo] ?? text.length];
  };

  let prev: Found | undefined;
  for (let qi = 0; qi < found.length; qi++) {
    if (qi % QUOTES_PER_STEP === 0) yield;
    const f = found[qi]!;
    const next = found[qi + 1];
    const para = paras[f.para]!;
    const { span } = f;
    const [sStart] = sentenceOf(span.open);
    const closeAt = span.closed ? span.end + 1 : span.end;
    const samePrev = prev && prev.para === f.para ? prev : undefined;
    const sameNext = next && next.para === f.para ? next : undefined;

    const words = countWords(text, span.start, span.end);
    let cue: { speaker: string | null; at: number; end: number; kind: Cue } | null = null;
    const sEnd = sentenceOf(closeAt)[1];
    // The words after the marks, to `limit`: step 3 reads them again when its window ends at the same place.
    let after: Token[] = [];
    let limit = -1;
    // 1. Right after the marks: `…,” a spokesperson said` / `…,” said Firstname Lastname`.
    if (span.closed) {
      limit = Math.min(sEnd, sameNext ? sameNext.span.open : para.end, closeAt + 300);
      after = tokenize(masked, closeAt, limit);
      cue = cueAfter(after, cast, true);
      // 1b. Passive: `described as “…” by the department`: the agent after "by" spoke.
      if (!cue && after[0]?.l === 'by') {
        const bt = tokenize(masked, Math.max(para.start, span.open - 30), span.open);
        const v = bt.length - (bt[bt.length - 1]?.l === 'as' ? 2 : 1);
        const np = v >= 0 && isVerb(bt, v) ? phraseAfter(after, 0) : [];
        if (np.length) cue = { speaker: resolve(np, cast), at: np[0]!.s, end: np[np.length - 1]!.e, kind: 'after' };
      }
    }
    // 2. Before the marks in the same sentence: `X said: “…` / `X said it was “…”`.
    if (!cue) {
      const from = Math.max(sStart, samePrev ? samePrev.span.end + 1 : para.start);
      cue = cueBefore(tokenize(masked, from, span.open), cast, from, words <= SCARE_MAX_WORDS ? CUE_WINDOW : CUE_WINDOW * 2);
    }
    // 3. Later in the sentence, past other quotes: `“not serious” about … “wantonly” …, X has told MPs.`
    if (!cue && span.closed) {
      const to = Math.min(sEnd, closeAt + 400);
      cue = cueAfter(to === limit ? after : tokenize(masked, closeAt, to), cast, false);
    }
    if (cue) {
      f.speaker = cue.speaker;
      f.cue = cue.kind;
      f.at = cue.at;
      f.cueEnd = cue.end;
    } else if (prev && !prev.span.closed && prev.para === f.para - 1 && span.open === para.start) {
      // A quote that ran to the end of the last paragraph and reopens here: the same voice.
      f.speaker = prev.speaker;
      f.at = prev.at;
    } else if (samePrev && samePrev.cueEnd >= 0 && samePrev.cueEnd <= span.open && sentenceOf(samePrev.cueEnd - 1)[1] >= sStart && samePrev.cue === 'after' && samePrev.speech) {
      // `“…,” X said. “…”`: one quote broken by its attribution.
      f.speaker = samePrev.speaker;
      f.cue = samePrev.cue = 'split';
      f.at = samePrev.at;
    } else {
      // No cue of its own: a follow-on quote keeps the voice in view — a person this paragraph has just
      // introduced, else the previous quote's speaker.
      const from = samePrev ? samePrev.span.end : para.start;
      const quietBefore = f.para > 0 && (!prev || prev.para < f.para - 1) && span.open === para.start;
      const introduced = cast.firstMention(Math.max(from, para.start), span.open) ?? (quietBefore ? cast.firstMention(paras[f.para - 1]!.start, para.start) : null);
      f.speaker = introduced ?? prev?.speaker ?? null;
      f.at = span.open;
      // The words before the marks are read only when they can decide (the tests are pure, so their order is free).
      const opensSentence = (): boolean => span.open === sStart || tokenize(masked, Math.max(sStart, span.open - 200), span.open).every((t) => t.p || t.cap);
      if (span.open !== para.start && (words <= SCARE_MAX_WORDS || (words <= 6 && !opensSentence()))) f.speech = false;
      if (!prev) f.speech = f.speech && words > SCARE_MAX_WORDS;
      // `Lorenz, “the father of chaos,” started …`: an epithet in apposition to a name, not speech.
      const bt = words <= 8 ? tokenize(masked, Math.max(para.start, span.open - 40), span.open) : [];
      if (bt[bt.length - 1]?.p === ',' && bt[bt.length - 2]?.cap && /^(the|an?) /i.test(text.slice(span.start, span.end))) f.speech = false;
    }
    if (f.speech && notSpeech(text, masked, span, words)) f.speech = false;
    if (f.speech && f.speaker) cast.spoke({ pos: f.at, name: f.speaker, kind: isBody(f.speaker) ? 'body' : 'person', said: true });
    if (f.speech) prev = f;
  }
  return found.filter((f) => f.speech);
}

/**
 * `text` with every character inside a quote's span replaced by MASK, built from slices. The spans come in text
 * order and apart: a paragraph's outer spans close in the order they open, and paragraphs come in order.
 */
function maskSpans(text: string, found: readonly Found[]): string {
  let out = '';
  let pos = 0;
  for (const { span } of found) {
    out += text.slice(pos, span.start) + MASK.repeat(span.end - span.start);
    pos = span.end;
  }
  return out + text.slice(pos);
}

/** A speaker name that ends like a body ("… Department of Conservation", "No 10 spokesperson"). */
function isBody(name: string): boolean {
  const ws = name.toLowerCase().split(' ');
  return ws.some((w) => BODY_WORDS.has(w)) || BODY_ROLES.has(ws[ws.length - 1]!);
}

/** A headline where most words of four letters or more are capitalised. */
function isTitleCase(line: string): boolean {
  const ws = line.split(/\s+/).filter((w) => FOUR_LETTERS.test(w));
  return ws.length >= 4 && ws.filter((w) => LEADING_UPPER.test(w)).length >= 0.7 * ws.length;
}

/** Titles, names and words-as-words: marked off, but nobody is speaking. */
function notSpeech(text: string, masked: string, span: Span, words: number): boolean {
  const before = tokenize(masked, Math.max(0, span.open - 40), span.open).filter((t) => t.p !== 'Q');
  const last = before[before.length - 1];
  if (last && NOT_SPEECH_BEFORE.has(last.l)) return true;
  if (last?.p === ',' && NOT_SPEECH_BEFORE.has(before[before.length - 2]?.l ?? '')) return true;
  // Title case with no sentence punctuation reads as the name of a work, a brand or a heading.
  if (words <= 8 && !/[.,!?;:]/.test(text.slice(span.start, span.end))) {
    const ws = tokenize(text, span.start, span.end).filter((t) => !t.p && t.w.length > 3);
    if (ws.length && ws.every((t) => t.cap)) return true;
  }
  return false;
}

/** A letter at i: the Unicode letter class of the UTF-16 unit there, read from the tokenizer's table. */
function isLetterAt(t: string, i: number): boolean {
  return unitClassOf(t.charCodeAt(i)) === 1;
}

function countWords(text: string, from: number, to: number): number {
  let n = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const w = isLetterAt(text, i);
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}

/**
 * Sentence starts in the masked text: paragraph starts, and after . ! ? that are not abbreviations — those in
 * paragraphs with a quote only: a sentence is looked up at a quote, its cue or its end, all in its paragraph, and
 * the start after a paragraph's last sentence is the next paragraph's start, which is always there.
 */
export function* sentenceStarts(m: string, paras: Para[]): Generator<void, number[], unknown> {
  const out: number[] = [];
  let read = 0;
  // The next . ! ? at or after i, found by the regex engine and kept across paragraphs: one scan of the text in all.
  let hit = -1;
  for (const p of paras) {
    read += p.end - p.start;
    if (read >= CHARS_PER_STEP) {
      read = 0;
      yield;
    }
    out.push(p.start);
    for (let i = p.start; p.quoted; i++) {
      if (hit < i) {
        hit = nextMatch(SENTENCE_END, m, i);
      }
      if (hit >= p.end) break;
      i = hit;
      const c = m[i];
      let j = i + 1;
      while (j < p.end && '”"’\')'.includes(m[j]!)) j++;
      const spaced = m[j] === ' ';
      while (j < p.end && m[j] === ' ') j++;
      if (j >= p.end) continue;
      const n = m[j]!;
      const upperNext = UPPER.test(n) || '“"‘«„'.includes(n) || n === MASK;
      if (!upperNext) continue;
      if (c === '.') {
        let k = i;
        while (k > p.start && isLetterAt(m, k - 1)) k--;
        const word = m.slice(k, i);
        if (ABBREVIATIONS.has(lowerCase(word)) || (word.length === 1 && UPPER.test(word))) continue;
        if (!spaced && !LOWER.test(m[i - 1] ?? '')) continue;
      }
      out.push(j);
    }
  }
  return out;
}

function isVerb(ts: Token[], i: number): boolean {
  const t = ts[i]!;
  if (t.p || t.cap || !SPEECH_VERBS.has(t.l)) return false;
  if (!NOUN_TOO.has(t.l)) return true;
  // "the fish counter of a grocery store": a determiner (and one modifier) before, a preposition after.
  const b = ts[i - 1];
  const det = !!b && (DETERMINERS.has(b.l) || (!b.p && !b.cap && !STOPWORDS.has(b.l) && DETERMINERS.has(ts[i - 2]?.l ?? '')));
  const n = ts[i + 1];
  return !(det && (!n || n.p === ',' || NOUN_FOLLOWERS.has(n.l)));
}

/** `…,” NP verb` or `…,” verb NP` at the start of `ts`; with `near` false, the first verb anywhere. */
function cueAfter(ts: Token[], cast: Cast, near: boolean): { speaker: string | null; at: number; end: number; kind: Cue } | null {
  let k = -1;
  for (let i = 0; i < ts.length && i < (near ? CUE_WINDOW : 80); i++) {
    const t = ts[i]!;
    if (isVerb(ts, i) || (near && t.l === 'words')) {
      k = i;
      break;
    }
    if (near && (t.p === 'Q' || t.p === ':' || t.p === ';' || (i > 0 && t.p === '(') || (i > SPEAKER_MAX_WORDS && !t.p && !t.cap && !AUXILIARIES.has(t.l) && !SPEAKER_WORD(t)))) return null;
  }
  if (k < 0) return null;
  let np: Token[];
  const lead = ts.slice(0, k).filter((t) => t.p !== ',' && t.p !== '—' && t.p !== '–');
  const v = ts[k]!;
  if (v.l === 'words') {
    // `“…” – the words of X` / `“…” – X’s words`
    const owner = ts[k - 1];
    let a = k - 1;
    while (a > 0 && ts[a - 1]!.cap && !ts[a - 1]!.poss) a--;
    np = ts[k + 1]?.l === 'of' ? phraseAfter(ts, k + 1) : owner?.poss ? [...ts.slice(a, k - 1), { ...owner, w: owner.w.replace(/[’']s?$/, ''), poss: false }] : [];
    return np.length ? { speaker: resolve(np, cast), at: np[0]!.s, end: v.e, kind: 'after' } : null;
  }
  if (near && lead.length === 0) np = phraseAfter(ts, k);
  else if (near) {
    // Only a speaker phrase may stand between the marks and the verb; anything else is narration.
    np = subjectBefore(ts, k);
    const first = np[0]?.s ?? ts[k]!.s;
    if (!np.length || ts.slice(0, k).some((t) => t.s < first && t.p !== ',' && t.p !== '—' && t.p !== '–')) return null;
  } else {
    np = subjectBefore(ts, k);
    if (!np.length) np = phraseAfter(ts, k);
  }
  if (ts[k + 1]?.l === 'by') np = phraseAfter(ts, k);
  if (!np.length) return null;
  return { speaker: resolve(np, cast), at: np[0]!.s, end: ts[k]!.e, kind: 'after' };
}

/** The last speech verb before the marks, and its subject. */
function cueBefore(ts: Token[], cast: Cast, from: number, window: number): { speaker: string | null; at: number; end: number; kind: Cue } | null {
  // `X summed it up: “…`: a colon hands the quote to the sentence's subject even without a speech verb.
  const colon = ts[ts.length - 1]?.p === ':';
  for (let i = ts.length - 1; i >= 0 && i >= ts.length - window; i--) {
    const t = ts[i]!;
    if (t.p === 'Q') break;
    if (!isVerb(ts, i)) continue;
    let np = subjectBefore(ts, i);
    if (t.l === 'according' || ts[i + 1]?.l === 'by') np = phraseAfter(ts, i);
    if (/ing$/.test(t.l)) {
      // `…, saying “…”`: the participle hangs on the sentence's subject.
      const name = cast.firstMention(from, t.s);
      if (name) return { speaker: name, at: t.s, end: t.e, kind: 'before' };
    }
    if (!np.length && ts[i - 1]?.l === 'and') {
      // `The minister pointed to … and described it as “…”`: a second verb shares the sentence's subject.
      const head = ts.findIndex((x, k) => k < 4 && (TITLE_WORDS.has(x.l) || BODY_ROLES.has(x.l)));
      const name = ts[0]?.l === 'the' && head > 0 ? resolve(ts.slice(0, head + 1), cast) : cast.firstMention(from, t.s);
      return { speaker: name, at: ts[0]!.s, end: t.e, kind: 'before' };
    }
    if (!np.length) np = phraseAfter(ts, i);
    if (!np.length) return null;
    return { speaker: resolve(np, cast), at: np[0]!.s, end: t.e, kind: 'before' };
  }
  // `A question came from a member of the audience: “…`: the source after "from" spoke.
  const src = colon ? ts.findIndex((x, k) => x.l === 'from' && k >= ts.length - SPEAKER_MAX_WORDS - 2) : -1;
  if (src > 0 && ts.slice(0, src).some((x) => SPEECH_NOUNS.has(x.l))) {
    const np = phraseAfter(ts, src);
    if (np.length && ts.slice(src, -1).every((x) => !x.p)) return { speaker: resolve(np, cast), at: np[0]!.s, end: ts[ts.length - 1]!.e, kind: 'before' };
  }
  const name = colon ? cast.firstMention(from, ts[ts.length - 1]!.s) : null;
  return name ? { speaker: name, at: from, end: ts[ts.length - 1]!.e, kind: 'before' } : null;
}

const SPEAKER_WORD = (t: Token): boolean => t.cap || t.poss || TITLE_WORDS.has(t.l) || BODY_ROLES.has(t.l);



/** Walks back from the verb over "also", "has"… then the speaker phrase, to a comma or a function word. */
const skippable = (t: Token): boolean => !t.p && !t.cap && (AUXILIARIES.has(t.l) || /ly$/.test(t.l));

function subjectBefore(ts: Token[], k: number): Token[] {
  let j = k - 1;
  while (j >= 0 && skippable(ts[j]!)) j--;
  // `X, the party's leader, said` / `her mother, Fiona, said`: a name inside the commas wins, else the
  // phrase before them.
  if (ts[j]?.p === ',') {
    let m = j - 1;
    while (m >= 0 && m > j - 2 * SPEAKER_MAX_WORDS && !ts[m]!.p) m--;
    if (m >= 0 && ts[m]!.p === ',' && m < j - 1) {
      const inner = ts.slice(m + 1, j);
      const described = ['a', 'an', 'the', 'one'].includes(inner[0]!.l);
      if (!described && inner.length <= 3 && inner.some((t) => t.cap && !t.poss && !STOPWORDS.has(t.l))) return inner;
      return subjectBefore(ts.slice(0, m + 1).concat(ts[k]!), m);
    }
    return [];
  }
  const out: Token[] = [];
  for (; j >= 0 && out.length < SPEAKER_MAX_WORDS; j--) {
    const t = ts[j]!;
    if (t.p) break;
    if (t.l === 'of' && ts[j - 1]?.cap && out[0]?.cap) {
      out.unshift(t);
      continue;
    }
    if (STOPWORDS.has(t.l) && !PRONOUN_WORDS.has(t.l) && !ARTICLES.has(t.l)) {
      // "a doctor at Tollmere General said": an unnamed person from a place, not the place.
      const [d, n] = [ts[j - 2], ts[j - 1]];
      if (FROM_PLACE.has(t.l) && out.length && d && n && ['a', 'an', 'one'].includes(d.l) && !n.p && !n.cap && !BODY_ROLES.has(n.l)) return [d, n, t, ...out];
      break;
    }
    out.unshift(t);
    if (PRONOUN_WORDS.has(t.l) || ARTICLES.has(t.l)) break;
    if (t.dot && !(t.w.length === 1) && !ABBREVIATIONS.has(t.l)) {
      out.shift();
      break;
    }
  }
  // A lower-case word before the speaker that is not part of a role ("citizens Firstname Lastname") is dropped.
  return out;
}

/** `said Firstname Lastname, a …` / `according to the X`: the phrase after the verb. */
function phraseAfter(ts: Token[], k: number): Token[] {
  const out: Token[] = [];
  let i = k + 1;
  if (ts[i]?.l === 'to') i++;
  for (; i < ts.length && out.length < SPEAKER_MAX_WORDS; i++) {
    const t = ts[i]!;
    if (t.p) break;
    if (t.l === 'of' && ts[i + 1]?.cap && out.some((o) => o.cap)) {
      out.push(t);
      continue;
    }
    if (STOPWORDS.has(t.l) && !PRONOUN_WORDS.has(t.l) && !ARTICLES.has(t.l)) break;
    if (!t.cap && out.some((o) => o.cap) && !PRONOUN_WORDS.has(t.l)) break;
    out.push(t);
    if (PRONOUN_WORDS.has(t.l)) break;
    if (t.dot && t.w.length > 1 && !ABBREVIATIONS.has(t.l)) break;
  }
  return out;
}

/** A speaker phrase to a display name: pronoun, name, body, role — or null when nobody is named. */
function resolve(np: Token[], cast: Cast): string | null {
  const ws = np.filter((t) => !t.p);
  if (!ws.length) return null;
  const pos = ws[0]!.s;
  if (ws.length === 1 && PRONOUN_WORDS.has(ws[0]!.l)) return cast.pronoun(ws[0]!.l, pos);
  const first = ws[0]!.l;
  if (['a', 'an', 'one'].includes(first) && FROM_PLACE.has(ws[2]?.l ?? '')) return null;
  const head = ws[ws.length - 1]!;
  const strip = (x: Token[]): Token[] => (x[0] && ARTICLES.has(x[0].l) ? x.slice(1) : x);
  // "a Downing Street spokesperson": a named body's voice; "a spokesman" alone names no one.
  if (BODY_ROLES.has(head.l) && !head.cap) {
    const body = strip(ws);
    return body.slice(0, -1).some((t) => t.cap || /\d/.test(t.w)) ? body.map((t) => t.w).join(' ') : null;
  }
  // The first capitalised run that is not a possessive is the name ("shadow health secretary Firstname Lastname").
  // A capitalised word before a lower-case noun is a modifier ("the French president"), not a name.
  let a = -1;
  let b = -1;
  for (let i = 0; i < ws.length; i++) {
    if (!(ws[i]!.cap && !ws[i]!.poss && !STOPWORDS.has(ws[i]!.l))) continue;
    let j = i;
    while (j + 1 < ws.length && (ws[j + 1]!.cap || (ws[j + 1]!.l === 'of' && ws[j + 2]?.cap && BODY_WORDS.has(ws[j]!.l))) && !ws[j]!.poss) j++;
    const after = ws[j + 1];
    // "Vulture magazine", "West Mercia police": a named body with a generic noun.
    if (after && BODY_WORDS.has(after.l)) return ws.slice(i, j + 2).map((x) => x.w).join(' ');
    const laterName = ws.slice(j + 1).some((x) => x.cap && !x.poss && !STOPWORDS.has(x.l));
    if (after && !after.cap && after.l !== 'of' && !PRONOUN_WORDS.has(after.l) && !ws[j]!.poss && !ws[j]!.dot && (j + 2 === ws.length || laterName)) {
      i = j;
      continue;
    }
    a = i;
    b = j;
    break;
  }
  if (a >= 0) {
    const run = ws.slice(a, b + 1);
    const { titles, name } = splitTitles(run);
    if (name.length === 1 && TITLE_WORDS.has(name[0]!.l)) return cast.role(roleWords(ws), pos);
    if (run.some((x) => x.l === 'of') || (name.length > 1 && BODY_WORDS.has(name[name.length - 1]!.l))) {
      return name.map((x) => x.w).join(' ');
    }
    const full = cast.fullName(name.map((x) => x.w));
    if (full) {
      const g = titles.map((x) => TITLES[x]).find((x) => x);
      if (g) cast.gender.set(full, g as 'm' | 'f');
    }
    return full;
  }
  if (['a', 'an', 'one', 'some', 'another', 'several', 'many', 'two', 'three'].includes(first)) return null;
  return cast.role(roleWords(ws), pos);
}

function roleWords(ws: Token[]): string[] {
  return ws.filter((t) => !ARTICLES.has(t.l)).map((t) => t.l);
}

