/** The seed article: exactly its 22 gold quotes, exact spans, right speakers. Read from ../shared at run time. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findQuotesInText } from '../../../src/core/quotes/index';

const seedDir = path.resolve(__dirname, '../../../../shared/seed');
const present = existsSync(path.join(seedDir, 'independent-truss.txt'));
if (!present) {
  if (process.env.CI === 'true') throw new Error(`CI: ${seedDir} is missing`);
  console.warn(`skipping seed quote test: ${seedDir} not found`);
}

describe.skipIf(!present)('seed article quotes', () => {
  it('finds exactly the gold quotes with their speakers', () => {
    const text = readFileSync(path.join(seedDir, 'independent-truss.txt'), 'utf8');
    const gold = JSON.parse(readFileSync(path.join(seedDir, 'independent-truss.gold.json'), 'utf8')).quotes as { start: number; end: number; text: string; speaker: string }[];
    const got = findQuotesInText(text);
    expect(got.map((q) => [q.start, q.end, q.text, q.speaker?.toLowerCase()])).toEqual(gold.map((g) => [g.start, g.end, g.text, g.speaker.toLowerCase()]));
  });
});
