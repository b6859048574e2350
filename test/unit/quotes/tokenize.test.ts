/**
 * `tokenize` scans characters instead of running its word regex: it must give exactly the regex's tokens
 * (words, masked runs, punctuation, and their offsets) on any text, including astral letters, lone
 * surrogates and windows that cut a word or a surrogate pair.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TOKEN, tokenize, unitClassOf } from '../../../src/core/quotes/speakers';

/** The regex reading the scanner replaces: the raw matches in t[from, to) and where they start. */
function regexMatches(t: string, from: number, to: number): Array<[string, number]> {
  const win = t.slice(from, to);
  const re = new RegExp(TOKEN.source, TOKEN.flags);
  const out: Array<[string, number]> = [];
  for (let m = re.exec(win); m; m = re.exec(win)) out.push([m[0], from + m.index]);
  return out;
}

/** The scanner's tokens, back to raw matches (a word's trailing dots are dropped from `w`, so take them from t). */
function scannerMatches(t: string, from: number, to: number): Array<[string, number]> {
  return tokenize(t, from, to).map((tok) => {
    if (tok.p) return [t.slice(tok.s, tok.e), tok.s] as [string, number];
    let e = tok.e;
    while (e < to && t[e] === '.') e++;
    return [t.slice(tok.s, e), tok.s] as [string, number];
  });
}

const piece = fc.constantFrom(
  'a', 'Z', '9', 'é', 'É', 'ß', 'ı', 'ǅ', 'ж', 'Ж', '中', 'ー', '٣', 'Ⅻ', '𝐀', '𠀀', '😀', '\ud835', '\udc00', '\u0001', '\u0001\u0001',
  '’', "'", '.', '-', '‐', ',', ';', ':', '(', ')', '—', '–', ' ', '\n', '\u00a0', '“', '”', '"', 's', 'Mr.', 'U.S.', 'don’t', 'Jones’',
  'S', 'İ', 'K', 'ſ', 'JONES’S', "it's", 'x.',
);
const text = fc.array(piece, { maxLength: 80 }).map((a) => a.join(''));

/** A word token's fields by the regexes `word` implements with character tests. */
function regexWord(raw: string): { w: string; l: string; cap: boolean; poss: boolean; dot: boolean } {
  const w = /^\p{Lu}\.$/u.test(raw) ? raw : raw.replace(/\.+$/, '');
  return { w, l: w.toLowerCase().replace(/[’']s?$/, ''), cap: /^\p{Lu}/u.test(w), poss: /[’']s?$/.test(w), dot: raw.endsWith('.') };
}

describe('tokenize', () => {
  it('spells each word as the regexes say (w, l, cap, poss, dot)', () => {
    fc.assert(
      fc.property(text, (t) => {
        for (const [raw, s] of regexMatches(t, 0, t.length)) {
          if (!/^[\p{L}\p{N}]/u.test(raw)) continue;
          const tok = tokenize(t, s, s + raw.length)[0]!;
          expect({ w: tok.w, l: tok.l, cap: tok.cap, poss: tok.poss, dot: tok.dot }).toEqual(regexWord(raw));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the word regex’s matches on any text and any window', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        expect(scannerMatches(t, 0, t.length)).toEqual(regexMatches(t, 0, t.length));
        const from = a % (t.length + 1);
        const to = from + (b % (t.length - from + 1));
        expect(scannerMatches(t, from, to)).toEqual(regexMatches(t, from, to));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the word regex’s matches on the quote fixtures', () => {
    const dir = path.resolve(__dirname, '../../fixtures/quotes-dev');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      const t = readFileSync(path.join(dir, f), 'utf8');
      expect(scannerMatches(t, 0, t.length)).toEqual(regexMatches(t, 0, t.length));
    }
  });

  it('reads every UTF-16 unit alone as the letter and word regexes do (unitClassOf, from its table)', () => {
    const letter = /\p{L}/u;
    const word = /[\p{L}\p{N}]/u;
    const wrong: number[] = [];
    // Twice: the first reads fill the table, the second read the table only.
    for (let round = 0; round < 2; round++) {
      for (let c = 0; c < 0x10000; c++) {
        const s = String.fromCharCode(c);
        if ((unitClassOf(c) % 2 === 1) !== word.test(s) || (unitClassOf(c) === 1) !== letter.test(s)) wrong.push(c);
      }
    }
    expect(wrong).toEqual([]);
  });
});
