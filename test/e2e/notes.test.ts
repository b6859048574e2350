/**
 * Notes in the page, in real Chromium and Firefox ESR: select a passage on the demo page, press "Note", write in
 * the panel's editor, save; after a reload the passage is highlighted again; after the page gains a paragraph and
 * an ad before it, still; after its text is deleted, the note is an orphan the panel names as such.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { extensionApi, launchWithExtension, waitForTabReport, type ExtensionBrowser } from '../support/browsers';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { BROWSERS, requireBrowser } from '../support/e2e';
import { repoRoot } from '../support/seed-page';
import { panelFrame, selectText } from '../support/page-probe';

const demoHtml = readFileSync(join(repoRoot, 'test/fixtures/demo/index.html'), 'utf8');
const gold = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/demo/index.gold.json'), 'utf8')) as {
  text: string;
  quotes: Array<{ text: string; where: string; speaker: string | null }>;
};
/** A sentence-sized passage from the middle of the story (no quotes, so it isn't also a quote highlight). */
const paragraph = gold.text.split('\n\n').find((p, i) => i > 4 && !/[“”"]/.test(p) && p.length > 120)!;
const passage = paragraph.slice(0, paragraph.indexOf(' ', 60));

function noteHighlightTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('newsmark-note');
    return h ? [...h].map((r) => r.toString()) : [];
  });
}

