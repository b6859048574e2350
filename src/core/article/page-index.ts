/**
 * One linear pass over the page that every later step reads from: visible elements in document order,
 * their parents, and per element the amount of text, link text and commas underneath — the numbers the
 * story and boilerplate steps score with. Counting non-space characters keeps it cheap and independent
 * of how the page was indented. Iterative, so a page nested 10,000 deep does not overflow the stack.
 */
import { BLOCK_TAGS, SKIP_TAGS, UNLIKELY_ROLES, UNLIKELY_TOKENS, MAYBE_STORY_TOKENS } from './patterns';
import { ATTRIBUTE_NAMES, FIRST_CHILD, GET_ATTRIBUTE, HAS_ATTRIBUTES, NEXT_SIBLING, NODE_TYPE, TAG_NAME, TEXT_CONTENT, notePlugins, styleHidesUpTo } from '../text';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export interface PageIndex {
  /** Visible elements of <body>, document order. */
  els: Element[];
  /** Their tag names, as read once by the walk (a DOM read per element saved for every later step that asks). */
  tags: string[];
  parent: number[];
  /** One past the last descendant: the descendants of i are i+1 … end[i]-1 (document order keeps them together). */
  end: number[];
  /** Non-space characters in the subtree. */
  text: number[];
  /** Non-space characters whose nearest block-level ancestor is this element (its "own" prose). */
  own: number[];
  /** Non-space characters inside links. */
  link: number[];
  commas: number[];
  /** Inside an element named like page chrome (nav, sidebar, comments…): 1, else 0. */
  unlikely: number[];
  /** What the walk read of each element's attributes (null: it has none), for the later steps that read its name. */
  attrs: Array<Attrs | null>;
  /** Removals recorded while indexing (hidden subtrees). */
  hiddenCount: number;
}

/** Lower-cased "id class" of an element, from what `readAttrs` read of it: what its authors called it. */
export function nameOf(attrs?: Attrs | null): string {
  const id = attrs?.id;
  const cls = attrs?.cls;
  if (!id && !cls) return '';
  // Capped: the token regexes are linear, but a 100 KB class attribute is not a name.
  return stripArbitraryVariants(`${id ?? ''} ${cls ?? ''}`.slice(0, 500)).toLowerCase();
}

/**
 * Attribute `a` of `el`, as `el.getAttribute(a)` answers it, given what `readAttrs` read of it: id and class as read
 * there, any other read only when the element has one of that name (most elements carry a class and nothing else).
 * Exact: `readAttrs` read the values by the names `getAttributeNames` gave, and `getAttribute` finds no other.
 */
export function attrOf(el: Element, attrs: Attrs | null | undefined, a: string): string | null {
  return !attrs ? null : a === 'id' ? attrs.id : a === 'class' ? attrs.cls : attrs.names.includes(a) ? el.getAttribute(a) : null;
}

/**
 * Utility-CSS classes like "[&_.newsletter-box]:hidden" name a descendant, not this element: drop the
 * bracketed part before reading tokens. Plain scan, no regex backtracking.
 */
export function stripArbitraryVariants(name: string): string {
  if (!name.includes('[')) return name;
  let out = '';
  let depth = 0;
  for (const ch of name) {
    if (ch === '[') depth++;
    else if (ch === ']') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out;
}

/** True when the reader cannot see the element (and so nothing under it). */
export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  return styleHides(el.getAttribute('style'));
}

/** An inline style that hides the element (display:none or visibility:hidden): under 2,000 characters, one fewer than text.ts reads. */
export function styleHides(style: string | null): boolean {
  return styleHidesUpTo(style, 1999);
}

/**
 * The attributes the walk reads, taken in one look at the names present (most elements carry one or two), and the
 * names themselves. Kept per element, so the later steps read names without asking the element again.
 * `hides`: the element is hidden (the `hidden` attribute, aria-hidden="true", or an inline style that hides it).
 */
