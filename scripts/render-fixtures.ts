/**
 * `npm run fixtures`: regenerates the demo page and its gold from test/fixtures/demo/story.ts.
 *
 * The gold is computed from the story's inline quote annotation and block list, never by running an
 * engine, so it cannot inherit an engine's mistakes. A unit test fails when the committed files drift
 * from a fresh render.
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderNewsPage } from '../test/support/news-page';
import { demoGold, demoStory } from '../test/fixtures/demo/story';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const demoDir = resolve(repoRoot, 'test/fixtures/demo');

const html = renderNewsPage(demoStory);
const gold = JSON.stringify(demoGold(), null, 1) + '\n';
writeFileSync(resolve(demoDir, 'index.html'), html);
writeFileSync(resolve(demoDir, 'index.gold.json'), gold);

const g = demoGold();
console.log(
  `wrote test/fixtures/demo/index.html (${Buffer.byteLength(html)} bytes) and index.gold.json ` +
    `(${g.quotes.length} quotes, ${g.boilerplate.length} boilerplate blocks, ${g.text.split('\n\n').length} body blocks)`,
);