for (const kind of BROWSERS) {
  describe.skipIf(!requireBrowser(kind))(`notes in ${kind}`, () => {
    let ext: ExtensionBrowser;
    let server: FixtureServer;
    let page: Page;
    let noteId: string;
    const noteText = `Worth checking against the ministry’s figures (${kind})`;

    beforeAll(async () => {
      server = await startFixtureServer();
      ext = await launchWithExtension(kind);
      page = await ext.browser.newPage();
      await page.goto(server.url('/demo/'), { waitUntil: 'load' });
      await waitForTabReport(ext, server.url('/demo/'));
    });
    afterAll(async () => {
      await ext?.close();
      await server?.close();
    });

    it('takes a note on a selection through the “Note” button and the panel’s editor', async () => {
      const at = await selectText(page, passage);
      await new Promise((r) => setTimeout(r, 500)); // the button appears once the selection settles
      await page.mouse.click(at.x + 12, at.y + 10);
      const panel = await panelFrame(page);
      await panel.waitForSelector('textarea#note-text');
      expect(await panel.$eval('.editor blockquote', (b) => b.textContent)).toBe(passage);
      await panel.type('textarea#note-text', noteText);
      await panel.type('input#note-tags', 'check, figures');
      await panel.focus('textarea#note-text');
      await page.keyboard.down('Control');
      await page.keyboard.press('Enter');
      await page.keyboard.up('Control');
      await page.waitForFunction(
        (t) => [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('newsmark-note') ?? [])].some((r) => r.toString() === t),
        { timeout: 10_000, polling: 100 },
        passage,
      );
      const notes = await extensionApi(await ext.extensionPage()).ask<{ ok: boolean; value: Array<{ id: string; text: string; tags: string[]; anchor: { exact: string } }> }>({ type: 'notes/list-all' });
      const note = notes.value.find((n) => n.text === noteText)!;
      expect(note).toMatchObject({ tags: ['check', 'figures'], anchor: { exact: passage } });
      noteId = note.id;
    });

    it('highlights it again after a reload', async () => {
      await page.reload({ waitUntil: 'load' });

      await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('newsmark-note'), { timeout: 10_000, polling: 100 });
      expect(await noteHighlightTexts(page)).toEqual([passage]);
    });

    it('still finds it when a paragraph and an ad are inserted before it', async () => {
      const inserted = demoHtml.replace(
        `<p>${paragraph.slice(0, 30)}`,
        `<div class="ad-slot"><span>Advertisement</span></div><p>An extra paragraph the site added after the note was taken, long enough to count as story.</p><p>${paragraph.slice(0, 30)}`,
      );
      expect(inserted).not.toBe(demoHtml);
      server.override('/demo/', inserted);
      await page.reload({ waitUntil: 'load' });
      await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('newsmark-note'), { timeout: 10_000, polling: 100 });
      expect(await noteHighlightTexts(page)).toEqual([passage]);
    });

    it('shows the note as an orphan when its text is gone', async () => {
      server.override('/demo/', demoHtml.replace(paragraph.slice(0, 30), 'Entirely rewritten words.').replace(passage.slice(30), ''));
      await page.reload({ waitUntil: 'load' });
      const { report } = await waitForTabReport(ext, server.url('/demo/'), 10_000, (r) => (r.orphans as string[]).includes(noteId));
      expect(report.orphans).toContain(noteId);
      expect(await noteHighlightTexts(page)).toEqual([]);
      const { tabId } = await waitForTabReport(ext, server.url('/demo/'));
      await extensionApi(await ext.extensionPage()).ask({ type: 'tab/panel', tabId, open: true, view: 'notes' });
      const panel = await panelFrame(page);
      await panel.waitForSelector(`[data-note-id="${noteId}"] .orphan`);
      expect(await panel.$eval(`[data-note-id="${noteId}"]`, (li) => li.textContent)).toContain('Could not find this text on the page');
      server.override('/demo/', null);
    });

    it('offers “Note this quote” on a clicked quote, pre-filled with the quote and its speaker', async () => {
      await page.bringToFront(); // earlier steps opened extension tabs in front of it
      await page.goto(server.url('/demo/'), { waitUntil: 'load' });
      await page.waitForFunction(() => [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()].some((k) => k.startsWith('newsmark-quote-')), { polling: 100, timeout: 10_000 });
      // A body quote: find its highlight range and click in its middle.
      const quote = gold.quotes.find((q) => q.where === 'body' && q.speaker && q.text.length > 60)!;
      const target = await page.evaluate((text) => {
        for (const [name, h] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights) {
          if (!name.startsWith('newsmark-quote-')) continue;
          for (const r of h) {
            const el = r.startContainer.parentElement!;
            if (r.toString() !== text) continue;
            el.scrollIntoView({ block: 'center' });
            const b = r.getClientRects()[0]!;
            return { x: b.x + Math.min(30, b.width / 2), y: b.y + b.height / 2, text: r.toString() };
          }
        }
        return null;
      }, quote.text);
      expect(target).not.toBeNull();
      await page.mouse.click(target!.x, target!.y);
      await new Promise((r) => setTimeout(r, 200));
      await page.mouse.click(target!.x + 12, target!.y + 14 + 10);
      const panel = await panelFrame(page);
      await panel.waitForSelector('.editor blockquote');
      expect(await panel.$eval('.editor blockquote', (b) => b.textContent)).toBe(target!.text);
      expect(await panel.$eval('.editor .muted', (b) => b.textContent)).toBe(`— ${quote.speaker}`);
    });

    it('follows a single-page navigation: the new story is read and its notes restored', async () => {
      await page.goto(server.url('/demo/'), { waitUntil: 'load' });
      // This page instance's content script has run once its highlights are registered.
      await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0, { polling: 100, timeout: 10_000 });
      const first = await waitForTabReport(ext, server.url('/demo/'));
      // The site swaps in another story and pushes its address, without a page load.
      await page.evaluate(() => {
        const paras = document.querySelectorAll('article p');
        for (const p of paras) p.textContent = `A different story entirely, about rail timetables and the ${p.textContent?.length} trains a day. “We are running late,” the operator said.`;
        history.pushState({}, '', '/demo/?story=2');
      });
      const next = await waitForTabReport(ext, server.url('/demo/?story=2'), 15_000, (r) => r.textHash !== first.report.textHash);
      expect(next.tabId).toBe(first.tabId);
      expect(next.report.textHash).not.toBe(first.report.textHash);
      expect(next.report.isArticle).toBe(true);
    });
  });
}
