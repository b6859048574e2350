import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyDocument } from '../../support/dom';
import { paragraphHtml } from '../../support/html-arbitraries';
import { blockText, visibleTextNodes } from '../../../src/core/text';

/*
 * blockText appends whole stretches of a node's data (words and the lone spaces between them) instead of one
 * word at a time. The reference is the word-at-a-time version it replaced, with its early stop past `max`: the
 * same string for every block and every `max` (the engines read up to 120, 160, 400 and 600 characters).
 */
function isSpace(code: number): boolean {
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x202f ||
    code === 0x2007 || code === 0x3000 || (code >= 0x2000 && code <= 0x200a) || code === 0x205f ||
    code === 0x1680 || code === 0x2028 || code === 0x2029
  );
}

function reference(el: Node, max = Infinity): string {
  let out = '';
  let pendingSpace = false;
  for (const node of visibleTextNodes(el)) {
    const data = node.data;
    let run = -1;
    for (let i = 0; i < data.length; i++) {
      if (isSpace(data.charCodeAt(i))) {
        if (run >= 0) {
          out += data.slice(run, i);
          run = -1;
          if (out.length > max) return out;
        }
        pendingSpace = out.length > 0;
      } else if (run < 0) {
        if (pendingSpace) out += ' ';
        pendingSpace = false;
        run = i;
      }
    }
    if (run >= 0) out += data.slice(run);
    if (out.length > max) return out;
  }
  return out;
}

const block = paragraphHtml({ moreWords: ['x y z'], moreSpaces: [' \n'], maxInlineWords: 4, maxChunks: 10 });

describe('blockText', () => {
  it('gives what the word-at-a-time version gave, with and without a length to stop past', () => {
    fc.assert(
      fc.property(block, (html) => {
        const p = bodyDocument(html).querySelector('p')!;
        for (const max of [Infinity, 0, 1, 2, 3, 5, 8, 13, 21]) expect(blockText(p, max)).toBe(reference(p, max));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  // Every UTF-16 code unit between two letters, alone and doubled: white space is exactly the set the reference
  // folds (the walk tests the common range above the ASCII space first).
  it('folds exactly the white space the word-at-a-time version folded', () => {
    const p = bodyDocument('<p></p>').querySelector('p')!;
    let data = '';
    for (let c = 0; c < 0x10000; c++) data += `a${String.fromCharCode(c)}b${String.fromCharCode(c, c)}`;
    p.appendChild(p.ownerDocument.createTextNode(data));
    expect(blockText(p)).toBe(reference(p));
  });

  // findLabels keeps the headline's, standfirst's and byline's capped text as their text: a capped read no
  // longer than its cap must be the whole text, and a longer one must run past the cap.
  it('read up to a cap, is the whole text when no longer than the cap, else longer than the cap', () => {
    fc.assert(
      fc.property(block, (html) => {
        const p = bodyDocument(html).querySelector('p')!;
        const whole = blockText(p);
        for (let max = 0; max <= whole.length + 1; max++) {
          const t = blockText(p, max);
          if (t.length <= max) expect(t).toBe(whole);
          else expect(whole.startsWith(t)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
