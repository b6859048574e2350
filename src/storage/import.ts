/**
 * Notes into Newsmark from a file: our JSON export or W3C Web Annotation JSON-LD. Everything is checked before
 * anything is written; one bad note refuses the whole file with a message that names it, and the database is
 * left as it was. Writing is one transaction, and a note whose id is already stored is left alone, so importing
 * the same file twice adds nothing.
 */
import * as v from 'valibot';
import { AnchorSchema } from '../messages';
import type { NewsmarkDb, Note } from './db';
import { ANNO_CONTEXT, JSON_FORMAT, JSON_VERSION } from './export';
import { siteOf } from '../core/url';
import { STORAGE_FULL, isQuotaError } from './errors';

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Time = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
const HttpUrl = v.pipe(v.string(), v.maxLength(4_000), v.check((s) => /^https?:\/\//i.test(s) && URL.canParse(s), 'must be an http(s) address'));
const Tag = v.pipe(v.string(), v.minLength(1), v.maxLength(64), v.check((s) => s.trim() === s, 'has spaces at its ends'));

export const NoteSchema = v.object({
  id: v.pipe(v.string(), v.uuid('must be a UUID')),
  pageUrl: HttpUrl,
  canonicalUrl: v.nullable(HttpUrl),
  pageTitle: Text(2_000),
  site: Text(253),
  createdAt: Time,
  updatedAt: Time,
  text: Text(100_000),
  tags: v.pipe(v.array(Tag), v.maxLength(50), v.check((t) => new Set(t).size === t.length, 'repeats a tag')),
  speaker: v.nullable(Text(200)),
  anchor: v.nullable(v.pipe(AnchorSchema, v.check((a) => a.start <= a.end, 'ends before it starts'))),
});

export type ImportResult = { ok: true; notes: Note[]; format: 'json' | 'w3c' } | { ok: false; error: string };

const MAX_LISTED = 5;

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return `${path ? `${path}: ` : ''}${issue.message}`;
}

function refuse(problems: string[], total: number): ImportResult {
  const shown = problems.slice(0, MAX_LISTED).join('; ');
  const more = problems.length > MAX_LISTED ? `; and ${problems.length - MAX_LISTED} more` : '';
  return { ok: false, error: `Nothing was imported: ${problems.length} of ${total} notes have problems — ${shown}${more}.` };
}

function validateAll(items: unknown[], label: (i: number, item: unknown) => string, toNote: (item: unknown) => unknown): ImportResult | Note[] {
  const notes: Note[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    let candidate: unknown;
    try {
      candidate = toNote(item);
    } catch (err) {
      problems.push(`${label(i, item)}: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    const parsed = v.safeParse(NoteSchema, candidate);
    if (!parsed.success) {
      problems.push(`${label(i, item)}: ${describeIssue(parsed.issues[0]!)}`);
      return;
    }
    if (seen.has(parsed.output.id)) {
      problems.push(`${label(i, item)}: the id ${parsed.output.id} appears twice in the file`);
      return;
    }
    seen.add(parsed.output.id);
    notes.push(parsed.output);
  });
  return problems.length ? refuse(problems, items.length) : notes;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const idOf = (item: unknown) => (isObject(item) && typeof item.id === 'string' ? ` (${item.id})` : '');

function isWebAnnotation(data: unknown): boolean {
  const ctx = isObject(data) ? data['@context'] : Array.isArray(data) && isObject(data[0]) ? data[0]['@context'] : undefined;
  const contexts = Array.isArray(ctx) ? ctx : [ctx];
  if (contexts.includes(ANNO_CONTEXT)) return true;
  return isObject(data) && (data.type === 'AnnotationCollection' || data.type === 'Annotation' || data.type === 'AnnotationPage');
}

/** The annotations in a collection (embedded pages), a page, an array, or a single annotation. */
function annotationsOf(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (!isObject(data)) throw new Error('not an annotation, page or collection');
  if (data.type === 'Annotation') return [data];
  if (Array.isArray(data.items)) return data.items;
  const items: unknown[] = [];
  let page = data.first;
  const seen = new Set<unknown>();
  while (isObject(page) && !seen.has(page)) {
    seen.add(page);
    if (!Array.isArray(page.items)) throw new Error('an annotation page has no items');
    items.push(...page.items);
    page = page.next;
  }
  if (typeof data.first === 'string') throw new Error('the collection links to its pages instead of including them');
  return items;
}

const asArray = (x: unknown): unknown[] => (x === undefined || x === null ? [] : Array.isArray(x) ? x : [x]);

function time(value: unknown, field: string): number {
  if (typeof value !== 'string') throw new Error(`${field} is missing`);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`${field} is not a date`);
  return ms;
}

/** One Web Annotation → a candidate note (validated afterwards like any other). */
function fromAnnotation(item: unknown): unknown {
  if (!isObject(item)) throw new Error('not an object');
  if (item.type !== 'Annotation') throw new Error('type is not "Annotation"');
  const rawId = typeof item.id === 'string' ? item.id : '';
  const id = rawId.replace(/^urn:uuid:/i, '');
  const bodies = asArray(item.body).filter(isObject);
  const comment = bodies.find((b) => b.purpose !== 'tagging' && b.type === 'TextualBody');
  const tags = bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value);
  const target = asArray(item.target)[0];
  const source = isObject(target) ? target.source : target;
  if (typeof source !== 'string') throw new Error('target has no source address');
  const selectors = isObject(target) ? asArray(target.selector).filter(isObject) : [];
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  let anchor: unknown = null;
  if (quote || position) {
    if (!quote || !position) throw new Error('needs both a TextQuoteSelector and a TextPositionSelector');
    anchor = { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '', start: position.start, end: position.end };
  }
  const created = time(item.created, 'created');
  const str = (key: string) => item[`newsmark:${key}`];
  return {
    id,
    pageUrl: source,
    canonicalUrl: str('canonicalUrl') ?? null,
    pageTitle: str('pageTitle') ?? '',
    site: str('site') ?? siteOf(source),
    createdAt: created,
    updatedAt: item.modified === undefined ? created : time(item.modified, 'modified'),
    text: comment ? comment.value : '',
    tags,
    speaker: str('speaker') ?? null,
    anchor,
  };
}

/** Reads and checks a file's text; nothing is written here. */
export function parseImport(text: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `Nothing was imported: the file isn’t valid JSON (${err instanceof Error ? err.message : String(err)}).` };
  }
  if (isObject(data) && data.format === JSON_FORMAT) {
    if (data.version !== JSON_VERSION) return { ok: false, error: `Nothing was imported: this file is version ${String(data.version)} of Newsmark’s format; this Newsmark reads version ${JSON_VERSION}.` };
    if (!Array.isArray(data.notes)) return { ok: false, error: 'Nothing was imported: the file has no list of notes.' };
    const result = validateAll(data.notes, (i, item) => `note ${i + 1}${idOf(item)}`, (x) => x);
    return Array.isArray(result) ? { ok: true, notes: result, format: 'json' } : result;
  }
  if (isWebAnnotation(data)) {
    let items: unknown[];
    try {
      items = annotationsOf(data);
    } catch (err) {
      return { ok: false, error: `Nothing was imported: ${err instanceof Error ? err.message : String(err)}.` };
    }
    const result = validateAll(items, (i, item) => `annotation ${i + 1}${idOf(item)}`, fromAnnotation);
    return Array.isArray(result) ? { ok: true, notes: result, format: 'w3c' } : result;
  }
  return { ok: false, error: 'Nothing was imported: this is neither a Newsmark notes file nor W3C Web Annotations.' };
}

/** Adds the notes whose ids aren't stored yet, all in one transaction. */
export async function importNotes(db: NewsmarkDb, notes: readonly Note[]): Promise<{ added: number; alreadyThere: number }> {
  try {
    return await db.transaction('rw', db.notes, async () => {
      const existing = await db.notes.bulkGet(notes.map((n) => n.id));
      const fresh = notes.filter((_, i) => !existing[i]);
      if (fresh.length) await db.notes.bulkAdd(fresh);
      return { added: fresh.length, alreadyThere: notes.length - fresh.length };
    });
  } catch (err) {
    if (isQuotaError(err)) throw new Error(STORAGE_FULL);
    throw err;
  }
}
