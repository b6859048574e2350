/**
 * The cast builds only capitalised words as tokens and any other one when a check reads it (speakers.ts,
 * `Cast.read`). Its whole state (names by first and last word, uses, roles, qualified roles, genders,
 * mentions) must be what the cast that built every token read: a golden test. The cases below (seeded random
 * texts, masks and headline cut-offs, and the quote fixtures) were run once through that cast (speakers.ts as of
 * ba80801) and its states recorded in cast-golden.json.
 *
 * To re-record (only when the cast's output is meant to change, or the cases do): put this file into a scratch
 * copy of the tree whose speakers.ts is the reference, run there
 *   CAST_GOLDEN_RECORD=1 npx vitest run --project unit test/unit/quotes/cast.test.ts
 * and copy its test/unit/quotes/cast-golden.json back here.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cast, tokenize } from '../../../src/core/quotes/speakers';

const GOLDEN = path.join(__dirname, 'cast-golden.json');
const RECORD = !!process.env.CAST_GOLDEN_RECORD;

function drain<T>(g: Generator<void, T, unknown>): T {
  for (;;) {
    const r = g.next();
    if (r.done) return r.value;
  }
}

/** Everything a cast holds, maps and sets as entry lists. */
function state(text: string, masked: string, noNamesBefore: number): unknown {
  const cast = drain(Cast.steps(text, masked, noNamesBefore));
  return JSON.parse(JSON.stringify(cast, (_k, v: unknown) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v)));
}

/** A small seeded generator (mulberry32): the cases must not change with a test library's version. */
function random(seed: number): (n: number) => number {
  let a = seed;
  return (n) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const WORDS = [
  'Jane', 'Smith', 'Smith’s', "Doe's", 'Dr.', 'Dr', 'J.', 'U.S.', 'Prime', 'Minister', 'President', 'Mrs', 'Ms.', 'Department', 'Council',
  'the', 'The', 'an', 'a', 'said', 'says', 'arrived', 'told', 'he', 'He', 'she', 'She', 'her', 'Her', 'his', 'His', 'himself', 'herself',
  'hers', 'shadow', 'former', 'deputy', 'health', 'secretary', 'foreign', 'country’s', 'team', 'Élodie', 'Ödegaard', 'éric', 'ßtraße', 'İstanbul', 'hİs',
  'x-ray', '42', '—', '–', ',', ';', ':', '(', ')', '.', '!', '?', '“', '”', '\u0001\u0001', '\n', '\n\n', '𝐀bc', 'of', 'and', 'in',
];
const GAPS = [' ', ' ', ' ', '', '. ', ', ', '  '];

/** t with the spans between successive cuts, every other one, masked as the engine masks quotes. */
function maskBetween(t: string, cuts: number[]): string {
  let masked = '';
  for (let i = 0, k = 0; i < t.length; i++) {
    while (k < cuts.length && cuts[k]! <= i) k++;
    masked += k % 2 === 1 ? '\u0001' : t[i];
  }
  return masked;
}

interface Case { name: string; text: string; masked: string; noNamesBefore: number }

/** A case's name in the golden file, with a digest of its input: a changed case is told apart from a changed cast. */
function key(c: Case): string {
  return `${c.name} ${createHash('sha1').update(`${c.noNamesBefore}\0${c.text}\0${c.masked}`).digest('hex').slice(0, 10)}`;
}

/** Random texts of words from WORDS, each read plain and with a random mask and headline cut-off. */
function randomCases(count: number): Case[] {
  const r = random(20261130);
  const cases: Case[] = [];
  for (let n = 0; n < count; n++) {
    let text = '';
    for (let w = 10 + r(140); w > 0; w--) text += WORDS[r(WORDS.length)]! + GAPS[r(GAPS.length)]!;
    const cuts = Array.from({ length: r(7) }, () => r(text.length + 1)).sort((a, b) => a - b);
    cases.push({ name: `random ${n} plain`, text, masked: text, noNamesBefore: 0 });
    cases.push({ name: `random ${n} masked`, text, masked: maskBetween(text, cuts), noNamesBefore: r(text.length + 1) });
  }
  return cases;
}

/** The quote fixtures as text, plain and with each quote's words masked. */
function fixtureCases(): Case[] {
  const dir = path.resolve(__dirname, '../../fixtures/quotes-dev');
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().flatMap((f) => {
    const text = readFileSync(path.join(dir, f), 'utf8').replace(/\\n/g, '\n');
    const masked = text.replace(/("text": ")((?:[^"\\]|\\.)*)"/g, (_m, field: string, q: string) => field + '\u0001'.repeat(q.length) + '"');
    return [
      { name: `${f} plain`, text, masked: text, noNamesBefore: 0 },
      { name: `${f} masked`, text, masked, noNamesBefore: 40 },
    ];
  });
}

const CASES = [...randomCases(150), ...fixtureCases()];

describe('Cast: lazily built tokens', () => {
  // Recording is not a test: it is registered only when asked for, so a normal run has nothing skipped.
  if (RECORD) {
    it('records the golden casts', () => {
      const lines = CASES.map((c) => `${JSON.stringify(key(c))}: ${JSON.stringify(state(c.text, c.masked, c.noNamesBefore))}`);
      writeFileSync(GOLDEN, `{\n${lines.join(',\n')}\n}\n`);
    });
  }

  it.skipIf(RECORD)('reads the recorded cast on random texts and masks and on the quote fixtures', () => {
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(golden)).toEqual(CASES.map(key));
    for (const c of CASES) expect(state(c.text, c.masked, c.noNamesBefore), c.name).toEqual(golden[key(c)]);
  });

  it.skipIf(RECORD)('builds from a token’s start to the next one’s the token that tokenizing the whole text gives', () => {
    const text = fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...GAPS)), { maxLength: 80 })
      .map((ws) => ws.map(([w, gap]) => w + gap).join(''));
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
