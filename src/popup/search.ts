/**
 * Search as you type, over any number of notes: which notes match the words typed and the filters, in the list's
 * order, with the first screen of them as soon as it is certain.
 *
 * Two ways to answer, chosen per query by asking the indexes how broad each part of it is:
 * - **From an index**, when one part is narrow: a query word (`*words` prefix range, storage/db.ts) or a site, tag,
 *   speaker or date filter that holds fewer than PROBE index entries gives every candidate at once; they are
 *   read, checked against the rest of the query and sorted in memory. Complete in one step.
 * - **Walking the list order**, when every part is broad ("t", "gra", a tag on half the notes): the notes are
 *   read newest first (or in the chosen order) in batches and tested, so a screen fills after a few dozen reads
 *   when most notes match (sorted by date, only the days a date filter allows are walked). The walk goes on to
 *   the end in the background for the full list and count, and stops when the reader types again.
 * Both test a note with the same rule as the brute-force scan (storage/search-text.ts), so they cannot disagree
 * with it on meaning; the popup benchmark checks that for every keystroke.
 */
import type { IndexableType } from 'dexie';
import type { NewsmarkDb, StoredNote } from '../storage/db';
import { queryTerms, storedWords, wordsMatch } from '../storage/search-text';
import { dayRange, filterMatches, type Filters, type Sort } from './query';

/** A word or filter with fewer index entries than this is narrow: its notes are the candidates. */
export const PROBE = 2_000;
/** Rows the reader sees first: a walk hands them over as soon as it has this many. */
export const SCREEN = 20;
/** Notes per read while walking: small first (the screen), then larger (the rest, in the background). */
const FIRST_BATCH = 100;
const BATCH = 1_000;
/** How often a walk's growing list is handed over after its first screen. */
const PROGRESS_MS = 250;

export interface Found {
  /** Matching note ids in list order: all of them when `complete`, else the first ones, in their final places. */
  ids: string[];
  complete: boolean;
  /** How the answer was found, for the benchmark and debugging. */
  how: 'index' | 'walk';
}

/** The index each sort walks, and whether backwards. Ties are in id order, as IndexedDB keeps them. */
const ORDER: Record<Sort, { index: 'createdAt' | 'pageUrl'; reverse: boolean }> = {
  newest: { index: 'createdAt', reverse: true },
  oldest: { index: 'createdAt', reverse: false },
  article: { index: 'pageUrl', reverse: false },
};

/** The list order as a comparison, exactly as walking the index yields it (key, then id; both reversed for newest). */
export function compareInOrder(sort: Sort): (a: StoredNote, b: StoredNote) => number {
  const { index, reverse } = ORDER[sort];
  const sign = reverse ? -1 : 1;
  return (a, b) => {
    const x = a[index];
    const y = b[index];
    if (x !== y) return (x < y ? -1 : 1) * sign;
    return a.id === b.id ? 0 : (a.id < b.id ? -1 : 1) * sign;
  };
}

/** The words of a query that matter: a word that begins another adds nothing ("kal kalos" asks only for "kalos"). */
function neededTerms(query: string): string[] {
  const terms = queryTerms(query);
  return terms.filter((t) => !terms.some((u) => u !== t && u.startsWith(t)));
}

/**
 * Ids of every note with fewer than PROBE entries under the narrowest part of the query, or null when every
 * part is broad. Each probe reads at most PROBE keys, so asking costs little even when the answer is "broad".
 */
async function narrowCandidates(db: NewsmarkDb, terms: readonly string[], f: Filters): Promise<Set<string> | null> {
  const ranges = [
    ...terms.map((t) => db.notes.where('words').startsWith(t)),
    ...(f.site ? [db.notes.where('site').equals(f.site)] : []),
    ...(f.tag ? [db.notes.where('tags').equals(f.tag)] : []),
    ...(f.speaker ? [db.notes.where('speaker').equals(f.speaker)] : []),
  ];
  const days = dayRange(f);
  if (days) ranges.push(db.notes.where('createdAt').between(days.lo, days.hi, true, true));
  const probes = await Promise.all(ranges.map((r) => r.limit(PROBE).primaryKeys()));
  let best: Set<string> | null = null;
  for (const keys of probes) {
    if (keys.length >= PROBE) continue;
    const ids = new Set(keys as string[]);
    if (!best || ids.size < best.size) best = ids;
  }
  return best;
}

/**
 * The notes in list order, a batch at a time. Each batch starts at the last key read, skipping the notes already
 * read under that same key (IndexedDB keeps equal keys in id order), so no note is read twice or missed. With
 * `days`, a walk along createdAt reads only the notes created within them.
 */
export async function* walkInOrder(db: NewsmarkDb, sort: Sort, firstBatch = FIRST_BATCH, batch = BATCH, days: { lo: number; hi: number } | null = null): AsyncGenerator<StoredNote[]> {
  const { index, reverse } = ORDER[sort];
  const bounded = days !== null && index === 'createdAt';
  let last: IndexableType | undefined;
  let skip = 0;
  let size = firstBatch;
  for (;;) {
    const range = bounded
      ? db.notes.where(index).between(reverse || last === undefined ? days.lo : last, reverse && last !== undefined ? last : days.hi, true, true)
      : last === undefined
        ? db.notes.orderBy(index)
        : reverse
          ? db.notes.where(index).belowOrEqual(last)
          : db.notes.where(index).aboveOrEqual(last);
    const got = (await (reverse ? range.reverse() : range).limit(size + skip).toArray()) as StoredNote[];
    const fresh = got.slice(skip);
    if (fresh.length > 0) yield fresh;
    if (got.length < size + skip) return;
    const key = got[got.length - 1]![index];
    let same = 0;
    for (let i = got.length - 1; i >= 0 && got[i]![index] === key; i--) same++;
    last = key;
    skip = same;
    size = batch;
  }
}

/**
 * The notes matching `query` and `filters`, in `sort` order. Yields at least once; the last answer is complete.
 * The first answer holds at least SCREEN ids or is complete; later ones (a walk's progress) only append.
 * Stop iterating to abandon the search (the reader typed again): no further reads are made.
 */
export async function* findNotes(db: NewsmarkDb, query: string, filters: Filters, sort: Sort): AsyncGenerator<Found> {
  const terms = neededTerms(query);
  const matches = (n: StoredNote) => wordsMatch(storedWords(n), terms) && filterMatches(n, filters);
  const candidates = await narrowCandidates(db, terms, filters);
  if (candidates) {
    const notes = (await db.notes.bulkGet([...candidates])) as (StoredNote | undefined)[];
    const hits = notes.filter((n): n is StoredNote => n !== undefined && matches(n)).sort(compareInOrder(sort));
    yield { ids: hits.map((n) => n.id), complete: true, how: 'index' };
    return;
  }
  const ids: string[] = [];
  let shown = 0;
  let shownAt = 0;
  for await (const notes of walkInOrder(db, sort, FIRST_BATCH, BATCH, dayRange(filters))) {
    for (const n of notes) if (matches(n)) ids.push(n.id);
    // Hand over the first screen once there is one, then the progress now and then (the list grows, the count too).
    if (ids.length >= SCREEN && ids.length > shown && (shown === 0 || performance.now() - shownAt > PROGRESS_MS)) {
      shown = ids.length;
      shownAt = performance.now();
      yield { ids: [...ids], complete: false, how: 'walk' };
    }
  }
  yield { ids, complete: true, how: 'walk' };
}
