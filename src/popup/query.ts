/**
 * Which notes the popup lists, in what order, answered from Dexie's indexes and the search index rather than by
 * loading notes: the order is the primary keys along an index (createdAt, or pageUrl to keep each article's
 * notes together), filters are key sets from the site, tag (multi-entry), speaker and createdAt indexes, and a
 * search is the set of ids the words index returns (storage/search-index.ts). Only the rows on screen are ever read in full.
 */
import type { NewsmarkDb, Note } from '../storage/db';

export type Sort = 'newest' | 'oldest' | 'article';

export interface Filters {
  site: string;
  tag: string;
  speaker: string;
  /** yyyy-mm-dd, inclusive; '' for open-ended. */
  from: string;
  to: string;
}

export const NO_FILTERS: Filters = { site: '', tag: '', speaker: '', from: '', to: '' };

export function hasFilters(f: Filters): boolean {
  return Boolean(f.site || f.tag || f.speaker || f.from || f.to);
}

/** All note ids in the chosen order. */
export async function orderedIds(db: NewsmarkDb, sort: Sort): Promise<string[]> {
  if (sort === 'article') return (await db.notes.orderBy('pageUrl').primaryKeys()) as string[];
  const keys = (await db.notes.orderBy('createdAt').primaryKeys()) as string[];
  return sort === 'newest' ? keys.reverse() : keys;
}

/** The first rows for the default view, without reading every key: what makes a large popup open fast. */
export function newestNotes(db: NewsmarkDb, limit: number): Promise<Note[]> {
  return db.notes.orderBy('createdAt').reverse().limit(limit).toArray();
}

const dayStart = (d: string) => Date.parse(`${d}T00:00:00`);

/** Ids allowed by the filters (intersection of index lookups); null when no filter is set. */
export async function filteredIds(db: NewsmarkDb, f: Filters): Promise<Set<string> | null> {
  const sets: Promise<string[]>[] = [];
  if (f.site) sets.push(db.notes.where('site').equals(f.site).primaryKeys() as Promise<string[]>);
  if (f.tag) sets.push(db.notes.where('tags').equals(f.tag).primaryKeys() as Promise<string[]>);
  if (f.speaker) sets.push(db.notes.where('speaker').equals(f.speaker).primaryKeys() as Promise<string[]>);
  if (f.from || f.to) {
    const lo = f.from ? dayStart(f.from) : 0;
    const hi = f.to ? dayStart(f.to) + 86_400_000 - 1 : Number.MAX_SAFE_INTEGER;
    if (!Number.isNaN(lo) && !Number.isNaN(hi)) sets.push(db.notes.where('createdAt').between(lo, hi, true, true).primaryKeys() as Promise<string[]>);
  }
  if (sets.length === 0) return null;
  const [first, ...rest] = await Promise.all(sets);
  let result = new Set(first);
  for (const ids of rest) {
    const next = new Set(ids);
    result = new Set([...result].filter((id) => next.has(id)));
  }
  return result;
}

/** The order, narrowed by a search result and filters (either may be null: no narrowing). */
export function narrow(order: readonly string[], ...sets: (Set<string> | null)[]): string[] {
  const active = sets.filter((s): s is Set<string> => s !== null);
  if (active.length === 0) return order as string[];
  return order.filter((id) => active.every((s) => s.has(id)));
}

/** The values a filter can take, for its suggestions. */
export async function filterChoices(db: NewsmarkDb): Promise<{ sites: string[]; tags: string[]; speakers: string[] }> {
  const [sites, tags, speakers] = await Promise.all([
    db.notes.orderBy('site').uniqueKeys(),
    db.notes.orderBy('tags').uniqueKeys(),
    db.notes.orderBy('speaker').uniqueKeys(),
  ]);
  return { sites: sites as string[], tags: tags as string[], speakers: speakers as string[] };
}

/** Reads notes by id, keeping what it read: the virtual list asks again and again for the rows on screen. */
export class NoteCache {
  private notes = new Map<string, Note>();
  private readonly limit = 2_000;

  constructor(private readonly db: NewsmarkDb) {}

  get(id: string): Note | undefined {
    return this.notes.get(id);
  }

  put(note: Note): void {
    this.notes.delete(note.id);
    this.notes.set(note.id, note);
    if (this.notes.size > this.limit) this.notes.delete(this.notes.keys().next().value as string);
  }

  forget(id: string): void {
    this.notes.delete(id);
  }

  /** Loads the missing ones; true when anything new arrived. */
  async load(ids: readonly string[]): Promise<boolean> {
    const missing = ids.filter((id) => !this.notes.has(id));
    if (missing.length === 0) return false;
    const got = await this.db.notes.bulkGet(missing);
    for (const n of got) if (n) this.put(n);
    return true;
  }
}
