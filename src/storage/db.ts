/**
 * Newsmark's database: Dexie over IndexedDB in the extension's own origin. Only the background (and extension
 * pages) open it; content scripts ask the background, so a page can never read or erase a note.
 */
import Dexie, { type DBCore, type DBCoreMutateRequest, type EntityTable } from 'dexie';
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

/**
 * One line per written note, in write order: which note changed (null: "everything may have changed", after a
 * clear). The search index (storage/search-index.ts) replays these and then drops them, so it stays right after
 * edits, deletes and imports made by any context without being rebuilt on every popup open.
 */
export interface NoteChange {
  seq?: number;
  id: string | null;
}

/** The search index's own bookkeeping (how far a first build got). */
export interface SearchState {
  key: string;
  version: number;
  complete: boolean;
  /** During a first build: the last note id indexed, so a closed popup's work isn't lost. */
  cursor: string | null;
  /** Ids changed since the build (their index entries are re-checked at search time). */
  changed?: string[];
}

export const DB_NAME = 'newsmark';

export class NewsmarkDb extends Dexie {
  notes!: EntityTable<Note, 'id'>;
  noteChanges!: EntityTable<NoteChange, 'seq'>;
  searchState!: EntityTable<SearchState, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    // v1 indexes answer what the popup asks: a page's notes, recent notes, by tag (multi-entry), by speaker, by site.
    this.version(1).stores({
      notes: 'id, pageUrl, createdAt, updatedAt, *tags, speaker, site',
    });
    // v2 (the popup's search): v1 unchanged, plus the change log and the index's bookkeeping.
    this.version(2).stores({
      notes: 'id, pageUrl, createdAt, updatedAt, *tags, speaker, site',
      noteChanges: '++seq',
      searchState: 'key',
    });
    this.use(changeLog);
  }
}

/** The ids a write to `notes` touches; null when it can't say (a range delete: treat as "everything"). */
function touchedIds(req: DBCoreMutateRequest): (string | null)[] {
  if (req.type === 'deleteRange') return [null];
  if (req.type === 'delete') return req.keys;
  const keys = req.keys ?? req.values.map((v: { id?: string }) => v?.id ?? null);
  const updates = (req as { updates?: { keys?: string[] } }).updates?.keys ?? [];
  return [...keys, ...updates];
}

/**
 * Every write to `notes` also appends to `noteChanges` in the same transaction, whoever writes (background,
 * popup, options import): the log can't miss a change or record one that was rolled back.
 */
const changeLog = {
  stack: 'dbcore' as const,
  name: 'newsmark-change-log',
  create(down: DBCore): DBCore {
    const hasLog = () => down.schema.tables.some((t) => t.name === 'noteChanges');
    return {
      ...down,
      transaction(stores, mode, options) {
        const widened = mode === 'readwrite' && stores.includes('notes') && !stores.includes('noteChanges') && hasLog() ? [...stores, 'noteChanges'] : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== 'notes') return table;
        return {
          ...table,
          async mutate(req) {
            const result = await table.mutate(req);
            if (hasLog()) {
              const ids = [...new Set(touchedIds(req))];
              await down.table('noteChanges').mutate({ type: 'add', trans: req.trans, values: ids.map((id) => ({ id })) });
            }
            return result;
          },
        };
      },
    };
  },
};

let shared: NewsmarkDb | null = null;
export function database(): NewsmarkDb {
  shared ??= new NewsmarkDb();
  return shared;
}
