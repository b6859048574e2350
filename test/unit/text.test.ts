import { describe, expect, it } from 'vitest';
import { bodyDocument } from '../support/dom';
import { TextMap, blockText } from '../../src/core/text';

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
    expect(map.offsetOf(cd, 1)).toBe(4);
  });

  it('skips empty blocks without leaving double separators', () => {
    const d = doc('<p>a</p><p> </p><p>b</p>');
    expect(TextMap.of([...d.querySelectorAll('p')]).text).toBe('a\n\nb');
  });
});
