/**
 * Note records: creation, listing and editing over the Dexie database. The page a note belongs to is always
 * given by the caller from the browser's own view of the tab.
 */
import type { NewsmarkDb, Note } from '../storage/db';
import type { NoteDraft } from '../messages';
import { siteOf } from '../core/url';

export interface PageIdentity {
  pageUrl: string;
  canonicalUrl: string | null;
  pageTitle: string;
}

/** The words a reader sees when the browser refuses to store more. */
export const STORAGE_FULL = 'Couldn’t save — your browser’s storage is full. Export or delete some notes, then try again.';

function isQuotaError(err: unknown): boolean {
  const name = (err as { name?: string; inner?: { name?: string } } | null)?.name;
  const inner = (err as { inner?: { name?: string } } | null)?.inner?.name;
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError';
}

/** Runs a write; a full disk becomes a plain-words error instead of a stack trace. */
async function writing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isQuotaError(err)) throw new Error(STORAGE_FULL);
    throw err;
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
  await writing(() => db.notes.add(note));
  return note;
}

export function pageNotes(db: NewsmarkDb, pageUrl: string): Promise<Note[]> {
  return db.notes.where('pageUrl').equals(pageUrl).sortBy('createdAt');
}

export function recentNotes(db: NewsmarkDb, limit = 500): Promise<Note[]> {
  return db.notes.orderBy('updatedAt').reverse().limit(limit).toArray();
}

export async function updateNote(db: NewsmarkDb, id: string, patch: { text?: string; tags?: string[] }, now = Date.now()): Promise<Note> {
  return writing(() =>
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
