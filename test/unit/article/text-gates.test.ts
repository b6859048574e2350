/**
 * Each text pattern carries `needs`, the literal words it cannot match without; `kindFromText` tests them
 * before the regex. The gate must never turn away a text the regex matches: checked on strings generated
 * from every pattern (with its word boundaries dropped, which only widens what is generated) and on
 * hand-picked phrases.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { bodyDocument } from '../../support/dom';
import { paragraphHtml } from '../../support/html-arbitraries';
import { TEXT_PATTERNS } from '../../../src/core/article/patterns';
import { kindFromBlock, kindFromText, passesGate } from '../../../src/core/article/kinds';
import { blockText } from '../../../src/core/text';
import { sharedDir } from './shared';

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

/*
 * kindFromBlock asks the block's visible text nodes, joined as they are, whether they can hold a gate word before
 * the text is tidied (white space folded, trimmed). It must answer as the pattern loop on the tidied text does:
 * checked on random blocks made of gate words split over inline elements, line breaks, hidden and script text,
 * every kind of white space and the characters lower-casing treats specially, and on every short block of the
 * corpus pages.
 */
describe('kindFromBlock, a first look at the text before it is tidied', () => {
  // linkedom, as the CLIs use: a jsdom document per random block would take a minute.
  const linkedomBlock = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.querySelector('p') as unknown as Element;
  const reference = (el: Element) => normalisedOnly(blockText(el, 600))?.name ?? null;
  const gateWords = TEXT_PATTERNS.flatMap((p) => p.needs.flatMap((n) => n.replace(/^\^/, '').split(' ').filter(Boolean)));
  const block = paragraphHtml({
    moreWords: [
      ...gateWords, ...gateWords.map((w) => w.toUpperCase()), 'Advertisement', 'Read', 'more', 'Share', 'this', 'story',
      'Sign', 'up', 'newsletter', 'Ma\u212ae', '\u212a', '\u0130nbox', 'İ', 'ſ', '’', ':', '…', '.', '\ufeff', 'a\ufeffd',
    ],
    moreSpaces: ['\ufeff', '\u2028', '\u200b', '\u3000', '\u205f', ' \ufeff ', ' '.repeat(700)],
    maxInlineWords: 4,
    maxChunks: 8,
  });
  // What the gate regexes are built on (kinds.ts gateRes, mayHoldGateWord): words of lower-case ASCII letters and
  // single spaces (nothing a regex reads as syntax), "^" only in front, and none ending in i (a dotted capital I
  // lower-cases to i and a combining dot).
  it('gate words are lower-case letters and spaces, none ending in i', () => {
    for (const n of TEXT_PATTERNS.flatMap((p) => p.needs)) expect(n).toMatch(/^\^?[a-z]+(?: [a-z]+)* ?$/);
    for (const n of TEXT_PATTERNS.flatMap((p) => p.needs)) expect(n.endsWith('i')).toBe(false);
  });

  it('answers as the tidied text does, on random blocks', () => {
    fc.assert(
      fc.property(block, (html) => {
        const p = linkedomBlock(html);
        expect(kindFromBlock(p)?.name ?? null).toBe(reference(p));
      }),
      { numRuns: 10_000 },
    );
  }, 60_000);

  it.each([
    '<p>  <b>Sign</b>\n up <i>to our</i> newsletter </p>',
    '<p>\ufeff<span> Advertisement</span></p>',
    '<p>Make<br>a donation</p>',
    '<p>Read<script>x</script> more</p>',
    '<p><span hidden>Hello</span>Share this story</p>',
    '<p>Ma\u212ae a gift</p>',
    // Longer than the first look reads: tidied and matched as they are.
    `<p>${' \n'.repeat(1500)}<b>Advertisement</b>${' '.repeat(900)}</p>`,
    `<p><span aria-hidden="true">${'menu '.repeat(600)}</span> Sign up for our newsletter</p>`,
    `<p>${'\u00a0 '.repeat(1300)}Read <br>more</p>`,
  ])('%s', (html) => {
    for (const p of [bodyDocument(html).querySelector('p')!, linkedomBlock(html)]) expect(kindFromBlock(p)?.name ?? null).toBe(reference(p));
  });

  const dir = sharedDir('corpora/readability-test-pages');
  it.skipIf(!dir)('answers as the tidied text does, on every short block of the corpus pages', () => {
    let blocks = 0;
    for (const name of readdirSync(dir!).sort()) {
      const file = path.join(dir!, name, 'source.html');
      if (!existsSync(file)) continue;
      const { document } = parseHTML(readFileSync(file, 'utf8'));
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        if ((el.textContent ?? '').length > 2000) continue;
        blocks++;
        expect(kindFromBlock(el as unknown as Element)?.name ?? null, name).toBe(reference(el as unknown as Element));
      }
    }
    expect(blocks).toBeGreaterThan(10_000);
  }, 120_000);
});
