import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyDocument } from '../support/dom';
import { paragraphHtml } from '../support/html-arbitraries';
import { TextMap, blockText, visibleTextNodes } from '../../src/core/text';
import { textOffsetOf } from '../../src/content/selection';

const doc = bodyDocument;

describe('blockText', () => {
  it.each([
    ['collapses white space and trims', '<p>  a \n\t b  </p>', 'a b'],
    ['crosses inline markup', '<p>He said <a href="#">“no</a> <em>way”</em>.</p>', 'He said “no way”.'],
    ['skips script, style and hidden', '<p>a<script>x</script><style>y</style><span hidden>z</span>b</p>', 'ab'],
    ['treats <br> as a space', '<p>one<br>two</p>', 'one two'],
    ['folds no-break spaces', '<p>a\u00a0\u00a0b</p>', 'a b'],
  ])('%s', (_name, html, expected) => {
    expect(blockText(doc(html).querySelector('p')!)).toBe(expected);
  });
});

// The walk asks an element its tag before its type; a form whose controls shadow its properties (as Chromium's
// forms do: test/unit/article/clobbered-form.test.ts) must be read as when the type came first: entered when only
// its tag is shadowed, passed over when its type is.
describe('visibleTextNodes around a clobbered form', () => {
  const texts = (shadow: string[]) => {
    const p = doc('<div><p>before</p><form id="f"><input name="tagName"><input name="nodeType">inside</form><p>after</p></div>').querySelector('div')!;
    const form = p.querySelector('form')!;
    for (const name of shadow) Object.defineProperty(form, name, { value: form.querySelector(`[name=${name}]`), configurable: true });
    return visibleTextNodes(p).map((t) => t.data);
  };
  it.each([
    [[], ['before', 'inside', 'after']],
    [['tagName'], ['before', 'inside', 'after']],
    [['tagName', 'nodeType'], ['before', 'after']],
    [['nodeType'], ['before', 'after']],
  ])('shadowed %j', (shadow, expected) => {
    expect(texts(shadow)).toEqual(expected);
  });
});

describe('TextMap', () => {
  it('joins blocks with a blank line and maps offsets back to the DOM', () => {
    const d = doc('<p>First  <b>para</b>graph.</p><p> Second.</p>');
    const blocks = [...d.querySelectorAll('p')];
    const map = TextMap.of(blocks);
    expect(map.text).toBe('First paragraph.\n\nSecond.');
    expect(map.blockStarts).toEqual([0, 18]);
    const r = map.range(6, 15)!;
    expect(r.toString()).toBe('paragraph');
    const second = map.range(18, 25)!;
    expect(second.toString()).toBe('Second.');
  });

  it('finds the text offset of a DOM position', () => {
    const d = doc('<p>ab <i>cd</i></p>');
    const map = TextMap.of([d.querySelector('p')!]);
    const cd = d.querySelector('i')!.firstChild!;
    expect(textOffsetOf(map, cd, 1)).toBe(4);
  });

  it('skips empty blocks without leaving double separators', () => {
    const d = doc('<p>a</p><p> </p><p>b</p>');
    expect(TextMap.of([...d.querySelectorAll('p')]).text).toBe('a\n\nb');
  });
});

/*
 * TextMap keeps its way back to the DOM per run of characters. This checks it against the per-character
 * map it replaced (kept here as the reference): same text, block starts, DOM point for every offset and
 * both biases, and text offset for every DOM position, on generated markup.
 */
function isSpace(code: number): boolean {
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x202f ||
    code === 0x2007 || code === 0x3000 || (code >= 0x2000 && code <= 0x200a) || code === 0x205f ||
    code === 0x1680 || code === 0x2028 || code === 0x2029
  );
}

/** The per-character TextMap as it was: text, and for each character its node index and offset (-1: none). */
function reference(blocks: readonly Node[], separator = '\n\n') {
  let text = '';
  const idx: number[] = [];
  const off: number[] = [];
  const nodes: Text[] = [];
  const blockStarts: number[] = [];
  for (const block of blocks) {
    if (text.length > 0) {
      text += separator;
      for (let k = 0; k < separator.length; k++) { idx.push(-1); off.push(-1); }
    }
    blockStarts.push(text.length);
    const begin = text.length;
    let pending = false;
    let pn = -1;
    let po = -1;
    for (const node of visibleTextNodes(block)) {
      const isBr = !(node as Node).nodeType;
      const ni = isBr ? -1 : nodes.push(node) - 1;
      const data = node.data;
      for (let i = 0; i < data.length; i++) {
        if (isSpace(data.charCodeAt(i))) {
          if (text.length > begin && !pending) { pending = true; pn = ni; po = i; }
        } else {
          if (pending) { text += ' '; idx.push(pn); off.push(po); pending = false; }
          text += data[i];
          idx.push(ni);
          off.push(i);
        }
      }
    }
    if (text.length === begin && blockStarts.length > 0 && begin > 0) {
      text = text.slice(0, begin - separator.length);
      idx.length = off.length = text.length;
      blockStarts[blockStarts.length - 1] = text.length;
    }
  }
  const pointAt = (offset: number, bias: 'start' | 'end') => {
    const n = text.length;
    if (n === 0) return null;
    if (bias === 'start') {
      for (let i = Math.max(0, offset); i < n; i++) if (idx[i]! >= 0) return { node: nodes[idx[i]!], offset: off[i] };
      return null;
    }
    for (let i = Math.min(n, offset) - 1; i >= 0; i--) if (idx[i]! >= 0) return { node: nodes[idx[i]!], offset: off[i]! + 1 };
    return null;
  };
  const offsetOf = (node: Node, offset: number) => {
    const ni = nodes.indexOf(node as Text);
    if (ni < 0) return -1;
    let best = -1;
    for (let i = 0; i < idx.length; i++) {
      if (idx[i] === ni) {
        if (off[i]! >= offset) return i;
        best = i + 1;
      } else if (best >= 0 && idx[i]! > ni) return best;
    }
    return best;
  };
  return { text, blockStarts, pointAt, offsetOf };
}

const block = paragraphHtml({ maxInlineWords: 3, maxChunks: 8 });
const page = fc.array(block, { minLength: 1, maxLength: 5 }).map((bs) => bs.join(''));

describe('TextMap segments', () => {
  it('map every offset and DOM position as the per-character map did', () => {
    fc.assert(
      fc.property(page, fc.boolean(), (html, nested) => {
        const d = bodyDocument(nested ? `<blockquote>${html}</blockquote>` : html);
        const blocks: Node[] = [...d.querySelectorAll('p')];
        if (nested) blocks.unshift(d.querySelector('blockquote')!);
        const map = TextMap.of(blocks);
        const ref = reference(blocks);
        expect(map.text).toBe(ref.text);
        expect(map.blockStarts).toEqual(ref.blockStarts);
        for (let o = -1; o <= map.text.length + 1; o++) {
          for (const bias of ['start', 'end'] as const) {
            const a = map.pointAt(o, bias);
            const b = ref.pointAt(o, bias);
            expect(a ? [a.node, a.offset] : null).toEqual(b ? [b.node, b.offset] : null);
          }
        }
        const walker = d.createTreeWalker(d.body, 4);
        for (let t = walker.nextNode(); t; t = walker.nextNode()) {
          for (let o = 0; o <= (t as Text).data.length; o++) expect(textOffsetOf(map, t, o)).toBe(ref.offsetOf(t, o));
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
