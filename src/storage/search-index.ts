/**
 * The popup's search, answered by Dexie's own multi-entry index over each note's search words (`*words`,
 * storage/db.ts) — no separate full-text library and nothing to build: the index is written with the note, in
 * the same transaction, by whoever writes it, so it persists and stays right after edits, deletes and imports.
 *
 * Why not FlexSearch any more (measured with `npm run bench:popup`): its IndexedDB store rewrites every term list
 * on each commit, so a first build at 100,000 notes never finished in the browser (> 13 minutes).
 *
 * A query word matches a note when it begins one of the note's words (search-text.ts), so one query word is one
 * index lookup, keys only: `where('words').startsWith(word)`, or for a word of one or two letters (which begins
 * words in nearly every note) `where('heads').equals(word)`. The longest word goes first (fewest keys); once the
 * candidates are few they are read and checked with the plain scan's own test, otherwise each further word's
 * range narrows them.
 */
import type { NewsmarkDb } from './db';
import { HEAD_LENGTH, haystackMatches, queryTerms, scanHaystack } from './search-text';

/** Below this many candidates, reading them and testing the rest of the query beats another index range. */
const CHECK_BELOW = 2_000;

export class NoteSearchIndex {
  constructor(private readonly db: NewsmarkDb) {}

  /** Always: the index is part of the notes table. Kept so callers written for a built index still work. */
  get ready(): boolean {
    return true;
  }

  /** Nothing to catch up with: every write updates the index itself. */
  async sync(): Promise<void> {}

  /** The notes with a word beginning with `term`. */
  private async keysWithPrefix(term: string): Promise<Set<string>> {
    // A short word is a whole key of `heads` (each note once); a longer one a range of `words`, where a note with
    // two words beginning with `term` appears twice: the set keeps one.
    const keys = term.length <= HEAD_LENGTH ? this.db.notes.where('heads').equals(term) : this.db.notes.where('words').startsWith(term);
    return new Set((await keys.primaryKeys()) as string[]);
  }

  /**
   * Ids of the notes matching `query` (every query word begins a word of the note), in no particular order;
   * null when the query has no words (no search: everything matches).
   */
  async search(query: string): Promise<Set<string> | null> {
    const terms = queryTerms(query);
    if (terms.length === 0) return null;
    // A word that begins another query word adds nothing ("kal kalos" asks only for "kalos").
    const needed = terms.filter((t) => !terms.some((u) => u !== t && u.startsWith(t)));
    let ids = await this.keysWithPrefix(needed[0]!);
    for (let i = 1; i < needed.length; i++) {
      if (ids.size < CHECK_BELOW) {
        const notes = await this.db.notes.bulkGet([...ids]);
        return new Set(notes.filter((n) => n && haystackMatches(scanHaystack(n), terms)).map((n) => n!.id));
      }
      const more = await this.keysWithPrefix(needed[i]!);
      ids = new Set([...ids].filter((id) => more.has(id)));
    }
    return ids;
  }

  close(): void {}
}
