/**
 * The Node CLI speaks for the browser: on real corpus pages served over loopback, the content script finds the
 * same article text as `npm run article` does for the same file and address (compared by hash).
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { waitForTabReport } from '../support/browsers';
import { CORPUS } from '../support/fixture-server';
import { BROWSERS, requireBrowser, withExtension } from '../support/e2e';
import { repoRoot } from '../support/seed-page';
import { textHash } from '../../src/core/text';

/** A handful of news pages from different outlets and templates. */
const PAGES = ['bbc-1', 'guardian-1', 'nytimes-1', 'wapo-1', 'seattletimes-1', 'herald-sun-1'];
const haveCorpus = existsSync(CORPUS);
if (!haveCorpus && process.env.CI === 'true') throw new Error(`CI=true but the corpus is missing: ${CORPUS}`);
if (!haveCorpus) console.warn(`[e2e] corpus agreement skipped: ${CORPUS} is absent`);

function cliHash(name: string, url: string): { isArticle: boolean; hash: string } {
  const out = execFileSync(join(repoRoot, 'node_modules/.bin/tsx'), ['scripts/article.ts', join(CORPUS, name, 'source.html'), '--url', url], { cwd: repoRoot, encoding: 'utf8' });
  const row = JSON.parse(out.trim().split('\n')[0]!) as { isArticle: boolean; text: string };
  return { isArticle: row.isArticle, hash: textHash(row.text) };
}

for (const kind of BROWSERS) {
  describe.skipIf(!haveCorpus || !requireBrowser(kind))(`browser and CLI agree in ${kind}`, () => {
    const env = withExtension(kind);

    it.each(PAGES)('%s', async (name) => {
      const url = env.server.url(`/corpus/${name}/`);
      const page = await env.ext.browser.newPage();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      const { report } = await waitForTabReport(env.ext, url);
      const cli = cliHash(name, url);
      expect(report.isArticle).toBe(cli.isArticle);
      expect(report.textHash).toBe(cli.hash);
      await page.close();
    });
  });
}