export interface Attrs { names: readonly string[]; hides: boolean; role: string | null; id: string | null; cls: string | null }

export function readAttrs(el: Element): Attrs {
  const out: Attrs = { names: ATTRIBUTE_NAMES.call(el), hides: false, role: null, id: null, cls: null };
  for (const a of out.names) {
    if (a === 'class') out.cls = GET_ATTRIBUTE.call(el, a);
    else if (a === 'id') out.id = GET_ATTRIBUTE.call(el, a);
    else if (a === 'role') out.role = GET_ATTRIBUTE.call(el, a);
    else if (a === 'hidden' || (a === 'aria-hidden' && GET_ATTRIBUTE.call(el, a) === 'true') || (a === 'style' && styleHides(GET_ATTRIBUTE.call(el, a)))) out.hides = true;
  }
  return out;
}

/**
 * Is the element named or marked like page chrome? `byClass` caches the answer for a class attribute on an element
 * without an id, where the name is the class alone: a page repeats its class names, and the name tests are regexes.
 */
function isUnlikely(tag: string, attrs: Attrs | null, byClass: Map<string, boolean>): boolean {
  const role = attrs ? attrs.role : null;
  if (role && UNLIKELY_ROLES.has(role)) return true;
  if (tag === 'NAV' || tag === 'ASIDE' || tag === 'FOOTER') return true;
  if (!attrs || tag === 'BODY' || tag === 'HTML' || tag === 'A' || tag === 'ARTICLE' || tag === 'MAIN') return false;
  const { id, cls } = attrs;
  if (!id && !cls) return false;
  if (id) return unlikelyName(nameOf(attrs));
  let u = byClass.get(cls!);
  if (u === undefined) byClass.set(cls!, (u = unlikelyName(nameOf(attrs))));
  return u;
}

function unlikelyName(name: string): boolean {
  return name !== '' && UNLIKELY_TOKENS.test(name) && !MAYBE_STORY_TOKENS.test(name);
}

/** Is this UTF-16 unit one that `/\s/` matches (JavaScript's white space and line terminators)? */
function isJsSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** What `countText` found besides its answer: the text's commas (Latin, full-width, ideographic, Arabic)… */
export let commasFound = 0;
/** …and its non-space characters by `/\s/` (the split-on-white-space count the link step was written with). */
export let linkCharsFound = 0;

/**
 * Non-space characters of a text (code above 32, not NBSP), with `commasFound` and `linkCharsFound`: one pass for
 * all three. Counted as length minus spaces: most characters lie between the comma (44) and NBSP (160), a space
 * by neither test and no comma, and are passed with one comparison.
 */
export function countText(data: string): number {
  let spaces = 0;
  // Where the two tests differ: control characters are spaces here, not to `/\s/`; Unicode spaces the reverse.
  let controls = 0;
  let wide = 0;
  let cs = 0;
  const len = data.length;
  for (let k = 0; k < len; k++) {
    const c = data.charCodeAt(k);
    if (c > 44 && c < 160) continue;
    if (c <= 32 || c === 0xa0) {
      spaces++;
      if (!isJsSpace(c)) controls++;
    } else if (c === 44 || c === 0xff0c || c === 0x3001 || c === 0x060c) cs++;
    else if (isJsSpace(c)) wide++;
  }
  commasFound = cs;
  linkCharsFound = len - spaces + controls - wide;
  return len - spaces;
}

/** Does a form answer a plain read of its tag or attribute methods with one of its controls? */
function isShadowed(form: Element): boolean {
  return typeof form.tagName !== 'string' || typeof form.getAttribute !== 'function' || typeof form.hasAttributes !== 'function';
}

/** Nodes the walk visits between two points where a sliced caller may pause it. */
const NODES_PER_STEP = 1024;

