import '../storage/idb-globals';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NewsmarkDb, type Note } from '../../../src/storage/db';
import { NoteCache, orderedIds } from '../../../src/popup/query';
import { newestNotes } from '../../../src/storage/recent';
import { parseTags } from '../../../src/popup/NoteRow';
import { generateNotes } from '../storage/sample-notes';

const db = new NewsmarkDb('popup-query-test');
const notes = generateNotes({ count: 400, seed: 12 });
beforeAll(() => db.notes.bulkAdd(notes));
afterAll(() => db.close());

describe('the popup’s list queries', () => {
  it.each([
    ['newest', (a: Note, b: Note) => b.createdAt - a.createdAt],
    ['oldest', (a: Note, b: Note) => a.createdAt - b.createdAt],
  ] as const)('orders %s by createdAt', async (sort, cmp) => {
    const ids = await orderedIds(db, sort);
    const byId = new Map(notes.map((n) => [n.id, n]));
    expect(ids).toHaveLength(notes.length);
    for (let i = 1; i < ids.length; i++) expect(cmp(byId.get(ids[i - 1]!)!, byId.get(ids[i]!)!)).toBeLessThanOrEqual(0);
    if (sort === 'newest') expect((await newestNotes(db, 5)).map((n) => n.id)).toEqual(ids.slice(0, 5));
  });

  it('keeps each article’s notes together when sorted by article', async () => {
    const ids = await orderedIds(db, 'article');
    const byId = new Map(notes.map((n) => [n.id, n]));
    const pages = ids.map((id) => byId.get(id)!.pageUrl);
    const seen = new Set<string>();
    pages.forEach((p, i) => {
      if (i > 0 && pages[i - 1] !== p) expect(seen.has(p), p).toBe(false);
      seen.add(p);
    });
  });

  it('the row cache reads only what it lacks', async () => {
    const cache = new NoteCache(db);
    expect(await cache.load([notes[0]!.id, notes[1]!.id])).toBe(true);
    expect(await cache.load([notes[0]!.id])).toBe(false);
    expect(cache.get(notes[1]!.id)?.text).toBe(notes[1]!.text);
  });
});

describe('tags as typed', () => {
  it.each([
    ['politics, to-read', ['politics', 'to-read']],
    ['#a #b a', ['a', 'b']],
    ['  ', []],
  ])('%j', (input, tags) => expect(parseTags(input)).toEqual(tags));
});
