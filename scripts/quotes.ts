/**
 * npm run --silent quotes -- <file.txt|file.html>...
 * One JSON line per input, in order: {file, quotes: [{start, end, text, speaker, cue[, part]}]}.
 * .txt: the whole file (UTF-8), offsets index it. .html: the article's title / standfirst / text as
 * `npm run article` prints them, each quote tagged with the part its offsets index.
 * An unreadable file gives {file, error}; the batch goes on; exit 1.
 */
import { readFileSync } from 'node:fs';
import { findArticleQuotes, findQuotesInText, type Quote } from '../src/core/quotes/index';
import { analyzeArticle } from '../src/core/article/index';
import { readHtml } from './lib/files';
import { writeJsonLine } from './lib/jsonl';
import { parsePage } from './lib/dom';

/** Quotes of one file; exported for the tests. */
export function quotesOfFile(file: string, analyze: (doc: Document) => { title: string; standfirst: string | null; text: string } = analyzeArticle): Quote[] {
  if (/\.html?(\.gz)?$/i.test(file)) {
    const a = analyze(parsePage(readHtml(file).html));
    return findArticleQuotes({ headline: a.title ?? '', standfirst: a.standfirst, body: a.text ?? '' });
  }
  return findQuotesInText(new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file)));
}

function main(files: string[]): number {
  if (!files.length) {
    process.stderr.write('usage: npm run --silent quotes -- <file.txt|file.html>...\n');
    return 2;
  }
  let failed = false;
  for (const file of files) {
    try {
      const quotes = quotesOfFile(file).map(({ start, end, text, speaker, cue, part }) => (part ? { start, end, text, speaker, cue, part } : { start, end, text, speaker, cue }));
      writeJsonLine({ file, quotes });
    } catch (e) {
      failed = true;
      writeJsonLine({ file, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && /quotes\.ts$/.test(process.argv[1])) process.exitCode = main(process.argv.slice(2));
