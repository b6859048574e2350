/**
 * Where a selection sits in the article text. Cheap and loaded with the content script: it decides whether the
 * "Note" button is offered. Describing the passage for storage (the anchoring engine) waits until the reader
 * actually takes the note (`./notes`, loaded on demand).
 */
import type { TextMap } from '../core/text';

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

/** The text offset of a DOM position inside the mapped blocks of `map`, or -1 when it lies outside them. */
export function textOffsetOf(map: TextMap, node: Node, offset: number): number {
  const ni = map.nodes.indexOf(node as Text);
  if (ni < 0) return -1;
  // First character at or after (node, offset).
  let best = -1;
  for (let k = 0; k < map.segStart.length; k++) {
    const sn = map.segNode[k]!;
    if (sn === ni) {
      const o = map.segOffset[k]!;
      const s = map.segStart[k]!;
      const e = map.segEnd[k]!;
      if (o + (e - s) - 1 >= offset) return s + Math.max(0, offset - o);
      best = e;
    } else if (best >= 0 && sn > ni) {
      return best;
    }
  }
  return best;
}

/** Offsets of a DOM range in the article text, or null when it isn't inside the story. */
export function rangeOffsets(map: TextMap, range: Range): { start: number; end: number } | null {
  const a = textBoundary(range.startContainer, range.startOffset, 'start');
  const b = textBoundary(range.endContainer, range.endOffset, 'end');
  let start = textOffsetOf(map, a.node, a.offset);
  const endChar = textOffsetOf(map, b.node, Math.max(0, b.offset - 1));
  if (start < 0 || endChar < 0) return null;
  let end = endChar + 1;
  // Trim white space the selection picked up at its edges.
  while (start < end && /\s/.test(map.text[start]!)) start++;
  while (end > start && /\s/.test(map.text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}
