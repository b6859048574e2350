/**
 * The full-text index behind the popup's search: FlexSearch, kept in its own IndexedDB database so it is built
 * once and then only brought up to date — never rebuilt when the popup opens.
 *
 * Why FlexSearch (measured, see scripts/bench-popup.ts and the issue notes): with prefix search over 100,000
 * notes MiniSearch took a median 239 ms per keystroke in Node — slower than a plain scan — while FlexSearch's
 * "forward" tokenizer answers a prefix with one lookup (median well under a millisecond, p95 15 ms) and its
 * IndexedDB adapter reads only the terms a query names, so opening the popup loads nothing.
 *
 * Staying right: every write to `notes`, from any context, appends the note's id to `noteChanges` in the same
 * transaction (storage/db.ts). `sync()` replays those ids and then drops them. A first build walks the notes by
 * id in batches and saves its place, so a popup closed half-way loses nothing.
 *
 * Removing a note from FlexSearch's IndexedDB store means rewriting every term's list (seconds at 100,000 notes),
 * so a changed note is indexed again with its new text and remembered as "changed since the build"; a search
 * re-checks those few notes against their current text (the same test as search-text.ts), dropping deleted ones
 * and words they no longer contain. When that list grows past REBUILD_AFTER the index is built afresh.
 */
import { Index } from 'flexsearch';
import IndexedDBStore from 'flexsearch/db/indexeddb';
import type { NewsmarkDb, Note, SearchState } from './db';
import { haystackMatches, queryTerms, scanHaystack, searchableText, words } from './search-text';

/** Bump when the tokenizer or searchable fields change: the index is then rebuilt once. */
export const INDEX_VERSION = 1;
const STATE_KEY = 'index';
const BATCH = 2_000;
/**
 * Notes per commit in a first build. Measured in Chromium at 10,000 notes: 2,000 per commit built in 24 s,
 * 10,000 in one commit took 35–115 s and froze the page meanwhile (one huge IndexedDB transaction).
 */
