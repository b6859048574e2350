/**
 * Unbalanced marks never throw, and every span is sane. There is no timing assert: linearity comes from
 * the design — one left-to-right scan per paragraph with a stack capped at 16, quote cues read from
 * fixed token windows (CUE_WINDOW), and name/role/pronoun look-ups that are map hits or at most six
 * mentions back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findArticleQuotes, findQuotesInText } from '../../../src/core/quotes/index';

const piece = fc.constantFrom('“', '”', '"', "'", '‘', '’', '«', '»', '„', ' ', '\n', '\n\n', 'said', ' he ', 'Ms Ann Lee', ',', '.', ':', 'the ', 'word', 'Bob', '’s', 'don’t');
const messy = fc.array(piece, { maxLength: 400 }).map((a) => a.join(''));

describe('robustness', () => {
  it('never throws on marks in any order and keeps spans inside the text', () => {
    fc.assert(
      fc.property(messy, (text) => {
        for (const q of findQuotesInText(text)) {
          expect(q.start).toBeGreaterThanOrEqual(0);
          expect(q.end).toBeLessThanOrEqual(text.length);
          expect(q.end).toBeGreaterThan(q.start);
          expect(text.slice(q.start, q.end)).toBe(q.text);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('handles article parts with the same input', () => {
    fc.assert(
      fc.property(messy, messy, (a, b) => {
        for (const q of findArticleQuotes({ headline: a.replace(/\n/g, ' '), standfirst: null, body: b })) {
          const part = q.part === 'headline' ? a.replace(/\n/g, ' ') : b;
          expect(part.slice(q.start, q.end)).toBe(q.text);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('copes with a long run of unmatched opening marks', () => {
    const text = 'Ann Lee said: ' + '“x '.repeat(50_000);
    expect(() => findQuotesInText(text)).not.toThrow();
  });
});
