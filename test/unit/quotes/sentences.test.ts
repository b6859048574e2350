/**
 * `sentenceStarts` reads sentence ends only in paragraphs that hold a quote (every sentence the engine looks up
 * is in one). On any text and any choice of such paragraphs, a look-up there must answer as it does when every
 * paragraph is read: the same sentence start before it and the same one after.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentenceStarts } from '../../../src/core/quotes';
import { partitionPoint } from '../../../src/core/text';

const piece = fc.constantFrom(
  'Abc', 'def', 'É', 'é', 'x', 'I', 'Mr', 'U.S', 'etc', '9', '.', '.', '!', '?', ' ', ' ', '  ', '”', '"', '’', ')', '“', '‘', '«', '\u0001', '\n', '\n\n',
);
const text = fc.array(piece, { maxLength: 80 }).map((a) => a.join(''));

function drain<T>(steps: Generator<void, T, unknown>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** The paragraphs as the engine splits them: the non-empty lines. */
function lines(t: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let s = 0; s <= t.length;) {
    let i = t.indexOf('\n', s);
    if (i < 0) i = t.length;
    if (i > s) out.push({ start: s, end: i });
    s = i + 1;
  }
  return out;
}

/** The engine's look-up: the sentence start at or before pos, and the next one (or the text's end). */
function sentenceOf(starts: number[], pos: number, length: number): [number, number] {
  const lo = partitionPoint(starts.length, (m) => starts[m]! <= pos);
  return [starts[lo - 1] ?? 0, starts[lo] ?? length];
}

describe('sentenceStarts', () => {
  it('answers every look-up in a paragraph with a quote as when every paragraph is read', () => {
    fc.assert(
      fc.property(text, fc.array(fc.boolean(), { maxLength: 20 }), (t, flags) => {
        const paras = lines(t);
        const all = drain(sentenceStarts(t, paras.map((p) => ({ ...p, quoted: true }))));
        const some = paras.map((p, i) => ({ ...p, quoted: flags[i] ?? false }));
        const starts = drain(sentenceStarts(t, some));
        for (const p of some) {
          if (!p.quoted) continue;
          for (let pos = p.start; pos <= p.end; pos++) expect(sentenceOf(starts, pos, t.length)).toEqual(sentenceOf(all, pos, t.length));
        }
      }),
      { numRuns: 3000 },
    );
  });
});
