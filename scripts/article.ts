/**
 * npm run --silent article -- <file.html|file.html.gz>... [--url URL] [--dom linkedom|jsdom|happy-dom]
 * One JSON line per input, in order. An unreadable file gives {file, error}; the batch goes on; exit 1.
 */
import { performance } from 'node:perf_hooks';
import { analyzeArticle } from '../src/core/article/index';
import { readHtml } from './lib/files';
import { writeJsonLine } from './lib/jsonl';
import { parsePage, DEFAULT_DOM, type DomName } from './lib/dom';

function main(argv: string[]): number {
  const files: string[] = [];
  let url: string | undefined;
  let dom: DomName = DEFAULT_DOM;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--url') url = argv[++i];
    else if (a === '--dom') dom = argv[++i] as DomName;
    else if (a === '--help' || a === '-h') {
      process.stderr.write('usage: npm run --silent article -- <file.html|file.html.gz>... [--url URL]\n');
      return 0;
    } else files.push(a);
  }
  if (files.length === 0) {
    process.stderr.write('usage: npm run --silent article -- <file.html|file.html.gz>... [--url URL]\n');
    return 2;
  }
  if (url && files.length > 1) process.stderr.write('note: --url applies to every file\n');
  let failed = false;
  for (const file of files) {
    try {
      const { html } = readHtml(file);
      const t0 = performance.now();
      const doc = parsePage(html, url, dom);
      const t1 = performance.now();
      const a = analyzeArticle(doc, { url });
      const t2 = performance.now();
      writeJsonLine({
        file, isArticle: a.isArticle, title: a.title, standfirst: a.standfirst, byline: a.byline, published: a.published,
        text: a.isArticle ? a.text : '',
        boilerplate: a.boilerplate.map((b) => ({ kind: b.kind, text: b.text, reason: b.reason })),
        parse_ms: round(t1 - t0), ms: round(t2 - t1),
      });
    } catch (e) {
      failed = true;
      writeJsonLine({ file, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return failed ? 1 : 0;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

process.exitCode = main(process.argv.slice(2));