/** Runs a resumable step to its end in one go: the synchronous form of every `…Steps` generator. */
export function drain<T>(steps: Generator<unknown, T, unknown>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export function buildIndex(doc: Document, opts: { skipHidden: boolean; markUnlikely: boolean }): PageIndex {
  return drain(buildIndexSteps(doc, opts));
}

/**
 * `buildIndex` as a generator that yields every NODES_PER_STEP nodes, so the content script can give the page
 * back to the browser between parts of a long walk (`src/content/pass.ts`). Same walk, same result.
 */
export function* buildIndexSteps(doc: Document, opts: { skipHidden: boolean; markUnlikely: boolean }): Generator<void, PageIndex, unknown> {
  // Start at <html>, not <body>: a tolerant parser may leave a stray second <body> (linkedom does, on
  // markup before <head>), and <head> is skipped anyway.
  const body = doc.documentElement ?? doc.body;
  // Filled during the walk and returned as they are (plain arrays of small integers: no copies at the end).
  const els: Element[] = [];
  const tags: string[] = [];
  const parent: number[] = [];
  const own: number[] = [];
  const commas: number[] = [];
  const unlikely: number[] = [];
  const attrList: Array<Attrs | null> = [];
  // Subtree ends: one past the element for now, the index reached when the walk leaves it.
  const end: number[] = [];
  let hiddenCount = 0;
  const byClass = new Map<string, boolean>();
  // A preorder walk by firstChild/nextSibling: no NodeList or tuple per node (in a browser those allocations
  // were most of the walk). The stacks hold, for each open element, its index, its nearest block and its
  // unlikely flag; the top is the context of the node being visited. The bottom entry stands for the outside
  // of the root: no parent, no block, not unlikely.
  const openIdx: number[] = [-1];
  const openBlk: number[] = [-1];
  const openU: number[] = [0];
  // Links: the whole text of each <a> (hidden and skipped parts included, as textContent has it), counted on
  // the way instead of reading textContent per link. linkAt[k] is the k-th link's element index, linkAll[k] its
  // count; `openLinks` holds the positions k of the <a>s the walk is inside.
  const linkAt: number[] = [];
  const linkAll: number[] = [];
  const openLinks: number[] = [];
  // <object> and <embed>, for the later steps that read them through the prototypes (see notePlugins).
  notePlugins(doc);
  /** A part not walked (skipped or hidden) is part of the links' text all the same. */
  const creditLinks = (text: string | null) => {
    countText(text ?? '');
    for (const l of openLinks) linkAll[l]! += linkCharsFound;
  };
  let node: Node | null = body;
  let visited = 0;
  while (node) {
    if (++visited === NODES_PER_STEP) {
      visited = 0;
      yield;
    }
    const top = openIdx.length - 1;
    const p = openIdx[top]!;
    const blk = openBlk[top]!;
    let entered = false;
    // Read through the prototypes' getters (see text.ts): an <object>/<embed> answers without a layout, and a form's
    // controls named "tagName" or "nodeType" cannot shadow them. Where the reads are plain (Node's DOM libraries), a
    // form whose tag or type is shadowed is passed over, as when the walk read properties. A text node is read by
    // plain reads, at sites that see text nodes only: there a plain read is faster than the getter's call, while a
    // plain read at a site that sees every element class is a megamorphic look-up, slower than the call (index walk
    // 0.95x in Chromium against plain reads throughout, 0.99x with getters throughout).
    const type: number = NODE_TYPE.call(node);
    if (type === TEXT_NODE) {
      // A text node lies inside the root, so under some block.
      own[blk]! += countText((node as Text).data);
      commas[blk]! += commasFound;
      for (const l of openLinks) linkAll[l]! += linkCharsFound;
    } else if (type === ELEMENT_NODE) {
      const el = node as Element;
      // A form whose controls shadow its tag or its attribute reads (controls named "tagName", "getAttribute"): the
      // getters read it right, but the later steps read elements by plain reads, which it answers with a control.
      // Passed over with all it holds, as when the walk read it plainly.
      const read = TAG_NAME.call(el);
      const tag: unknown = read === 'FORM' && isShadowed(el) ? null : read;
      // Attribute reads are the costly part of the visibility and name checks; most elements have none.
      const skipTag = typeof tag !== 'string' || SKIP_TAGS.has(tag);
      const attrs = !skipTag && HAS_ATTRIBUTES.call(el) ? readAttrs(el) : null;
      let skipped = false;
      if (typeof tag !== 'string') {
        // passed over
      } else if (skipTag) {
        skipped = true; // not read
      } else if (opts.skipHidden && attrs?.hides) {
        hiddenCount++;
        skipped = true;
      } else {
        const i = els.length;
        els.push(el);
        tags.push(tag);
        end.push(i + 1);
        parent.push(p);
        own.push(0);
        commas.push(0);
        const myU = openU[top]! || (opts.markUnlikely && isUnlikely(tag, attrs, byClass) ? 1 : 0);
        unlikely.push(myU);
        attrList.push(attrs);
        const myBlk = blk < 0 || BLOCK_TAGS.has(tag) ? i : blk;
        const isLink = tag === 'A';
        if (isLink) {
          linkAt.push(i);
          linkAll.push(0);
        }
        const first = FIRST_CHILD.call(el);
        if (first) {
          openIdx.push(i);
          openBlk.push(myBlk);
          openU.push(myU);
          if (isLink) openLinks.push(linkAt.length - 1);
          node = first;
          entered = true;
        }
      }
      if (skipped && openLinks.length > 0) creditLinks(TEXT_CONTENT.call(el));
    }
    if (entered) continue;
    // Next: the sibling, or the sibling of the nearest open ancestor that has one (never past the root).
    let next: Node | null = node === body ? null : type === TEXT_NODE ? node.nextSibling : NEXT_SIBLING.call(node);
    while (!next && openIdx.length > 1) {
      const done = openIdx.pop()!;
      openBlk.pop();
      openU.pop();
      if (tags[done] === 'A') openLinks.pop();
      end[done] = els.length;
      next = done === 0 ? null : NEXT_SIBLING.call(els[done]!); // element 0 is the root
    }
    node = next;
  }
  yield;
  const n = els.length;
  // Own text was credited to the nearest block; sum "own" of every element into its ancestors, bottom-up (each
  // text node counted once).
  const text = own.slice();
  // Built by push: a packed array of small integers (new Array(n) makes a holey one, slower to read).
  const link: number[] = [];
  for (let i = 0; i < n; i++) link.push(0);
  const commaSums = commas.slice();
  // The links are known from the walk (linkAt, ascending): no tagName read per element here.
  let lk = linkAt.length - 1;
  for (let i = n - 1; i > 0; i--) {
    const p = parent[i]!;
    if (linkAt[lk] === i) {
      link[i] = text[i]!;
      lk--;
    }
    if (p >= 0) {
      text[p]! += text[i]!;
      link[p]! += link[i]!;
      commaSums[p]! += commaSums[i]!;
    }
  }
  // Links: text credited to a block never reached an inline <a>; measure links directly (bounded by link count).
  for (let k = 0; k < linkAt.length; k++) {
    const i = linkAt[k]!;
    // Non-space characters of the link's whole text (hidden parts included), as a split on /\s+/ counts them.
    const extra = linkAll[k]! - link[i]!;
    if (extra <= 0) continue;
    for (let a = i; a >= 0; a = parent[a]!) link[a]! += extra;
  }
  return { els, tags, parent, end, text, own, link, commas: commaSums, unlikely, attrs: attrList, hiddenCount };
}

/** Link text share of an element, 0..1. */
export function linkDensity(ix: PageIndex, i: number): number {
  const t = ix.text[i]!;
  return t > 0 ? Math.min(1, ix.link[i]! / t) : 0;
}

/** Is element index `a` an ancestor-or-self of `d`? */
export function contains(ix: PageIndex, a: number, d: number): boolean {
  // Descendants are contiguous in document order: d lies in [a, end[a]).
  return a >= 0 && d >= a && d < ix.end[a]!;
}
