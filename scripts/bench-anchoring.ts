/**
 * npm run bench:anchoring [-- --json] [--source expected|article] [--seed N] [--per-page N] [--verbose]
 *
 * Re-anchoring benchmark. For each page of ../shared/corpora/readability-test-pages, take its article text
 * (default: the blocks of expected.html, Readability's output; `--source article`: Newsmark's own
 * analyzeArticle on source.html), pick anchors the way readers select (a word, a phrase, a sentence, a
 * paragraph, a span across two paragraphs), apply one synthetic edit scenario per anchor, and ask
 * placeAnchor to find the words again. The edit simulator tracks where the words really went, so each
 * placement is judged right, orphaned or wrong (test/unit/anchoring/simulate.ts). Anchors whose words no
 * longer exist (or changed by more than a quarter) are not re-attachable: for them an orphan is the right
 * answer and any placement away from their remains is wrong.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONTEXT_CHARS, describeSpan, placeAnchor, type AnchorMethod } from '../src/core/anchoring/index';
import { TextMap } from '../src/core/text';
import { analyzeArticle } from '../src/core/article/index';
import { readHtml } from './lib/files';
import { readabilityPagesDir, requireShared } from './lib/corpus';
import { parsePage } from './lib/dom';
import approxSearch from 'approx-string-match';
import {
  SURVIVAL_EDIT_RATE, BLOCK_SEPARATOR, blocksOf, judge, moveBlock, replace, rng, survives, type Tracked, type Verdict,
} from '../test/unit/anchoring/simulate';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const SEED = Number(option('seed', '20250605'));
const PER_PAGE = Number(option('per-page', '12'));
const SOURCE = option('source', 'expected') as 'expected' | 'article';
const MIN_TEXT_CHARS = 400;
/** How far from the anchor "near" edits land: inside the quote or inside/just past its 32-char context. */
const NEAR_CHARS = 60;

// ---------- article texts ----------

const BLOCK_TAGS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, dd, dt';

function expectedText(dir: string): string {
  const doc = parsePage(readHtml(path.join(dir, 'expected.html')).html);
  const all = [...doc.querySelectorAll(BLOCK_TAGS)];
  // Innermost blocks only, so no text is counted twice.
  const blocks = all.filter((el) => !el.querySelector(BLOCK_TAGS));
  return TextMap.of(blocks).text;
}

function articleText(dir: string): string {
  const doc = parsePage(readHtml(path.join(dir, 'source.html')).html, 'http://fakehost/test/page.html');
  const article = analyzeArticle(doc);
  return article.isArticle ? TextMap.of(article.paragraphs).text : '';
}

// ---------- random helpers ----------

let rand = rng(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

/** Offsets of word starts (after a space or block start) in [lo, hi]. */
function wordStarts(text: string, lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let i = Math.max(0, lo); i <= Math.min(text.length - 1, hi); i++) {
    const prev = i === 0 ? ' ' : text[i - 1]!;
    if (/\s/.test(prev) && !/\s/.test(text[i]!)) out.push(i);
  }
  return out;
}

/** End of the word starting at i. */
function wordEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && !/\s/.test(text[j]!)) j++;
  return j;
}

// ---------- anchors as readers select them ----------

type AnchorKind = 'word' | 'phrase' | 'sentence' | 'paragraph' | 'two-paragraphs';
const ANCHOR_KINDS: AnchorKind[] = ['phrase', 'phrase', 'phrase', 'sentence', 'sentence', 'word', 'paragraph', 'two-paragraphs'];

