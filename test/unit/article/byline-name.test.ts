import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameOf, type Attrs } from '../../../src/core/article/page-index';
import { BYLINE_TOKENS } from '../../../src/core/article/patterns';
import { namedLikeByline } from '../../../src/core/article/meta';

/*
 * The byline search rejects most elements on their raw id and class, in any case, before building their lower-cased
 * name. The reference is the test it stands for: the byline tokens in the name. Names are drawn from pieces of the
 * tokens in mixed case, the characters that lower-case to ASCII (U+212A, U+0130), brackets of utility classes and
 * spaces, so tokens are made, split and hidden in every way the shortcut must see.
 */
const PIECE = fc.constantFrom(
  'by', 'line', 'BYLINE', 'Author', 'auth', 'or', 'wri', 'ter', 'Writer', 'contri', 'butor', 'REPORTER', 'rep', 'orter',
  'byl\u0130ne', 'wr\u0130ter', '\u212A', '\u0130', 'ı', 'ſ', '[', ']', '[&_.author]:hidden', ' ', '-', '_', 'x', 'story',
);
const NAME = fc.option(fc.array(PIECE, { maxLength: 8 }).map((p) => p.join('')), { nil: null });
const ATTRS = fc.option(
  fc.record({ id: NAME, cls: NAME }).map((r): Attrs => ({ names: [], hides: false, role: null, id: r.id, cls: r.cls })),
  { nil: null },
);

describe('namedLikeByline', () => {
  it('agrees with the byline tokens in the lower-cased name', () => {
    fc.assert(
      fc.property(ATTRS, (attrs) => {
        expect(namedLikeByline(attrs)).toBe(BYLINE_TOKENS.test(nameOf(attrs)));
      }),
      { numRuns: 5000 },
    );
  });

  it('sees a token split by a bracketed part, and past the name cap', () => {
    const named = (id: string | null, cls: string | null): Attrs => ({ names: [], hides: false, role: null, id, cls });
    expect(namedLikeByline(named(null, 'auth[x]or'))).toBe(true);
    expect(namedLikeByline(named('AUTHOR-box', null))).toBe(true);
    expect(namedLikeByline(named(null, `${'x'.repeat(600)} author`))).toBe(false);
    expect(namedLikeByline(named('\u212Author', 'wr\u0130ter'))).toBe(false);
  });
});
