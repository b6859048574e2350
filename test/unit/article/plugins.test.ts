import { describe, expect, it } from 'vitest';
import { bodyDocument } from '../../support/dom';
import { TextMap, blockText, notePlugins, visibleTextNodes } from '../../../src/core/text';
import { analyzeArticle } from '../../../src/core/article';
import { buildIndex } from '../../../src/core/article/page-index';

/*
 * <object> and <embed> are read through the prototypes' getters once `notePlugins` has seen them (Chromium lays
 * the page out before answering any property read on them). The answers must be the ones plain reads give.
 */
const html = `<article><h1>Players embedded in a story</h1>
<p>Before <object data="x.swf"><param name="a" value="b"><span>fallback</span> text</object> after <embed src="y"> end of the first paragraph, which is long enough.</p>
<p>A <a href="/l">link <object data="z"><b>inside</b></object> it</a> and <object hidden>hidden text</object><object style="display:none">gone</object>more prose follows here to make a story of it.</p>
<p>${'Plain words of story text, '.repeat(20)}</p>
<div><object data="w"></object><embed src="v"><span>Share this article</span><a href="/s">Twitter</a></div></article>`;

function readAll(doc: Document) {
  const ps = Array.from(doc.querySelectorAll('p'));
  const ix = buildIndex(doc, { skipHidden: true, markUnlikely: true });
  const a = analyzeArticle(doc);
  return {
    texts: ps.map((p) => [blockText(p), blockText(p, 5), visibleTextNodes(p).map((t) => t.data)]),
    map: TextMap.of(ps).text,
    index: { n: ix.els.length, text: ix.text, link: ix.link, own: ix.own },
    article: { text: a.text, title: a.title, boilerplate: a.boilerplate.map((b) => [b.kind, b.text, b.reason]), removals: a.removals },
  };
}

describe('plugin elements', () => {
  it('read through the prototypes give what plain reads give', () => {
    // Plain reads everywhere: the document hides its plugins from notePlugins' query.
    const hidden = bodyDocument(html);
    const query = hidden.querySelectorAll.bind(hidden);
    hidden.querySelectorAll = ((sel: string) => query(sel === 'object, embed' ? 'no-such-element' : sel)) as typeof hidden.querySelectorAll;
    notePlugins(hidden);
    const plain = readAll(hidden);
    const doc = bodyDocument(html);
    // As in Chromium, where the plugin answers first: any read on the element itself fails here, so every read
    // must go through the prototypes (the test runs in Node: lend it the document's Node and Element).
    const win = doc.defaultView as unknown as { Node: unknown; Element: unknown };
    const g = globalThis as { Node?: unknown; Element?: unknown };
    g.Node = win.Node;
    g.Element = win.Element;
    for (const el of Array.from(doc.querySelectorAll('object, embed'))) {
      for (const name of ['nodeType', 'firstChild', 'nextSibling', 'parentNode', 'tagName', 'textContent', 'hasAttributes', 'getAttribute', 'hasAttribute', 'nextElementSibling', 'firstElementChild']) {
        Object.defineProperty(el, name, { get: () => { throw new Error(`read ${name} on <${el.localName}>`); } });
      }
    }
    notePlugins(doc);
    let viaProto;
    try {
      viaProto = readAll(doc);
    } finally {
      delete g.Node;
      delete g.Element;
    }
    expect(viaProto).toEqual(plain);
    expect(plain.texts[0]![0]).toBe('Before fallback text after end of the first paragraph, which is long enough.');
  });
});
