/**
 * Hostile and malformed input never makes the core throw out of its entry points: very deep DOMs, megabytes of
 * text, thousands of unbalanced quote marks, odd white space and Unicode, frames, shadow DOM, documents without a
 * body. (Time against size is measured by `npm run bench:scaling`, not asserted here.)
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { analyzeArticle, looksLikeArticlePage } from '../../../src/core/article';
import { findArticleQuotes, findQuotesInText } from '../../../src/core/quotes';
import { describeSpan, placeAnchor } from '../../../src/core/anchoring';
import { TextMap, blockText } from '../../../src/core/text';
import { bodyDocument, parseDocument } from '../../support/dom';

/** Everything a page visit runs in the core, on one document. */
function fullPass(doc: Document) {
  looksLikeArticlePage(doc);
  const article = analyzeArticle(doc, { url: 'https://news.example/a' });
  const quotes = findArticleQuotes({ headline: article.title, standfirst: article.standfirst, body: article.text });
  if (article.isArticle && article.text.length > 10) {
    const anchor = describeSpan(article.text, 0, Math.min(40, article.text.length));
    placeAnchor(article.text, anchor);
  }
  TextMap.of(article.paragraphs);
  return { article, quotes };
}

function linkedomDoc(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

const STORY = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i} of a story long enough to count as prose, with a “quote” said by the minister, she told reporters on Monday.</p>`).join('');

// Generous limits: these inputs are big on purpose and this machine is shared. Speed is the benchmark's job.
describe('the core on hostile documents', { timeout: 60_000 }, () => {
  it('survives 10,000 levels of nesting (built by script: parsers cap nesting)', () => {
    // linkedom, as the CLI uses: jsdom itself takes tens of seconds to build a tree this deep.
    const doc = linkedomDoc('<!doctype html><html><body></body></html>');
    let at: Element = doc.body;
    for (let i = 0; i < 10_000; i++) {
      const div = doc.createElement(i % 2 ? 'div' : 'span');
      at.appendChild(div);
      at = div;
    }
    const article = doc.createElement('article');
    for (let i = 0; i < 6; i++) {
      const p = doc.createElement('p');
      p.textContent = `Deep paragraph ${i}: “we will not give up”, the mayor said, adding that the work would go on through the winter.`;
      article.appendChild(p);
    }
    at.appendChild(article);
    const { article: found, quotes } = fullPass(doc);
    expect(found.isArticle).toBe(true);
    expect(found.paragraphs.length).toBe(6);
    expect(quotes.length).toBe(6);
    expect(blockText(doc.body).length).toBeGreaterThan(500);
  });

  it('survives 5 MB of text in one page', () => {
    const para = '<p>' + 'Words of a very long paragraph that goes on and on. '.repeat(100) + '</p>';
    const html = `<!doctype html><html><body><article><h1>Long</h1>${para.repeat(1000)}</article></body></html>`;
    expect(html.length).toBeGreaterThan(5_000_000);
    const { article } = fullPass(linkedomDoc(html));
    expect(article.isArticle).toBe(true);
  });

  it('survives 100,000 unbalanced quote marks', () => {
    const marks = '“”"\'‘’«»„';
    let text = '';
    for (let i = 0; i < 100_000; i++) text += marks[i % marks.length] + (i % 7 === 0 ? ' said Ms Smith. ' : 'x ');
    expect(() => findQuotesInText(text)).not.toThrow();
    expect(() => findArticleQuotes({ headline: text.slice(0, 5000), standfirst: text.slice(0, 3000), body: text })).not.toThrow();
  });

  it('survives pages without <body>, with frames, with shadow DOM, and empty ones', () => {
    const cases = [
      '',
      'just text, no markup at all',
      '<html><head><title>t</title></head></html>',
      '<frameset><frame src="a.html"><frame src="b.html"></frameset>',
      `<body><iframe srcdoc="<p>inner</p>"></iframe>${STORY}</body>`,
      '<body><template><p>in a template</p></template><svg><text>svg</text></svg></body>',
    ];
    for (const html of cases) {
      expect(() => fullPass(parseDocument(html))).not.toThrow();
      expect(() => fullPass(linkedomDoc(html))).not.toThrow();
    }
    const doc = bodyDocument(`<article>${STORY}</article><div id="host"></div>`);
    const shadow = doc.getElementById('host')!.attachShadow({ mode: 'open' });
    const p = doc.createElement('p');
    p.textContent = 'Text inside a shadow root.';
    shadow.appendChild(p);
    expect(fullPass(doc).article.isArticle).toBe(true);
  });

  it('never throws on random markup, white space and Unicode', () => {
    const piece = fc.oneof(
      fc.constantFrom('<p>', '</p>', '<div>', '</div>', '<article>', '<h1>', '</h1>', '<br>', '<span hidden>', '</span>', '<script>', '</script>', '<a href="#">', '</a>', '<li>', '<aside class="comments">', '<!--', '-->'),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom('\u00a0', '\u200b', '\u2028', '\ufeff', '\u202e', '“', '”', '‘', '’', '"', "'", '«', '»', '„', ' said ', ' she told ', '\n\n', '\t'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), (pieces) => {
        const html = pieces.join('');
        fullPass(linkedomDoc(`<!doctype html><html><body>${html}</body></html>`));
        findQuotesInText(html);
      }),
      { numRuns: 300, seed: 424242 },
    );
  });
});
