/**
 * Newsmark's database: Dexie over IndexedDB in the extension's own origin. Only the background (and extension
 * pages) open it; content scripts ask the background, so a page can never read or erase a note.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Anchor } from '../messages';

export interface Note {
  /** A stable UUID, so export → import is idempotent. */
  id: string;
  /** The page's normalised URL (from the browser's view of the tab, never from the page's claims). */
  pageUrl: string;
  /** The page's canonical URL when it is on the same site, else null. */
  canonicalUrl: string | null;
  pageTitle: string;
  /** The page's host name, for grouping and filtering. */
  site: string;
  createdAt: number;
  updatedAt: number;
  text: string;
  tags: string[];
  /** Who said the quoted text, when the note is on an attributed quote. */
  speaker: string | null;
  /** Where the note sits in the article text; null for a note on the page as a whole. */
  anchor: Anchor | null;
}

export const DB_NAME = 'newsmark';

export class NewsmarkDb extends Dexie {
  notes!: EntityTable<Note, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    // v1 indexes answer what the popup asks: a page's notes, recent notes, by tag (multi-entry), by speaker, by site.
    this.version(1).stores({
      notes: 'id, pageUrl, createdAt, updatedAt, *tags, speaker, site',
    });
  }
}

let shared: NewsmarkDb | null = null;
export function database(): NewsmarkDb {
  shared ??= new NewsmarkDb();
  return shared;
}
