import { describe, expect, it, vi } from 'vitest';
import { bodyDocument } from '../../support/dom';
import { analyzeArticle } from '../../../src/core/article';

/*
 * In Chromium a form's controls shadow its own properties by name, even in a content script's isolated world:
 * `form.tagName` can be an <input>, `form.hasAttributes` too (test/fixtures/hostile/dom--clobbering.html, run for
 * real by the hostile-pages e2e test). Node's DOM libraries don't do this, so the form's own properties are set
 * here as the page would see them; the analysis must read the page without throwing and find the story.
 */
const story = 'The council met on Monday to discuss the budget for the coming year, and the meeting ran late. ';
const html = `<article><h1>A story around a clobbered form</h1>
<p>${story.repeat(3)}</p>
<form id="poll"><input name="tagName"><input name="hasAttributes"><input name="nodeType"><input name="getAttribute"><p>Inside the form.</p></form>
<p>${story.repeat(3)}</p></article>`;

function clobberedDocument(): Document {
  const doc = bodyDocument(html);
  const form = doc.getElementById('poll')!;
  for (const input of Array.from(form.querySelectorAll('input'))) {
    Object.defineProperty(form, input.getAttribute('name')!, { value: input, configurable: true });
  }
  return doc;
}

function expectStory(a: ReturnType<typeof analyzeArticle>): void {
  expect(a.isArticle).toBe(true);
  expect(a.paragraphs).toHaveLength(2);
  expect(a.text).toContain('The council met on Monday');
}

describe('a form whose controls shadow its properties', () => {
  it('is passed over, and the story is found', () => {
    expectStory(analyzeArticle(clobberedDocument()));
  });

  it('is passed over too when the walks read through the prototypes (as in a browser)', async () => {
    // The engines take the prototypes' getters when loaded; Node has none, so they are loaded afresh with the
    // document's Node and Element lent. The getters read the form right, but the later steps' plain reads do not.
    const doc = clobberedDocument();
    const win = doc.defaultView as unknown as Record<string, unknown>;
    const g = globalThis as Record<string, unknown>;
    let fresh: typeof import('../../../src/core/article');
    try {
      for (const name of ['Node', 'Element']) g[name] = win[name];
      vi.resetModules();
      fresh = await import('../../../src/core/article');
    } finally {
      for (const name of ['Node', 'Element']) delete g[name];
    }
    expectStory(fresh.analyzeArticle(doc));
  });
});