function chooseSpan(text: string, kind: AnchorKind): [number, number] | null {
  const blocks = blocksOf(text).filter(([a, b]) => b - a >= 20);
  if (blocks.length === 0) return null;
  const bi = Math.floor(rand() * blocks.length);
  const [a, b] = blocks[bi]!;
  const words = wordStarts(text, a, b - 1);
  if (words.length === 0) return null;
  switch (kind) {
    case 'word': {
      const long = words.filter((w) => wordEnd(text, w) - w >= 4);
      if (long.length === 0) return null;
      const w = pick(long);
      return [w, wordEnd(text, w)];
    }
    case 'phrase': {
      const i = Math.floor(rand() * words.length);
      const j = Math.min(words.length - 1, i + between(1, 11));
      return [words[i]!, wordEnd(text, words[j]!)];
    }
    case 'sentence': {
      const ends = [...text.slice(a, b).matchAll(/[.!?]["”’)]?(?=\s|$)/g)].map((m) => a + m.index + m[0].length);
      if (ends.length === 0) return [a, b];
      const k = Math.floor(rand() * ends.length);
      const from = k === 0 ? a : wordStarts(text, ends[k - 1]!, b)[0] ?? a;
      return from < ends[k]! ? [from, ends[k]!] : null;
    }
    case 'paragraph':
      return [a, b];
    case 'two-paragraphs': {
      const all = blocksOf(text);
      const idx = all.findIndex(([x]) => x === a);
      const next = all[idx + 1];
      if (!next) return null;
      const tail = words.slice(-between(1, 6))[0]!;
      const nextWords = wordStarts(text, next[0], next[1] - 1);
      if (nextWords.length === 0) return null;
      const w = nextWords[Math.min(nextWords.length - 1, between(0, 5))]!;
      return [tail, wordEnd(text, w)];
    }
  }
}

// ---------- edits ----------

type Edit = (t: Tracked, filler: () => string) => Tracked;

function nearWordStart(t: Tracked): number | null {
  const ws = wordStarts(t.text, t.start - NEAR_CHARS, t.end + NEAR_CHARS);
  return ws.length ? pick(ws) : null;
}

function nearIndex(t: Tracked, re: RegExp): number | null {
  const lo = Math.max(0, t.start - NEAR_CHARS);
  const hits = [...t.text.slice(lo, t.end + NEAR_CHARS).matchAll(re)].map((m) => lo + m.index);
  return hits.length ? pick(hits) : null;
}

function blockIndexAt(text: string, offset: number): number {
  const blocks = blocksOf(text);
  const i = blocks.findIndex(([, b]) => offset <= b);
  return i < 0 ? blocks.length - 1 : i;
}

const EDITS: Record<string, Edit> = {
  'insert-words': (t, filler) => {
    const w = nearWordStart(t);
    return w === null ? t : replace(t, w, w, filler() + ' ');
  },
  'delete-words': (t) => {
    const w = nearWordStart(t);
    if (w === null) return t;
    let e = w;
    for (let k = between(1, 3); k > 0 && e < t.text.length; k--) e = wordEnd(t.text, e) + 1;
    e = Math.min(e, t.text.length);
    if (t.text.slice(w, e).includes('\n')) return t;
    return replace(t, w, e, '');
  },
  'ad-paragraph': (t, filler) => {
    const blocks = blocksOf(t.text);
    const here = blockIndexAt(t.text, t.start);
    const target = pick([here, here, Math.min(blocks.length - 1, here + 1), Math.floor(rand() * blocks.length)]);
    const at = blocks[target]![0];
    return replace(t, at, at, filler() + BLOCK_SEPARATOR);
  },
  whitespace: (t) => {
    const choice = between(0, 3);
    if (choice === 0) {
      const i = nearIndex(t, /[.!?] (?=\S)/g); // a paragraph split after a sentence
      return i === null ? t : replace(t, i + 1, i + 2, BLOCK_SEPARATOR);
    }
    if (choice === 1) {
      const i = nearIndex(t, /\n\n/g); // two paragraphs merged
      return i === null ? t : replace(t, i, i + 2, ' ');
    }
    if (choice === 2) {
      const i = nearIndex(t, /[,;:] /g); // a space lost after punctuation
      return i === null ? t : replace(t, i + 1, i + 2, '');
    }
    const i = nearIndex(t, /\w[,.;:]/g); // a space gained before punctuation
    return i === null ? t : replace(t, i + 1, i + 1, ' ');
  },
  punctuation: (t) => {
    const SWAPS: Array<[RegExp, (s: string) => string]> = [
      [/"/g, () => pick(['“', '”'])], [/[“”]/g, () => '"'], [/'/g, () => '’'], [/’/g, () => "'"],
      [/ - /g, () => ' – '], [/ [–—] /g, () => ' - '], [/\.\.\./g, () => '…'], [/…/g, () => '...'],
      [/,/g, () => ''], [/\w(?= )/g, (s) => s + ','], [/\./g, () => ';'],
    ];
    for (let tries = 0; tries < 6; tries++) {
      const [re, to] = pick(SWAPS);
      const lo = Math.max(0, t.start - NEAR_CHARS);
      const hits = [...t.text.slice(lo, t.end + NEAR_CHARS).matchAll(re)];
      if (hits.length === 0) continue;
      const m = pick(hits);
      const at = lo + m.index;
      return replace(t, at, at + m[0].length, to(m[0]));
    }
    return t;
  },
  'paragraph-move': (t) => {
    const n = blocksOf(t.text).length;
    if (n < 3) return t;
    const here = blockIndexAt(t.text, t.start);
    const from = rand() < 0.5 ? here : Math.floor(rand() * n);
    return moveBlock(t, from, Math.floor(rand() * n));
  },
  'delete-paragraph': (t) => {
    const blocks = blocksOf(t.text);
    if (blocks.length < 2) return t;
    const i = rand() < 0.5 ? blockIndexAt(t.text, t.start) : Math.floor(rand() * blocks.length);
    const [a, b] = blocks[i]!;
    return i < blocks.length - 1 ? replace(t, a, b + 2, '') : replace(t, a - 2, b, '');
  },
  'rewrite-quote': (t, filler) => {
    // Most of the quoted words replaced: the note's words are gone.
    const ws = wordStarts(t.text, t.start, t.end - 1);
    let out = t;
    for (const w of ws.filter(() => rand() < 0.6).reverse()) {
      if (out.destroyed) break;
      out = replace(out, w, wordEnd(out.text, w), filler().split(' ')[0]!);
    }
    return out;
  },
};

const SINGLE = Object.keys(EDITS);
const MIXABLE = ['insert-words', 'delete-words', 'ad-paragraph', 'whitespace', 'punctuation', 'paragraph-move'];
const SCENARIOS = [...SINGLE, 'mixed'];

function applyScenario(t: Tracked, scenario: string, filler: () => string): Tracked {
  if (scenario !== 'mixed') return EDITS[scenario]!(t, filler);
  let out = t;
  for (let k = between(2, 4); k > 0 && !out.destroyed; k--) out = EDITS[pick(MIXABLE)]!(out, filler);
  return out;
}

// ---------- run ----------

interface Row { duplicate: boolean; scenario: string; anchorKind: AnchorKind; page: string; survives: boolean; verdict: Verdict; exactEnds: boolean; method: AnchorMethod | null; micros: number }

/** CPU time of this process (user + system), in µs: steadier than wall time on a busy machine. */
function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))]!;
}
const median = (xs: number[]) => quantile(xs, 0.5);

