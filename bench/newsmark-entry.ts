/**
 * The benchmark's in-page side for Newsmark, bundled by `scripts/bench.ts` (esbuild, IIFE) and injected with
 * `page.evaluate`. It runs the content script's own pass on the live document — `runPassSliced` as the content
 * script runs it (the cold first pass: the long-task figure), and `runPass`, the same steps in one task (the
 * repeated passes of the CPU comparison) — and puts the page back between runs so every run does the same work.
 *
 * The runner reads the renderer main thread's CPU time around each call (CDP Performance.getMetrics,
 * ThreadTime): on a shared machine CPU time is the stable figure. The in-page clock gives the stages.
 *
 * Timing note: Chromium clamps `performance.now()` to 100 µs with random jitter on pages that are not
 * cross-origin isolated. The jitter makes the clamped value unbiased, so a batch of k passes, each timed on
 * its own (clean-up outside the clock), gives an unbiased mean even when one pass is a few dozen µs.
 */
import { runPass, runPassSliced, type Pass, type PassStages } from '../src/content/pass';
import { BoilerplateView } from '../src/content/boilerplate';
import { QuoteHighlights } from '../src/content/quotes';
import { HIDDEN_ATTR, STYLE_ID } from '../src/content/page-style';
import { looksLikeArticlePage } from '../src/core/article';
import { findArticleQuotes } from '../src/core/quotes';
import { buildIndex } from '../src/core/article/page-index';

declare const gc: (() => void) | undefined;

interface Run {
  /** Mean ms per pass over the batch. */
  total: number;
  /** Mean ms per pass of the clean-up that put the page back before it (in-page clock; the runner subtracts it). */
  cleanup: number;
  stages: PassStages;
  /** Slowest single pass in the batch (`runPass`, one task), or the slowest slice (`runPassSliced`). */
  max: number;
  isArticle: boolean;
  /** Quotes placed as highlights / found by the engine in the article's parts / boilerplate blocks found / hidden. */
  placed: number;
  found: number;
  flagged: number;
  hidden: number;
  speakers: number;
}

let quotes: QuoteHighlights | null = null;
/** The last batch's last pass, for `counts()`, which the runner calls outside the batch's CPU time. */
let lastPass: { pass: Pass; hidden: number } | null = null;

/** Puts the page back as it was before a pass: no hidden-block attributes, no highlights, no stylesheet. */
function cleanup(): void {
  quotes?.clear();
  quotes = null;
  for (const el of Array.from(document.querySelectorAll(`[${HIDDEN_ATTR}]`))) el.removeAttribute(HIDDEN_ATTR);
  document.getElementById(STYLE_ID)?.remove();
}

/** A full collection, called by the runner in its own evaluation before each batch (outside every clock). */
function collect(): void {
  if (typeof gc === 'function') gc();
}

/** k clean-ups alone: the runner subtracts their CPU time from a batch's (they run between its passes). */
function cleanups(k: number): void {
  for (let r = 0; r < k; r++) cleanup();
}

function newsmark(k: number, url: string, mark = false): Omit<Run, 'found'> {
  const stages: PassStages = { detection: 0, boilerplate: 0, quotes: 0, highlight: 0 };
  let total = 0;
  let cleaning = 0;
  let max = 0;
  let last: ReturnType<typeof runPass> | null = null;
  let hidden = 0;
  for (let r = 0; r < k; r++) {
    const c0 = performance.now();
    cleanup();
    cleaning += performance.now() - c0;
    const boilerplate = new BoilerplateView(document);
    quotes = new QuoteHighlights();
    if (mark) performance.mark('newsmark-pass-start');
    const t0 = performance.now();
    last = runPass(document, { url, hideBoilerplate: true, highlightQuotes: true }, { boilerplate, quotes });
    const dt = performance.now() - t0;
    if (mark) performance.mark('newsmark-pass-end');
    total += dt;
    max = Math.max(max, dt);
    for (const s of Object.keys(stages) as Array<keyof PassStages>) stages[s] += last.stages[s];
    hidden = boilerplate.count;
  }
  for (const s of Object.keys(stages) as Array<keyof PassStages>) stages[s] /= k;
  lastPass = { pass: last!, hidden };
  return { ...summary(last!, hidden, false), stages, total: total / k, cleanup: cleaning / k, max };
}

/**
 * The counts of the last batch's last pass, with the quotes the CLI's engine finds in the same article parts: a
 * call of its own, so this check (a second run of the quote engine) is not on the batch's CPU clock.
 */
function counts(): Omit<Run, 'total' | 'max' | 'cleanup'> | null {
  return lastPass ? summary(lastPass.pass, lastPass.hidden) : null;
}

