import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../support/dom';
import { attrOf, buildIndex, isHidden, nameOf, readAttrs, stripArbitraryVariants } from '../../../src/core/article/page-index';
import { kindFromTokens, type KindMatch } from '../../../src/core/article/kinds';

/*
 * The later steps read an element's name from what the page walk read of its attributes (`ix.attrs`), not from the
 * element. The reference is the element itself: `getAttribute` for any attribute, and `kindFromTokens` reading the
 * element on its own. Both must agree for every indexed element, whatever attributes it carries.
 */
const ASKED = ['id', 'class', 'role', 'rel', 'itemprop', 'aria-label', 'data-component', 'data-testid', 'data-module', 'data-type', 'action', 'style', 'href'];
const NAME = fc.constantFrom(...ASKED, 'hidden', 'aria-hidden', 'title', 'data-x', 'ID', 'Class');
const VALUE = fc.constantFrom('', ' ', 'author', 'share-bar', 'Newsletter signup', 'mostReadList', 'story-body [&_.ad]:hidden', 'https://x.example/newsletters/signup', 'color: red', 'Share this article', 'main', 'true', 'false', 'display: none', 'Visibility:Hidden');
const ELEMENT = fc.record({
  tag: fc.constantFrom('div', 'section', 'form', 'span', 'a', 'p', 'aside'),
  attrs: fc.array(fc.tuple(NAME, VALUE), { maxLength: 5 }),
});

/** The name as it was read from the element: lower-cased "id class". */
function elementName(el: Element): string {
  const id = el.getAttribute('id');
  const cls = el.getAttribute('class');
  return !id && !cls ? '' : stripArbitraryVariants(`${id ?? ''} ${cls ?? ''}`.slice(0, 500)).toLowerCase();
}

const doc = parseDocument('<!doctype html><html><head></head><body></body></html>');
function pageWith(els: Array<{ tag: string; attrs: Array<[string, string]> }>): Document {
  doc.body.replaceChildren(...els.map(({ tag, attrs }) => {
    const el = doc.createElement(tag);
    for (const [a, v] of attrs) el.setAttribute(a, v);
    el.append('Some text.');
    return el;
  }));
  return doc;
}

describe('names read from the page index', () => {
  it('say an element is hidden as the reads of its attributes do', () => {
    fc.assert(
      fc.property(fc.array(ELEMENT, { minLength: 1, maxLength: 8 }), (els) => {
        for (const el of Array.from(pageWith(els).body.children)) expect(readAttrs(el).hides).toBe(isHidden(el));
      }),
      { numRuns: 300 },
    );
  });

  it('answer as the element does', () => {
    fc.assert(
      fc.property(fc.array(ELEMENT, { maxLength: 8 }), (els) => {
        const page = pageWith(els);
        const ix = buildIndex(page, { skipHidden: false, markUnlikely: true });
        const cacheA = new Map<string, KindMatch | null>();
        const cacheB = new Map<string, KindMatch | null>();
        for (let i = 0; i < ix.els.length; i++) {
          const el = ix.els[i]!;
          const attrs = ix.attrs[i];
          expect(attrs === null).toBe(!el.hasAttributes());
          for (const a of ASKED) expect(attrOf(el, attrs, a)).toBe(el.getAttribute(a));
          expect(nameOf(attrs)).toBe(elementName(el));
          expect(kindFromTokens(el, cacheA, attrs, ix.tags[i])).toEqual(kindFromTokens(el, cacheB));
        }
      }),
      { numRuns: 300 },
    );
  });
});
