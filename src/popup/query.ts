/**
 * Which notes the popup lists, in what order, answered from Dexie's indexes rather than by loading notes: the
 * order is the primary keys along an index (createdAt, or pageUrl to keep each article's notes together), and only
 * the rows on screen are ever read in full. A search or filter is answered by popup/search.ts.
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

const dayStart = (d: string) => Date.parse(`${d}T00:00:00`);

/** The createdAt range the date filters allow (whole local days, inclusive), or null when they allow any. */
export function dayRange(f: Filters): { lo: number; hi: number } | null {
  if (!f.from && !f.to) return null;
  const lo = f.from ? dayStart(f.from) : 0;
  const hi = f.to ? dayStart(f.to) + 86_400_000 - 1 : Number.MAX_SAFE_INTEGER;
  return Number.isNaN(lo) || Number.isNaN(hi) ? null : { lo, hi };
}

/** Whether a note passes the filters: same site, one of its tags, same speaker, created within the days given. */
export function filterMatches(note: Note, f: Filters): boolean {
  if (f.site && note.site !== f.site) return false;
  if (f.tag && !note.tags.includes(f.tag)) return false;
  if (f.speaker && note.speaker !== f.speaker) return false;
  const days = dayRange(f);
  return !days || (note.createdAt >= days.lo && note.createdAt <= days.hi);
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