/**
 * One pass as the content script runs it: `runPassSliced`, the browser free between slices. Each slice is timed
 * with the in-page clock (the long-task figure: one slice is one task); the runner reads the CPU time around the
 * whole call and, when tracing, each task's thread time.
 */
async function newsmarkSliced(url: string, mark = false): Promise<Run & { slices: number[] }> {
  cleanup();
  const boilerplate = new BoilerplateView(document);
  quotes = new QuoteHighlights();
  const slices: number[] = [];
  if (mark) performance.mark('newsmark-sliced-start');
  const t0 = performance.now();
  const pass = (await runPassSliced(document, { url, hideBoilerplate: true, highlightQuotes: true }, { boilerplate, quotes }, { onSlice: (ms) => slices.push(ms) })) as Pass;
  const total = performance.now() - t0;
  if (mark) performance.mark('newsmark-sliced-end');
  // No count check here (found: -1): it would run in the last slice's task and count in the pass's CPU and trace.
  return { ...summary(pass, boilerplate.count, false), total, cleanup: 0, max: Math.max(...slices), slices };
}

function summary(pass: Pass, hidden: number, count = true): Omit<Run, 'total' | 'max' | 'cleanup'> {
  const a = pass.article;
  // Outside the in-page clock: what the quote CLI reports for the same article (it does not skip non-articles).
  const found = count ? findArticleQuotes({ headline: a.title ?? '', standfirst: a.standfirst, body: a.text ?? '' }).length : -1;
  return {
    stages: pass.stages, isArticle: a.isArticle, placed: pass.placed.length, found,
    flagged: a.isArticle ? a.boilerplate.length : 0, hidden, speakers: pass.speakers.length,
  };
}

/** What the content script does on every page before the pass: the size guard and the cheap article check. */
function early(k: number): { ms: number; looks: boolean } {
  let total = 0;
  let looks = false;
  for (let r = 0; r < k; r++) {
    const t0 = performance.now();
    const size = document.getElementsByTagName('*').length;
    looks = size >= 0 && looksLikeArticlePage(document);
    total += performance.now() - t0;
  }
  return { ms: total / k, looks };
}

/** The floor: one TreeWalker pass over the page's text nodes summing their lengths, repeated k times. */
function floor(k: number): number {
  let sink = 0;
  const t0 = performance.now();
  for (let r = 0; r < k; r++) {
    const w = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) sink += (n as Text).length;
  }
  const ms = (performance.now() - t0) / k;
  return sink < 0 ? -1 : ms;
}

/**
 * The read floor: the DOM reads any classifier of a page's parts makes, and nothing else — every element's tag and
 * its class and id (when it has attributes), every text node's length — by firstChild/nextSibling, repeated k times.
 * Set beside the pass, it says how much of the pass is reading the page and how much is Newsmark's own work.
 */
function readFloor(k: number): number {
  let sink = 0;
  const root = document.documentElement;
  const t0 = performance.now();
  for (let r = 0; r < k; r++) {
    let node: Node | null = root;
    while (node) {
      const tag: unknown = (node as Element).tagName;
      let first: Node | null = null;
      if (typeof tag === 'string') {
        const el = node as Element;
        if (el.hasAttributes()) sink += (el.getAttribute('class') ?? '').length + (el.getAttribute('id') ?? '').length;
        if (tag !== 'SCRIPT' && tag !== 'STYLE') first = el.firstChild;
      } else if (node.nodeType === Node.TEXT_NODE) sink += (node as Text).length;
      if (first) {
        node = first;
        continue;
      }
      let next: Node | null = null;
      while (node !== root && !(next = node!.nextSibling)) node = node!.parentNode;
      node = node === root ? null : next;
    }
  }
  const ms = (performance.now() - t0) / k;
  return sink < 0 ? -1 : ms;
}

/** Size of the page: all nodes (elements, text, comments) and elements. */
function size(): { nodes: number; elements: number } {
  let nodes = 0;
  const w = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
  for (let n = w.nextNode(); n; n = w.nextNode()) nodes++;
  return { nodes, elements: document.getElementsByTagName('*').length };
}

/**
 * The elements the pass's page index keeps, and how many of them lie under a box named or marked like page chrome:
 * what a walk that pruned such boxes, as Readability does, would not read. (Called after the cold pass, so the index
 * code is not warmed before it.)
 */
function chrome(): { indexed: number; underChrome: number } {
  const ix = buildIndex(document, { skipHidden: true, markUnlikely: true });
  let underChrome = 0;
  for (const u of ix.unlikely) underChrome += u;
  return { indexed: ix.els.length, underChrome };
}

(globalThis as unknown as { __newsmarkBench: unknown }).__newsmarkBench = { newsmark, newsmarkSliced, counts, early, floor, readFloor, size, chrome, cleanup, cleanups, collect };
