import { freshDb as fresh, freshName, keepOpen } from '../storage/fresh-db';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { NewsmarkDb, type Note, type StoredNote } from '../../../src/storage/db';
import { importNotes } from '../../../src/storage/import';
import { filterMatches, NO_FILTERS, orderedIds, type Filters, type Sort } from '../../../src/popup/query';
import { findNotes, PROBE, SCREEN, walkInOrder, type Found } from '../../../src/popup/search';
import { haystackMatches, noteWords, queryTerms, scanHaystack, withoutSearchKeys, words } from '../../../src/storage/search-text';
import { generateNotes } from '../storage/sample-notes';

const freshDb = () => fresh('search-test');

/** The plain scan: every note tested with the rule as the brute-force benchmark applies it (text folded afresh). */
function scan(notes: readonly Note[], query: string, f: Filters = NO_FILTERS): Set<string> {
  const terms = queryTerms(query);
  return new Set(notes.filter((x) => haystackMatches(scanHaystack(x), terms) && filterMatches(x, f)).map((x) => x.id));
}

/** What the list should show: the scan's notes in the order the indexes give (orderedIds, which reads keys only). */
async function expected(db: NewsmarkDb, notes: readonly Note[], query: string, sort: Sort = 'newest', f: Filters = NO_FILTERS): Promise<string[]> {
  const hits = scan(notes, query, f);
  return (await orderedIds(db, sort)).filter((id) => hits.has(id));
}

/** Every answer a search gives, checking the promises findNotes makes about them on the way. */
async function answers(db: NewsmarkDb, query: string, sort: Sort = 'newest', f: Filters = NO_FILTERS): Promise<Found[]> {
  const out: Found[] = [];
  for await (const a of findNotes(db, query, f, sort)) out.push(a);
  const last = out.at(-1)!;
  expect(last.complete, query).toBe(true);
  expect(out.slice(0, -1).every((a) => !a.complete), query).toBe(true);
  // The first answer is a full screen or everything; later ones only add below what is shown.
  expect(out[0]!.complete || out[0]!.ids.length >= SCREEN, query).toBe(true);
  for (let i = 1; i < out.length; i++) expect(out[i]!.ids.slice(0, out[i - 1]!.ids.length), query).toEqual(out[i - 1]!.ids);
  return out;
}

const final = async (db: NewsmarkDb, query: string, sort: Sort = 'newest', f: Filters = NO_FILTERS) => (await answers(db, query, sort, f)).at(-1)!.ids;

/** Every keystroke of a phrase, as typed. */
const typed = (phrase: string) => Array.from({ length: phrase.length }, (_, i) => phrase.slice(0, i + 1));

