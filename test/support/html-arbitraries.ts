/**
 * Random article blocks for property tests of the text walkers: words (accents, curly marks, CJK, emoji),
 * runs of every kind of white space, inline elements, line breaks, and text that must not count (a script, a
 * hidden span).
 */
import fc from 'fast-check';

export interface BlockOptions {
  /** Words beyond the common set (e.g. one with spaces inside it). */
  moreWords?: string[];
  /** White space beyond the common set. */
  moreSpaces?: string[];
  /** Words inside one inline element, at most. */
  maxInlineWords: number;
  /** Pieces in one paragraph, at most. */
  maxChunks: number;
}

/** One `<p>…</p>` of random content. */
export function paragraphHtml({ moreWords = [], moreSpaces = [], maxInlineWords, maxChunks }: BlockOptions): fc.Arbitrary<string> {
  const word = fc.constantFrom('a', 'bc', 'Déf', '“q”', ',', '.', '中文', '😀', ...moreWords);
  const space = fc.constantFrom(' ', '  ', '\n\t', '\u00a0', '\u2003', '', ...moreSpaces);
  const inline = fc.constantFrom('b', 'i', 'a', 'span');
  const chunk: fc.Arbitrary<string> = fc.oneof(
    fc.tuple(space, word, space).map(([a, b, c]) => a + b + c),
    fc.constant('<br>'),
    fc.constant('<script>x y</script>'),
    fc.constant('<span hidden>hid den</span>'),
    fc.tuple(inline, fc.array(fc.tuple(space, word).map(([a, b]) => a + b), { maxLength: maxInlineWords })).map(([t, ws]) => `<${t}>${ws.join('')}</${t}>`),
  );
  return fc.array(chunk, { maxLength: maxChunks }).map((cs) => `<p>${cs.join('')}</p>`);
}
