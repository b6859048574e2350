import './idb-globals';
import { afterEach, describe, expect, it } from 'vitest';
import { NewsmarkDb, type Note } from '../../../src/storage/db';
import { NoteSearchIndex } from '../../../src/storage/search-index';
import { haystackMatches, queryTerms, scanHaystack } from '../../../src/storage/search-text';
import { generateNotes } from './sample-notes';

let n = 0;
const dbs: NewsmarkDb[] = [];
function freshDb(): NewsmarkDb {
  const db = new NewsmarkDb(`search-test-${++n}`);
  dbs.push(db);
  return db;
}
afterEach(() => dbs.splice(0).forEach((db) => db.close()));

function scan(notes: Note[], query: string): string[] {
  const terms = queryTerms(query);
  return notes.filter((x) => haystackMatches(scanHaystack(x), terms)).map((x) => x.id).sort();
}

async function found(index: NoteSearchIndex, query: string): Promise<string[]> {
  return [...((await index.search(query)) ?? [])].sort();
}

describe('NoteSearchIndex', () => {
  it('finds what a plain scan finds, for prefixes as they are typed', async () => {
    const db = freshDb();
    const notes = generateNotes({ count: 300, seed: 7 });
    await db.notes.bulkAdd(notes);
    const index = new NoteSearchIndex(db);
    await index.sync();
    const sample = notes[17]!;
    const phrase = `${sample.pageTitle.split(' ')[0]} ${sample.text.split(' ')[1] ?? ''}`;
    for (let i = 1; i <= phrase.length; i++) {
      const q = phrase.slice(0, i);
      expect(await found(index, q), q).toEqual(scan(notes, q));
    }
    expect(await index.search('  ')).toBeNull();
  });

  it('stays right after edits, deletes, restores and imports, and persists across opens', async () => {
    const db = freshDb();
    const notes = generateNotes({ count: 50, seed: 3 });
    await db.notes.bulkAdd(notes);
    const first = new NoteSearchIndex(db);
    await first.sync();
    const a = notes[0]!;
    const b = notes[1]!;
    await db.notes.update(a.id, { text: 'zebrafish quarantine' });
    await db.notes.delete(b.id);
    const added: Note = { ...notes[2]!, id: '6f1d7a34-8a47-4b1e-9c0b-0d6c1e4b2f11', text: 'xylophone' };
    await db.notes.add(added);
    first.close();
    // A new popup: opens the same persisted index and replays only the change log.
    const second = new NoteSearchIndex(db);
    expect(await db.noteChanges.count()).toBe(3);
    await second.sync();
    expect(await db.noteChanges.count()).toBe(0);
    expect(await found(second, 'zebraf quar')).toEqual([a.id]);
    expect(await found(second, 'xyloph')).toEqual([added.id]);
    const bWord = scan([b], b.pageTitle.split(' ')[0]!).length ? b.pageTitle.split(' ')[0]! : '';
    if (bWord) expect(await found(second, bWord)).not.toContain(b.id);
    // The old text of `a` no longer finds it.
    const live = await db.notes.toArray();
    const oldWord = a.text.split(' ')[0] ?? '';
    if (oldWord) expect(await found(second, oldWord)).toEqual(scan(live, oldWord));
    await db.notes.put(b); // undo of the delete
    await second.sync();
    if (bWord) expect(await found(second, bWord)).toContain(b.id);
  });

  it('starts over when the notes table is cleared', async () => {
    const db = freshDb();
    await db.notes.bulkAdd(generateNotes({ count: 20, seed: 9 }));
    const index = new NoteSearchIndex(db);
    await index.sync();
    await db.notes.clear();
    const fresh = generateNotes({ count: 5, seed: 11 });
    await db.notes.bulkAdd(fresh);
    await index.sync();
    const q = fresh[0]!.pageTitle.split(' ')[0]!;
    expect(await found(index, q)).toEqual(scan(fresh, q));
    const gone = generateNotes({ count: 20, seed: 9 })[0]!.pageTitle.split(' ')[0]!;
    expect(await found(index, gone)).toEqual(scan(fresh, gone));
  });
});
