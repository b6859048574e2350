/**
 * Property tests: random article texts, a random anchor, random edits around it. The simulator follows the
 * anchored words through the edits, so the answer can be checked: the right span, or null — never other words.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeSpan, placeAnchor } from '../../../src/core/anchoring/index';
import { BLOCK_SEPARATOR, blocksOf, judge, moveBlock, replace, type Tracked } from './simulate';

// Pseudo-words from syllables: a vocabulary large enough that a 32-character context is practically unique.
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'pa', 'do', 'fi', 'gu', 'he', 'ja', 'be'];
const WORDS: string[] = [];
for (const a of SYLLABLES) for (const b of SYLLABLES) WORDS.push(a + b);
for (const a of SYLLABLES.slice(0, 8)) WORDS.push(a); // short, very common words ("ka", "lo"…)

const word = fc.constantFrom(...WORDS);
const punct = fc.constantFrom('', '', '', '', ',', '.', ';', '”');
const paragraph = fc.array(fc.tuple(word, punct).map(([w, p]) => w + p), { minLength: 3, maxLength: 30 }).map((ws) => ws.join(' '));
const article = fc.array(paragraph, { minLength: 1, maxLength: 7 }).map((ps) => ps.join(BLOCK_SEPARATOR));

type EditSpec = { kind: 'insert' | 'delete' | 'space' | 'punct' | 'split' | 'merge' | 'move' | 'ad'; near: boolean; a: number; b: number; words: string[] };
const edit: fc.Arbitrary<EditSpec> = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'space', 'punct', 'split', 'merge', 'move', 'ad'),
  near: fc.boolean(),
  a: fc.double({ min: 0, max: 1, noNaN: true }),
  b: fc.double({ min: 0, max: 1, noNaN: true }),
  words: fc.array(word, { minLength: 1, maxLength: 5 }),
});

/** A position: near the anchor (inside it or its context) or anywhere. */
function at(t: Tracked, near: boolean, r: number): number {
  const lo = near ? Math.max(0, t.start - 40) : 0;
  const hi = near ? Math.min(t.text.length, t.end + 40) : t.text.length;
  return Math.min(t.text.length, lo + Math.floor(r * (hi - lo + 1)));
}

function apply(t: Tracked, e: EditSpec): Tracked {
  if (t.destroyed) return t;
  const p = at(t, e.near, e.a);
  switch (e.kind) {
    case 'insert': return replace(t, p, p, e.words.join(' ') + ' ');
    case 'delete': return replace(t, p, Math.min(t.text.length, p + 1 + Math.floor(e.b * 12)), '');
    case 'space': return t.text[p] === ' ' ? replace(t, p, p + 1, '') : replace(t, p, p, ' ');
    case 'punct': {
      const ch = t.text[p];
      if (ch === ',' || ch === '.' || ch === ';' || ch === '”') return replace(t, p, p + 1, e.b < 0.5 ? '' : '"');
      return replace(t, p, p, e.b < 0.5 ? ',' : '—');
    }
    case 'split': {
      const sp = t.text.indexOf(' ', p);
      return sp < 0 ? t : replace(t, sp, sp + 1, BLOCK_SEPARATOR);
    }
    case 'merge': {
      const br = t.text.indexOf(BLOCK_SEPARATOR, p);
      return br < 0 ? t : replace(t, br, br + BLOCK_SEPARATOR.length, ' ');
    }
    case 'move': {
      const n = blocksOf(t.text).length;
      return moveBlock(t, Math.floor(e.a * n), Math.floor(e.b * n));
    }
    case 'ad': {
      const blocks = blocksOf(t.text);
      const start = blocks[Math.min(blocks.length - 1, Math.floor(e.a * blocks.length))]![0];
      return replace(t, start, start, e.words.join(' ') + BLOCK_SEPARATOR);
    }
  }
}

