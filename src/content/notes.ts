/**
 * The reader's notes on the live page: the anchor a new note is filed under, and where each saved note's passage
 * is now. Note text never comes here — only anchors and ids; the note itself is shown in the panel.
 *
 * Loaded on demand (a dynamic import from `./index`), with the anchoring engine: only on pages that have notes,
 * or once the reader takes one. Where a selection sits in the text is `./selection`, loaded up front.
 */
import { describeSpan, placeAnchor, type NoteAnchor } from '../core/anchoring';
import type { TextMap } from '../core/text';
import type { Anchor } from '../messages';
import type { Note } from '../storage/db';
import { NOTE_HIGHLIGHT, ensurePageStyle } from './page-style';
import { highlightRegistry } from './highlights';

export function toNoteAnchor(a: Anchor): NoteAnchor {
  return {
    quote: { type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix },
    position: { type: 'TextPositionSelector', start: a.start, end: a.end },
  };
}

export function fromNoteAnchor(n: NoteAnchor): Anchor {
  return { exact: n.quote.exact, prefix: n.quote.prefix, suffix: n.quote.suffix, start: n.position.start, end: n.position.end };
}

export function anchorFor(map: TextMap, start: number, end: number): Anchor {
  return fromNoteAnchor(describeSpan(map.text, start, end));
}

/** Note highlights (one Highlight for all notes) and which note is where. */
export class NoteLayer {
  private placed = new Map<string, Range>();
  private highlight: Highlight | null = null;
  orphans: string[] = [];

  /** Places every note of the page; those that can't be found become orphans (never deleted). */
  show(map: TextMap, notes: readonly Note[]): void {
    this.placed.clear();
    this.orphans = [];
    for (const note of notes) {
      if (!note.anchor) continue;
      const where = placeAnchor(map.text, toNoteAnchor(note.anchor));
      const range = where ? map.range(where.start, where.end) : null;
      if (range) this.placed.set(note.id, range);
      else this.orphans.push(note.id);
    }
    const reg = highlightRegistry();
    if (!reg) return;
    this.highlight = null;
    if (this.placed.size === 0) reg.delete(NOTE_HIGHLIGHT);
    else {
      // The page stylesheet styles the note highlight (a pass adds it only for hidden blocks or quotes).
      ensurePageStyle(document);
      this.highlight = new Highlight(...this.placed.values());
      // Above quote highlights where they overlap: the reader's own mark wins.
      this.highlight.priority = 1;
      reg.set(NOTE_HIGHLIGHT, this.highlight);
    }
  }

  get count(): number {
    return this.placed.size;
  }

  rangeOf(id: string): Range | null {
    return this.placed.get(id) ?? null;
  }

  /** The id of the note under a point, if any. */
  noteAt(x: number, y: number): string | null {
    if (!this.highlight) return null;
    const reg = highlightRegistry();
    const hits = reg?.highlightsFromPoint?.(x, y) ?? [];
    if (!hits.some((h) => (h instanceof Highlight ? h : h.highlight) === this.highlight)) return null;
    // The hit says "a note is here"; find which one by its rectangles (only on hover/click, over few notes).
    for (const [id, range] of this.placed) {
      for (const rect of range.getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return id;
      }
    }
    return null;
  }

  clear(): void {
    this.placed.clear();
    this.highlight = null;
    highlightRegistry()?.delete(NOTE_HIGHLIGHT);
  }
}
