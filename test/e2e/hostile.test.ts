/**
 * A hostile page, in real Chromium and Firefox ESR: it sabotages prototypes and the shared highlight registry,
 * clobbers DOM names, spoofs messages and events, tries to read our shadow root and frames our panel itself.
 * Newsmark keeps working, writes no note on the page's say-so, and shows the framed panel nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { extensionApi, launchWithExtension, waitForTabReport, type ExtensionBrowser } from '../support/browsers';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { BROWSERS, requireBrowser } from '../support/e2e';
import { repoRoot } from '../support/seed-page';
import { quoteHighlights } from '../support/page-probe';

const demoHtml = readFileSync(join(repoRoot, 'test/fixtures/demo/index.html'), 'utf8');
const sabotage = readFileSync(join(repoRoot, 'test/fixtures/hostile/sabotage.js'), 'utf8');

/** The demo story with the hostile script running first, plus clobbering elements. */
const hostilePage = demoHtml
  .replace('<head>', `<head><script>${sabotage}</script>`)
  .replace('<body>', '<body><form name="body"></form><img name="getElementById"><div id="newsmark-style">not a style</div>');

interface Reply<T> { ok: boolean; value?: T; error?: string }

for (const kind of BROWSERS) {
  describe.skipIf(!requireBrowser(kind))(`a hostile page in ${kind}`, () => {
    let ext: ExtensionBrowser;
    let server: FixtureServer;
    let page: Page;
    let tabId: number;

    beforeAll(async () => {
      server = await startFixtureServer();
      server.override('/hostile/', hostilePage);
      ext = await launchWithExtension(kind);
      page = await ext.browser.newPage();
      await page.goto(server.url('/hostile/'), { waitUntil: 'load' });
      ({ tabId } = await waitForTabReport(ext, server.url('/hostile/'), 20_000, (r) => r.isArticle === true));
    });
    afterAll(async () => {
      await ext?.close();
      await server?.close();
    });

    it('still hides boilerplate and highlights quotes despite sabotaged prototypes and clobbered names', async () => {
      expect(await page.evaluate(() => (window as unknown as { sabotaged: boolean }).sabotaged)).toBe(true);
      const { report } = await waitForTabReport(ext, server.url('/hostile/'));
      expect(report.hiddenCount).toBeGreaterThan(0);
      expect(report.quoteCount).toBeGreaterThan(0);
      expect(await page.evaluate(() => document.querySelectorAll('[data-newsmark-boilerplate]').length)).toBeGreaterThan(0);
      expect(await page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size)).toBeGreaterThan(0);
    });

    it('keeps its shadow root closed to the page', async () => {
      expect(await page.evaluate(() => {
        // (the page broke querySelector; tag lookups still work)
        const host = document.getElementsByTagName('newsmark-overlay')[0] ?? null;
        return host !== null && host.shadowRoot === null;
      })).toBe(true);
    });

    it('takes no instructions from the page: spoofed messages and events create no note', async () => {
      const api = extensionApi(await ext.extensionPage());
      const count = async () => ((await api.ask<Reply<unknown[]>>({ type: 'notes/list-all' })).value ?? []).length;
      const before = await count();
      await page.evaluate(() => {
        const note = { type: 'notes/create', note: { text: 'forged', tags: [], speaker: null, anchor: null } };
        window.postMessage(note, '*');
        window.postMessage({ source: 'newsmark', ...note }, '*');
        for (const name of ['newsmark', 'newsmark:note', 'notes/create']) document.dispatchEvent(new CustomEvent(name, { detail: note }));
      });
      await new Promise((r) => setTimeout(r, 500));
      expect(await count()).toBe(before);
    });

    it('answers a panel the page framed itself with nothing', async () => {
      await page.evaluate((origin) => {
        const f = document.createElementNS('http://www.w3.org/1999/xhtml', 'iframe') as HTMLIFrameElement;
        f.id = 'forged-panel';
        f.src = `${origin}/src/panel/index.html?view=notes`;
        document.body.append(f);
      }, ext.extensionOrigin);
      const frame = await (async () => {
        for (let i = 0; i < 50; i++) {
          for (const f of page.frames()) {
            const href = await f.evaluate(() => location.href).catch(() => '');
            if (href.includes('/src/panel/index.html') && !href.includes('k=')) return f;
          }
          await new Promise((r) => setTimeout(r, 200));
        }
        throw new Error('forged panel frame not found');
      })();
      await frame.waitForSelector('[role="alert"]', { timeout: 10_000 });
      expect(await frame.$eval('[role="alert"]', (e) => e.textContent)).toContain('not opened by Newsmark');
    });

    it('puts its highlights back after the page clears the shared registry', async () => {
      await page.evaluate(() => (CSS as unknown as { highlights: { clear(): void } }).highlights.clear());
      expect(await quoteHighlights(page)).toEqual([]);
      // The next pass (here: late content) registers them again.
      await page.evaluate(() => {
        const p = document.createElementNS('http://www.w3.org/1999/xhtml', 'p');
        p.textContent = 'A paragraph added later by the page.';
        document.getElementsByTagName('article')[0]!.append(p);
      });
      await page.waitForFunction(() => [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()].some((k) => k.startsWith('newsmark-quote-')), { polling: 100, timeout: 10_000 });
      expect((await quoteHighlights(page)).length).toBeGreaterThan(0);
      void tabId;
    });
  });
}
