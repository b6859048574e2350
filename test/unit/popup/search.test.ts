import './idb-globals';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { NewsmarkDb, type Note, type StoredNote } from '../../../src/storage/db';
import { importNotes } from '../../../src/storage/import';
import { NoteSearchIndex } from '../../../src/storage/search-index';
import { haystackMatches, noteWords, queryTerms, scanHaystack, withoutSearchKeys, wordHeads, words } from '../../../src/storage/search-text';
import { generateNotes } from './sample-notes';

let n = 0;
const dbs: Dexie[] = [];
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

/** Every keystroke of a phrase, as typed. */
const typed = (phrase: string) => Array.from({ length: phrase.length }, (_, i) => phrase.slice(0, i + 1));

describe('NoteSearchIndex (the *words index)', () => {
  it('finds what a plain scan finds, for every keystroke of several phrases', { timeout: 60_000 }, async () => {
    const db = freshDb();
    const notes = generateNotes({ count: 3_000, seed: 7 });
    await db.notes.bulkAdd(notes);
    const index = new NoteSearchIndex(db);
    const phrases = [0, 17, 400, 2_999].flatMap((i) => {
      const note = notes[i]!;
      return [`${words(note.pageTitle)[0]} ${words(note.text)[1] ?? ''}`, `${note.tags[0] ?? 'ka'} ${words(note.pageTitle)[1] ?? ''} ${(note.speaker ?? 'lo').toLowerCase()}`];
    });
    // Short words whose candidates are many (index ranges intersected) and long ones (candidates read and checked).
    phrases.push('k t', 'ka ter lo', 'ÉTAT, kà', 'zzzz');
    for (const q of phrases.flatMap(typed)) expect(await found(index, q), q).toEqual(scan(notes, q));
    expect(await index.search('  ')).toBeNull();
    expect(await index.search(' ,. ')).toBeNull();
  });

  it('stays right after adds, edits, deletes, restores, modify and imports, and persists across opens', async () => {
    const db = freshDb();
    const notes = generateNotes({ count: 50, seed: 3 });
    await db.notes.bulkAdd(notes);
    const [a, b, c] = notes as [Note, Note, Note];
    await db.notes.update(a.id, { text: 'zebrafish quarantine' });
    await db.notes.put({ ...c, tags: ['ölmühle'] });
    await db.notes.delete(b.id);
    const added: Note = { ...notes[3]!, id: '6f1d7a34-8a47-4b1e-9c0b-0d6c1e4b2f11', text: 'xylophone' };
    await db.notes.add(added);
    await db.notes.where('site').equals(notes[4]!.site).modify({ speaker: 'Quillon Varga' });
    const imported: Note = { ...notes[5]!, id: '7a2e8b45-9b58-4c2f-8d1c-1e7d2f5c3a22', text: 'narwhal census' };
    expect(await importNotes(db, [imported])).toEqual({ added: 1, alreadyThere: 0 });
    db.close();
    // A new popup: the same index, nothing to rebuild.
    const again = new NewsmarkDb(db.name);
    dbs.push(again);
    const index = new NoteSearchIndex(again);
    const live = await again.notes.toArray();
    for (const note of live) {
      expect((note as StoredNote).words, note.id).toEqual(noteWords(note));
      expect((note as StoredNote).heads, note.id).toEqual(wordHeads(noteWords(note)));
    }
    expect(await found(index, 'zebraf quar')).toEqual([a.id]);
    expect(await found(index, 'olmuh')).toEqual([c.id]);
    expect(await found(index, 'xyloph')).toEqual([added.id]);
    expect(await found(index, 'quillon varg')).toEqual(scan(live, 'quillon varg'));
    expect(await found(index, 'quillon varg')).toContain(notes[4]!.id);
    expect(await found(index, 'narwh cens')).toEqual([imported.id]);
    // The old words of the edited and deleted notes no longer find them.
    for (const q of [words(a.text)[0] ?? '', words(b.pageTitle)[0] ?? '', words(b.text)[0] ?? ''].filter(Boolean)) {
      expect(await found(index, q), q).toEqual(scan(live, q));
      expect(await found(index, q)).not.toContain(b.id);
    }
    await again.notes.put(b); // undo of the delete
    const bWord = words(b.pageTitle)[0]!;
    expect(await found(index, bWord)).toContain(b.id);
    await again.notes.clear();
    expect(await found(index, bWord)).toEqual([]);
  });
});

/** The schema as it was at v1 (the first release) and at v2 (FlexSearch's change log), to migrate from. */
class OldDb extends Dexie {
  notes!: Dexie.Table<Note, string>;
  constructor(name: string, version: 1 | 2) {
    super(name);
    this.version(1).stores({ notes: 'id, pageUrl, createdAt, updatedAt, *tags, speaker, site' });
    if (version === 2) this.version(2).stores({ notes: 'id, pageUrl, createdAt, updatedAt, *tags, speaker, site', noteChanges: '++seq', searchState: 'key' });
  }
}

describe('schema v3 migration', () => {
  it.each([1, 2] as const)('gives 10,000 v%i notes their search keys and keeps every note and index', { timeout: 120_000 }, async (from) => {
    const name = `migrate-test-${++n}`;
    const notes = generateNotes({ count: 10_000, seed: 21 });
    const old = new OldDb(name, from);
    await old.notes.bulkAdd(notes);
    if (from === 2) await old.table('noteChanges').add({ id: notes[0]!.id });
    expect(old.verno).toBe(from);
    old.close();

    const db = new NewsmarkDb(name);
    dbs.push(db);
    await db.open();
    expect(db.verno).toBe(3);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['notes']);
    expect(db.notes.schema.indexes.map((i) => i.name).sort()).toEqual(['createdAt', 'heads', 'pageUrl', 'site', 'speaker', 'tags', 'updatedAt', 'words']);
    const stored = (await db.notes.toArray()) as StoredNote[];
    expect(stored).toHaveLength(notes.length);
    const byId = new Map(stored.map((s) => [s.id, s]));
    for (const note of notes) {
      const stored = byId.get(note.id)!;
      expect(withoutSearchKeys(stored)).toEqual(note);
      expect(stored.words).toEqual(noteWords(note));
      expect(stored.heads).toEqual(wordHeads(noteWords(note)));
    }
    // The migrated words answer searches like a scan.
    const index = new NoteSearchIndex(db);
    for (const q of typed(`${words(notes[123]!.pageTitle)[0]} ${words(notes[123]!.text)[0] ?? ''}`)) expect(await found(index, q), q).toEqual(scan(notes, q));
    // Older indexes still answer.
    expect(await db.notes.where('tags').equals(notes[9]!.tags[0] ?? '').count()).toBe(notes.filter((x) => x.tags.includes(notes[9]!.tags[0] ?? '')).length);
  });
});
