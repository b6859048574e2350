/**
 * The engine asks "is this word a title / a pronoun" of Sets built by `keysOf` instead of `word in table` (a
 * keyed read with a string cut from the text is slow). The Sets must answer exactly as `in` did for every word
 * the engine asks about: lower-cased word tokens, including the object's inherited keys ("constructor"; a
 * token holds no "_", so "__proto__" never comes).
 */
import { describe, expect, it } from 'vitest';
import { TOKEN } from '../../../src/core/quotes/speakers';
import { keysOf, PRONOUN_WORDS, PRONOUNS, TITLE_WORDS, TITLES } from '../../../src/core/quotes/patterns';

const INHERITED = Object.getOwnPropertyNames(Object.prototype);
const WORDS = [
  ...Object.keys(TITLES), ...Object.keys(PRONOUNS), ...INHERITED, ...INHERITED.map((k) => k.toLowerCase()),
  'said', 'the', 'mrs.', 'presidents', 'premier', '', 'he’s', 'it', 'its', 'sire', 'prototype', '__proto__', 'length',
];

describe('keysOf', () => {
  for (const [name, table, keys] of [['TITLES', TITLES, TITLE_WORDS], ['PRONOUNS', PRONOUNS, PRONOUN_WORDS]] as const) {
    it(`${name}: the Set answers as \`in\` for every lower-cased word token`, () => {
      const tokens = WORDS.filter((x) => x === x.toLowerCase() && (x.match(TOKEN) ?? [''])[0] === x && x);
      expect(tokens).toContain('constructor');
      for (const w of tokens) expect([w, keys.has(w)]).toEqual([w, w in table]);
    });
  }
  it('holds nothing but the keys and "constructor"', () => {
    expect([...keysOf({ a: 1, b: 2 })]).toEqual(['a', 'b', 'constructor']);
  });
});
