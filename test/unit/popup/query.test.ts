import '../storage/idb-globals';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NewsmarkDb, type Note } from '../../../src/storage/db';
import { filteredIds, narrow, newestNotes, NO_FILTERS, NoteCache, orderedIds } from '../../../src/popup/query';
import { parseTags } from '../../../src/popup/NoteRow';
import { generateNotes } from '../storage/sample-notes';

const db = new NewsmarkDb('popup-query-test');
const notes = generateNotes({ count: 400, seed: 12 });
beforeAll(() => db.notes.bulkAdd(notes));
afterAll(() => db.close());

const sortedIds = (xs: Iterable<string>) => [...xs].sort();

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

  const sample = notes.find((n) => n.tags.length && n.speaker)!;
  it.each([
    ['site', { site: sample.site }, (n: Note) => n.site === sample.site],
    ['tag', { tag: sample.tags[0]! }, (n: Note) => n.tags.includes(sample.tags[0]!)],
    ['speaker', { speaker: sample.speaker! }, (n: Note) => n.speaker === sample.speaker],
    ['tag + site', { tag: sample.tags[0]!, site: sample.site }, (n: Note) => n.tags.includes(sample.tags[0]!) && n.site === sample.site],
    ['date range', { from: '2024-01-01', to: '2024-06-30' }, (n: Note) => n.createdAt >= Date.parse('2024-01-01T00:00:00') && n.createdAt < Date.parse('2024-07-01T00:00:00')],
  ] as const)('filters by %s like a scan would', async (_name, patch, keep) => {
    const got = await filteredIds(db, { ...NO_FILTERS, ...patch });
    expect(sortedIds(got!)).toEqual(sortedIds(notes.filter(keep).map((n) => n.id)));
  });

  it('no filters, no narrowing; narrowing keeps the order', async () => {
    expect(await filteredIds(db, NO_FILTERS)).toBeNull();
    const order = ['a', 'b', 'c', 'd'];
    expect(narrow(order, null, null)).toBe(order);
    expect(narrow(order, new Set(['d', 'b', 'c']), new Set(['b', 'd']))).toEqual(['b', 'd']);
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
