/**
 * Every hand-made hostile page in test/fixtures/hostile/ (`<category>--<case>.html`, one case each, big content
 * built by the page's own script), opened in real Chromium and Firefox ESR with the built extension: the content
 * script neither throws nor hangs — it reports, still answers the background, and logs no failure — and the page
 * still works (its own script finished and left its marker). A page over the content script's size budget is
 * reported as skipped for being too large, and the popup says so.
 *
 * The prototype-sabotage page (sabotage.js on the demo story) has its own file, hostile.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { type BrowserKind, extensionApi, waitForTabReport } from '../support/browsers';
import { BROWSERS, requireBrowser, withExtension } from '../support/e2e';
import { repoRoot } from '../support/seed-page';

const CASES = readdirSync(join(repoRoot, 'test/fixtures/hostile')).filter((f) => /^[a-z]+--[\w-]+\.html$/.test(f)).sort();

/** Pages over the content script's size budget: reported as skipped, not read. */
const TOO_LARGE = new Set(['size--over-element-budget.html']);

/** Pages whose story lives where the content script doesn't read (other frames, shadow roots) or that are skipped. */
const NOT_READ = new Set(['frames--article-in-iframe.html', 'frames--frameset.html', 'shadow--article-in-shadow-root.html', ...TOO_LARGE]);

/**
 * Pages a browser itself can't survive, with or without Newsmark (checked with a bare browser): skipped there,
 * since the crash takes the test's browser session with it.
 */
const BROWSER_LIMITS: Partial<Record<BrowserKind, Record<string, string>>> = {
  chromium: {
    'nesting--deep-by-script': 'Chromium 156 crashes the tab at this depth (from about 1,500 mixed levels) without any extension; nesting--deep-1000-divs-by-script covers Chromium',
  },
};

/** Generous: these pages are big on purpose and the machine is shared; this is about hanging, not speed. */
const REPORT_TIMEOUT = 90_000;

interface Reply<T> { ok: boolean; value?: T; error?: string }

for (const kind of BROWSERS) {
  describe.skipIf(!requireBrowser(kind))(`hand-made hostile pages in ${kind}`, { timeout: 180_000 }, () => {
    const env = withExtension(kind);

    it('has the cases', () => {
      expect(CASES.length).toBeGreaterThanOrEqual(10);
    });

    for (const file of CASES) {
      const slug = file.replace(/\.html$/, '');
      const limit = BROWSER_LIMITS[kind]?.[slug];
      if (limit) console.warn(`[e2e] ${kind}: ${slug} skipped — ${limit}`);
      it.skipIf(Boolean(limit))(slug, async () => {
        const url = env.server.url(`/hostile/${file}`);
        const page: Page = await env.ext.browser.newPage();
        const logged: string[] = [];
        const pageErrors: string[] = [];
        page.on('console', (m) => logged.push(m.text()));
        page.on('pageerror', (e) => pageErrors.push(String(e)));
        try {
          await page.goto(url, { waitUntil: 'load', timeout: REPORT_TIMEOUT });
          const { tabId, report } = await waitForTabReport(env.ext, url, REPORT_TIMEOUT);
          // The page's own script ran to the end and the page still runs script.
          expect(await page.evaluate(() => (window as unknown as { hostileReady?: string }).hostileReady)).toBe(slug);
          expect(pageErrors).toEqual([]);
          // The content script is alive and answers.
          const api = extensionApi(await env.ext.extensionPage());
          const quotes = await api.ask<Reply<unknown[]>>({ type: 'tab/quotes', tabId });
          expect(quotes.ok, quotes.error).toBe(true);
          // It never fell into its "could not read" path and logged no failure.
          expect(logged.filter((t) => t.startsWith('[newsmark]') && !t.includes('notes'))).toEqual([]);
          if (TOO_LARGE.has(file)) {
            expect(report.skipped).toMatch(/too large/);
            const popup = await env.ext.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
            await popup.waitForFunction(() => document.body.innerText.includes('too large'), { timeout: 10_000 });
            await popup.close();
          } else {
            expect(report.skipped).toBeNull();
          }
          // The story is still found where the content script can see it.
          expect(report.isArticle).toBe(!NOT_READ.has(file));
          // Our UI stays closed to the page, even when the page defined our element name first.
          expect(await page.evaluate(() => {
            // (through the prototype: the clobbering page has replaced document's own names)
            const hosts = [...Document.prototype.querySelectorAll.call(document, 'newsmark-overlay, [data-newsmark-overlay]')];
            const grabbed = (window as unknown as { grabbed?: Element[] }).grabbed ?? [];
            return hosts.every((h) => h.shadowRoot === null) && grabbed.every((g) => !g.isConnected);
          })).toBe(true);
          // And the page's stylesheets can't hide or unbox it (css--hostile-styles tries, with !important).
          const boxes = await page.evaluate(() =>
            [...Document.prototype.querySelectorAll.call(document, 'newsmark-overlay, [data-newsmark-overlay]')].map((h) => {
              const style = getComputedStyle(h);
              return `${style.display} ${style.visibility} ${style.opacity}`;
            }),
          );
          if (slug === 'css--hostile-styles') expect(boxes.length).toBeGreaterThan(0);
          for (const box of boxes) expect(box).toBe('block visible 1');
        } finally {
          await page.close();
        }
      });
    }
  });
}
