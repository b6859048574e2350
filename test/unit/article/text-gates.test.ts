/**
 * Each text pattern carries `needs`, the literal words it cannot match without; `kindFromText` tests them
 * before the regex. The gate must never turn away a text the regex matches: checked on strings generated
 * from every pattern (with its word boundaries dropped, which only widens what is generated) and on
 * hand-picked phrases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEXT_PATTERNS } from '../../../src/core/article/patterns';
import { kindFromText, passesGate } from '../../../src/core/article/kinds';

describe('text pattern gates', () => {
  for (const p of TEXT_PATTERNS) {
    it(`${p.name}: every string the regex matches passes the gate`, () => {
      const wide = new RegExp(p.re.source.replace(/\\b/g, ''), p.re.flags);
      fc.assert(
        fc.property(fc.stringMatching(wide), (s) => {
          if (p.re.test(s)) expect(passesGate(p, s)).toBe(true);
          if (wide.test(s)) expect(passesGate(p, s)).toBe(true);
        }),
        { numRuns: 400 },
      );
    });
  }

  it('still finds the appeals', () => {
    expect(kindFromText('Sign up to our newsletter')?.name).toBe('newsletter');
    expect(kindFromText('Advertisement')?.name).toBe('ad-label');
    expect(kindFromText('Join the conversation')?.name).toBe('join-the-conversation');
    expect(kindFromText('Most read')?.name).toBe('read-more-heading');
    expect(kindFromText('The council said it would consider the plan.')).toBeNull();
  });
});

/** kindFromText as it was before its case-insensitive look at the text as written: the reference. */
function normalisedOnly(text: string) {
  if (text.length === 0 || text.length > 600) return null;
  const lower = text.toLowerCase().replace(/[’‘]/g, "'").replace(/[.!?:…]+$/, '').trim();
  for (const p of TEXT_PATTERNS) {
    if (p.disabled) continue;
    if (passesGate(p, lower) && p.re.test(lower)) return p;
  }
  return null;
}

describe('kindFromText, first look at the text as written', () => {
  // Appeals and their gate words in any case, with the characters lower-casing treats specially (Kelvin sign,
  // dotted capital I, curly apostrophes), leading and trailing white space and punctuation.
  const piece = fc.oneof(
    fc.constantFrom(...TEXT_PATTERNS.flatMap((p) => p.needs.map((n) => n.replace(/^\^/, '')))),
    fc.constantFrom('Sign up to our newsletter', 'Make a donation', 'Read more', 'Share this story', 'Advertisement', 'Join the conversation', 'Subscribe now', 'Your email address', 'Ma\u212ae a gift', '\u0130nbox', 'SHARE THIS'),
    fc.constantFrom(' ', '  ', '\n', '\u00a0', '.', '!', ':', '…', '’', '‘', '\u212a', '\u0130', 'ı', 'ſ', 'K', 'I', 'x', 'the '),
  );
  const cased = fc.tuple(piece, fc.constantFrom('lower', 'upper', 'title', 'as is')).map(([s, c]) =>
    c === 'lower' ? s.toLowerCase() : c === 'upper' ? s.toUpperCase() : c === 'title' ? s.replace(/\b\w/g, (m) => m.toUpperCase()) : s);
  it('answers as the normalised text alone did', () => {
    fc.assert(
      fc.property(fc.array(cased, { maxLength: 6 }).map((a) => a.join('')), (s) => {
        expect(kindFromText(s)?.name ?? null).toBe(normalisedOnly(s)?.name ?? null);
      }),
      { numRuns: 5000 },
    );
    // Lower-casing turns the Kelvin sign into k: this appeal is only found in its normalised form.
    expect(kindFromText('Ma\u212ae a gift')?.name).toBe('make-a-contribution');
  });
});

describe('kindFromText, patterns tried by the gate words found', () => {
  // The text is scanned once for every place a gate word starts (the longest one there standing for the shorter
  // ones it begins with): gate words inside, overlapping and beginning others must still reach their patterns.
  it.each([
    'Unsubscribe at any time. Subscribe now',
    'comments are closed',
    'Comments (12)',
    'Show all 40 comments',
    'Support us',
    'support our journalism',
    'Already a subscriber? Log in to continue reading',
    'subscribers only',
    'By signing up, you agree to our terms',
    'Join the conversation',
    'Read more: the other story',
    'Reading list',
    'More',
    'Advertisement',
    'Your email address',
    'Share your thoughts',
    'Share this story',
    'The council said it would consider the plan.',
  ])('%s', (s) => {
    expect(kindFromText(s)?.name ?? null).toBe(normalisedOnly(s)?.name ?? null);
  });
});
