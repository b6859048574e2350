/**
 * Newsmark's database: Dexie over IndexedDB in the extension's own origin. Only the background (and extension
 * pages) open it; content scripts ask the background, so a page can never read or erase a note.
 */
import Dexie, { type DBCore, type EntityTable } from 'dexie';
import type { Anchor } from '../messages';
import { withSearchKeys } from './search-text';

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

/** What is kept on disk: the note plus its search keys (derived, never exported; see storage/search-text.ts). */
/** `heads` is only on notes last written under schema v3 (see v4 below); nothing reads it. */
export type StoredNote = Note & { words?: string[]; heads?: string[] };

export const DB_NAME = 'newsmark';

export class NewsmarkDb extends Dexie {
  notes!: EntityTable<Note, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    // v1 indexes answer what the popup asks: a page's notes, recent notes, by tag (multi-entry), by speaker, by site.
    this.version(1).stores({
      notes: 'id, pageUrl, createdAt, updatedAt, *tags, speaker, site',
    });
    // v2 (a FlexSearch index kept in its own database): v1 unchanged, plus a change log and the index's bookkeeping.
    this.version(2).stores({
      notes: 'id, pageUrl, createdAt, updatedAt, *tags, speaker, site',
      noteChanges: '++seq',
      searchState: 'key',
    });
    // v3 (search from Dexie itself): every note carries its folded, distinct search words under a multi-entry
    // index, so a typed word is one index range (popup/search.ts). The v2 log and bookkeeping go, and so does
    // FlexSearch's database. (v3 also kept the words' one- and two-letter beginnings under `*heads`; v4 drops them.)
    this.version(3)
      .stores({
        notes: 'id, pageUrl, createdAt, updatedAt, *tags, speaker, site, *words, *heads',
        noteChanges: null,
        searchState: null,
      })
      .upgrade(async (tx) => {
        await tx.table('notes').toCollection().modify((note: StoredNote) => {
          note.words = withSearchKeys(note).words;
        });
        // The old index lived in its own database; nothing reads it any more.
        if (typeof indexedDB !== 'undefined') indexedDB.deleteDatabase(`flexsearch:${name}-search`);
      });
    // v4: no `*heads`. They were 46 % of the index entries a note writes (measured: they doubled the cost of every
    // write at 100,000 notes), and the queries they served — one or two letters, which begin words in nearly every
    // note — are answered faster by walking the list order (popup/search.ts). Old notes keep the unused field on
    // disk until next written; it is never read, and stripped from everything shown or exported.
    this.version(4).stores({
      notes: 'id, pageUrl, createdAt, updatedAt, *tags, speaker, site, *words',
    });
    this.use(notesWrites(this));
  }

  /** Called after each write to the notes made through this connection (see storage/recent.ts). */
  onNotesWritten?: () => void;
}

/**
 * Every note written to `notes` — add, put, update, modify, bulk import, restore, by any context — gets its
 * `words` computed here, from the note as it will be stored: one place, so the index can't drift from the text.
 * Every write of any kind (deletes too) is then told to `onNotesWritten`.
 */
function notesWrites(db: NewsmarkDb) {
  return {
    stack: 'dbcore' as const,
    name: 'newsmark-notes-writes',
    create(down: DBCore): DBCore {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          if (name !== 'notes') return table;
          return {
            ...table,
            mutate(req) {
              const keyed = req.type === 'add' || req.type === 'put' ? { ...req, values: req.values.map((v: StoredNote) => withSearchKeys(v)) } : req;
              // Chained on Dexie's own promise (not an async function), so it stays inside the transaction's zone.
              return table.mutate(keyed).then((res) => {
                db.onNotesWritten?.();
                return res;
              });
            },
          };
        },
      };
    },
  };
}

let shared: NewsmarkDb | null = null;
export function database(): NewsmarkDb {
  shared ??= new NewsmarkDb();
  return shared;
}
