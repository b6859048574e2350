/**
 * Reader-visible text of DOM blocks, and the way back from a text offset to a DOM position.
 *
 * Every engine agrees on one rule for "the text of a block", so that offsets printed by the CLIs,
 * quote spans, and note anchors all index the same string:
 *   - text nodes in document order, skipping <script>, <style>, <noscript>, <template>, any
 *     element with the `hidden` attribute and any whose inline style says display:none or
 *     visibility:hidden;
 *   - <br> counts as white space;
 *   - each run of white space (including no-break spaces) becomes one space; the block is trimmed.
 * Blocks are joined with a blank line ("\n\n"), so a paragraph break is visible to the quote finder.
 *
 * Pure DOM reading: works on a live page, on linkedom/happy-dom/jsdom documents, and never writes.
 */

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG']);
const BLOCK_SEPARATOR = '\n\n';
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

function isSpace(code: number): boolean {
  // space, tab, LF, VT, FF, CR, NBSP, narrow NBSP, figure space, ideographic space and the Unicode Zs run.
  // Below NBSP only the ASCII ones: most characters (above the space) are answered by the first two comparisons.
  if (code < 0xa0) return code <= 32 && (code === 32 || (code >= 9 && code <= 13));
  return (
    code === 0xa0 || code === 0x202f ||
    code === 0x2007 || code === 0x3000 || (code >= 0x2000 && code <= 0x200a) || code === 0x205f ||
    code === 0x1680 || code === 0x2028 || code === 0x2029
  );
}

/**
 * The first index in [0, n) at which `before` is false, for a `before` that is true up to some index and false
 * after it (a binary search over any sorted array: `partitionPoint(xs.length, (i) => xs[i] < x)`).
 */
