/**
 * The cast builds only capitalised words as tokens and any other one when a check reads it (speakers.ts,
 * `Cast.read`): its names, roles, mentions and genders must be those of the cast that built every token
 * (cast-reference.ts, the code before), on random texts and masks and on the quote fixtures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cast, tokenize } from '../../../src/core/quotes/speakers';
import { Cast as ReferenceCast } from './cast-reference';

function drain<T>(g: Generator<void, T, unknown>): T {
  for (;;) {
    const r = g.next();
    if (r.done) return r.value;
  }
}

/** Everything a cast holds, maps and sets as entry lists. */
function state(cast: object): string {
  return JSON.stringify(cast, (_k, v: unknown) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v));
}

function same(text: string, masked: string, noNamesBefore: number): void {
  expect(state(drain(Cast.steps(text, masked, noNamesBefore)))).toBe(state(drain(ReferenceCast.steps(text, masked, noNamesBefore))));
}

const WORDS = [
  'Jane', 'Smith', 'Smith’s', "Doe's", 'Dr.', 'Dr', 'J.', 'U.S.', 'Prime', 'Minister', 'President', 'Mrs', 'Ms.', 'Department', 'Council',
  'the', 'The', 'an', 'a', 'said', 'says', 'arrived', 'told', 'he', 'He', 'she', 'She', 'her', 'Her', 'his', 'His', 'himself', 'herself',
  'hers', 'shadow', 'health', 'secretary', 'foreign', 'country’s', 'team', 'Élodie', 'Ödegaard', 'éric', 'ßtraße', 'İstanbul', 'hİs',
  'x-ray', '42', '—', '–', ',', ';', ':', '(', ')', '.', '!', '?', '“', '”', '\u0001\u0001', '\n', '\n\n', '𝐀bc', 'of', 'and', 'in',
];
const text = fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(' ', ' ', ' ', '', '. ', ', ', '  ')), { maxLength: 80 })
  .map((ws) => ws.map(([w, gap]) => w + gap).join(''));

describe('Cast: lazily built tokens', () => {
  it('reads the same cast as the reference on random texts and masks', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 6 }), fc.nat(), (t, cuts, head) => {
        // A mask over some spans of the text, as the engine's quotes would make.
        const marks = cuts.map((c) => c % (t.length + 1)).sort((a, b) => a - b);
        let masked = '';
        for (let i = 0, k = 0; i < t.length; i++) {
          while (k < marks.length && marks[k]! <= i) k++;
          masked += k % 2 === 1 ? '\u0001' : t[i];
        }
        same(t, masked, head % (t.length + 1));
        same(t, t, 0);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the same cast as the reference on the quote fixtures', () => {
    const dir = path.resolve(__dirname, '../../fixtures/quotes-dev');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      const t = readFileSync(path.join(dir, f), 'utf8').replace(/\\n/g, '\n');
      same(t, t, 0);
      same(t, t.replace(/“[^”]*”/g, (q) => '\u0001'.repeat(q.length)), 40);
    }
  });

  it('builds from a token’s start to the next one’s the token that tokenizing the whole text gives', () => {
    fc.assert(
      fc.property(text, (t) => {
        const all = tokenize(t, 0, t.length);
        const caps: ReturnType<typeof tokenize> = [];
        const starts: number[] = [];
        tokenize(t, 0, t.length, caps, starts);
        expect(starts).toEqual(all.map((x) => x.s));
        all.forEach((x, i) => {
          expect(tokenize(t, starts[i]!, starts[i + 1] ?? t.length)[0]).toEqual(x);
          expect(caps[i]).toEqual(x.cap ? x : undefined);
        });
      }),
      { numRuns: 1000 },
    );
  });
});