/** Text in which no word repeats: every passage is unique, so an anchor is never ambiguous. */
const uniqueArticle = fc
  .tuple(fc.uniqueArray(word, { minLength: 3, maxLength: 120 }), fc.array(fc.integer({ min: 3, max: 30 }), { minLength: 1, maxLength: 7 }))
  .map(([ws, sizes]) => {
    const paras: string[] = [];
    let i = 0;
    for (const n of sizes) {
      if (i >= ws.length) break;
      paras.push(ws.slice(i, i + n).join(' '));
      i += n;
    }
    if (i < ws.length) paras.push(ws.slice(i).join(' '));
    return paras.join(BLOCK_SEPARATOR);
  });

/**
 * A page that repeats itself: a few paragraphs, each used several times, some copies with one word
 * changed (lorem-ipsum test pages, lists of captions, a paragraph printed twice). Within a paragraph no
 * word repeats: a paragraph of one word over and over ("ka ka ka ka") has no passage a reader could
 * point at, so it is left out rather than allowed to fail.
 */
const distinctParagraph = fc.uniqueArray(word, { minLength: 3, maxLength: 20 }).map((ws) => ws.join(' '));
// Pages open with a headline of their own. (Without one, a note on the page's very first words, whose
// paragraph the page repeats, is lost to the twin that slides into first place when it moves: see
// docs/anchoring.md, "What remains".)
const HEADLINE = 'Headline Of This Page';
const repeatingArticle = fc
  .tuple(
    fc.array(distinctParagraph, { minLength: 1, maxLength: 3 }),
    fc.array(fc.tuple(fc.nat(), fc.option(fc.tuple(fc.nat(), word), { freq: 2 })), { minLength: 2, maxLength: 8 }),
  )
  .map(([paras, picks]) =>
    picks
      .map(([i, change]) => {
        const p = paras[i % paras.length]!;
        if (!change) return p;
        const ws = p.split(' ');
        ws[change[0] % ws.length] = change[1];
        return ws.join(' ');
      })
      .join(BLOCK_SEPARATOR),
  )
  .map((body) => HEADLINE + BLOCK_SEPARATOR + body);

/** An anchor: a run of whole words inside the text (sometimes across a paragraph break). */
const scenarioFields = {
  text: article,
  from: fc.double({ min: 0, max: 1, noNaN: true }),
  words: fc.integer({ min: 1, max: 14 }),
  edits: fc.array(edit, { minLength: 0, maxLength: 4 }),
};
const scenario = fc.record(scenarioFields);

function anchorSpan(text: string, from: number, words: number): [number, number] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) if ((i === 0 || /\s/.test(text[i - 1]!)) && !/\s/.test(text[i]!)) starts.push(i);
  const i = Math.min(starts.length - 1, Math.floor(from * starts.length));
  const j = Math.min(starts.length - 1, i + words - 1);
  let end = starts[j]!;
  while (end < text.length && !/\s/.test(text[end]!)) end++;
  return [starts[i]!, end];
}

// Fixed seed and run count keep CI bounded (~1 s); ANCHOR_PROPERTY_RUNS/ANCHOR_PROPERTY_SEED explore further.
const PARAMS = { seed: Number(process.env.ANCHOR_PROPERTY_SEED ?? 424242), numRuns: Number(process.env.ANCHOR_PROPERTY_RUNS ?? 400) };

