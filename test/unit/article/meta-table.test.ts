import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyDocument, parseDocument } from '../../support/dom';
import { blockText } from '../../../src/core/text';
import { BY_PREFIX } from '../../../src/core/article/patterns';
import { WANTED_KEYS, jsonLdArticles, metaTable } from '../../../src/core/article/meta';

/*
 * The label search keeps only the <meta> keys it asks for and reads a meta's content only when it brings one of them
 * not yet found. The reference is the table it replaced: every key of every meta with content, first one wins. For
 * the keys asked for, both must agree; the table holds no other key.
 */
function referenceTable(doc: Document): Map<string, string> {
  const out = new Map<string, string>();
  for (const el of Array.from(doc.getElementsByTagName('meta'))) {
    const v = el.getAttribute('content')?.trim();
    if (!v) continue;
    for (const a of ['property', 'name', 'itemprop']) {
      const k = el.getAttribute(a)?.toLowerCase();
      if (k && !out.has(k)) out.set(k, v);
    }
  }
  return out;
}

/** Keys asked for (some in capitals, as pages write them), keys never asked for, and empty ones. */
const KEY = fc.oneof(
  fc.constantFrom(...WANTED_KEYS),
  fc.constantFrom('OG:Title', 'datePublished', 'DC.date.issued', 'Author', 'Description'),
  fc.constantFrom('viewport', 'og:image', 'twitter:card', 'robots', 'fb:app_id', 'article:tag', ''),
);
const CONTENT = fc.option(fc.constantFrom('', '  ', 'Ferry returns', ' 2024-05-01 ', 'Jo Bloggs', '\n'), { nil: undefined });
const META = fc.record({
  property: fc.option(KEY, { nil: undefined }),
  name: fc.option(KEY, { nil: undefined }),
  itemprop: fc.option(KEY, { nil: undefined }),
  content: CONTENT,
});

/** One document, its head refilled per case (a new jsdom per case is slow). */
const doc = parseDocument('<!doctype html><html><head></head><body><p>x</p></body></html>');
function pageWith(metas: Array<Record<string, string | undefined>>): Document {
  doc.head.replaceChildren(...metas.map((m) => {
    const el = doc.createElement('meta');
    for (const [a, v] of Object.entries(m)) if (v !== undefined) el.setAttribute(a, v);
    return el;
  }));
  return doc;
}

describe('metaTable', () => {
  it('answers every key asked for as the table of every key did, and holds no other', () => {
    fc.assert(
      fc.property(fc.array(META, { maxLength: 12 }), (metas) => {
        const page = pageWith(metas);
        const ref = referenceTable(page);
        const table = metaTable(page);
        for (const k of WANTED_KEYS) expect(table.get(k)).toBe(ref.get(k));
        for (const k of table.keys()) expect(WANTED_KEYS.has(k)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keys are lower-case, as the lookups ask', () => {
    for (const k of WANTED_KEYS) expect(k).toBe(k.toLowerCase());
  });
});

describe('jsonLdArticles', () => {
  /** The test it replaced: each type on its own against the five names. */
  const referenceIsArticle = (t: unknown) =>
    (Array.isArray(t) ? t.map(String) : [String(t ?? '')]).some((x) => /Article|BlogPosting|Report|NewsArticle|Posting/.test(x));

  it.each([
    'NewsArticle', 'BlogPosting', 'Report', 'Article', 'WebPage', 'Posting', 'SocialMediaPosting', 'article', '',
    ['WebPage', 'NewsArticle'], ['Arti', 'cle'], ['Repo', 'rt'], ['A,rticle'], ['Person', ['Report']], [null, 'Thing'],
    [], null, 42, true, { name: 'Article' },
  ])('@type %j', (type) => {
    const ld = JSON.stringify({ '@type': type, headline: 'Ferry returns' });
    const doc = parseDocument(`<!doctype html><html><head><script type="application/ld+json">${ld}</script></head><body></body></html>`);
    expect(jsonLdArticles(doc).length).toBe(referenceIsArticle(type) ? 1 : 0);
  });
});

/*
 * The printed-byline search reads a block's text only when its textContent has a b with a y after it (either case):
 * the text's characters are a subsequence of the textContent, so a text starting "by" always passes. Checked on
 * small blocks mixing hidden and skipped parts, line breaks and white space around the two letters.
 */
describe('printed-byline prefilter', () => {
  const SPACE = fc.constantFrom('', ' ', '\n', '\u00a0', '\u3000', '<br>', '<span hidden>zz</span>', '<script>q</script>');
  const B = fc.constantFrom('b', 'B', '<span>b</span>', '<span style="display:none">b</span>', 'x');
  const Y = fc.constantFrom('y', 'Y', '<em>y</em>', '<i> y </i>', 'x');
  const WORD = fc.constantFrom('Jo Bloggs', 'x', '', 'by', '<b>Jo</b>');
  // Mostly "<space>b<hidden or nothing>y<space>word…", the shapes where a text could start "by".
  const PIECES = fc.tuple(SPACE, B, SPACE, Y, SPACE, WORD, fc.array(fc.oneof(SPACE, B, Y, WORD), { maxLength: 3 }))
    .map(([s0, b, s1, y, s2, w, rest]) => [s0, b, s1, y, s2, w, ...rest]);
  const block = bodyDocument('<div id="b"></div>');
  it('passes every block whose text starts "by"', () => {
    fc.assert(
      fc.property(PIECES, (pieces) => {
        const el = block.getElementById('b')!;
        // Test fixtures built from the constants above only.
        el.innerHTML = pieces.join(''); // eslint-disable-line no-unsanitized/property
        if (BY_PREFIX.test(blockText(el, 100))) expect(/^[^b]*b[^]*y/i.test(el.textContent ?? '')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
