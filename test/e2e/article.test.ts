/**
 * The article engine in the page, in real Chromium and Firefox ESR: on the demo page the boilerplate is hidden,
 * "Show" brings it back and hiding again works, and every story paragraph stays visible.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { extensionApi, launchWithExtension, waitForTabReport, type ExtensionBrowser } from '../support/browsers';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { BROWSERS, requireBrowser } from '../support/e2e';
import { repoRoot } from '../support/seed-page';

const gold = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/demo/index.gold.json'), 'utf8')) as {
  text: string;
  boilerplate: Array<{ kind: string; startsWith: string }>;
};
const storyParagraphs = gold.text.split('\n\n');

/** Which gold paragraphs are not visible, and the texts of visible blocks that start like gold boilerplate. */
function visibility(page: Page) {
  return page.evaluate(
    (paragraphs: string[], boilerplate: string[]) => {
      const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
      const blocks = [...document.querySelectorAll('p, h2, h3, li, blockquote')];
      const isShown = (el: Element) => (el as HTMLElement).checkVisibility?.() ?? (el as HTMLElement).offsetParent !== null;
      const hiddenStory = paragraphs.filter((p) => !blocks.some((b) => norm(b.textContent ?? '') === p && isShown(b)));
      // A block is shown when the text it starts with is rendered (its first words' text node is visible).
      const shownBoilerplate = boilerplate.filter((start) => {
        const probe = start.slice(0, 24);
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (norm(n.textContent ?? '').includes(probe) && n.parentElement && isShown(n.parentElement)) return true;
        }
        return false;
      });
      return { hiddenStory, shownBoilerplate, hiddenCount: document.querySelectorAll('[data-newsmark-boilerplate]').length };
    },
    storyParagraphs,
    gold.boilerplate.map((b) => b.startsWith),
  );
}

for (const kind of BROWSERS) {
  describe.skipIf(!requireBrowser(kind))(`article and boilerplate in ${kind}`, () => {
    let ext: ExtensionBrowser;
    let server: FixtureServer;
    let demo: Page;
    let tabId: number;

    beforeAll(async () => {
      server = await startFixtureServer();
      ext = await launchWithExtension(kind);
      demo = await ext.browser.newPage();
      await demo.goto(server.url('/demo/'), { waitUntil: 'load' });
      ({ tabId } = await waitForTabReport(ext, server.url('/demo/')));
    });
    afterAll(async () => {
      await ext?.close();
      await server?.close();
    });

    it('hides every gold boilerplate block and no story paragraph', async () => {
      const v = await visibility(demo);
      expect(v.hiddenStory).toEqual([]);
      expect(v.shownBoilerplate).toEqual([]);
      expect(v.hiddenCount).toBeGreaterThanOrEqual(gold.boilerplate.length);
    });

    it('shows it all again with the in-page “Show” control, and hides it again', async () => {
      // The control lives in a closed shadow root: reach it as a keyboard user does (focus, then Enter).
      await demo.evaluate(() => (document.querySelector('newsmark-overlay') as HTMLElement).focus());
      await demo.keyboard.press('Enter');
      await demo.waitForFunction(() => document.documentElement.hasAttribute('data-newsmark-show-boilerplate'), { polling: 100 });
      const shown = await visibility(demo);
      expect(shown.shownBoilerplate.length).toBe(gold.boilerplate.length);
      expect(shown.hiddenStory).toEqual([]);
      await demo.keyboard.press('Enter');
      await demo.waitForFunction(() => !document.documentElement.hasAttribute('data-newsmark-show-boilerplate'), { polling: 100 });
      expect((await visibility(demo)).shownBoilerplate).toEqual([]);
    });

    it('reports the same count to the popup, whose toggle shows and hides the page’s boilerplate', async () => {
      const api = extensionApi(await ext.extensionPage());
      const { report } = await waitForTabReport(ext, server.url('/demo/'));
      expect(report.hiddenCount).toBe((await visibility(demo)).hiddenCount);
      const popup = await ext.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
      await popup.waitForSelector('[data-testid="hidden-count"]');
      expect(await popup.$eval('[data-testid="hidden-count"]', (e) => e.textContent)).toBe(`${report.hiddenCount} hidden`);
      await popup.locator('::-p-text(Show)').click();
      await demo.waitForFunction(() => document.documentElement.hasAttribute('data-newsmark-show-boilerplate'), { polling: 100 });
      await api.ask({ type: 'tab/set-view', tabId, boilerplateShown: false });
      await demo.waitForFunction(() => !document.documentElement.hasAttribute('data-newsmark-show-boilerplate'), { polling: 100 });
      await popup.close();
    });

    it('catches boilerplate that arrives after load (a comments section injected by script)', async () => {
      const hiddenBefore = (await visibility(demo)).hiddenCount;
      await demo.evaluate(() => {
        const box = document.createElement('div');
        box.id = 'late-comments';
        const h = document.createElement('h2');
        h.textContent = 'Join our commenting forum';
        const p = document.createElement('p');
        p.textContent = 'Join thought-provoking conversations, follow other readers and see their replies.';
        const b = document.createElement('button');
        b.textContent = '148 comments';
        box.append(h, p, b);
        document.querySelector('article')!.append(box);
      });
      await demo.waitForFunction(() => document.getElementById('late-comments')?.hasAttribute('data-newsmark-boilerplate'), { polling: 100, timeout: 10_000 });
      const after = await visibility(demo);
      expect(after.hiddenCount).toBe(hiddenBefore + 1);
      expect(after.hiddenStory).toEqual([]);
    });

    it('honours the settings: hiding off, then Newsmark off for the site', async () => {
      const { setSettings } = extensionApi(await ext.extensionPage());
      await setSettings({ hideBoilerplate: false, highlightQuotes: true, disabledSites: [] });
      await demo.reload({ waitUntil: 'load' });
      await waitForTabReport(ext, server.url('/demo/'), 10_000, (r) => r.hiddenCount === 0 && Number(r.quoteCount) > 0);
      expect((await visibility(demo)).hiddenCount).toBe(0);

      await setSettings({ hideBoilerplate: true, highlightQuotes: true, disabledSites: ['127.0.0.1'] });
      await demo.reload({ waitUntil: 'load' });
      const { report } = await waitForTabReport(ext, server.url('/demo/'), 10_000, (r) => r.skipped !== null);
      expect(report.skipped).toMatch(/switched off for this site/);
      expect(await demo.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size)).toBe(0);
      expect((await visibility(demo)).hiddenCount).toBe(0);
      await setSettings({ hideBoilerplate: true, highlightQuotes: true, disabledSites: [] });
    });
  });
}
