import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { styleHides } from '../../../src/core/article/page-index';
import { styleHidesUpTo } from '../../../src/core/text';

/*
 * styleHides first asks a cheap regex whether a colon is followed (past white space) by an "n" or "h", which
 * "display:none" and "visibility:hidden" need once lower-cased and closed up. The reference is the check without
 * that gate: the same answer for every style.
 */
function reference(style: string | null, max = 1999): boolean {
  if (style && style.length <= max) {
    const s = style.toLowerCase().replace(/\s+/g, '');
    if (s.includes('display:none') || s.includes('visibility:hidden')) return true;
  }
  return false;
}

const PIECES = [
  'display', 'DISPLAY', 'Display', 'visibility', 'VISIBILITY', 'none', 'NONE', 'None', 'hidden', 'HIDDEN', 'block',
  ':', ';', ' ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', 'n', 'N', 'h', 'H', 'd', 'i', '\u0130', '\u0131',
  '\u212a', 'ſ', 'x', '!important', 'width:100%',
];

describe('styleHides', () => {
  it('answers as the check without its gate on hand-picked styles', () => {
    for (const style of [null, '', 'display:none', 'display: none', 'DISPLAY : NONE', 'd i s p l a y :\u00a0n o n e',
      'visibility:hidden', 'visibility:\thidden;', 'width:100%', 'display:block', 'color:red;display :\nnone',
      'display:n\u0130ne', 'visibility:hıdden', `${'x'.repeat(1990)}display:none`, `${'x'.repeat(1988)}display:none`, `${'x'.repeat(2000)}display:none`]) {
      expect(styleHides(style), JSON.stringify(style)).toBe(reference(style));
      // text.ts's rule reads one character more (its own check, without the gate, read styles up to 2,000).
      expect(styleHidesUpTo(style, 2000), JSON.stringify(style)).toBe(reference(style, 2000));
    }
  });

  it('answers as the check without its gate on generated styles', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), (parts) => {
        const style = parts.join('');
        expect(styleHides(style)).toBe(reference(style));
        expect(styleHidesUpTo(style, 2000)).toBe(reference(style, 2000));
      }),
      { numRuns: 5000 },
    );
  });
});
