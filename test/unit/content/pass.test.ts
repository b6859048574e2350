/**
 * The content script's sliced pass (`runPassSliced`) gives exactly what the one-task pass (`runPass`, the CLI's and
 * the benchmark's) gives, however it is sliced, and a pass stopped between slices writes nothing to the page.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseDocument } from '../../support/dom';
import { runPass, runPassSliced, type Pass } from '../../../src/content/pass';
import { BoilerplateView } from '../../../src/content/boilerplate';
import { QuoteHighlights } from '../../../src/content/quotes';
import { HIDDEN_ATTR, STYLE_ID } from '../../../src/content/page-style';
import { repoRoot, readabilityPagesDir } from '../../../scripts/lib/corpus';

/** The page's own classes, as a content script sees them (`ensurePageStyle` checks `instanceof HTMLStyleElement`). */
function page(html: string): Document {
  const doc = parseDocument(html, OPTS.url);
  vi.stubGlobal('HTMLStyleElement', doc.defaultView!.HTMLStyleElement);
  return doc;
}

const OPTS = { url: 'https://news.example/story', hideBoilerplate: true, highlightQuotes: true };

function pages(): Array<[string, string]> {
  const out: Array<[string, string]> = [['demo', readFileSync(path.join(repoRoot, 'test/fixtures/demo/index.html'), 'utf8')]];
  // Large and quote-heavy pages of the shared corpus, when it is there.
  for (const name of ['wikipedia-2', 'archive-of-our-own', 'wapo-1', 'bbc-1', 'cnn']) {
    const file = path.join(readabilityPagesDir, name, 'source.html');
    if (existsSync(file)) out.push([name, readFileSync(file, 'utf8')]);
  }
  return out;
}

/** What a pass decided and wrote, in comparable form. */
function outcome(doc: Document, pass: Pass) {
  const a = pass.article;
  const order = new Map<Node, number>();
  const w = doc.createTreeWalker(doc, 0xffffffff);
  for (let x = w.nextNode(); x; x = w.nextNode()) order.set(x, order.size);
  const offset = (n: Node) => order.get(n) ?? -1;
  return {
    isArticle: a.isArticle,
    title: a.title,
    standfirst: a.standfirst,
    text: a.text,
    removals: a.removals,
    boilerplate: a.boilerplate.map((b) => ({ kind: b.kind, reason: b.reason, step: b.step, at: offset(b.element) })),
    placed: pass.placed.map((p) => ({ ...p.quote, range: [offset(p.range.startContainer), p.range.startOffset, offset(p.range.endContainer), p.range.endOffset] })),
    speakers: pass.speakers,
    hidden: Array.from(doc.querySelectorAll(`[${HIDDEN_ATTR}]`)).map((el) => `${offset(el)}:${el.getAttribute(HIDDEN_ATTR)}`),
    style: doc.getElementById(STYLE_ID) !== null,
  };
}

describe('sliced pass', () => {
  afterEach(() => vi.unstubAllGlobals());

  for (const [name, html] of pages()) {
    it(`gives what the one-task pass gives: ${name}`, async () => {
      const one = page(html);
      const sync = runPass(one, OPTS, { boilerplate: new BoilerplateView(one), quotes: new QuoteHighlights() });
      const two = page(html);
      let slices = 0;
      // A zero budget pauses at every yield point: the most slices there can be.
      const sliced = await runPassSliced(two, OPTS, { boilerplate: new BoilerplateView(two), quotes: new QuoteHighlights() }, {
        budgetMs: 0, pause: () => Promise.resolve(), onSlice: () => slices++,
      });
      expect(sliced).not.toBeNull();
      expect(slices).toBeGreaterThan(1);
      expect(outcome(two, sliced!)).toEqual(outcome(one, sync));
    }, 60_000);
  }

  it('stops between slices when its signal is aborted, and writes nothing', async () => {
    const [, html] = pages()[0]!;
    const doc = page(html);
    const stop = new AbortController();
    let slices = 0;
    const pass = await runPassSliced(doc, OPTS, { boilerplate: new BoilerplateView(doc), quotes: new QuoteHighlights() }, {
      budgetMs: 0, signal: stop.signal, pause: () => Promise.resolve(),
      onSlice: () => {
        if (++slices === 3) stop.abort();
      },
    });
    expect(pass).toBeNull();
    expect(slices).toBe(3);
    expect(doc.querySelectorAll(`[${HIDDEN_ATTR}]`).length).toBe(0);
    expect(doc.getElementById(STYLE_ID)).toBeNull();
  });
});
