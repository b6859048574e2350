import './idb-globals';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NewsmarkDb, type Note, type StoredNote } from '../../../src/storage/db';
import { toJson, toMarkdown, toWebAnnotation } from '../../../src/storage/export';
import { importNotes, parseImport } from '../../../src/storage/import';
import { withoutSearchKeys } from '../../../src/storage/search-text';
import { generateNotes } from './sample-notes';

const text = (max: number) => fc.string({ unit: 'grapheme', maxLength: max });
const tag = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 20 }).map((s) => s.trim()).filter((s) => s.length > 0);
const time = fc.integer({ min: 0, max: 4_102_444_800_000 });
const url = fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true }).filter((u) => URL.canParse(u));

const noteArb: fc.Arbitrary<Note> = fc.record({
  id: fc.uuid({ version: 4 }),
  pageUrl: url,
  canonicalUrl: fc.option(url, { nil: null }),
  pageTitle: text(80),
  site: fc.domain(),
  createdAt: time,
  updatedAt: time,
  text: text(300),
  tags: fc.uniqueArray(tag, { maxLength: 5 }),
  speaker: fc.option(text(40), { nil: null }),
  anchor: fc.option(
    fc.record({ exact: text(200), prefix: text(32), suffix: text(32), start: fc.nat(100_000), length: fc.nat(5_000) }).map(({ length, ...a }) => ({ ...a, end: a.start + length })),
    { nil: null },
  ),
});
const notesArb = fc.uniqueArray(noteArb, { selector: (n) => n.id, maxLength: 12 });

let dbCount = 0;

describe('export → import round trip', () => {
  it.each([
    ['JSON', toJson],
    ['W3C Web Annotation', toWebAnnotation],
  ] as const)('%s gives back exactly the notes exported (property)', (_name, exporter) => {
    fc.assert(
      fc.property(notesArb, (notes) => {
        const parsed = parseImport(exporter(notes));
        expect(parsed).toEqual({ ok: true, notes, format: exporter === toJson ? 'json' : 'w3c' });
      }),
      { numRuns: 150 },
    );
  });

  it('restores every note into an empty database, and a second import adds nothing', async () => {
    await fc.assert(
      fc.asyncProperty(notesArb, fc.boolean(), async (notes, w3c) => {
        const db = new NewsmarkDb(`transfer-${++dbCount}`);
        const parsed = parseImport(w3c ? toWebAnnotation(notes) : toJson(notes));
        if (!parsed.ok) throw new Error(parsed.error);
        expect(await importNotes(db, parsed.notes)).toEqual({ added: notes.length, alreadyThere: 0 });
        expect(await importNotes(db, parsed.notes)).toEqual({ added: 0, alreadyThere: notes.length });
        // What is stored also carries the derived search words (storage/db.ts); the notes themselves are equal.
        const stored = (await db.notes.toArray()).map((n: StoredNote) => withoutSearchKeys(n));
        expect(stored.sort((a, b) => a.id.localeCompare(b.id))).toEqual([...notes].sort((a, b) => a.id.localeCompare(b.id)));
        db.close();
      }),
      { numRuns: 25 },
    );
  });
});

describe('refusing bad files, database unchanged', () => {
  const good = generateNotes({ count: 3, seed: 5 });
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{"format": "newsmark-notes", ', /isn’t valid JSON/],
    ['neither format', JSON.stringify({ hello: 1 }), /neither a Newsmark notes file nor W3C/],
    ['future version', JSON.stringify({ format: 'newsmark-notes', version: 9, notes: [] }), /version 9/],
    ['one note missing its address', JSON.stringify({ format: 'newsmark-notes', version: 1, notes: [good[0], { ...good[1], pageUrl: undefined }, good[2]] }), /note 2 \([0-9a-f-]+\): pageUrl/],
    ['a note with a bad id', JSON.stringify({ format: 'newsmark-notes', version: 1, notes: [{ ...good[0], id: 'x' }] }), /note 1 \(x\): id: must be a UUID/],
    ['the same id twice', JSON.stringify({ format: 'newsmark-notes', version: 1, notes: [good[0], good[0]] }), /appears twice/],
    ['an annotation without a date', JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', id: `urn:uuid:${good[0]!.id}`, body: [], target: 'https://a.example/' }), /annotation 1 .*created is missing/],
    ['an annotation with a quote but no position', JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', id: `urn:uuid:${good[0]!.id}`, created: '2024-01-01T00:00:00Z', target: { source: 'https://a.example/', selector: { type: 'TextQuoteSelector', exact: 'x' } } }), /needs both/],
  ];
  it.each(cases)('%s', async (_name, file, message) => {
    const parsed = parseImport(file);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toMatch(/^Nothing was imported/);
      expect(parsed.error).toMatch(message);
    }
  });

  it('a failing write leaves the database as it was (one transaction)', async () => {
    const db = new NewsmarkDb(`transfer-${++dbCount}`);
    await db.notes.add(good[0]!);
    // A note that IndexedDB refuses (a function can't be cloned) after a good one: neither lands.
    const poisoned = { ...good[2]!, text: (() => 1) as unknown as string };
    await expect(importNotes(db, [good[1]!, poisoned])).rejects.toThrow();
    expect((await db.notes.toArray()).map((n) => n.id)).toEqual([good[0]!.id]);
    db.close();
  });
});

describe('Markdown', () => {
  it('groups by article with title, address and date; quote, speaker and note under it', () => {
    const [a, b, c] = generateNotes({ count: 3, seed: 21 });
    const page = { pageUrl: 'https://news.example/story', pageTitle: 'A story', site: 'news.example' };
    const notes: Note[] = [
      { ...a!, ...page, text: 'My thought', speaker: 'A Speaker', anchor: { exact: 'What was said\nover two lines', prefix: '', suffix: '', start: 0, end: 10 }, tags: ['politics', 'to read'], createdAt: Date.UTC(2024, 4, 2) },
      { ...b!, ...page, text: 'Second', speaker: null, anchor: null, tags: [] },
      { ...c!, pageUrl: 'https://other.example/x', pageTitle: '# Not a heading', site: 'other.example' },
    ];
    const md = toMarkdown(notes, Date.UTC(2024, 5, 1));
    expect(md).toContain('## A story\n\n- Address: <https://news.example/story>\n- Site: news.example\n- Noted: ');
    expect(md).toContain('> What was said\n> over two lines\n>\n> — A Speaker\n\nMy thought\n\n_2024-05-02 #politics #to-read_');
    expect(md).toContain('## \\# Not a heading');
    expect(md.indexOf('## A story')).toBeLessThan(md.indexOf('Second'));
    expect(md.match(/^## /gm)).toHaveLength(2);
  });
});