describe('findNotes: search as you type', () => {
  it('lists what a plain scan finds, in list order, for every keystroke of several phrases', { timeout: 120_000 }, async () => {
    const db = freshDb();
    const notes = generateNotes({ count: 3_000, seed: 7 });
    await db.notes.bulkAdd(notes);
    const phrases = [0, 17, 400, 2_999].flatMap((i) => {
      const note = notes[i]!;
      return [`${words(note.pageTitle)[0]} ${words(note.text)[1] ?? ''}`, `${note.tags[0] ?? 'ka'} ${words(note.pageTitle)[1] ?? ''} ${(note.speaker ?? 'lo').toLowerCase()}`];
    });
    // Broad words (walked), rare ones (from the index), both together, accents and punctuation, nothing at all.
    phrases.push('k t', 'ka ter lo', 'ÉTAT, kà', 'zzzz');
    const hows = new Set<string>();
    for (const q of phrases.flatMap(typed)) {
      const got = await answers(db, q);
      hows.add(got.at(-1)!.how);
      expect(got.at(-1)!.ids, q).toEqual(await expected(db, notes, q));
    }
    // Both ways of answering were exercised.
    expect([...hows].sort()).toEqual(['index', 'walk']);
  });

  it.each(['newest', 'oldest', 'article'] as const)('keeps the %s order for broad and narrow queries', { timeout: 60_000 }, async (sort) => {
    const db = freshDb();
    const notes = generateNotes({ count: 1_500, seed: 11 });
    await db.notes.bulkAdd(notes);
    const rare = words(notes[42]!.text).sort((a, b) => b.length - a.length)[0]!;
    for (const q of ['k', 'lo ka', rare]) expect(await final(db, q, sort), `${sort} ${q}`).toEqual(await expected(db, notes, q, sort));
  });

  const sample = generateNotes({ count: 1_200, seed: 12 });
  const withBoth = sample.find((x) => x.tags.length && x.speaker)!;
  it.each([
    ['site', { site: withBoth.site }, ''],
    ['tag', { tag: withBoth.tags[0]! }, ''],
    ['speaker', { speaker: withBoth.speaker! }, ''],
    ['tag + site', { tag: withBoth.tags[0]!, site: withBoth.site }, ''],
    ['date range', { from: '2024-01-01', to: '2024-06-30' }, ''],
    ['date range + broad word', { from: '2024-01-01', to: '2024-06-30' }, 'ka'],
    ['site + broad word', { site: withBoth.site }, 't'],
  ] as const)('filters by %s like a scan would', async (_name, patch, q) => {
    const db = freshDb();
    await db.notes.bulkAdd(sample);
    const f = { ...NO_FILTERS, ...patch };
    expect(await final(db, q, 'newest', f)).toEqual(await expected(db, sample, q, 'newest', f));
  });

  it('walks only the days a broad date filter allows, in every order', { timeout: 60_000 }, async () => {
    const db = freshDb();
    const notes = generateNotes({ count: 3_000, seed: 13 });
    await db.notes.bulkAdd(notes);
    const f = { ...NO_FILTERS, from: '2023-03-01', to: '2025-10-31' };
    for (const sort of ['newest', 'oldest', 'article'] as const) {
      for (const q of ['', 'k', 'ka t']) {
        const got = await answers(db, q, sort, f);
        expect(got.at(-1)!.how, `${sort} "${q}"`).toBe('walk');
        expect(got.at(-1)!.ids, `${sort} "${q}"`).toEqual(await expected(db, notes, q, sort, f));
      }
    }
    // Walking along createdAt within the days reads nothing outside them.
    const days = { lo: Date.parse('2024-01-01T00:00:00'), hi: Date.parse('2024-02-01T00:00:00') };
    for (const sort of ['newest', 'oldest'] as const) {
      const seen: string[] = [];
      for await (const batch of walkInOrder(db, sort, 5, 9, days)) {
        for (const x of batch) expect(x.createdAt >= days.lo && x.createdAt <= days.hi).toBe(true);
        seen.push(...batch.map((x) => x.id));
      }
      const inDays = new Set(notes.filter((x) => x.createdAt >= days.lo && x.createdAt <= days.hi).map((x) => x.id));
      expect(seen, sort).toEqual((await orderedIds(db, sort)).filter((id) => inDays.has(id)));
    }
  });

  it('answers a broad query with a first screen from a few reads, and stops reading when abandoned', async () => {
    const db = freshDb();
    const notes = generateNotes({ count: 4_000, seed: 5 });
    await db.notes.bulkAdd(notes);
    const search = findNotes(db, 'k', NO_FILTERS, 'newest');
    const first = (await search.next()).value as Found;
    expect(first.how).toBe('walk');
    expect(first.complete).toBe(false);
    expect(first.ids).toEqual((await expected(db, notes, 'k')).slice(0, first.ids.length));
    // Abandoning it (the reader typed again) ends it at once.
    await search.return(undefined);
    expect((await search.next()).done).toBe(true);
  });

  it('chooses the index when one word is narrow, even beside broad ones', async () => {
    const db = freshDb();
    const notes = generateNotes({ count: 3_000, seed: 9 });
    await db.notes.bulkAdd(notes);
    const rare = 'zyzzyva';
    await db.notes.update(notes[7]!.id, { text: `${rare} ${notes[7]!.text}` });
    const got = await answers(db, `k t ${rare}`);
    expect(got).toEqual([{ ids: [notes[7]!.id], complete: true, how: 'index' }]);
    expect(PROBE).toBeGreaterThan(SCREEN);
  });
});

describe('walkInOrder', () => {
  it('reads every note once, in index order, when many share a key across batch edges', async () => {
    const db = freshDb();
    const base = generateNotes({ count: 120, seed: 4 });
    // Runs of equal keys longer than a batch: 50 notes on one page at one moment, then 30 more, then singles.
    const notes = base.map((x, i) => ({ ...x, pageUrl: i < 50 ? 'https://a.example/1' : i < 80 ? 'https://a.example/2' : x.pageUrl, createdAt: i < 50 ? 1_000 : i < 80 ? 2_000 : x.createdAt }));
    await db.notes.bulkAdd(notes);
    for (const sort of ['newest', 'oldest', 'article'] as const) {
      for (const [first, size] of [[1, 1], [7, 7], [3, 40], [100, 1_000]] as const) {
        const seen: string[] = [];
        for await (const batch of walkInOrder(db, sort, first, size)) seen.push(...batch.map((x) => x.id));
        expect(seen, `${sort} ${first}/${size}`).toEqual(await orderedIds(db, sort));
      }
    }
  });
});