function main(): void {
  const root = requireShared(readabilityPagesDir);
  const pages = readdirSync(root).filter((d) => existsSync(path.join(root, d, 'expected.html'))).sort();
  const texts: Array<{ page: string; text: string }> = [];
  for (const page of pages) {
    const text = SOURCE === 'article' ? articleText(path.join(root, page)) : expectedText(path.join(root, page));
    if (text.length >= MIN_TEXT_CHARS) texts.push({ page, text });
  }
  rand = rng(SEED);
  const rows: Row[] = [];
  let scenarioIndex = 0;
  for (const [pi, { page, text }] of texts.entries()) {
    // Inserted words and "ads" come from another page, as they would on a real site.
    const other = texts[(pi + 1) % texts.length]!.text.split(/\s+/);
    const filler = () => {
      const i = Math.floor(rand() * Math.max(1, other.length - 12));
      return other.slice(i, i + between(1, 10)).join(' ') || 'Advertisement';
    };
    for (let k = 0; k < PER_PAGE; k++) {
      const anchorKind = ANCHOR_KINDS[(pi * PER_PAGE + k) % ANCHOR_KINDS.length]!;
      const span = chooseSpan(text, anchorKind);
      if (!span || span[1] <= span[0]) continue;
      const anchor = describeSpan(text, span[0], span[1]);
      // A passage that the page holds twice, context included, to within a quarter of its characters
      // (lorem-ipsum test pages repeat whole paragraphs; reference lists repeat their boilerplate) cannot
      // be told apart by any text anchor once one copy is edited: reported apart, not counted.
      // (Measured on a fixed CONTEXT_CHARS window, not on the anchor's own context, which describeSpan
      // widens for exactly such passages.)
      const from = Math.max(0, span[0] - CONTEXT_CHARS);
      const whole = text.slice(from, span[1] + CONTEXT_CHARS);
      const masked = text.slice(0, from) + '\u0000'.repeat(whole.length) + text.slice(from + whole.length);
      const duplicate = approxSearch(masked, whole, Math.floor(whole.length * SURVIVAL_EDIT_RATE)).length > 0;
      const scenario = SCENARIOS[scenarioIndex++ % SCENARIOS.length]!;
      const edited = applyScenario({ text, start: span[0], end: span[1], destroyed: false }, scenario, filler);
      const t0 = cpuMicros();
      const placed = placeAnchor(edited.text, anchor);
      const micros = cpuMicros() - t0;
      const verdict = judge(edited, placed);
      if (flag('verbose') && micros > 50_000) {
        console.error(`SLOW ${Math.round(micros / 1000)} ms ${page} (${edited.text.length} chars) ${scenario} ${anchorKind} quote ${anchor.quote.exact.length} chars → ${verdict}`);
      }
      if (option('dump', '') && micros > 50_000) {
        writeFileSync(path.join(option('dump', ''), `slow-${page}-${k}.json`), JSON.stringify({ page, scenario, anchorKind, duplicate, text: edited.text, anchor, truth: [edited.start, edited.end], destroyed: edited.destroyed, placed }));
      }
      const ok = survives(edited, anchor.quote.exact);
      rows.push({
        duplicate, scenario, anchorKind, page, survives: ok, verdict, micros, method: placed?.method ?? null,
        exactEnds: !!placed && placed.start === edited.start && placed.end === edited.end,
      });
      const tag = duplicate ? '[repeated] ' : '';
      if (option('dump', '') && (verdict === 'wrong' || verdict === 'partial' || (verdict === 'orphan' && ok) || placed?.method === 'fuzzy')) {
        writeFileSync(path.join(option('dump', ''), `${verdict}-${placed?.method ?? 'none'}-${duplicate ? 'repeated-' : ''}${page}-${k}.json`),
          JSON.stringify({ page, scenario, anchorKind, duplicate, text: edited.text, anchor, truth: [edited.start, edited.end], destroyed: edited.destroyed, placed }));
      }
      if (flag('verbose') && verdict === 'wrong') {
        console.error(`${tag}WRONG ${page} ${scenario} ${anchorKind} ${JSON.stringify(anchor.quote.exact.slice(0, 80))} → ` +
          `${JSON.stringify(edited.text.slice(placed!.start, placed!.end).slice(0, 80))} (${placed!.method} ${placed!.score} at ${placed!.start}-${placed!.end}) ` +
          `truth at ${edited.start}-${edited.end} ` +
          `truth ${JSON.stringify(edited.text.slice(edited.start, edited.end).slice(0, 80))}${edited.destroyed ? ' [destroyed]' : ''}`);
      }
      if (flag('verbose') && verdict === 'partial') {
        console.error(`${tag}PARTIAL ${page} ${scenario} ${anchorKind} placed ${placed!.start}-${placed!.end} truth ${edited.start}-${edited.end}`);
      }
      if (flag('verbose') && verdict === 'orphan' && ok) {
        console.error(`${tag}ORPHAN ${page} ${scenario} ${anchorKind} ${JSON.stringify(anchor.quote.exact.slice(0, 80))} ` +
          `truth ${JSON.stringify(edited.text.slice(edited.start, edited.end).slice(0, 80))}`);
      }
    }
  }
  report(rows.filter((r) => !r.duplicate), texts.length, rows.filter((r) => r.duplicate));
  longArticle(texts);
}

