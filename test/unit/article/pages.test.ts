/**
 * The article engine on whole pages: the demo page and the rendered seed (gold boilerplate, labels,
 * exact text), and the defuddle fixtures that exercise trailing blocks, comments and hidden nodes.
 * Corpus files are read at run time from ../shared and never copied here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../support/dom';
import { loadSeed, renderSeedPage, seedExpected } from '../../support/seed-page';
import { analyzeArticle, STEPS, type Article } from '../../../src/core/article/index';
import { containsRun, sharedDir, words } from './shared';

const here = path.dirname(fileURLToPath(import.meta.url));

interface GoldBlock { kind: string; startsWith: string; endsWith: string }

function expectGoldBoilerplate(a: Article, gold: GoldBlock[]): void {
  for (const g of gold) {
    const hit = a.boilerplate.find((b) => b.text.startsWith(g.startsWith) && b.text.endsWith(g.endsWith));
    expect(hit, `gold ${g.kind} block "${g.startsWith}…" not flagged; got ${JSON.stringify(a.boilerplate.map((b) => [b.kind, b.text.slice(0, 40)]))}`).toBeDefined();
    expect(hit!.kind).toBe(g.kind);
  }
}

function expectNoStoryHidden(a: Article): void {
  for (const b of a.boilerplate) for (const p of a.paragraphs) expect(b.element.contains(p)).toBe(false);
}

const SITE_FIX_MODES = [
  ['site fixes on', []],
  ['site fixes off', [STEPS.siteFixes]],
] as const;

describe('demo page', () => {
  const html = readFileSync(path.resolve(here, '../../fixtures/demo/index.html'), 'utf8');
  const gold = JSON.parse(readFileSync(path.resolve(here, '../../fixtures/demo/index.gold.json'), 'utf8')) as {
    title: string; standfirst: string; byline: string; published: string; text: string; boilerplate: GoldBlock[];
  };
  it.each(SITE_FIX_MODES)('%s: labels, text and every gold boilerplate block', (_mode, off) => {
    const a = analyzeArticle(parseDocument(html), { disabledSteps: [...off] });
    expect(a.isArticle).toBe(true);
    expect(a.title).toBe(gold.title);
    expect(a.standfirst).toBe(gold.standfirst);
    expect(a.byline).toBe(gold.byline);
    expect(Date.parse(a.published!)).toBe(Date.parse(gold.published));
    expect(a.text).toBe(gold.text);
    expectGoldBoilerplate(a, gold.boilerplate);
    expectNoStoryHidden(a);
  });

  it('still finds every block by its words alone (hashed classes, no tokens)', () => {
    const a = analyzeArticle(parseDocument(html), { disabledSteps: [STEPS.boilerplateTokens, STEPS.siteFixes] });
    expect(a.text).toBe(gold.text);
    expectGoldBoilerplate(a, gold.boilerplate);
  });
});

describe('seed page', () => {
  const seed = loadSeed();
  it.skipIf(!seed).each(SITE_FIX_MODES)('%s: headline, standfirst, text and both gold blocks', (_mode, off) => {
    const { text, gold } = seed!;
    const want = seedExpected(text, gold);
    const a = analyzeArticle(parseDocument(renderSeedPage(text, gold)), { disabledSteps: [...off] });
    expect(a.isArticle).toBe(true);
    expect(a.title).toBe(want.title);
    expect(a.standfirst).toBe(want.standfirst);
    expect(a.text).toBe(want.text);
    expectGoldBoilerplate(a, gold.boilerplate);
    expectNoStoryHidden(a);
  });
});

// ---------------------------------------------------------------------------------------------------
// defuddle fixtures: defuddle's expected Markdown is a second opinion on what the story is.
// ---------------------------------------------------------------------------------------------------

const DEFUDDLE_CASES: Array<{ prefix: string; kinds: string[]; article: boolean }> = [
  { prefix: 'content-patterns--trailing-related-posts', kinds: ['related'], article: true },
  { prefix: 'content-patterns--trailing-subscribe-after-footnotes', kinds: ['subscribe'], article: true },
  { prefix: 'general--trailing-cta-newsletter', kinds: ['newsletter'], article: true },
  { prefix: 'related--inline-related-stories-block', kinds: ['related'], article: true },
  { prefix: 'gated-content--cookie-consent', kinds: [], article: true },
  { prefix: 'hidden--nodes', kinds: [], article: true },
  { prefix: 'hidden--visibility', kinds: [], article: true },
  // Discussion pages: the "story" is a link or a post; what matters is that the thread is recognised.
  { prefix: 'comments--news.ycombinator.com', kinds: ['comments'], article: false },
  { prefix: 'comments--old.reddit.com', kinds: ['comments'], article: false },
];

/** Paragraph texts of defuddle's expected Markdown (front matter and a trailing "## Comments" dropped). */
function markdownParagraphs(md: string): string[] {
  const body = md.replace(/^```json[\s\S]*?```\s*/, '').split(/^## Comments\s*$/m)[0]!;
  return body
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\[\^?([^\]]*)\]\([^)]*\)/g, '$1').replace(/^[>#\-\s]+/gm, '').replace(/[*_`\\]/g, '').trim())
    .filter((p) => words(p).length >= 8);
}

/** Text the reader never sees in a fixture (hidden, aria-hidden, inline-hidden), unless a visible copy exists. */
function hiddenTexts(doc: Document): string[] {
  const hidden = Array.from(doc.querySelectorAll('[hidden], [aria-hidden="true"], [style*="display:none"], [style*="display: none"], [style*="visibility:hidden"], [style*="visibility: hidden"]'));
  const norm = (e: Element) => words(e.textContent ?? '').join(' ');
  const visible = new Set(Array.from(doc.querySelectorAll('p, h2, h3, li')).filter((e) => !hidden.some((h) => h.contains(e))).map(norm));
  return hidden.map(norm).filter((t) => t.split(' ').length >= 4 && !visible.has(t));
}

describe('defuddle fixtures', () => {
  const dir = sharedDir('corpora/defuddle-fixtures');
  const files = dir ? readdirSync(path.join(dir, 'fixtures')) : [];
  for (const c of DEFUDDLE_CASES) {
    it.skipIf(!dir)(c.prefix, () => {
      const file = files.find((f) => f.startsWith(c.prefix) && f.endsWith('.html'));
      expect(file, `no fixture ${c.prefix}`).toBeDefined();
      const html = readFileSync(path.join(dir!, 'fixtures', file!), 'utf8');
      const md = readFileSync(path.join(dir!, 'expected', file!.replace(/\.html$/, '.md')), 'utf8');
      const url = /^<!--\s*(\{.*?\})\s*-->/.exec(html)?.[1];
      const doc = parseDocument(html, url ? (JSON.parse(url) as { url: string }).url : undefined);
      const a = analyzeArticle(doc);
      const expected = markdownParagraphs(md);

      if (c.article) {
        expect(a.isArticle).toBe(true);
        const found = expected.filter((p) => containsRun(a.text, p));
        expect(found.length / expected.length, `missing: ${expected.filter((p) => !found.includes(p)).map((p) => p.slice(0, 50)).join(' | ')}`).toBeGreaterThanOrEqual(0.9);
      }
      // No hidden block holds a paragraph defuddle calls story.
      for (const b of a.boilerplate) for (const p of expected) expect(containsRun(b.text, p), `${b.kind} hides "${p.slice(0, 60)}"`).toBe(false);
      // The expected kinds are flagged, and defuddle leaves their text out too.
      for (const kind of c.kinds) {
        const hits = a.boilerplate.filter((b) => b.kind === kind);
        expect(hits.length, `no ${kind} block; got ${a.boilerplate.map((b) => b.kind).join(',')}`).toBeGreaterThan(0);
        if (c.article) for (const h of hits) expect(containsRun(md, h.text) && words(h.text).length >= 4).toBe(false);
      }
      for (const t of hiddenTexts(doc)) expect(containsRun(a.text, t), `hidden text in story: ${t.slice(0, 40)}`).toBe(false);
    });
  }
});
