/**
 * Quotes in the page, in real Chromium and Firefox ESR: the demo and seed pages show exactly their gold quotes
 * as CSS highlights; hovering the seed's headline quote shows "Liz Truss"; the "Who said what" panel lists the
 * seed's four speakers and jumps to a quote.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { extensionApi, waitForTabReport } from '../support/browsers';
import { BROWSERS, requireBrowser, withExtension } from '../support/e2e';
import { loadSeed, repoRoot } from '../support/seed-page';
import { closedShadowText, panelFrame, quoteHighlights, quotePoint } from '../support/page-probe';

const demoGold = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/demo/index.gold.json'), 'utf8')) as { quotes: Array<{ text: string }> };
const seed = loadSeed();
const sorted = (xs: string[]) => [...xs].sort();

for (const kind of BROWSERS) {
  describe.skipIf(!requireBrowser(kind))(`quotes in ${kind}`, () => {
    const env = withExtension(kind);

    async function open(path: string): Promise<{ page: Page; tabId: number }> {
      const page = await env.ext.browser.newPage();
      await page.goto(env.server.url(path), { waitUntil: 'load' });
      const { tabId } = await waitForTabReport(env.ext, env.server.url(path));
      return { page, tabId };
    }

    it('highlights exactly the demo page’s gold quotes', async () => {
      const { page } = await open('/demo/');
      const shown = await quoteHighlights(page);
      expect(sorted(shown.map((h) => h.text))).toEqual(sorted(demoGold.quotes.map((q) => q.text)));
      await page.close();
    });

    it.skipIf(!seed)('highlights the seed’s 22 quotes, names Liz Truss on hover, and lists 4 speakers in the panel', async () => {
      const { page, tabId } = await open('/seed/');
      const shown = await quoteHighlights(page);
      expect(sorted(shown.map((h) => h.text))).toEqual(sorted(seed!.gold.quotes.map((q) => q.text)));

      // Hover the headline's quote: the page-shared hit test finds our highlight there, and the tooltip shows.
      const point = (await quotePoint(page, 'not serious', 'h1'))!;
      expect(point).not.toBeNull();
      const before = await page.screenshot({ clip: { x: point.x, y: point.y, width: 160, height: 50 } });
      await page.mouse.move(point.x, point.y);
      await page.mouse.move(point.x + 1, point.y);
      const hit = await page.evaluate(({ x, y }) => {
        const reg = (CSS as unknown as { highlights: Map<string, unknown> & { highlightsFromPoint(x: number, y: number): unknown[] } }).highlights;
        const names = new Map([...reg].map(([n, h]) => [h, n]));
        return reg.highlightsFromPoint(x, y).map((r) => names.get((r as { highlight?: unknown }).highlight ?? r));
      }, point);
      expect(hit).toContain('newsmark-quote-0');
      await new Promise((r) => setTimeout(r, 300));
      if (kind === 'chromium') {
        expect(await closedShadowText(page, 'tip')).toEqual(['Liz Truss']);
      } else {
        // Firefox's driver can't see into our closed shadow root: the tooltip must at least have painted there.
        const after = await page.screenshot({ clip: { x: point.x, y: point.y, width: 160, height: 50 } });
        expect(Buffer.compare(before, after)).not.toBe(0);
      }
      await page.screenshot({ path: join(repoRoot, 'artifacts', `seed-hover-${kind}.png`) }).catch(() => undefined);

      // "Who said what": the panel (an extension-origin frame) lists the speakers in order.
      await extensionApi(await env.ext.extensionPage()).ask({ type: 'tab/panel', tabId, open: true, view: 'quotes' });
      const panel = await panelFrame(page);
      await panel.waitForSelector('section.speaker h2');
      const speakers = await panel.$$eval('section.speaker h2', (hs) => hs.map((h) => h.getAttribute('data-speaker')));
      expect(speakers).toEqual(['Liz Truss', 'Volodymyr Zelensky', 'No 10 spokesperson', 'David Lammy']);
      const buttons = await panel.$$eval('button.quote', (bs) => bs.map((b) => b.getAttribute('aria-label')));
      expect(buttons).toHaveLength(22);
      expect(buttons[0]).toBe('Liz Truss: not serious');

      // Choosing a quote in the panel marks it in the article.
      await panel.click('section.speaker:nth-of-type(4) button.quote');
      await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.has('newsmark-quote-focus'), { polling: 100 });
      await page.close();
    });

    it('highlights quotes in content that arrives late, and honours “highlight quotes” off', async () => {
      const { page } = await open('/demo/');
      await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0, { polling: 100, timeout: 10_000 });
      const said = 'The late edition has arrived with everything we promised';
      await page.evaluate((text) => {
        const p = document.createElement('p');
        p.textContent = `Later in the evening the minister added: “${text},” she told reporters.`;
        document.querySelector('article p')!.parentElement!.append(p);
      }, said);
      await page.waitForFunction((t) => {
        for (const [name, h] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights) {
          if (name.startsWith('newsmark-quote-') && [...h].some((r) => r.toString() === `${t},`)) return true;
        }
        return false;
      }, { polling: 100, timeout: 10_000 }, said);

      const { setSettings } = extensionApi(await env.ext.extensionPage());
      await setSettings({ hideBoilerplate: true, highlightQuotes: false, disabledSites: [] });
      await page.reload({ waitUntil: 'load' });
      await waitForTabReport(env.ext, env.server.url('/demo/'), 10_000, (r) => r.quotesShown === false && Number(r.hiddenCount) > 0);
      expect(await quoteHighlights(page)).toEqual([]);
      await setSettings({ hideBoilerplate: true, highlightQuotes: true, disabledSites: [] });
      await page.close();
    });
  });
}
