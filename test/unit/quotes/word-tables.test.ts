/**
 * The engine asks "is this word a title / a pronoun" of Sets built by `keysOf`: a table's own keys, nothing an
 * object inherits. (Asked with `in`, "constructor" was a title and a pronoun: a quote followed by "constructor
 * said" went to the last person named.)
 */
import { describe, expect, it } from 'vitest';
import { findQuotesInText } from '../../../src/core/quotes';
import { keysOf, PRONOUN_WORDS, PRONOUNS, TITLE_WORDS, TITLES } from '../../../src/core/quotes/patterns';

const INHERITED = Object.getOwnPropertyNames(Object.prototype);

describe('keysOf', () => {
  for (const [name, table, keys] of [['TITLES', TITLES, TITLE_WORDS], ['PRONOUNS', PRONOUNS, PRONOUN_WORDS]] as const) {
    it(`${name}: exactly the table's own keys`, () => {
      expect([...keys].sort()).toEqual(Object.keys(table).sort());
      for (const w of [...INHERITED, ...INHERITED.map((k) => k.toLowerCase())]) expect([w, keys.has(w)]).toEqual([w, false]);
    });
  }
  it('holds nothing but the keys', () => {
    expect([...keysOf({ a: 1, b: 2 })]).toEqual(['a', 'b']);
  });
});

describe('words an object inherits are plain words', () => {
  it.each([
    ['a pronoun', 'Anna Berg met the builders on Monday. "We will not finish this year," constructor said.', null],
    ['a title', 'Anna Berg spoke first. Constructor Tom Reyes said: "We need more time."', 'Constructor Tom Reyes'],
  ])('"constructor" is not %s', (_, text, speaker) => {
    const quotes = findQuotesInText(text);
    expect(quotes.at(-1)?.speaker ?? null).toBe(speaker);
  });
});
