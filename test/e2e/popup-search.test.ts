/**
 * The popup's search over enough notes that both of its ways of answering run in the real browsers
 * (src/popup/search.ts): a broad word ("k" begins a word in most notes) is answered by walking the list order, a
 * rare one from the *words index. Each must list exactly what a plain scan finds, newest first, with the count
 * shown; the first rows on screen are the scan's first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchWithExtension, type ExtensionBrowser } from '../support/browsers';
import { BROWSERS, requireBrowser } from '../support/e2e';
import { generateNotes } from '../unit/storage/sample-notes';
import { haystackMatches, queryTerms, scanHaystack, words } from '../../src/storage/search-text';
import type { Note } from '../../src/storage/db';

const notes = generateNotes({ count: 2_500, seed: 31 });
/** Newest first, as the list shows them: by createdAt, then id, both descending. */
const newestFirst = [...notes].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
const scan = (q: string) => newestFirst.filter((n) => haystackMatches(scanHaystack(n), queryTerms(q))).map((n) => n.id);
/** A word found in a handful of notes: the longest word of one note's text. */
const rare = words(notes[99]!.text).sort((a, b) => b.length - a.length)[0]!;

type Bench = { newsmarkBench: { db: { notes: { bulkAdd(n: Note[]): Promise<unknown>; count(): Promise<number> } }; findNotes(db: unknown, q: string, f: object, s: string): AsyncGenerator<{ how: string }> }; newsmarkListing(): string[] };

/** In an extension page: the ids in the copy of the newest notes (storage.session), or null when there is none. */
async function readCopyIds(): Promise<string[] | null> {
  const g = globalThis as unknown as { browser?: SessionApi; chrome: SessionApi };
  const copy = (await (g.browser ?? g.chrome).storage.session.get('recentNotes')).recentNotes as { notes: { id: string }[] } | undefined;
  return copy ? copy.notes.map((n) => n.id) : null;
}
type SessionApi = { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } };

/** The copy's ids once `ok` holds for them (the background writes it a moment after a write). */
async function waitForCopy(page: Page, ok: (ids: string[] | null) => boolean): Promise<string[] | null> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ids = await page.evaluate(readCopyIds);
    if (ok(ids) || Date.now() > deadline) return ids;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Types a query and waits for its complete list; returns what the popup shows. */
async function search(popup: Page, q: string) {
  await popup.evaluate((q) => {
    const input = document.querySelector<HTMLInputElement>('input[name="q"]')!;
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, q);
  await popup.waitForFunction((q) => document.querySelector('section.all-notes[data-complete="true"]')?.getAttribute('data-results-for')?.startsWith(`${q}\u0000`), { timeout: 30_000, polling: 50 }, q);
  return popup.evaluate(async (q) => {
    const g = globalThis as unknown as Bench;
    const first = (await g.newsmarkBench.findNotes(g.newsmarkBench.db, q, { site: '', tag: '', speaker: '', from: '', to: '' }, 'newest').next()).value as { how: string };
    return {
      how: first.how,
      listed: g.newsmarkListing(),
      count: document.querySelector('.all-notes .count')?.textContent ?? '',
      rows: [...document.querySelectorAll('.vlist .row[data-note-id]')].map((r) => r.getAttribute('data-note-id')!),
    };
  }, q);
}

for (const kind of BROWSERS) {
  describe.skipIf(!requireBrowser(kind))(`popup search over ${notes.length.toLocaleString()} notes in ${kind}`, () => {
    let ext: ExtensionBrowser;
    let popup: Page;
    let copyAtInstall: string[] | null = null;

    beforeAll(async () => {
      ext = await launchWithExtension(kind);
      // The background copies the newest notes when Newsmark is installed: the copy is there, empty, before any
      // write and before any popup (which would write it too). Read from the options page, which writes nothing.
      copyAtInstall = await waitForCopy(await ext.extensionPage(), (ids) => ids !== null);
      const seeder = await ext.openExtensionPage('src/popup/index.html?bench&seed');
      await seeder.waitForFunction(() => 'newsmarkBench' in globalThis);
      // Counted after the write, in a transaction that waits for it to commit, before the page closes.
      const stored = await seeder.evaluate(async (batch) => {
        const { db } = (globalThis as unknown as Bench).newsmarkBench;
        await db.notes.bulkAdd(batch);
        return db.notes.count();
      }, notes);
      expect(stored).toBe(notes.length);
      await seeder.close();
      popup = await ext.openExtensionPage('src/popup/index.html?bench');
      await popup.waitForSelector('section.all-notes[data-results-for]', { timeout: 30_000 });
    }, 120_000);

    it('keeps the copy of the newest notes from install on, and after a bulk write', async () => {
      expect(copyAtInstall).toEqual([]);
      const ids = await waitForCopy(popup, (got) => got?.length === 40);
      expect(ids).toEqual(newestFirst.slice(0, 40).map((n) => n.id));
    });

    afterAll(async () => {
      await ext?.close();
    });

    it.each([
      ['a broad word', 'k', 'walk'],
      ['two broad words', 'ka t', 'walk'],
      ['a rare word', rare, 'index'],
    ])('%s ("%s") lists what a scan finds, newest first, by %s', async (_what, q, how) => {
      const expected = scan(q);
      expect(expected.length).toBeGreaterThan(0);
      const shown = await search(popup, q);
      expect(shown.how).toBe(how);
      expect(shown.listed).toEqual(expected);
      expect(shown.count).toBe(`${expected.length.toLocaleString('en-US')} ${expected.length === 1 ? 'note' : 'notes'}`);
      expect(shown.rows.length).toBeGreaterThan(0);
      expect(shown.rows).toEqual(expected.slice(0, shown.rows.length));
    });
  });
}
