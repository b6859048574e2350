/**
 * Foundation, in real Chromium and real Firefox ESR: the built extension loads, its content script reads the demo
 * page and reports to the background, a note sent through the background's message API lands in Dexie and the
 * popup shows it, and the options page saves a setting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { extensionApi, launchWithExtension, waitForTabReport, type ExtensionBrowser } from '../support/browsers';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { BROWSERS, requireBrowser } from '../support/e2e';

interface Reply<T> { ok: boolean; value?: T; error?: string }

for (const kind of BROWSERS) {
  describe.skipIf(!requireBrowser(kind))(`foundation in ${kind}`, () => {
    let ext: ExtensionBrowser;
    let server: FixtureServer;
    let demo: Page;
    const pageErrors: string[] = [];

    beforeAll(async () => {
      server = await startFixtureServer();
      ext = await launchWithExtension(kind);
      demo = await ext.browser.newPage();
      demo.on('pageerror', (e) => pageErrors.push(String(e)));
      await demo.goto(server.url('/demo/'), { waitUntil: 'load' });
    });

    afterAll(async () => {
      await ext?.close();
      await server?.close();
    });

    it('loads the extension: background running, extension pages render', async () => {
      if (kind === 'chromium') {
        const worker = await ext.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(ext.extensionOrigin), { timeout: 15_000 });
        expect(worker.url()).toContain('service-worker-loader.js');
      }
      const options = await ext.extensionPage();
      await options.waitForSelector('input[name="hideBoilerplate"]');
      expect(await options.title()).toBe('Newsmark settings');
    });

    it('runs the content script on the demo page, which reports to the background', async () => {
      const { report } = await waitForTabReport(ext, server.url('/demo/'));
      expect(report.isArticle).toBe(true);
      expect(String(report.title)).not.toBe('');
      expect(pageErrors).toEqual([]);
    });

    it('stores a note sent through the background’s message API in Dexie, and the popup shows it', async () => {
      const { tabId } = await waitForTabReport(ext, server.url('/demo/'));
      const api = extensionApi(await ext.extensionPage());
      const text = `A note from the ${kind} end-to-end test`;
      const created = await api.ask<Reply<{ id: string; pageUrl: string }>>({
        type: 'notes/create',
        tabId,
        note: { text, tags: ['e2e'], speaker: null, anchor: null },
      });
      expect(created.ok, created.error).toBe(true);
      expect(created.value!.pageUrl).toBe(server.url('/demo/'));

      // In Dexie's IndexedDB database, read back with the raw API.
      const stored = await (await ext.extensionPage()).evaluate(
        (id) =>
          new Promise<unknown>((resolve, reject) => {
            const open = indexedDB.open('newsmark');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const get = open.result.transaction('notes').objectStore('notes').get(id);
              get.onsuccess = () => resolve(get.result);
              get.onerror = () => reject(get.error);
            };
          }),
        created.value!.id,
      );
      expect(stored).toMatchObject({ text, tags: ['e2e'], pageUrl: server.url('/demo/') });

      const popup = await ext.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
      await popup.waitForFunction((t) => document.body.textContent?.includes(t), { timeout: 10_000, polling: 100 }, text);
      const pageSection = await popup.$eval('section[aria-labelledby="this-page"]', (s) => s.textContent);
      expect(pageSection).toContain(text);
      await popup.close();
    });

    it('rejects an invalid message with a reason and stores nothing', async () => {
      const api = extensionApi(await ext.extensionPage());
      const reply = await api.ask<Reply<unknown>>({ type: 'notes/create', note: { text: 42 } });
      expect(reply.ok).toBe(false);
      expect(reply.error).toMatch(/invalid message/);
    });

    it('saves a setting from the options page', async () => {
      const options = await ext.openExtensionPage('src/options/index.html?first');
      await options.waitForSelector('input[name="highlightQuotes"]');
      expect(await options.$eval('input[name="highlightQuotes"]', (i) => (i as HTMLInputElement).checked)).toBe(true);
      await options.click('input[name="highlightQuotes"]');
      await options.waitForFunction(() => document.querySelector('[role="status"]')?.textContent === 'Saved.', { polling: 100 });
      const local = await extensionApi(options).localState();
      expect(local.settings).toMatchObject({ highlightQuotes: false, hideBoilerplate: true });
      await options.close();
      // A fresh settings page (a new address, so it can't be the old tab) shows the saved value.
      const again = await ext.openExtensionPage('src/options/index.html?again');
      await again.waitForSelector('input[name="highlightQuotes"]');
      expect(await again.$eval('input[name="highlightQuotes"]', (i) => (i as HTMLInputElement).checked)).toBe(false);
      await again.close();
    });
  });
}