/**
 * The content script re-anchors every note of a page on each visit: time that for the longest page with
 * 100 notes (phrases and sentences), after an ad paragraph at the top and a word inserted near every
 * tenth note. Reported, not judged (the rows above judge).
 */
function longArticle(texts: Array<{ page: string; text: string }>): void {
  const { page, text } = texts.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  rand = rng(SEED + 1);
  const describeMicros: number[] = [];
  const anchors = [];
  for (let k = 0; anchors.length < 100 && k < 1000; k++) {
    const span = chooseSpan(text, k % 2 ? 'phrase' : 'sentence');
    if (!span || span[1] <= span[0]) continue;
    const t0 = cpuMicros();
    anchors.push(describeSpan(text, span[0], span[1]));
    describeMicros.push(cpuMicros() - t0);
  }
  let edited = `Advertisement: subscribe now for full access.${BLOCK_SEPARATOR}${text}`;
  for (const a of anchors.filter((_, i) => i % 10 === 0).sort((x, y) => y.position.start - x.position.start)) {
    const at = a.position.start + 'Advertisement: subscribe now for full access.'.length + BLOCK_SEPARATOR.length;
    edited = edited.slice(0, at) + 'really ' + edited.slice(at);
  }
  const micros: number[] = [];
  let placed = 0;
  const t0 = cpuMicros();
  for (const a of anchors) {
    const t1 = cpuMicros();
    if (placeAnchor(edited, a)) placed++;
    micros.push(cpuMicros() - t1);
  }
  const total = (cpuMicros() - t0) / 1000;
  const line = `LONG ARTICLE: ${page} (${text.length} characters), ${anchors.length} notes: placed ${placed} in ${total.toFixed(0)} ms ` +
    `(per note median ${Math.round(median(micros))} µs, p95 ${Math.round(quantile(micros, 0.95))} µs, max ${Math.round(quantile(micros, 1))} µs); ` +
    `describeSpan median ${Math.round(median(describeMicros))} µs, p95 ${Math.round(quantile(describeMicros, 0.95))} µs.`;
  if (flag('json')) console.error(line);
  else console.log(line);
}

