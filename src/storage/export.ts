/**
 * Notes out of Newsmark, in three shapes:
 * - Markdown, grouped by article (title, address, date), each quote as a block quote with its speaker and the
 *   note under it — reads well in Obsidian and any Markdown editor;
 * - JSON in our own versioned schema (every field, so import gives back exactly what was exported);
 * - W3C Web Annotation JSON-LD: an AnnotationCollection whose annotations carry the note as a TextualBody, tags
 *   as tagging bodies, and the passage as TextQuoteSelector + TextPositionSelector. What the model has no word
 *   for (speaker, page title, canonical address, site) rides along under a `newsmark:` prefix.
 */
import type { Note, StoredNote } from './db';
import { withoutSearchKeys } from './search-text';

export const JSON_FORMAT = 'newsmark-notes';
export const JSON_VERSION = 1;
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const NEWSMARK_NS = 'https://newsmark.example/ns#';

export type ExportFormat = 'markdown' | 'json' | 'w3c';

export interface NotesFile {
  format: typeof JSON_FORMAT;
  version: typeof JSON_VERSION;
  exportedAt: string;
  notes: Note[];
}

export function toJson(notes: readonly Note[], now = Date.now()): string {
  // A stored note also carries its search keys (storage/db.ts): derived, so not part of the file.
  const plain = notes.map((n) => withoutSearchKeys(n as StoredNote));
  const file: NotesFile = { format: JSON_FORMAT, version: JSON_VERSION, exportedAt: new Date(now).toISOString(), notes: plain };
  return JSON.stringify(file, null, 2);
}

const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);

/** One annotation per note; see the module comment for the mapping. */
export function toAnnotation(note: Note): Record<string, unknown> {
  const body: Record<string, unknown>[] = [{ type: 'TextualBody', value: note.text, format: 'text/plain', purpose: 'commenting' }];
  for (const tag of note.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  const target: Record<string, unknown> = { source: note.pageUrl };
  if (note.anchor) {
    const a = note.anchor;
    target.selector = [
      { type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix },
      { type: 'TextPositionSelector', start: a.start, end: a.end },
    ];
  }
  return {
    id: `urn:uuid:${note.id}`,
    type: 'Annotation',
    motivation: 'commenting',
    created: iso(note.createdAt),
    modified: iso(note.updatedAt),
    body,
    target,
    'newsmark:pageTitle': note.pageTitle,
    'newsmark:site': note.site,
    'newsmark:canonicalUrl': note.canonicalUrl,
    'newsmark:speaker': note.speaker,
  };
}

export function toWebAnnotation(notes: readonly Note[]): string {
  return JSON.stringify(
    {
      '@context': [ANNO_CONTEXT, { newsmark: NEWSMARK_NS }],
      type: 'AnnotationCollection',
      label: 'Newsmark notes',
      total: notes.length,
      first: { type: 'AnnotationPage', startIndex: 0, items: notes.map(toAnnotation) },
    },
    null,
    2,
  );
}

/** Text that can't start a Markdown block by accident (a heading, list or quote) nor break out of a line. */
function inline(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/^([#>\-*+]|\d+[.)])/, '\\$1');
}

function quoteBlock(text: string): string {
  return text.split(/\r?\n/).map((line) => (line.trim() ? `> ${line}` : '>')).join('\n');
}

/** Obsidian tags: no spaces. */
const hashtag = (tag: string) => `#${tag.trim().replace(/\s+/g, '-')}`;

/** Markdown grouped by article, articles in the order their first note appears in `notes`. */
export function toMarkdown(notes: readonly Note[], now = Date.now()): string {
  const articles = new Map<string, Note[]>();
  for (const n of notes) {
    const group = articles.get(n.pageUrl);
    if (group) group.push(n);
    else articles.set(n.pageUrl, [n]);
  }
  const out: string[] = [`# Newsmark notes`, '', `Exported ${day(now)} · ${notes.length} note${notes.length === 1 ? '' : 's'}`, ''];
  for (const [url, group] of articles) {
    const first = group[0]!;
    out.push(`## ${inline(first.pageTitle) || url}`, '');
    out.push(`- Address: <${url}>`, `- Site: ${first.site}`, `- Noted: ${day(Math.min(...group.map((g) => g.createdAt)))}`, '');
    for (const n of group) {
      if (n.anchor?.exact) {
        out.push(quoteBlock(n.anchor.exact));
        if (n.speaker) out.push('>', `> — ${inline(n.speaker)}`);
        out.push('');
      } else if (n.speaker) {
        out.push(`— ${inline(n.speaker)}`, '');
      }
      if (n.text.trim()) out.push(n.text.trim(), '');
      const meta = [day(n.createdAt), ...n.tags.map(hashtag)].join(' ');
      out.push(`_${meta}_`, '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function exportNotes(format: ExportFormat, notes: readonly Note[], now = Date.now()): { text: string; mime: string; filename: string } {
  const stamp = day(now);
  switch (format) {
    case 'markdown':
      return { text: toMarkdown(notes, now), mime: 'text/markdown', filename: `newsmark-notes-${stamp}.md` };
    case 'json':
      return { text: toJson(notes, now), mime: 'application/json', filename: `newsmark-notes-${stamp}.json` };
    case 'w3c':
      return { text: toWebAnnotation(notes), mime: 'application/ld+json', filename: `newsmark-annotations-${stamp}.jsonld` };
  }
}
