/**
 * npm run eval:quotes — span precision/recall/F1 (exact, and overlap ≥ 50 % of the longer span,
 * one-to-one) and attribution accuracy (overlap-matched gold quotes with the right speaker, over all
 * gold quotes), for the seed (txt path) and each hand-annotated dev page in test/fixtures/quotes-dev.
 * Dev pages are read from ../shared at run time; their body is what analyzeArticle extracts from
 * source.html (`--expected` uses expected.html's paragraphs instead). Gold quotes are located in the
 * extracted text by their context, so annotations survive extractor changes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { findArticleQuotes, findQuotesInText, type Quote } from '../src/core/quotes/index';
import { analyzeArticle } from '../src/core/article/index';
import { blockText } from '../src/core/text';
import { parsePage } from './lib/dom';
import { readHtml } from './lib/files';
import { readabilityPagesDir, repoRoot, requireShared, seedDir } from './lib/corpus';

interface Gold { start: number; end: number; speaker: string | null; text: string }

/** Speakers compare case-insensitively, with curly and straight apostrophes treated alike (annotators typed ' for ’). */
function sameSpeaker(a: string | null, b: string | null): boolean {
  const norm = (s: string | null) => (s ?? '').toLowerCase().replace(/[’‘`]/g, "'");
  return norm(a) === norm(b);
}
interface Score { page: string; gold: number; found: number; exact: number; overlap: number; attributed: number; unlocated: number }

const BLOCKS = 'p,h1,h2,h3,h4,h5,h6,li,blockquote,pre,dd,dt,figcaption';
const useExpected = process.argv.includes('--expected');
const verbose = process.argv.includes('-v');

function expectedText(dir: string): string {
  const doc = parsePage('<!doctype html><html><body>' + readFileSync(path.join(dir, 'expected.html'), 'utf8') + '</body></html>');
  const out: string[] = [];
  for (const el of Array.from(doc.querySelectorAll(BLOCKS))) {
    if (el.querySelector(BLOCKS)) continue;
    const t = blockText(el);
    if (t) out.push(t);
  }
  return out.join('\n\n');
}

/** Straight and curly marks compare equal, and white space collapses, when locating by context. */
const norm = (s: string): string => s.replace(/[’‘']/g, "'").replace(/[“”"]/g, '"').replace(/\s/g, ' ');
const squash = (s: string): string => s.replace(/ +/g, ' ').trim();

function locate(text: string, q: { before: string; text: string; after: string }, from: number): number {
  const t = norm(text); // same length as text: offsets carry over
  const needle = norm(q.text);
  const b = squash(norm(q.before));
  const a = squash(norm(q.after));
  let best = -1;
  let bestScore = -1;
  for (let i = t.indexOf(needle); i >= 0; i = t.indexOf(needle, i + 1)) {
    const score = (squash(t.slice(Math.max(0, i - 60), i)).endsWith(b) ? 2 : 0) + (squash(t.slice(i + needle.length, i + needle.length + 60)).startsWith(a) ? 2 : 0) + (i >= from ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [i, score];
  }
  return best;
}

function score(page: string, gold: Gold[], found: Quote[], unlocated: number): Score {
  const exact = gold.filter((g) => found.some((f) => f.start === g.start && f.end === g.end)).length;
  const used = new Set<number>();
  let overlap = 0;
  let attributed = 0;
  for (const g of gold) {
    let bi = -1;
    let bo = 0;
    found.forEach((f, i) => {
      if (used.has(i)) return;
      const o = Math.min(f.end, g.end) - Math.max(f.start, g.start);
      if (o > bo && o >= 0.5 * Math.max(f.end - f.start, g.end - g.start)) [bi, bo] = [i, o];
    });
    if (bi < 0) {
      if (verbose) console.log(`  MISS ${page}: ${g.text.slice(0, 70)}`);
      continue;
    }
    used.add(bi);
    overlap++;
    const sp = found[bi]!.speaker;
    if (sameSpeaker(sp, g.speaker)) attributed++;
    else if (verbose) console.log(`  SPEAKER ${page}: ${JSON.stringify(sp)} ≠ ${JSON.stringify(g.speaker)}: ${g.text.slice(0, 50)}`);
  }
  if (verbose) found.forEach((f, i) => used.has(i) || console.log(`  EXTRA ${page}: ${JSON.stringify(f.speaker)} ${f.text.slice(0, 70)}`));
  return { page, gold: gold.length + unlocated, found: found.length, exact, overlap, attributed, unlocated };
}

const prf = (hit: number, found: number, gold: number): string => {
  const p = found ? hit / found : 0;
  const r = gold ? hit / gold : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return `P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f.toFixed(3)}`;
};

function report(rows: Score[], label: string): void {
  const sum = (k: keyof Score): number => rows.reduce((n, r) => n + (r[k] as number), 0);
  const [gold, found] = [sum('gold'), sum('found')];
  console.log(`${label.padEnd(16)} gold ${String(gold).padStart(3)} found ${String(found).padStart(3)} | exact ${prf(sum('exact'), found, gold)} | overlap ${prf(sum('overlap'), found, gold)} | attribution ${(gold ? sum('attributed') / gold : 0).toFixed(3)}${sum('unlocated') ? ` | ${sum('unlocated')} gold not located` : ''}`);
}

function main(): void {
  requireShared(seedDir);
  const seedText = readFileSync(path.join(seedDir, 'independent-truss.txt'), 'utf8');
  const seedGold = JSON.parse(readFileSync(path.join(seedDir, 'independent-truss.gold.json'), 'utf8')).quotes as Gold[];
  const seed = score('seed', seedGold, findQuotesInText(seedText), 0);
  const rows: Score[] = [];
  const devDir = path.join(repoRoot, 'test/fixtures/quotes-dev');
  console.log(`dev pages: body from ${useExpected ? "expected.html's paragraphs" : 'analyzeArticle(source.html)'}, headline from the page title`);
  for (const file of readdirSync(devDir).filter((f) => f.endsWith('.json')).sort()) {
    const ann = JSON.parse(readFileSync(path.join(devDir, file), 'utf8')) as { page: string; quotes: { before: string; text: string; after: string; speaker: string | null }[] };
    const dir = path.join(requireShared(readabilityPagesDir), ann.page);
    let headline = '';
    let standfirst: string | null = null;
    let body: string;
    if (useExpected) body = expectedText(dir);
    else {
      const a = analyzeArticle(parsePage(readHtml(path.join(dir, 'source.html')).html));
      [headline, standfirst, body] = [a.title ?? '', a.standfirst, a.text ?? ''];
    }
    const found = findArticleQuotes({ headline, standfirst, body }).filter((q) => q.part === 'body');
    const gold: Gold[] = [];
    let unlocated = 0;
    let from = 0;
    for (const q of ann.quotes) {
      const i = locate(body, q, from);
      if (i < 0) {
        unlocated++;
        if (verbose) console.log(`  NOT LOCATED ${ann.page}: ${q.text.slice(0, 60)}`);
        continue;
      }
      gold.push({ start: i, end: i + q.text.length, speaker: q.speaker, text: q.text });
      from = i + q.text.length;
    }
    const row = score(ann.page, gold, found, unlocated);
    rows.push(row);
    report([row], ann.page);
  }
  console.log('');
  report([seed], 'seed');
  report(rows, 'dev (all pages)');
}

main();
