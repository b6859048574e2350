/**
 * The reader's notes on the live page: where a selection sits in the article text, and where each saved note's
 * passage is now. Note text never comes here — only anchors and ids; the note itself is shown in the panel.
 */
import { describeSpan, placeAnchor, type NoteAnchor } from '../core/anchoring';
import type { TextMap } from '../core/text';
import type { Anchor } from '../messages';
import type { Note } from '../storage/db';
import { NOTE_HIGHLIGHT } from './page-style';
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

/** The first (or last) text node at a DOM boundary point, so element-level selections map too. */
function textBoundary(container: Node, offset: number, edge: 'start' | 'end'): { node: Node; offset: number } {
  if (container.nodeType === 3) return { node: container, offset };
  const kids = container.childNodes;
  let node: Node | null = edge === 'start' ? (kids[offset] ?? null) : (kids[offset - 1] ?? null);
  if (!node) return { node: container, offset };
  while (node && node.nodeType !== 3) {
    const next: Node | null = edge === 'start' ? node.firstChild : node.lastChild;
    if (!next) break;
    node = next;
  }
  if (!node || node.nodeType !== 3) return { node: container, offset };
  return { node, offset: edge === 'start' ? 0 : (node as Text).data.length };
}

/** Offsets of a DOM range in the article text, or null when it isn't inside the story. */
export function rangeOffsets(map: TextMap, range: Range): { start: number; end: number } | null {
  const a = textBoundary(range.startContainer, range.startOffset, 'start');
  const b = textBoundary(range.endContainer, range.endOffset, 'end');
  let start = map.offsetOf(a.node, a.offset);
  const endChar = map.offsetOf(b.node, Math.max(0, b.offset - 1));
  if (start < 0 || endChar < 0) return null;
  let end = endChar + 1;
  // Trim white space the selection picked up at its edges.
  while (start < end && /\s/.test(map.text[start]!)) start++;
  while (end > start && /\s/.test(map.text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
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
