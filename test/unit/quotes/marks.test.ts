/**
 * The engine masks quotes from `scanParagraph`'s spans as they come (`maskSpans` in index.ts, no sort): that
 * needs them in text order and apart, on any text, however unbalanced its marks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MARK, nextMatch, scanParagraph } from '../../../src/core/quotes/marks';

const piece = fc.constantFrom('“', '”', '„', '«', '»', '"', '‘', '’', "'", 'a', 'Jones', 's', '9', ' ', ' ', '-', '(', '.', 'é');
const text = fc.array(piece, { maxLength: 60 }).map((a) => a.join(''));

describe('scanParagraph', () => {
  it('gives spans in text order, each ending before the next opens', () => {
    fc.assert(
      fc.property(text, fc.nat(), (t, a) => {
        const from = a % (t.length + 1);
        const spans = scanParagraph(t, from, t.length);
        for (const [k, s] of spans.entries()) {
          expect(s.start).toBe(s.open + 1);
          expect(s.open).toBeGreaterThanOrEqual(from);
          expect(s.end).toBeGreaterThan(s.start);
          if (k > 0) expect(s.open).toBeGreaterThanOrEqual(spans[k - 1]!.end);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('finds the next mark where a character loop would', () => {
    fc.assert(
      fc.property(text, fc.nat(), (t, a) => {
        const from = a % (t.length + 1);
        let i = from;
        while (i < t.length && !'“”„«»"‘’\''.includes(t[i]!)) i++;
        expect(nextMatch(MARK, t, from)).toBe(i);
      }),
    );
  });
});