describe('the *words index', () => {
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
    const again = keepOpen(new NewsmarkDb(db.name));
    const live = await again.notes.toArray();
    for (const note of live) {
      expect((note as StoredNote).words, note.id).toEqual(noteWords(note));
      expect(note, note.id).not.toHaveProperty('heads');
    }
    expect(await final(again, 'zebraf quar')).toEqual([a.id]);
    expect(await final(again, 'olmuh')).toEqual([c.id]);
    expect(await final(again, 'xyloph')).toEqual([added.id]);
    expect(await final(again, 'quillon varg')).toEqual(await expected(again, live, 'quillon varg'));
    expect(await final(again, 'quillon varg')).toContain(notes[4]!.id);
    expect(await final(again, 'narwh cens')).toEqual([imported.id]);
    // The old words of the edited and deleted notes no longer find them.
    for (const q of [words(a.text)[0] ?? '', words(b.pageTitle)[0] ?? '', words(b.text)[0] ?? ''].filter(Boolean)) {
      expect(await final(again, q), q).toEqual(await expected(again, live, q));
      expect(await final(again, q)).not.toContain(b.id);
    }
    await again.notes.put(b); // undo of the delete
    const bWord = words(b.pageTitle)[0]!;
    expect(await final(again, bWord)).toContain(b.id);
    await again.notes.clear();
    expect(await final(again, bWord)).toEqual([]);
  });
});

/** The schema as it was at v1 (the first release), v2 (FlexSearch's change log) and v3 (words and heads), to migrate from. */
class OldDb extends Dexie {
  notes!: Dexie.Table<StoredNote, string>;
  constructor(name: string, version: 1 | 2 | 3) {
    super(name);
    this.version(1).stores({ notes: 'id, pageUrl, createdAt, updatedAt, *tags, speaker, site' });
    if (version >= 2) this.version(2).stores({ notes: 'id, pageUrl, createdAt, updatedAt, *tags, speaker, site', noteChanges: '++seq', searchState: 'key' });
    if (version === 3) this.version(3).stores({ notes: 'id, pageUrl, createdAt, updatedAt, *tags, speaker, site, *words, *heads', noteChanges: null, searchState: null });
  }
}

/** The one- and two-letter beginnings a v3 note carried. */
const v3Heads = (w: string[]) => [...new Set(w.flatMap((x) => [x.slice(0, 1), x.slice(0, 2)]))];

describe('schema v4 migration', () => {
  it.each([1, 2, 3] as const)('from v%i: 10,000 notes keep every field, get their words, and search like a scan', { timeout: 120_000 }, async (from) => {
    const name = freshName('migrate-test');
    const notes = generateNotes({ count: 10_000, seed: 21 });
    const old = new OldDb(name, from);
    await old.notes.bulkAdd(from === 3 ? notes.map((x) => ({ ...x, words: noteWords(x), heads: v3Heads(noteWords(x)) })) : notes);
    if (from === 2) await old.table('noteChanges').add({ id: notes[0]!.id });
    expect(old.verno).toBe(from);
    old.close();

    const db = keepOpen(new NewsmarkDb(name));
    await db.open();
    expect(db.verno).toBe(4);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['notes']);
    const indexes = [...db.backendDB().transaction('notes').objectStore('notes').indexNames].sort();
    expect(indexes).toEqual(['createdAt', 'pageUrl', 'site', 'speaker', 'tags', 'updatedAt', 'words']);
    const stored = (await db.notes.toArray()) as StoredNote[];
    expect(stored).toHaveLength(notes.length);
    const byId = new Map(stored.map((s) => [s.id, s]));
    for (const note of notes) {
      const kept = byId.get(note.id)!;
      expect(withoutSearchKeys(kept)).toEqual(note);
      expect(kept.words).toEqual(noteWords(note));
    }
    // The migrated words answer searches like a scan.
    for (const q of typed(`${words(notes[123]!.pageTitle)[0]} ${words(notes[123]!.text)[0] ?? ''}`)) expect(await final(db, q), q).toEqual(await expected(db, notes, q));
    // Older indexes still answer.
    expect(await db.notes.where('tags').equals(notes[9]!.tags[0] ?? '').count()).toBe(notes.filter((x) => x.tags.includes(notes[9]!.tags[0] ?? '')).length);
  });
});