export function partitionPoint(n: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function isSkippedElement(el: Element): boolean {
  return skippedAs(el, TAG_NAME.call(el));
}

/** `isSkippedElement` for an element whose tag the caller has read (attributes read through the prototypes). */
function skippedAs(el: Element, tag: string): boolean {
  // hasAttributes first: attribute reads cost more than the walk itself, and most elements have none.
  return SKIPPED_TAGS.has(tag) || (HAS_ATTRIBUTES.call(el) && (HAS_ATTRIBUTE.call(el, 'hidden') || styleHidesUpTo(GET_ATTRIBUTE.call(el, 'style'), 2000)));
}

/**
 * An inline style that hides the element (display:none / visibility:hidden), e.g. the MathML copy wikis keep beside
 * a rendered formula; a style longer than `max` is not read. Attribute reading only, so it works without layout.
 */
export function styleHidesUpTo(style: string | null, max: number): boolean {
  // Either needs a colon, white space and an "n" or "h" next (its copy below is only lower-cased and closed up):
  // most styles are passed without building that copy.
  if (style && style.length <= max && /:\s*[hn]/i.test(style)) {
    const s = style.toLowerCase().replace(/\s+/g, '');
    return s.includes('display:none') || s.includes('visibility:hidden');
  }
  return false;
}

/*
 * <object> and <embed>. Chromium answers any property read on one of these elements (even `nodeType`) only
 * after bringing the page's style and layout up to date, since a plugin could supply the property: a walk that
 * passes one after the page changed (our stylesheet and hiding attributes, the page's own scripts) paid a whole
 * layout there (5–10 ms on pages that embed a player). The walks know them by identity and read them through the
 * prototypes' own getters and methods, which answer the same without asking the plugin. `notePlugins` finds them
 * at the start of an analysis; a stale set only costs time, never changes an answer.
 */
let plugins: WeakSet<Node> | null = null;

/** Remembers the document's <object> and <embed> elements for the walks (none: the walks do no look-up). */
export function notePlugins(doc: Document): void {
  // Most pages have none, and two tag lists (kept by the browser between changes) say so for about a third of a
  // selector query's cost. Which elements count only decides how they are read, never what is read.
  const tags = (name: string) => doc.getElementsByTagName(name).length;
  if (tags('object') + tags('embed') === 0) {
    plugins = null;
    return;
  }
  const found = doc.querySelectorAll('object, embed');
  plugins = found.length > 0 ? new WeakSet(Array.from(found)) : null;
}

/** One of the elements `notePlugins` found. */
export function isPlugin(node: Node): boolean {
  return plugins !== null && plugins.has(node);
}

/*
 * DOM reads through the prototypes' own getters and methods, taken once here and called as `FIRST_CHILD.call(node)`.
 * They answer as the plain reads do, but never ask a plugin (above) and never see a form's controls named like
 * the property. Where the prototypes have no such getter (Node's DOM libraries), a plain read. (Held in variables,
 * not in an object or behind one closure per name: those were 5–40 % slower than plain reads in Chromium.)
 */
const dom = globalThis as { Node?: { prototype: object }; Element?: { prototype: object } };
function getterOf<T>(proto: object | undefined, name: string): (this: Node) => T {
  const f = proto ? Object.getOwnPropertyDescriptor(proto, name)?.get : undefined;
  return (f ?? function (this: Node) { return (this as unknown as Record<string, unknown>)[name]; }) as (this: Node) => T;
}
function methodOf<T extends (...a: never[]) => unknown>(proto: object | undefined, name: string): T {
  const f = proto ? (proto as Record<string, unknown>)[name] : undefined;
  return (typeof f === 'function' ? f : function (this: Record<string, T>, ...a: never[]) { return this[name]!(...a); }) as T;
}
export const NODE_TYPE = getterOf<number>(dom.Node?.prototype, 'nodeType');
export const FIRST_CHILD = getterOf<Node | null>(dom.Node?.prototype, 'firstChild');
export const NEXT_SIBLING = getterOf<Node | null>(dom.Node?.prototype, 'nextSibling');
export const PARENT_NODE = getterOf<Node | null>(dom.Node?.prototype, 'parentNode');
export const TEXT_CONTENT = getterOf<string | null>(dom.Node?.prototype, 'textContent');
export const TAG_NAME = getterOf<string>(dom.Element?.prototype, 'tagName');
export const HAS_ATTRIBUTES = methodOf<(this: Element) => boolean>(dom.Element?.prototype, 'hasAttributes');
export const ATTRIBUTE_NAMES = methodOf<(this: Element) => string[]>(dom.Element?.prototype, 'getAttributeNames');
export const HAS_ATTRIBUTE = methodOf<(this: Element, name: string) => boolean>(dom.Element?.prototype, 'hasAttribute');
export const GET_ATTRIBUTE = methodOf<(this: Element, name: string) => string | null>(dom.Element?.prototype, 'getAttribute');

/**
 * Text nodes under `root` in document order, honouring the skip rule. Iterative (deep trees don't overflow),
 * by firstChild/nextSibling: no NodeList or stack array per element.
 */
export function visibleTextNodes(root: Node): Text[] {
  const out: Text[] = [];
  let node: Node | null = root;
  while (node) {
    let descend = false;
    const plug: boolean = plugins !== null && plugins.has(node);
    // Only elements have a tag: one DOM read per element fewer than asking every node its type first (the tag is
    // read once, for the skip and <br> tests). A form's controls shadow its properties by name (a control named
    // "tagName" or "nodeType" answers for it): a form is asked its type, as every node was, and read as before.
    const tag: unknown = plug ? TAG_NAME.call(node) : (node as Element).tagName;
    const type = typeof tag === 'string' && tag !== 'FORM' ? ELEMENT_NODE : node.nodeType;
    if (type === TEXT_NODE) {
      out.push(node as Text);
    } else if (type === ELEMENT_NODE) {
      const el = node as Element;
      if (el !== root && skippedAs(el, tag as string)) {
        // skipped with everything under it
      } else if (tag === 'BR') {
        out.push(BR_MARK);
      } else {
        descend = true;
      }
    } else if (type === 9 || type === 11) {
      descend = true; // documents and fragments; comments and processing instructions are skipped
    }
    const first: Node | null = descend ? (plug ? FIRST_CHILD.call(node) : node.firstChild) : null;
    if (first) {
      node = first;
      continue;
    }
    // Up to the first ancestor-or-self with a next sibling (each sibling read once), or out at the root.
    let next: Node | null = null;
    while (node !== root && !(next = isPlugin(node) ? NEXT_SIBLING.call(node) : node.nextSibling)) node = (isPlugin(node) ? PARENT_NODE.call(node) : node.parentNode)!;
    node = next;
  }
  return out;
}

/** Stands for a <br> in the node list: contributes one white-space character and maps nowhere. */
const BR_MARK = { data: ' ' } as unknown as Text;

/**
 * The normalised text of one block, without building an offset map (the fast path for scoring).
 * With `max`, reading stops as soon as the text is longer than `max`: the result is then a prefix of the
 * full text, longer than `max` (enough for a caller that only wants short blocks, or their first words).
 */
export function blockText(el: Node, max = Infinity): string {
  return tidy(visibleTextNodes(el), max);
}

/**
 * `blockText` of text already joined from a block's nodes: the same text, since the tidy-up folds white space across
 * nodes as within one (past `max`, both are longer than `max`).
 */
export function tidyText(joined: string, max = Infinity): string {
  return tidy([{ data: joined }], max);
}

function tidy(nodes: ReadonlyArray<{ data: string }>, max: number): string {
  let out = '';
  let pendingSpace = false;
  for (const node of nodes) {
    const data = node.data;
    let i = 0;
    while (i < data.length) {
      if (isSpace(data.charCodeAt(i++))) {
        pendingSpace = out.length > 0;
        continue;
      }
      if (pendingSpace) out += ' ';
      pendingSpace = false;
      const from = i - 1;
      i = stretchEnd(data, from);
      if (out.length + (i - from) > max) {
        // Past `max`: the text up to the end of the first word that takes it past, as a word at a time read it.
        const space = data.indexOf(' ', from + max - out.length + 1);
        return out + data.slice(from, space >= 0 && space < i ? space : i);
      }
      out += data.slice(from, i);
    }
  }
  return out;
}

/**
 * The end of the stretch of `data` that starts at `from` (not a space): its words and the lone ' ' between them,
 * which the text keeps as they are, so a stretch is copied (and mapped back) in one piece, not a word at a time.
 */
function stretchEnd(data: string, from: number): number {
  const n = data.length;
  let i = from + 1;
  for (;;) {
    while (i < n && !isSpace(data.charCodeAt(i))) i++;
    if (i + 1 < n && data.charCodeAt(i) === 32 && !isSpace(data.charCodeAt(i + 1))) i += 2;
    else return i;
  }
}

/** A DOM position: a text node and an offset into its data. */
export interface TextPoint {
  node: Text;
  offset: number;
}

/**
 * The joined text of several blocks plus, for every character of it, the text node and offset it came
 * from. Separators and collapsed white space map to the nearest real character.
 *
 * The way back is kept per run, not per character: each segment is a stretch of the text whose characters
 * come from consecutive offsets of one text node (a run of non-space characters, or the one space that
 * stands for a collapsed run of white space). Characters outside every segment (separators, <br>) map nowhere.
 */
export class TextMap {
  readonly text: string;
  /** Start offset of each block in `text`. */
  readonly blockStarts: number[];
  /**
   * Segment k covers text[segStart[k], segEnd[k]) and maps to nodes[segNode[k]] from offset segOffset[k]. Read
   * outside the class only by `textOffsetOf` (src/content/selection.ts), the way from the page to the text, which
   * only taking a note needs: it lives in that lazy chunk, not in the content script every page loads.
   */
  readonly nodes: Text[];
  readonly segStart: number[];
  readonly segEnd: number[];
  readonly segNode: number[];
  readonly segOffset: number[];

  private constructor(text: string, blockStarts: number[], nodes: Text[], segs: { start: number[]; end: number[]; node: number[]; offset: number[] }) {
    this.text = text;
    this.blockStarts = blockStarts;
    this.nodes = nodes;
    this.segStart = segs.start;
    this.segEnd = segs.end;
    this.segNode = segs.node;
    this.segOffset = segs.offset;
  }

  static of(blocks: readonly Node[], separator: string = BLOCK_SEPARATOR): TextMap {
    // The text is built from slices of the nodes' data, each a stretch copied as it is (words and the single
    // spaces between them); the way back is one segment per stretch of consecutive offsets in one node. Plain
    // arrays of small integers: most maps are a few blocks, where typed arrays' allocation cost more than the build.
    const pieces: string[] = [];
    let len = 0;
    const segStart: number[] = [];
    const segEnd: number[] = [];
    const segNode: number[] = [];
    const segOffset: number[] = [];
    const addSeg = (start: number, end: number, node: number, offset: number) => {
      // Continuing the last segment (same node, next offsets): the same way back, one segment longer.
      const k = segStart.length - 1;
      if (k >= 0 && segEnd[k] === start && segNode[k] === node && segOffset[k]! + (start - segStart[k]!) === offset) {
        segEnd[k] = end;
        return;
      }
      segStart.push(start);
      segEnd.push(end);
      segNode.push(node);
      segOffset.push(offset);
    };
    // The stretch being copied: data[cpFrom, cpTo) of node cpNode, appended to `pieces` as one slice when it ends.
    let cpData = '';
    let cpNode = -1;
    let cpFrom = -1;
    let cpTo = -1;
    const flush = () => {
      if (cpFrom >= 0) pieces.push(cpData.slice(cpFrom, cpTo));
      cpFrom = -1;
    };
    const copy = (data: string, node: number, from: number, to: number) => {
      if (cpFrom >= 0 && cpNode === node && cpTo === from) {
        cpTo = to;
        return;
      }
      flush();
      cpData = data;
      cpNode = node;
      cpFrom = from;
      cpTo = to;
    };
    const nodes: Text[] = [];
    const blockStarts: number[] = [];
    const sepLen = separator.length;
    for (const block of blocks) {
      if (len > 0) {
        flush();
        pieces.push(separator);
        len += sepLen;
      }
      blockStarts.push(len);
      const blockBegin = len;
      let pendingSpace = false;
      let pendingNode = -1;
      let pendingOffset = -1;
      for (const node of visibleTextNodes(block)) {
        const isBr = node === BR_MARK;
        const ni = isBr ? -1 : nodes.push(node) - 1;
        const data = node.data;
        let i = 0;
        while (i < data.length) {
          if (isSpace(data.charCodeAt(i))) {
            if (len > blockBegin && !pendingSpace) {
              pendingSpace = true;
              pendingNode = ni;
              pendingOffset = i;
            }
            i++;
            continue;
          }
          if (pendingSpace) {
            // The one space for a run of white space: copied when it is a lone ' ' of this node.
            if (pendingNode >= 0 && pendingNode === ni && data.charCodeAt(pendingOffset) === 32) copy(data, ni, pendingOffset, pendingOffset + 1);
            else {
              flush();
              pieces.push(' ');
            }
            if (pendingNode >= 0) addSeg(len, len + 1, pendingNode, pendingOffset);
            len++;
            pendingSpace = false;
          }
          // A <br> is white space only: text comes from text nodes (ni >= 0).
          const end = stretchEnd(data, i);
          copy(data, ni, i, end);
          addSeg(len, len + (end - i), ni, i);
          len += end - i;
          i = end;
        }
      }
      if (len === blockBegin && blockStarts.length > 0 && blockBegin > 0) {
        // An empty block: drop the separator we added for it (it is the last piece: nothing was copied since).
        pieces.pop();
        len -= sepLen;
        blockStarts[blockStarts.length - 1] = len;
      }
    }
    flush();
    return new TextMap(pieces.join(''), blockStarts, nodes, { start: segStart, end: segEnd, node: segNode, offset: segOffset });
  }

  /** Index of the last segment starting at or before `pos`, or -1. */
  private segAtOrBefore(pos: number): number {
    return partitionPoint(this.segStart.length, (i) => this.segStart[i]! <= pos) - 1;
  }

  /** The DOM position just before character `offset` (or just after the last one, for the end). */
  pointAt(offset: number, bias: 'start' | 'end' = 'start'): TextPoint | null {
    const n = this.text.length;
    if (n === 0) return null;
    if (bias === 'start') {
      // The first mapped character at or after `offset`.
      const i = Math.max(0, offset);
      if (i >= n) return null;
      let k = this.segAtOrBefore(i);
      if (k >= 0 && i < this.segEnd[k]!) return { node: this.nodes[this.segNode[k]!]!, offset: this.segOffset[k]! + (i - this.segStart[k]!) };
      k++;
      if (k >= this.segStart.length) return null;
      return { node: this.nodes[this.segNode[k]!]!, offset: this.segOffset[k]! };
    }
    // Just after the last mapped character before `offset`.
    const i = Math.min(n, offset) - 1;
    if (i < 0) return null;
    const k = this.segAtOrBefore(i);
    if (k < 0) return null;
    const last = Math.min(i, this.segEnd[k]! - 1);
    return { node: this.nodes[this.segNode[k]!]!, offset: this.segOffset[k]! + (last - this.segStart[k]!) + 1 };
  }

  /** A live Range over text[start, end), or null when the span holds no real character. */
  range(start: number, end: number): Range | null {
    if (end <= start) return null;
    const a = this.pointAt(start, 'start');
    const b = this.pointAt(end, 'end');
    if (!a || !b) return null;
    const doc = a.node.ownerDocument;
    if (!doc) return null;
    const r = doc.createRange();
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset);
    return r.collapsed ? null : r;
  }
}

/** A short, stable hash of a text (FNV-1a, 32 bits, hex): lets the page and the CLI compare what they found. */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