function summarise(rs: Row[]) {
  const surv = rs.filter((r) => r.survives);
  const gone = rs.filter((r) => !r.survives);
  const count = (xs: Row[], v: Verdict) => xs.filter((r) => r.verdict === v).length;
  return {
    anchors: rs.length,
    reattachable: surv.length,
    reattached: count(surv, 'right'),
    orphaned: count(surv, 'orphan'),
    partial: count(rs, 'partial'),
    partialReattachable: count(surv, 'partial'),
    wrong: count(rs, 'wrong'),
    wrongReattachable: count(surv, 'wrong'),
    notReattachable: gone.length,
    notReattachableOrphaned: count(gone, 'orphan'),
    notReattachableFoundRemains: count(gone, 'right'),
    exactEnds: rs.filter((r) => r.verdict === 'right' && r.exactEnds).length,
    right: count(rs, 'right'),
    reattachedShare: surv.length ? count(surv, 'right') / surv.length : 1,
    medianMicros: Math.round(median(rs.map((r) => r.micros))),
    p95Micros: Math.round(quantile(rs.map((r) => r.micros), 0.95)),
    maxMicros: Math.round(quantile(rs.map((r) => r.micros), 1)),
  };
}

function report(rows: Row[], pageCount: number, duplicates: Row[]): void {
  const total = summarise(rows);
  const dup = summarise(duplicates);
  const byScenario = Object.fromEntries(SCENARIOS.map((s) => [s, summarise(rows.filter((r) => r.scenario === s))]));
  const byAnchor = Object.fromEntries([...new Set(ANCHOR_KINDS)].map((k) => [k, summarise(rows.filter((r) => r.anchorKind === k))]));
  const methods = Object.fromEntries(['position', 'exact', 'fuzzy', 'orphan'].map((m) => {
    const rs = rows.filter((r) => (r.method ?? 'orphan') === m);
    return [m, { count: rs.length, medianMicros: Math.round(median(rs.map((r) => r.micros))) }];
  }));
  if (flag('json')) {
    console.log(JSON.stringify({ seed: SEED, perPage: PER_PAGE, source: SOURCE, pages: pageCount, total, duplicatePassages: dup, byScenario, byAnchor, methods }, null, 2));
    return;
  }
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) + '%' : '—');
  const line = (name: string, s: ReturnType<typeof summarise>) =>
    [name.padEnd(18), String(s.anchors).padStart(7), String(s.reattachable).padStart(9), pct(s.reattached, s.reattachable).padStart(9),
      String(s.orphaned).padStart(8), String(s.partialReattachable).padStart(7), String(s.wrong).padStart(6), String(s.notReattachableOrphaned + '/' + s.notReattachable).padStart(10),
      String(s.medianMicros).padStart(8)].join(' ');
  const header = ['edit / anchor'.padEnd(18), 'anchors'.padStart(7), 'reattach.'.padStart(9), 'right'.padStart(9), 'orphaned'.padStart(8),
    'partial'.padStart(7), 'wrong'.padStart(6), 'gone→orph'.padStart(10), 'med µs'.padStart(8)].join(' ');
  console.log(`Re-anchoring benchmark: seed ${SEED}, ${PER_PAGE} anchors/page, ${pageCount} pages, text from ${SOURCE === 'article' ? 'analyzeArticle(source.html)' : 'expected.html'}`);
  console.log(header);
  for (const [s, v] of Object.entries(byScenario)) console.log(line(s, v));
  console.log('-'.repeat(header.length));
  for (const [k, v] of Object.entries(byAnchor)) console.log(line(k, v));
  console.log('-'.repeat(header.length));
  console.log(line('all', total));
  console.log(line('(repeated text)', dup) + '   ← passage repeated on the page (context included, within 25%); not counted');
  console.log(`methods: ${Object.entries(methods).map(([m, v]) => `${m} ${v.count} (median ${v.medianMicros} µs)`).join(', ')}`);
  console.log(
    `SUMMARY: ${total.reattached}/${total.reattachable} re-attachable anchors re-attached (${pct(total.reattached, total.reattachable)}), ` +
    `${total.orphaned} orphaned, ${total.partialReattachable} on the right words with an end off; ${total.wrong} wrong of ${total.anchors} anchors; ${total.notReattachableOrphaned}/${total.notReattachable} ` +
    `anchors whose words were gone became orphans; ${pct(total.exactEnds, total.right)} of right placements have exact ends; ` +
    `per placement median ${total.medianMicros} µs, p95 ${total.p95Micros} µs, max ${total.maxMicros} µs.`,
  );
}

main();
