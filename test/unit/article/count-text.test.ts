import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commasFound, countText, linkCharsFound } from '../../../src/core/article/page-index';

/*
 * The page index counts a text node's characters in one pass that skips letters with one comparison and tells the
 * two space tests apart only where they differ. The references are the plain definitions: non-space by code (above
 * 32, not NBSP), the four commas among those, and non-space by the `/\s/` regex itself.
 */
const reference = (s: string) => ({
  prose: Array.from({ length: s.length }, (_, i) => s.charCodeAt(i)).filter((c) => c > 32 && c !== 0xa0).length,
  commas: Array.from({ length: s.length }, (_, i) => s.charCodeAt(i)).filter((c) => c === 44 || c === 0xff0c || c === 0x3001 || c === 0x060c).length,
  link: s.replace(/\s/g, '').length,
});

const counted = (s: string) => ({ prose: countText(s), commas: commasFound, link: linkCharsFound });

/** Every code unit where a test could go wrong: controls, ASCII, Latin-1, all Unicode spaces, commas, CJK, surrogates. */
const TRICKY = [
  ...Array.from({ length: 0x180 }, (_, c) => c),
  0x060c, 0x1680, 0x180e, ...Array.from({ length: 0x30 }, (_, k) => 0x2000 + k), 0x205f, 0x2060, 0x3000, 0x3001,
  0x4e2d, 0xd83d, 0xde00, 0xfeff, 0xff0c, 0xfffe,
];

describe('countText', () => {
  it('counts every tricky code unit as the plain definitions do', () => {
    for (const c of TRICKY) {
      const s = `a${String.fromCharCode(c)}b`;
      expect(counted(s), `U+${c.toString(16)}`).toEqual(reference(s));
    }
  });

  it('counts mixed texts as the plain definitions do', () => {
    const unit = fc.oneof(fc.constantFrom(...TRICKY), fc.integer({ min: 0, max: 0xffff }));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }), (codes) => {
        const s = String.fromCharCode(...codes);
        expect(counted(s)).toEqual(reference(s));
      }),
      { numRuns: 2000 },
    );
  });
});