describe('placeAnchor properties', () => {
  it('after random edits: the tracked span or null, never other words', () => {
    const tally = { right: 0, partial: 0, orphan: 0, wrong: 0 };
    fc.assert(
      fc.property(scenario, ({ text, from, words, edits }) => {
        const [s, e] = anchorSpan(text, from, words);
        const anchor = describeSpan(text, s, e);
        let t: Tracked = { text, start: s, end: e, destroyed: false };
        for (const ed of edits) t = apply(t, ed);
        const verdict = judge(t, placeAnchor(t.text, anchor));
        tally[verdict]++;
        expect(verdict).not.toBe('wrong');
      }),
      PARAMS,
    );
    // The test must exercise both outcomes, or it proves nothing.
    expect(tally.right).toBeGreaterThan(100);
    expect(tally.orphan).toBeGreaterThan(0);
  });

  it('on a page that repeats paragraphs (verbatim or nearly): the tracked span or null, never a copy', () => {
    const tally = { right: 0, partial: 0, orphan: 0, wrong: 0 };
    fc.assert(
      fc.property(fc.record({ ...scenarioFields, text: repeatingArticle }), ({ text, from, words, edits }) => {
        const [s, e] = anchorSpan(text, from, words);
        const anchor = describeSpan(text, s, e);
        let t: Tracked = { text, start: s, end: e, destroyed: false };
        for (const ed of edits) t = apply(t, ed);
        const verdict = judge(t, placeAnchor(t.text, anchor));
        tally[verdict]++;
        expect(verdict).not.toBe('wrong');
      }),
      PARAMS,
    );
    expect(tally.right).toBeGreaterThan(50);
    expect(tally.orphan).toBeGreaterThan(0);
  });

  it('edits away from the anchor and its context never lose it (text without repeated passages)', () => {
    fc.assert(
      fc.property(fc.record({ ...scenarioFields, text: uniqueArticle }), ({ text, from, words, edits }) => {
        const [s, e] = anchorSpan(text, from, words);
        const anchor = describeSpan(text, s, e);
        let t: Tracked = { text, start: s, end: e, destroyed: false };
        for (const ed of edits) {
          if (ed.kind === 'move' || ed.kind === 'merge' || ed.kind === 'split') continue;
          // (An 'ad' lands at the start of a paragraph chosen by `a`, not at `at(…, a)`: the paragraph
          // may begin inside the quote, which is not "away".)
          const blocks = blocksOf(t.text);
          const p = ed.kind === 'ad' ? blocks[Math.min(blocks.length - 1, Math.floor(ed.a * blocks.length))]![0] : at(t, false, ed.a);
          // Keep clear of the quote and its 32-character context (with room for a 12-character deletion).
          if (p > t.start - 32 - 14 && p < t.end + 32 + 1) continue;
          t = apply(t, { ...ed, near: false });
        }
        const placed = placeAnchor(t.text, anchor);
        expect(placed).not.toBeNull();
        expect([placed!.start, placed!.end]).toEqual([t.start, t.end]);
      }),
      PARAMS,
    );
  });
});

describe('the judge (simulate.ts)', () => {
  it('an ambiguous deletion (one of two identical paragraphs) keeps the span on the surviving copy', () => {
    const text = ['alpha beta', 'gamma delta', 'gamma delta', 'omega'].join(BLOCK_SEPARATOR);
    const second = text.indexOf('gamma delta');
    // Delete the first "gamma delta" paragraph while the note sits on it: the text is the same as if the
    // second had gone, so the note's words survive and a placement on them is right.
    const t = replace({ text, start: second, end: second + 5, destroyed: false }, second, second + 13, '');
    expect(t.destroyed).toBe(false);
    expect(t.text.slice(t.start, t.end)).toBe('gamma');
    expect(judge(t, { start: t.start, end: t.end })).toBe('right');
  });
  it('a deletion that is not ambiguous still destroys the span', () => {
    const text = ['alpha beta', 'gamma delta', 'omega'].join(BLOCK_SEPARATOR);
    const at = text.indexOf('gamma');
    const t = replace({ text, start: at, end: at + 5, destroyed: false }, at, at + 13, '');
    expect(t.destroyed).toBe(true);
    expect(judge(t, { start: 0, end: 5 })).toBe('wrong');
  });
  it('a span torn by a paragraph move follows its larger piece', () => {
    const text = ['one two', 'three four five six', 'seven'].join(BLOCK_SEPARATOR);
    const s = text.indexOf('four');
    const e = text.indexOf('seven') + 2; // "four five six\n\nse"
    const t = moveBlock({ text, start: s, end: e, destroyed: false }, 1, 0);
    expect(t.text.slice(t.start, t.end)).toBe('four five six');
  });
});
