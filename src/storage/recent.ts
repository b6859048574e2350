/**
 * The newest notes, copied beside the database after every write, so the popup can show its first rows without
 * waiting for IndexedDB to open.
 *
 * Why: opening the notes database costs in proportion to what it holds — in Chromium, 60 ms at ten notes and
 * 0.3–0.9 s at 100,000 (docs/popup-scale.md), before the first note can be read; a second, tiny IndexedDB
 * database costs the same (one store per origin) — while a key in the extension's own storage area (a separate
 * store) reads in a few milliseconds at any size.
 * The popup shows this copy first, then the database's own newest notes when it has opened, repairing the copy
 * if a write was missed (e.g. the context that wrote was stopped before it could update it).
 */
import * as v from 'valibot';
import type { NewsmarkDb, Note } from './db';
import { NoteSchema } from './import';
import { withoutSearchKeys } from './search-text';

/** As many as the popup's first screen can show, and then some. */
export const RECENT_COUNT = 40;
export const RECENT_KEY = 'recentNotes';

/** The part of a `browser.storage` area this needs (so tests can hand it a Map). */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** The newest notes, straight off the createdAt index: what the popup lists first. */
export async function newestNotes(db: NewsmarkDb, limit = RECENT_COUNT): Promise<Note[]> {
  return (await db.notes.orderBy('createdAt').reverse().limit(limit).toArray()).map(withoutSearchKeys);
}

const RecentSchema = v.object({ notes: v.pipe(v.array(NoteSchema), v.maxLength(RECENT_COUNT)) });

/** The copy, or null when there is none or it isn't what we wrote (nothing is shown from it then). */
export async function readRecent(area: KeyValueArea): Promise<Note[] | null> {
  const parsed = v.safeParse(RecentSchema, (await area.get(RECENT_KEY))[RECENT_KEY]);
  return parsed.success ? (parsed.output.notes as Note[]) : null;
}

/** Copies the database's newest notes beside it. */
export async function writeRecent(db: NewsmarkDb, area: KeyValueArea): Promise<Note[]> {
  const notes = await newestNotes(db);
  await area.set({ [RECENT_KEY]: { notes } });
  return notes;
}

/** Whether two lists hold the same notes in the same versions (what the popup compares the copy with). */
export function sameNotes(a: readonly Note[], b: readonly Note[]): boolean {
  return a.length === b.length && a.every((n, i) => n.id === b[i]!.id && n.updatedAt === b[i]!.updatedAt);
}

/**
 * Keeps the copy up to date with every write this context makes to the notes (add, edit, delete, import, clear),
 * a moment after the last of a burst. A failure to write the copy (a full disk) loses nothing: the popup reads the
 * database anyway and repairs the copy.
 */
export function keepRecent(db: NewsmarkDb, area: KeyValueArea, delayMs = 100): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  db.onNotesWritten = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void writeRecent(db, area).catch(() => undefined), delayMs);
  };
}
