import { describe, expect, it, vi } from 'vitest';
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

type Engines = { text: typeof import('../../../src/core/text'); article: typeof import('../../../src/core/article'); index: typeof import('../../../src/core/article/page-index') };

const loaded = { text: { TextMap, blockText, visibleTextNodes }, article: { analyzeArticle }, index: { buildIndex } } as Engines;

function readAll(doc: Document, engines: Engines = loaded) {
  const { TextMap, blockText, visibleTextNodes } = engines.text;
  const { analyzeArticle } = engines.article;
  const { buildIndex } = engines.index;
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
  it('read through the prototypes give what plain reads give', async () => {
    // Plain reads everywhere: the document hides its plugins from notePlugins' query.
    const hidden = bodyDocument(html);
    const query = hidden.querySelectorAll.bind(hidden);
    hidden.querySelectorAll = ((sel: string) => query(sel === 'object, embed' ? 'no-such-element' : sel)) as typeof hidden.querySelectorAll;
    notePlugins(hidden);
    const plain = readAll(hidden);
    const doc = bodyDocument(html);
    // As in Chromium, where the plugin answers first: any read on the element itself fails here, so every read
    // must go through the prototypes. The engines take the prototypes' getters when loaded: in Node there are
    // none, so they are loaded afresh with the document's Node and Element lent to them.
    const win = doc.defaultView as unknown as Record<string, unknown>;
    const g = globalThis as Record<string, unknown>;
    const lent = ['Node', 'Element'];
    let engines: Engines;
    try {
      for (const name of lent) g[name] = win[name];
      vi.resetModules();
      engines = { text: await import('../../../src/core/text'), article: await import('../../../src/core/article'), index: await import('../../../src/core/article/page-index') };
    } finally {
      for (const name of lent) delete g[name];
    }
    for (const el of Array.from(doc.querySelectorAll('object, embed'))) {
      for (const name of ['nodeType', 'firstChild', 'nextSibling', 'parentNode', 'tagName', 'textContent', 'hasAttributes', 'getAttributeNames', 'getAttribute', 'hasAttribute', 'nextElementSibling', 'firstElementChild']) {
        Object.defineProperty(el, name, { get: () => { throw new Error(`read ${name} on <${el.localName}>`); } });
      }
    }
    engines.text.notePlugins(doc);
    const viaProto = readAll(doc, engines);
    expect(viaProto).toEqual(plain);
    expect(plain.texts[0]![0]).toBe('Before fallback text after end of the first paragraph, which is long enough.');
  });
});
