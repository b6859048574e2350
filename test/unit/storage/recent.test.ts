import { freshDb as fresh } from './fresh-db';
import { describe, expect, it } from 'vitest';
import type { Note } from '../../../src/storage/db';
import { importNotes } from '../../../src/storage/import';
import { keepRecent, newestNotes, readRecent, RECENT_COUNT, RECENT_KEY, sameNotes, writeRecent, type KeyValueArea } from '../../../src/storage/recent';
import { generateNotes } from './sample-notes';

/** storage.local's shape over a Map, storing copies as the browser does. */
function memoryArea(): KeyValueArea & { writes: number; items: Map<string, unknown> } {
  const items = new Map<string, unknown>();
  return {
    items,
    writes: 0,
    async get(key) {
      return items.has(key) ? { [key]: structuredClone(items.get(key)) } : {};
    },
    async set(next) {
      this.writes++;
      for (const [k, val] of Object.entries(next)) items.set(k, structuredClone(val));
    },
  };
}

const freshDb = () => fresh('recent-test');

/** Waits until the debounced copy has been written after the last write. */
async function settled(area: { writes: number }, before: number): Promise<void> {
  for (let i = 0; i < 200 && area.writes === before; i++) await new Promise((r) => setTimeout(r, 5));
  await new Promise((r) => setTimeout(r, 20));
}

describe('the copy of the newest notes', () => {
  it('follows every kind of write: add, bulk add, edit, delete, import, clear', async () => {
    const db = freshDb();
    const area = memoryArea();
    keepRecent(db, area, 0);
    const notes = generateNotes({ count: 300, seed: 8 });
    const steps: [string, () => Promise<unknown>][] = [
      ['bulk add', () => db.notes.bulkAdd(notes.slice(0, 250))],
      ['add', () => db.notes.add(notes[250]!)],
      ['edit the newest', async () => db.notes.update((await newestNotes(db, 1))[0]!.id, { text: 'changed' })],
      ['delete the newest', async () => db.notes.delete((await newestNotes(db, 1))[0]!.id)],
      ['import', () => importNotes(db, notes.slice(251))],
      ['modify', () => db.notes.toCollection().modify({ tags: ['all'] })],
      ['clear', () => db.notes.clear()],
    ];
    for (const [name, step] of steps) {
      const before = area.writes;
      await step();
      await settled(area, before);
      const copy = await readRecent(area);
      expect(copy, name).not.toBeNull();
      expect(copy, name).toEqual(await newestNotes(db));
      expect(copy!.length, name).toBe(Math.min(RECENT_COUNT, await db.notes.count()));
      // What is copied is the note, not its derived search keys.
      for (const note of copy!) expect(Object.keys(note).sort(), name).not.toContain('words');
    }
  });

  it('is refused when it is not what Newsmark wrote', async () => {
    const area = memoryArea();
    expect(await readRecent(area)).toBeNull();
    const good = generateNotes({ count: 3, seed: 2 });
    for (const bad of [42, 'notes', { notes: 'x' }, { notes: [{ ...good[0], id: 'not-a-uuid' }] }, { notes: [{ ...good[0], pageUrl: 'javascript:alert(1)' }] }, { notes: Array(RECENT_COUNT + 1).fill(good[0]) }]) {
      await area.set({ [RECENT_KEY]: bad });
      expect(await readRecent(area), JSON.stringify(bad).slice(0, 60)).toBeNull();
    }
    await area.set({ [RECENT_KEY]: { notes: good } });
    expect(await readRecent(area)).toEqual(good);
  });

  it('tells a stale copy from a current one by ids and versions', async () => {
    const db = freshDb();
    const area = memoryArea();
    await db.notes.bulkAdd(generateNotes({ count: 50, seed: 6 }));
    const copy = await writeRecent(db, area);
    expect(sameNotes(copy, await newestNotes(db))).toBe(true);
    // A write this copy missed (another context, no keeper): the popup sees the difference and repairs it.
    const newest = copy[0]!;
    await db.notes.update(newest.id, { text: 'edited elsewhere', updatedAt: newest.updatedAt + 1 });
    expect(sameNotes(copy, await newestNotes(db))).toBe(false);
    const fresh: Note = { ...newest, id: '0d8f1c2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f', createdAt: newest.createdAt + 1 };
    await db.notes.add(fresh);
    expect(sameNotes(copy, await newestNotes(db))).toBe(false);
    expect(sameNotes(await writeRecent(db, area), (await readRecent(area))!)).toBe(true);
  });
});
