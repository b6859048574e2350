import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { styleHides } from '../../../src/core/article/page-index';

/*
 * styleHides first asks a cheap regex whether a colon is followed (past white space) by an "n" or "h", which
 * "display:none" and "visibility:hidden" need once lower-cased and closed up. The reference is the check without
 * that gate: the same answer for every style.
 */
function reference(style: string | null): boolean {
  if (style && style.length < 2000) {
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
      'display:n\u0130ne', 'visibility:hıdden', `${'x'.repeat(1990)}display:none`, `${'x'.repeat(2000)}display:none`]) {
      expect(styleHides(style), JSON.stringify(style)).toBe(reference(style));
    }
  });

  it('answers as the check without its gate on generated styles', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), (parts) => {
        const style = parts.join('');
        expect(styleHides(style)).toBe(reference(style));
      }),
      { numRuns: 5000 },
    );
  });
});