const BUILD_BATCH = 2_000;
/** Notes tokenized between yields to the event loop, so the popup stays responsive while it builds. */
const YIELD_EVERY = 250;
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** How many notes may change after a build before the index is rebuilt (keeps searches' re-checks cheap). */
const REBUILD_AFTER = 20_000;
/** A change log longer than this (a large import, a benchmark's seeding) is cheaper to absorb by rebuilding. */
const REBUILD_LOG = 5_000;

type FlexIndex = {
  /** Adds words under an id without first removing its old ones (a removal rewrites the whole store). */
  append(id: string, text: string): unknown;
  commit(): Promise<void>;
  clear(): Promise<void> | unknown;
  search(query: string, options: { limit: number }): Promise<string[]>;
  contain(id: string): Promise<boolean>;
  mount(store: unknown): Promise<void>;
};

export interface SyncProgress {
  indexed: number;
  building: boolean;
}

export class NoteSearchIndex {
  private index: FlexIndex | null = null;
  private store: { close(): void; destroy(): Promise<void> } | null = null;
  private syncing: Promise<void> | null = null;
  private upToDate = false;
  /** Notes changed since the build: their index entries may hold words they no longer have. */
  private changed = new Set<string>();

  constructor(
    private readonly db: NewsmarkDb,
    private readonly storeName = `${db.name}-search`,
  ) {}

  private async open(): Promise<FlexIndex> {
    if (this.index) return this.index;
    // commit: false — we commit per batch; FlexSearch's own auto-commit would fire at every yield and merge each time.
    const index = new Index({ tokenize: 'forward', encode: words, resolution: 1, cache: false, commit: false } as never) as unknown as FlexIndex;
    const store = new (IndexedDBStore as unknown as new (name: string) => { close(): void; destroy(): Promise<void> })(this.storeName);
    await index.mount(store);
    this.index = index;
    this.store = store;
    return index;
  }

  /** True once the index reflects every note written before the last `sync()` began. */
  get ready(): boolean {
    return this.upToDate;
  }

  /** Brings the index up to date (first build, then the change log). Concurrent calls share one run. */
  sync(onProgress?: (p: SyncProgress) => void): Promise<void> {
    this.syncing ??= this.run(onProgress).finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  private async run(onProgress?: (p: SyncProgress) => void): Promise<void> {
    const index = await this.open();
    for (;;) {
      let state = await this.db.searchState.get(STATE_KEY);
      if (!state || state.version !== INDEX_VERSION) {
        await index.clear();
        // Changes logged before the build starts are covered by the build itself.
        const last = await this.db.noteChanges.orderBy('seq').last();
        await this.db.noteChanges.where('seq').belowOrEqual(last?.seq ?? 0).delete();
        state = { key: STATE_KEY, version: INDEX_VERSION, complete: false, cursor: null, changed: [] };
        await this.db.searchState.put(state);
      }
      if (!state.complete) await this.build(index, state, onProgress);
      if ((await this.db.noteChanges.count()) > REBUILD_LOG) {
        await this.db.searchState.delete(STATE_KEY);
        continue;
      }
      this.changed = new Set(state.changed ?? []);
      const reset = await this.replay(index);
      // Someone cleared the notes table, or so much changed that re-checks would cost more than a rebuild.
      if (!reset && this.changed.size <= REBUILD_AFTER) break;
      await this.db.searchState.delete(STATE_KEY);
    }
    this.upToDate = true;
  }

  private async build(index: FlexIndex, state: SearchState, onProgress?: (p: SyncProgress) => void): Promise<void> {
    let cursor = state.cursor;
    let indexed = 0;
    for (;;) {
      const batch: Note[] = cursor === null
        ? await this.db.notes.orderBy(':id').limit(BUILD_BATCH).toArray()
        : await this.db.notes.where(':id').above(cursor).limit(BUILD_BATCH).toArray();
      for (let i = 0; i < batch.length; i++) {
        index.append(batch[i]!.id, searchableText(batch[i]!));
        if (i % YIELD_EVERY === YIELD_EVERY - 1) await breathe();
      }
      await index.commit();
      indexed += batch.length;
      if (batch.length > 0) cursor = batch[batch.length - 1]!.id;
      const complete = batch.length < BUILD_BATCH;
      await this.db.searchState.put({ ...state, cursor, complete });
      onProgress?.({ indexed, building: !complete });
      if (complete) return;
    }
  }

  /** Applies logged changes; true when the log says the whole table was cleared. */
  private async replay(index: FlexIndex): Promise<boolean> {
    for (;;) {
      const rows = await this.db.noteChanges.orderBy('seq').limit(BATCH).toArray();
      if (rows.length === 0) return false;
      if (rows.some((r) => r.id === null)) {
        await this.db.noteChanges.clear();
        return true;
      }
      const ids = [...new Set(rows.map((r) => r.id as string))];
      const [notes, known] = await Promise.all([this.db.notes.bulkGet(ids), Promise.all(ids.map((id) => index.contain(id)))]);
      ids.forEach((id, i) => {
        const note = notes[i];
        if (known[i]) this.changed.add(id);
        if (note) index.append(id, searchableText(note));
      });
      await index.commit();
      await this.db.transaction('rw', this.db.noteChanges, this.db.searchState, async () => {
        await this.db.noteChanges.where('seq').belowOrEqual(rows[rows.length - 1]!.seq!).delete();
        await this.db.searchState.update(STATE_KEY, { changed: [...this.changed] });
      });
    }
  }

  /**
   * Ids of the notes matching `query` (every query word begins a word of the note), in no particular order;
   * null when the query has no words (no search: everything matches).
   */
  async search(query: string): Promise<Set<string> | null> {
    const terms = queryTerms(query);
    if (terms.length === 0) return null;
    const index = await this.open();
    const ids = new Set(await index.search(terms.join(' '), { limit: 10_000_000 }));
    const recheck = [...this.changed].filter((id) => ids.has(id));
    if (recheck.length) {
      const notes = await this.db.notes.bulkGet(recheck);
      recheck.forEach((id, i) => {
        const note = notes[i];
        if (!note || !haystackMatches(scanHaystack(note), terms)) ids.delete(id);
      });
    }
    return ids;
  }

  close(): void {
    this.store?.close();
    this.store = null;
    this.index = null;
  }
}
