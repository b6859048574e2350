/**
 * What "search" means in Newsmark, in one place, so the index (each note's `words`, storage/db.ts) and the plain
 * scan that checks it agree:
 * a note matches when every word of the query begins some word of the note's searchable text — its note text,
 * the quoted passage, the speaker, the page title and its tags. Case and accents don't matter ("etat" finds
 * "État"); punctuation separates words. Prefixes, because the reader is still typing the last word.
 */
import type { Note, StoredNote } from './db';

/** Letters and digits make words; everything else separates them. Linear: one character class, no nesting. */
const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;

/** Lower case, accents folded away. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase();
}

/** The words of a text, folded. */
export function words(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

/** All the text a search looks at, one string (fields separated so words never join across them). */
export function searchableText(note: Pick<Note, 'text' | 'anchor' | 'speaker' | 'pageTitle' | 'tags'>): string {
  return [note.text, note.anchor?.exact ?? '', note.speaker ?? '', note.pageTitle, note.tags.join(' ')].join('\n');
}

/**
 * The words a note is indexed under (its `words` field): the distinct words of its searchable text. A query word
 * begins a word of the note exactly when it begins one of these, which is what makes an index range on them
 * answer the same as `haystackMatches`.
 */
export function noteWords(note: Parameters<typeof searchableText>[0]): string[] {
  return [...new Set(words(searchableText(note)))];
}

/** The query's distinct words, longest first (the rarest usually, so a scan can stop sooner). */
export function queryTerms(query: string): string[] {
  return [...new Set(words(query))].sort((a, b) => b.length - a.length);
}

/**
 * A note's words as one string with a space before each word, for the plain scan: " w1 w2 w3". A term begins a
 * word exactly when " term" occurs in it.
 */
export function scanHaystack(note: Parameters<typeof searchableText>[0]): string {
  const w = words(searchableText(note));
  return w.length ? ` ${w.join(' ')}` : '';
}

/** The plain scan's test: every term begins some word. */
export function haystackMatches(haystack: string, terms: readonly string[]): boolean {
  for (const t of terms) if (!haystack.includes(` ${t}`)) return false;
  return true;
}

/**
 * The same test over a note's stored words (its `words` field, or computed when a note predates them): every
 * term begins one of them. What a walk over stored notes uses, without folding their text again.
 */
export function wordsMatch(noteWordList: readonly string[], terms: readonly string[]): boolean {
  return terms.every((t) => noteWordList.some((w) => w.startsWith(t)));
}

/** A stored note's search words: kept with it since schema v3, computed for one that has none. */
export function storedWords(note: StoredNote): readonly string[] {
  return note.words ?? noteWords(note);
}

/** The note as stored, with its search keys computed from it. */
export function withSearchKeys(note: Note): StoredNote {
  const { heads: _heads, ...plain } = note as StoredNote;
  return { ...plain, words: noteWords(note) };
}

/** The note without its derived search keys (for export, comparison, and anything shown or sent). */
export function withoutSearchKeys(stored: StoredNote): Note {
  const { words: _words, heads: _heads, ...note } = stored;
  return note;
}
