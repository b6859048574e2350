/**
 * One pass of Newsmark over a page — the work the content script does on every article — in timed stages, so
 * the benchmark measures exactly what readers pay: detection, quote finding and attribution, then the writes
 * (boilerplate hiding, highlight registration). No extension APIs: the benchmark runs it in a plain page too.
 *
 * Two ways to run the same steps (`passSteps`, a generator):
 *  - `runPass`: in one go, synchronously (the benchmark's repeated passes, tests);
 *  - `runPassSliced`: in slices of about SLICE_BUDGET_MS, the browser free in between (`scheduler.yield()`, else
 *    an idle callback with a timeout, else `setTimeout(0)`), so a large page does not block input and rendering
 *    for the whole pass. This is what the content script runs. It stops between slices when its signal is
 *    aborted (navigation on a single-page site, a new pass); the page is written only in the last slice, so a
 *    pass stopped early leaves the page as it was.
 * Both give the same result: the engines yield at points where nothing is pending (`analyzeArticleSteps`,
 * `placeQuotesSteps`), and the sliced driver only decides when to pause at them.
 */
import { analyzeArticleSteps, storyTextMap, type Article } from '../core/article';
import { drain } from '../core/article/page-index';
import type { TextMap } from '../core/text';
import type { BoilerplateView } from './boilerplate';
import { ensurePageStyle } from './page-style';
import { placeQuotesSteps, type PlacedQuote, type QuoteHighlights } from './quotes';

export interface PassOptions {
  url: string;
  hideBoilerplate: boolean;
  highlightQuotes: boolean;
}

/** Milliseconds spent in each stage (work only: the pauses of a sliced pass are not counted). */
export interface PassStages {
  detection: number;
  boilerplate: number;
  quotes: number;
  highlight: number;
}

export interface Pass {
  article: Article;
  /** The article text and its way back to the DOM (null when the page has no article). */
  body: TextMap | null;
  placed: PlacedQuote[];
  speakers: string[];
  stages: PassStages;
}

export interface PassViews {
  boilerplate: BoilerplateView | null;
  quotes: QuoteHighlights;
}

/**
 * Work per slice: the driver pauses at the first yield point after this many ms. A slice is this plus the
 * longest stretch between two yield points (a few ms on the largest corpus page), well under a 50 ms long task.
 */
export const SLICE_BUDGET_MS = 10;

/** Time the driver spent paused, so stage laps count only work. */
interface Clock {
  paused: number;
}

/**
 * The pass as resumable steps: reads first (detection, then quotes), writes once, at the end (the page
 * stylesheet, hiding attributes, highlights), all in the same step.
 */
function* passSteps(doc: Document, opts: PassOptions, views: PassViews, clock: Clock): Generator<void, Pass, unknown> {
  const stages: PassStages = { detection: 0, boilerplate: 0, quotes: 0, highlight: 0 };
  let t = performance.now();
  let p = clock.paused;
  const lap = (stage: keyof PassStages) => {
    const now = performance.now();
    stages[stage] += now - t - (clock.paused - p);
    t = now;
    p = clock.paused;
  };
  const article = yield* analyzeArticleSteps(doc, { url: opts.url });
  const body = article.isArticle ? storyTextMap(article) : null;
  lap('detection');
  let placed: PlacedQuote[] = [];
  let speakers: string[] = [];
  if (article.isArticle && body) {
    if (opts.highlightQuotes) {
      // No lap after a pause: the next lap takes the driver's pause off (clock.paused), so one clock read per stage
      // gives the same figures.
      yield;
      placed = yield* placeQuotesSteps(article, body);
      lap('quotes');
      yield;
    }
    // The writes, together. The stylesheet only when something here needs it (hidden blocks, quote highlights): a
    // page that needs none is not restyled for nothing. The note layer adds it for notes (`./notes`).
    if ((opts.hideBoilerplate && views.boilerplate && article.boilerplate.length > 0) || placed.length > 0) ensurePageStyle(doc);
    if (opts.hideBoilerplate && views.boilerplate) views.boilerplate.hide(article);
    lap('boilerplate');
    if (opts.highlightQuotes) {
      speakers = views.quotes.show(placed);
      lap('highlight');
    }
  }
  return { article, body, placed, speakers, stages };
}

/** The whole pass in one synchronous task (the benchmark's comparisons, tests): the same steps as `runPassSliced`. */
export function runPass(doc: Document, opts: PassOptions, views: PassViews): Pass {
  return drain(passSteps(doc, opts, views, { paused: 0 }));
}

export interface SliceOptions {
  /** Aborted: the pass stops at its next pause and resolves to null, leaving the page untouched. */
  signal?: AbortSignal;
  /** Work per slice, ms (SLICE_BUDGET_MS). */
  budgetMs?: number;
  /** Told each slice's duration (in-page clock, ms): the benchmark's long-task figure. */
  onSlice?: (ms: number) => void;
  /** How to give the browser its turn (default: `nextSlice`). */
  pause?: () => Promise<void>;
}

interface SchedulerLike {
  yield?: () => Promise<void>;
}

/**
 * Gives the browser its turn: `scheduler.yield()` where it exists (Chromium; the continuation runs before other
 * queued tasks of the page, after input and rendering), else an idle callback that waits at most 50 ms, else a
 * timer.
 */
export function nextSlice(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof globalThis.requestIdleCallback === 'function') {
    return new Promise((resolve) => globalThis.requestIdleCallback(() => resolve(), { timeout: 50 }));
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The pass in slices with the browser free between them; null when `signal` stopped it first. */
export async function runPassSliced(doc: Document, opts: PassOptions, views: PassViews, slicing: SliceOptions = {}): Promise<Pass | null> {
  const clock: Clock = { paused: 0 };
  const steps = passSteps(doc, opts, views, clock);
  const budget = slicing.budgetMs ?? SLICE_BUDGET_MS;
  const pause = slicing.pause ?? nextSlice;
  for (;;) {
    if (slicing.signal?.aborted) {
      steps.return(null as unknown as Pass);
      return null;
    }
    const start = performance.now();
    let r = steps.next();
    while (!r.done && performance.now() - start < budget) r = steps.next();
    const end = performance.now();
    slicing.onSlice?.(end - start);
    if (r.done) return r.value;
    await pause();
    clock.paused += performance.now() - end;
  }
}
