/**
 * Storage under pressure, in real Chromium and Firefox ESR: two tabs saving notes at the same moment lose none,
 * and an edit is all-or-nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionApi, launchWithExtension, waitForTabReport, type ExtensionBrowser } from '../support/browsers';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { BROWSERS, requireBrowser } from '../support/e2e';

interface Reply<T> { ok: boolean; value?: T; error?: string }
const PER_TAB = 40;

for (const kind of BROWSERS) {
  describe.skipIf(!requireBrowser(kind))(`storage in ${kind}`, () => {
    let ext: ExtensionBrowser;
    let server: FixtureServer;

    beforeAll(async () => {
      server = await startFixtureServer();
      ext = await launchWithExtension(kind);
    });
    afterAll(async () => {
      await ext?.close();
      await server?.close();
    });

    it('keeps every note when two tabs save at once', async () => {
      const a = await ext.browser.newPage();
      await a.goto(server.url('/demo/'), { waitUntil: 'load' });
      const b = await ext.browser.newPage();
      await b.goto(server.url('/seed/'), { waitUntil: 'load' }).catch(() => b.goto(server.url('/plain/')));
      const tabA = (await waitForTabReport(ext, server.url('/demo/'))).tabId;
      const urlB = b.url();
      const tabB = (await waitForTabReport(ext, urlB)).tabId;
      // Two extension pages, each firing a burst of saves for its own tab, interleaved.
      const pageA = await ext.openExtensionPage('src/options/index.html?burst=a');
      const pageB = await ext.openExtensionPage('src/options/index.html?burst=b');
      const burst = (page: typeof pageA, tabId: number, label: string) =>
        page.evaluate(
          async (t, l, n) => {
            const g = globalThis as unknown as { browser?: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } }; chrome?: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } };
            const api = g.browser ?? g.chrome!;
            const replies = await Promise.all(
              Array.from({ length: n }, (_, i) => api.runtime.sendMessage({ type: 'notes/create', tabId: t, note: { text: `${l} ${i}`, tags: [l], speaker: null, anchor: null } })),
            );
            return replies.filter((r) => r.ok).length;
          },
          tabId,
          label,
          PER_TAB,
        );
      const [okA, okB] = await Promise.all([burst(pageA, tabA, 'burst-a'), burst(pageB, tabB, 'burst-b')]);
      expect(okA).toBe(PER_TAB);
      expect(okB).toBe(PER_TAB);
      const all = await extensionApi(pageA).ask<Reply<Array<{ text: string }>>>({ type: 'notes/list-all', limit: 10_000 });
      const texts = new Set(all.value!.map((n) => n.text));
      for (let i = 0; i < PER_TAB; i++) {
        expect(texts.has(`burst-a ${i}`)).toBe(true);
        expect(texts.has(`burst-b ${i}`)).toBe(true);
      }
    });

    it('refuses a bad edit whole: the note is unchanged', async () => {
      const api = extensionApi(await ext.extensionPage());
      const all = await api.ask<Reply<Array<{ id: string; text: string; tags: string[] }>>>({ type: 'notes/list-all', limit: 1 });
      const note = all.value![0]!;
      const bad = await api.ask<Reply<unknown>>({ type: 'notes/update', id: note.id, text: 'half', tags: ['x'.repeat(500)] });
      expect(bad.ok).toBe(false);
      const again = await api.ask<Reply<Array<{ id: string; text: string; tags: string[] }>>>({ type: 'notes/list-all', limit: 10_000 });
      expect(again.value!.find((n) => n.id === note.id)).toMatchObject({ text: note.text, tags: note.tags });
    });
  });
}
