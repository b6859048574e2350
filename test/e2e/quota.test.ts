/**
 * A full disk, for real, in Chromium and Firefox ESR: the extension's storage is filled until IndexedDB itself
 * refuses a write with QuotaExceededError (no mock anywhere); then the reader saves a note in the panel's editor.
 * The save fails, the editor keeps the draft (text and tags) and says so in plain words; once there is space
 * again, the same draft saves, exactly once, and nothing stored before was touched.
 *
 * How each browser is made to run out of space (a limit the browser enforces itself):
 * - Chromium: DevTools `Storage.overrideQuotaForOrigin` for the chrome-extension:// origin, sent on a session
 *   attached to one of the extension's own pages (a browser-level session answers "Internal error") and kept
 *   open (the override ends with its session). It is set before the extension first writes to IndexedDB,
 *   because IndexedDB grants space from a cached allowance that is re-asked of the quota manager only when a
 *   write outgrows it (and decays over 30 s). `navigator.storage.estimate()` can't confirm it — Chromium's
 *   static-quota reporting answers "usage + 10 GiB" whatever the real quota is — so the test reads
 *   `Storage.getUsageAndQuota`, which says `overrideActive: true`.
 * - Firefox: `dom.quotaManager.temporaryStorage.fixedLimit` in the test profile. An extension without the
 *   `unlimitedStorage` permission keeps its IndexedDB in best-effort ("default", not persisted) storage, so the
 *   limit applies to it (`navigator.storage.estimate()` in the extension page reports it as the quota).
 *
 * Either way the space is then used up by a scratch database of incompressible data in the extension's origin
 * (IndexedDB compresses values), written in ever smaller pieces until even a 256-byte write is refused, and
 * given back by deleting that database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Frame, Page } from 'puppeteer-core';
import { extensionApi, launchWithExtension, waitForTabReport, type ExtensionBrowser } from '../support/browsers';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { BROWSERS, requireBrowser } from '../support/e2e';
import { repoRoot } from '../support/seed-page';
import { panelFrame, selectText } from '../support/page-probe';
import { STORAGE_FULL } from '../../src/storage/errors';

/** Firefox's whole temporary storage, in KB. */
const FIREFOX_LIMIT_KB = 2048;
/** Chromium: room above what the extension uses at start-up (the database, a note, then the scratch data). */
const CHROMIUM_HEADROOM = 1024 * 1024;
const BALLAST_DB = 'newsmark-test-ballast';

const gold = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/demo/index.gold.json'), 'utf8')) as { text: string };
const paragraphs = gold.text.split('\n\n').filter((p, i) => i > 4 && !/[“”"]/.test(p) && p.length > 120);
const passageOf = (p: string) => p.slice(0, p.indexOf(' ', 60));

interface Reply<T> { ok: boolean; value?: T; error?: string }
interface StoredNote { id: string; text: string; tags: string[]; anchor: { exact: string } | null; updatedAt: number }
interface Fill { written: number; error: { name: string; domException: boolean; message: string } | null }

/** Selects a passage, presses "Note" and returns the panel with its editor ready. */
async function openEditor(page: Page, passage: string): Promise<Frame> {
  await page.bringToFront();
  const at = await selectText(page, passage);
  await new Promise((r) => setTimeout(r, 500)); // the button appears once the selection settles
  await page.mouse.click(at.x + 12, at.y + 10);
  const panel = await panelFrame(page);
  await panel.waitForSelector('textarea#note-text');
  return panel;
}

/**
 * Writes incompressible data to a scratch database in the extension's origin until IndexedDB refuses even a
 * small write; returns how much was written and the refusal, exactly as the browser raised it.
 */
function fillStorage(page: Page): Promise<Fill> {
  return page.evaluate(async (name) => {
    const open = () =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name, 1);
        req.onupgradeneeded = () => req.result.createObjectStore('b', { autoIncrement: true });
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    // A connection per write: Firefox won't take another write on a connection whose commit it refused.
    const put = async (size: number) => {
      const bytes = new Uint8Array(size);
      for (let i = 0; i < size; i += 65_536) crypto.getRandomValues(bytes.subarray(i, i + 65_536));
      const db = await open();
      try {
        return await new Promise<DOMException | null>((resolve) => {
          const tx = db.transaction('b', 'readwrite');
          tx.objectStore('b').add(bytes);
          tx.oncomplete = () => resolve(null);
          tx.onabort = () => resolve(tx.error);
        });
      } finally {
        db.close();
      }
    };
    let written = 0;
    let last: DOMException | null = null;
    for (const size of [262_144, 65_536, 16_384, 4_096, 1_024, 256]) {
      for (;;) {
        if (written > 256 * 1024 * 1024) break; // never full: the limit isn't in force
        const err = await put(size);
        if (err) {
          last = err;
          break;
        }
        written += size;
      }
    }
    return { written, error: last && { name: last.name, domException: last instanceof DOMException, message: last.message } };
  }, BALLAST_DB);
}

function freeStorage(page: Page): Promise<void> {
  return page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const del = indexedDB.deleteDatabase(name);
        del.onsuccess = () => resolve();
        del.onerror = () => reject(del.error);
        del.onblocked = () => reject(new Error('ballast database still open'));
      }),
    BALLAST_DB,
  );
}

