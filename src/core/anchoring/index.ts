/**
 * Note anchoring: how a note finds its words again. Pure string work over the article text
 * (`TextMap.of(article.paragraphs).text`); the caller maps offsets to DOM ranges with `TextMap.range`.
 */
export { describeSpan, isNoteAnchor, CONTEXT_CHARS } from './selectors';
export type { NoteAnchor, TextPositionSelector, TextQuoteSelector } from './selectors';
export { placeAnchor } from './place';
export type { AnchorMethod, Placement } from './place';
