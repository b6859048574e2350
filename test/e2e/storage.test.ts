/**
 * Storage under pressure, in real Chromium and Firefox ESR: two tabs saving notes at the same moment lose none,
 * and an edit is all-or-nothing.
 */
import { describe, expect, it } from 'vitest';
import { extensionApi, waitForTabReport } from '../support/browsers';
import { BROWSERS, requireBrowser, withExtension } from '../support/e2e';

interface Reply<T> { ok: boolean; value?: T; error?: string }
const PER_TAB = 40;

for (const kind of BROWSERS) {
  describe.skipIf(!requireBrowser(kind))(`storage in ${kind}`, () => {
    const env = withExtension(kind);

    it('keeps every note when two tabs save at once', async () => {
      const a = await env.ext.browser.newPage();
      await a.goto(env.server.url('/demo/'), { waitUntil: 'load' });
      const b = await env.ext.browser.newPage();
      await b.goto(env.server.url('/seed/'), { waitUntil: 'load' }).catch(() => b.goto(env.server.url('/plain/')));
      const tabA = (await waitForTabReport(env.ext, env.server.url('/demo/'))).tabId;
      const urlB = b.url();
      const tabB = (await waitForTabReport(env.ext, urlB)).tabId;
      // Two extension pages, each firing a burst of saves for its own tab, interleaved.
      const pageA = await env.ext.openExtensionPage('src/options/index.html?burst=a');
      const pageB = await env.ext.openExtensionPage('src/options/index.html?burst=b');
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
      const api = extensionApi(await env.ext.extensionPage());
      const all = await api.ask<Reply<Array<{ id: string; text: string; tags: string[] }>>>({ type: 'notes/list-all', limit: 1 });
      const note = all.value![0]!;
      const bad = await api.ask<Reply<unknown>>({ type: 'notes/update', id: note.id, text: 'half', tags: ['x'.repeat(500)] });
      expect(bad.ok).toBe(false);
      const again = await api.ask<Reply<Array<{ id: string; text: string; tags: string[] }>>>({ type: 'notes/list-all', limit: 10_000 });
      expect(again.value!.find((n) => n.id === note.id)).toMatchObject({ text: note.text, tags: note.tags });
    });
  });
}