for (const kind of BROWSERS) {
  describe.skipIf(!requireBrowser(kind))(`a full disk in ${kind}`, () => {
    let ext: ExtensionBrowser;
    let server: FixtureServer;
    let page: Page;
    let ours: Page;
    let cdp: CDPSession | null = null;
    const backgroundLog: string[] = [];
    const allNotes = async () => (await extensionApi(ours).ask<Reply<StoredNote[]>>({ type: 'notes/list-all', limit: 10_000 })).value!;

    beforeAll(async () => {
      server = await startFixtureServer();
      ext = await launchWithExtension(kind, kind === 'firefox' ? { firefoxPrefs: { 'dom.quotaManager.temporaryStorage.fixedLimit': FIREFOX_LIMIT_KB } } : {});
      ours = await ext.extensionPage();
      if (kind === 'chromium') {
        // Before anything opens the notes database (see the header).
        cdp = await ours.createCDPSession();
        const { usage } = (await cdp.send('Storage.getUsageAndQuota', { origin: ext.extensionOrigin })) as { usage: number };
        await cdp.send('Storage.overrideQuotaForOrigin', { origin: ext.extensionOrigin, quotaSize: usage + CHROMIUM_HEADROOM });
        const sw = await ext.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(ext.extensionOrigin));
        (await sw.worker())?.on('console', (m) => backgroundLog.push(m.text()));
      }
      page = await ext.browser.newPage();
      await page.goto(server.url('/demo/'), { waitUntil: 'load' });
      await waitForTabReport(ext, server.url('/demo/'), 20_000, (r) => r.isArticle === true);
    });
    afterAll(async () => {
      await cdp?.detach().catch(() => undefined);
      await ext?.close();
      await server?.close();
    });

    it('runs under a quota the browser itself enforces on the extension’s origin', async () => {
      if (cdp) {
        const q = (await cdp.send('Storage.getUsageAndQuota', { origin: ext.extensionOrigin })) as { usage: number; quota: number; overrideActive: boolean };
        expect(q.overrideActive).toBe(true);
        expect(q.quota).toBeLessThan(q.usage + 2 * CHROMIUM_HEADROOM);
      } else {
        const est = await ours.evaluate(async () => ({ ...(await navigator.storage.estimate()), persisted: await navigator.storage.persisted() }));
        expect(est.quota).toBe(FIREFOX_LIMIT_KB * 1024);
        expect(est.persisted).toBe(false);
      }
    });

    const draftText = `Check these figures against last year’s report (${kind}) — written while the disk was full`;
    let before: StoredNote[];

    it('keeps the draft and says the storage is full when IndexedDB refuses the save', async () => {
      // Something already stored: a note saved the ordinary way.
      let panel = await openEditor(page, passageOf(paragraphs[0]!));
      await panel.type('textarea#note-text', `An earlier note (${kind})`);
      await panel.click('button[type="submit"]');
      await panel.waitForSelector('section[aria-label="Notes on this page"]', { timeout: 10_000 });
      before = await allNotes();
      expect(before.map((n) => n.text)).toEqual([`An earlier note (${kind})`]);

      const fill = await fillStorage(ours);
      expect(fill.error, `${fill.written} bytes written and never refused`).not.toBeNull();
      expect(fill.error).toMatchObject({ name: 'QuotaExceededError', domException: true });

      panel = await openEditor(page, passageOf(paragraphs[1]!));
      await panel.type('textarea#note-text', draftText);
      await panel.type('input#note-tags', 'figures, #check');
      await panel.click('button[type="submit"]');
      await panel.waitForSelector('.editor [role="alert"]', { timeout: 15_000 });
      expect(await panel.$eval('.editor [role="alert"]', (e) => e.textContent)).toBe(STORAGE_FULL);
      // The draft is still there, word for word, and can be saved again.
      expect(await panel.$eval('textarea#note-text', (e) => (e as HTMLTextAreaElement).value)).toBe(draftText);
      expect(await panel.$eval('input#note-tags', (e) => (e as HTMLInputElement).value)).toBe('figures, #check');
      expect(await panel.$eval('button[type="submit"]', (e) => (e as HTMLButtonElement).disabled)).toBe(false);
      // Nothing was written, and the earlier note is as it was.
      expect(await allNotes()).toEqual(before);
      if (kind === 'chromium') expect(backgroundLog.join('\n')).toContain('QuotaExceededError');
    });

    it('saves the same draft once there is space again, exactly once, losing nothing', async () => {
      await freeStorage(ours);
      const panel = await panelFrame(page);
      await panel.click('button[type="submit"]');
      await panel.waitForSelector('section[aria-label="Notes on this page"]', { timeout: 15_000 });
      const after = await allNotes();
      expect(after).toHaveLength(before.length + 1);
      expect(after).toEqual(expect.arrayContaining(before));
      const saved = after.filter((n) => n.text === draftText);
      expect(saved).toHaveLength(1);
      expect(saved[0]).toMatchObject({ tags: ['figures', 'check'], anchor: { exact: passageOf(paragraphs[1]!) } });
      await page.waitForFunction(
        (t) => [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('newsmark-note') ?? [])].some((r) => r.toString() === t),
        { timeout: 10_000, polling: 100 },
        passageOf(paragraphs[1]!),
      );
    });
  });
}
