/**
 * Note records: creation, listing and editing over the Dexie database. The page a note belongs to is always
 * given by the caller from the browser's own view of the tab.
 */
import type { NewsmarkDb, Note } from '../storage/db';
import type { NoteDraft } from '../messages';
import browser from 'webextension-polyfill';
import { siteOf } from '../core/url';
import { tabsShowing } from './tabs';
import { STORAGE_FULL, isQuotaError } from '../storage/errors';

export interface PageIdentity {
  pageUrl: string;
  canonicalUrl: string | null;
  pageTitle: string;
}

export { STORAGE_FULL, isQuotaError };

/**
 * Runs a write; a full disk becomes a plain-words error instead of a stack trace. The connection that met the
 * full disk is dropped (Dexie opens a fresh one for the next write): Firefox refuses every later write on it
 * ("A mutation operation was attempted on a database that did not allow mutations"), even once there is room.
 */
async function writing<T>(db: NewsmarkDb, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!isQuotaError(err)) throw err;
    // What the browser said stays in the background's log; the reader gets plain words.
    const e = err as { name?: string; message?: string; inner?: { name?: string; message?: string } };
    console.warn('[newsmark] the browser refused to store more:', e.inner?.name ?? e.name, e.inner?.message ?? e.message);
    db.close({ disableAutoOpen: false });
    throw new Error(STORAGE_FULL);
  }
}

export async function createNote(db: NewsmarkDb, page: PageIdentity, draft: NoteDraft, now = Date.now()): Promise<Note> {
  const note: Note = {
    id: crypto.randomUUID(),
    pageUrl: page.pageUrl,
    canonicalUrl: page.canonicalUrl,
    pageTitle: page.pageTitle,
    site: siteOf(page.pageUrl),
    createdAt: now,
    updatedAt: now,
    text: draft.text,
    tags: [...new Set(draft.tags)],
    speaker: draft.speaker,
    anchor: draft.anchor,
  };
  await writing(db, () => db.notes.add(note));
  return note;
}

export function pageNotes(db: NewsmarkDb, pageUrl: string): Promise<Note[]> {
  return db.notes.where('pageUrl').equals(pageUrl).sortBy('createdAt');
}

/** How many notes are filed under a page (an indexed count: the notes themselves are not read). */
export function countPageNotes(db: NewsmarkDb, pageUrl: string): Promise<number> {
  return db.notes.where('pageUrl').equals(pageUrl).count();
}

export function recentNotes(db: NewsmarkDb, limit = 500): Promise<Note[]> {
  return db.notes.orderBy('updatedAt').reverse().limit(limit).toArray();
}

export async function updateNote(db: NewsmarkDb, id: string, patch: { text?: string; tags?: string[] }, now = Date.now()): Promise<Note> {
  return writing(db, () =>
    db.transaction('rw', db.notes, async () => {
      const note = await db.notes.get(id);
      if (!note) throw new Error('That note no longer exists.');
      const next: Note = {
        ...note,
        text: patch.text ?? note.text,
        tags: patch.tags ? [...new Set(patch.tags)] : note.tags,
        updatedAt: now,
      };
      await db.notes.put(next);
      return next;
    }),
  );
}

export async function deleteNote(db: NewsmarkDb, id: string): Promise<void> {
  await db.notes.delete(id);
}

/** Puts back a note exactly as it was (Undo after delete); its id makes this safe to repeat. */
export async function restoreNote(db: NewsmarkDb, note: Note): Promise<Note> {
  await writing(db, () => db.notes.put(note));
  return note;
}

const pendingKey = (tabId: number) => `focus:${tabId}`;

/**
 * Brings a note's page to the front and scrolls to the note: the tab already showing it (as its content script
 * reported), else a new tab, which gets the request once its content script has reported.
 */
export async function openNote(db: NewsmarkDb, id: string): Promise<{ tabId: number; opened: boolean }> {
  const note = await db.notes.get(id);
  if (!note) throw new Error('That note no longer exists.');
  const [tabId] = await tabsShowing(note.pageUrl);
  if (tabId !== undefined) {
    const tab = await browser.tabs.update(tabId, { active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
    await browser.tabs.sendMessage(tabId, { type: 'note/focus', id }, { frameId: 0 }).catch(() => undefined);
    return { tabId, opened: false };
  }
  const tab = await browser.tabs.create({ url: note.pageUrl, active: true });
  if (tab.id === undefined) throw new Error('The browser did not open the page.');
  await browser.storage.session.set({ [pendingKey(tab.id)]: id });
  return { tabId: tab.id, opened: true };
}

/** Called when a tab's content script reports: a note waiting to be shown there is shown now. */
export async function deliverPendingFocus(tabId: number): Promise<void> {
  const key = pendingKey(tabId);
  const id = (await browser.storage.session.get(key))[key];
  if (typeof id !== 'string') return;
  await browser.storage.session.remove(key);
  await browser.tabs.sendMessage(tabId, { type: 'note/focus', id }, { frameId: 0 }).catch(() => undefined);
}
