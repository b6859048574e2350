/**
 * npm run bench [-- --json out.json] [--pages REGEX] [--rounds N] [--no-trace] [--no-cli] [--profile] [--entry-root DIR] [--visible] [--no-first]
 *
 * `--no-first`: skip the first-run comparison (each engine once on a page load of its own, cold JIT).
 * `--visible`: run the batches with the page in front, as before 2026-11-29 (the pass's rendering then lands on
 * Newsmark's CPU clock: see Stability).
 *
 * `--entry-root DIR`: bundle Newsmark's entry from another copy of the tree (DIR/bench/newsmark-entry.ts and
 * DIR/src), e.g. `git archive <commit> src bench | tar -x -C DIR`, to compare an optimisation with what it replaced.
 *
 * `--compare DIR`: instead of the comparison with Readability, an A/B of Newsmark's pass between DIR's tree (A, a copy
 * made as for `--entry-root`) and this one (B), both loaded in the same page and alternated batch by batch, so drift
 * and other jobs on the machine hit both alike. Prints each page's CPU ms per pass (the minimum over the rounds) and
 * B/A, then the geometric mean and the ratio of the sums. Take `--rounds 5` or more, `--pages` to choose.
 *
 * What Newsmark costs a reader, measured in Debian's Chromium (puppeteer-core, headless) on every page of
 * ../shared/corpora/readability-test-pages and the demo page, beside Reader View's engine and a floor:
 *   - Newsmark: the content script's whole pass (detection, quote finding and attribution, then boilerplate
 *     hiding and highlight registration) on the live document, stage by stage (bench/newsmark-entry.ts); the
 *     repeated passes run it in one task (`runPass`, the same steps as the sliced pass), so the CPU ratio counts
 *     the work, not the scheduling;
 *   - Readability 0.6.0: `new Readability(document.cloneNode(true)).parse()`; the parse alone is the
 *     denominator of every ratio, the clone is reported apart (bench/readability-entry.ts);
 *   - floor: one TreeWalker pass over the text nodes summing their lengths, repeated in a loop;
 *   - read floor: the reads any classifier of a page's parts makes (every element's tag, class and id, every text
 *     node's length) and nothing else, reported against Readability: how much of a pass reading the page costs.
 * Both entries are bundled here with esbuild as IIFEs and injected with `page.evaluate` (the fixture server
 * sends a CSP that blocks the page's own scripts, and DevTools evaluation is not bound by it).
 *
 * Stability: the figures are CPU time of the renderer's main thread (CDP Performance.getMetrics ThreadTime,
 * read around each batch, minus an empty evaluation's cost), because this machine is shared: wall-clock time
 * moved by 2-3x between identical runs while other jobs ran, CPU time by a few per cent. One browser, one tab,
 * pages in a fixed order; per page one cold pass, sliced as the content script runs it (`runPassSliced`; the
 * long-task figures are its longest slice by the in-page clock and, from a light trace of that pass, the
 * longest main-thread task's thread time; its total CPU is reported too), then warm-up (WARMUP_MS of each
 * engine's passes), then ROUNDS rounds that alternate a Newsmark batch and a Readability batch
 * (drift hits both alike). A batch repeats the work until it spends ≥ BATCH_MS; the page is put back between
 * Newsmark passes (that clean-up is measured alone and subtracted); Readability's clones are made before its
 * batch; a forced GC (--expose-gc) runs before every batch, so one engine's garbage is not collected on the
 * other's clock. Each figure is the median of the rounds' per-pass means. Stages come from the in-page clock.
 * The batches run with the page hidden behind a blank tab: a visible page gets a frame right after each batch,
 * whose style and layout for the pass's writes (5-10 ms on a 3,000-12,000-node page) landed on Newsmark's CPU
 * clock and not on Readability's, whose clone is never rendered. That frame is measured apart (nextFrameMs, from
 * the trace of a pass on the page in front). The count check (a second run of the quote engine, as the CLI does)
 * runs in its own call after the rounds, and the clean-ups between passes are timed in the page after real
 * passes and subtracted.
 *
 * Counts are checked against the CLIs on the same files (`npm run --silent article -- … --url <origin>/`,
 * `npm run --silent quotes -- …`): the URL only reaches the article engine as a host name for the site-fix
 * table, and every page is served from that one host.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import puppeteer, { type Page } from 'puppeteer-core';
import { repoRoot, readabilityPagesDir, requireShared } from './lib/corpus';
import { startFixtureServer } from '../test/support/fixture-server';
import { EXECUTABLES } from '../test/support/browsers';
import { contentScriptSize, sizeLines, type ContentScriptSize } from './size';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const flag = (name: string) => args.includes(`--${name}`);
const JSON_OUT = option('json');
const PAGE_FILTER = option('pages') ? new RegExp(option('pages')!) : null;
const ROUNDS = Number(option('rounds') ?? 7);
/** `--profile`: sample Newsmark's passes with the V8 profiler and print where the time goes (self time by function). */
const PROFILE = flag('profile');
const ENTRY_ROOT = option('entry-root');
const COMPARE = option('compare');
/**
 * Warm-up per engine and page, in CPU ms of its own passes (in growing batches): a page's bundles are evaluated
 * afresh after each navigation, so the JIT starts cold on every page. Two passes left a 30-node page's Newsmark
 * batch mostly unoptimised (its second pass still took ~2 ms, so its batches were 12 passes long against
 * Readability's 100): the ratio then compared a cold engine with a warm one.
 */
const WARMUP_MS = 60;
/** A batch runs the work this long at least, so the 100 µs clock (with jitter) averages out. */
const BATCH_MS = 25;
const LONG_TASK_MS = 50;

const TARGETS = { ratioMedian: 0.33, ratioP95: 0.33, slope: 1.1, forcedLayouts: 1, longTaskMs: LONG_TASK_MS, contentScriptKb: 30, nonArticleRatio: 0.1 };

interface Stages { detection: number; boilerplate: number; quotes: number; highlight: number }
interface NmRun { total: number; cleanup?: number; stages: Stages; max: number; isArticle: boolean; placed: number; found: number; flagged: number; hidden: number; speakers: number }
interface RdRun { parse: number; max: number; found: boolean }
/** What the two bundled entries put on the page's global object. */
interface InPage {
  __newsmarkBench: {
    newsmark(k: number, url: string, mark?: boolean): NmRun;
    /** Absent in an entry bundled from an older tree (`--entry-root`): its cold pass is then `newsmark(1)`, one task. */
    newsmarkSliced?(url: string, mark?: boolean): Promise<NmRun & { slices: number[] }>;
    /** The last batch's counts with the CLI-equivalent quote check (absent in an older entry: its batches carry it). */
    counts?(): Omit<NmRun, 'total' | 'max' | 'cleanup'> | null;
    early(k: number): { ms: number; looks: boolean };
    floor(k: number): number;
    /** Absent in an entry bundled from an older tree. */
    readFloor?(k: number): number;
    size(): { nodes: number; elements: number };
    /** Absent from an older tree's entry. */
    chrome?(): { indexed: number; underChrome: number };
    cleanup(): void;
    cleanups(k: number): void;
    collect(): void;
  };
  __readabilityBench: { readability(k: number): RdRun; prepare(k: number): number };
}
interface PageResult {
  name: string;
  url: string;
  nodes: number;
  elements: number;
  /** Elements the page index keeps, and those of them under a box named or marked like chrome (null: older entry). */
  indexed: number | null;
  underChrome: number | null;
  isArticle: boolean;
  /** ms: CPU time per pass (main thread); wallMs: the in-page clock, which also gives the stages. */
  /**
   * coldMs / coldCpuMs: the cold first pass as the content script runs it (sliced), in-page clock from start to
   * end (pauses included) / main-thread CPU. slices: how many; maxSliceMs: the longest (in-page clock, the
   * long-task figure); maxTaskCpuMs / maxTaskMs: the longest main-thread task while it ran, by the trace (thread
   * time / wall), null without a trace.
   */
  newsmark: {
    ms: number; wallMs: number; stages: Stages; coldMs: number; coldCpuMs: number; batch: number;
    slices: number; maxSliceMs: number; maxTaskCpuMs: number | null; maxTaskMs: number | null;
  };
  readability: { ms: number; wallMs: number; cloneMs: number; coldMs: number; found: boolean };
  /**
   * The first run of each engine on a freshly loaded page, main-thread CPU ms: what one page load pays with a
   * cold JIT (lazy compilation included) — Newsmark's `runPass` in one task, Readability's first parse (its
   * clone made beforehand). Each on a load of its own, page hidden. Null with `--no-first`.
   */
  first: { newsmark: number; readability: number; ratio: number } | null;
  floorMs: number;
  /** The read floor (every element's tag, class and id, every text node's length: see the entry), ms; null from an older entry. */
  readFloorMs: number | null;
  early: { ms: number; looksLikeArticle: boolean };
  ratio: number;
  overFloor: number;
  counts: { quotes: number; quotesFound: number; hidden: number; flagged: number; speakers: number };
  cli: { quotes: number; boilerplate: number; isArticle: boolean } | null;
  mismatch: string[];
  trace: { layouts: number; styleRecalcs: number; layoutMs: number; nextFrameMs: number } | null;
}

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  // Nearest rank: a real page's figure, never an interpolation between two.
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}
const r2 = (x: number) => Math.round(x * 100) / 100;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

async function bundle(entry: string, root = repoRoot): Promise<string> {
  const out = await build({
    entryPoints: [path.resolve(root, entry)], bundle: true, format: 'iife', target: 'chrome120', write: false, minify: !PROFILE, keepNames: PROFILE,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

// ---------- the CLIs ----------

function cliCounts(files: string[], origin: string): Map<string, { quotes: number; boilerplate: number; isArticle: boolean }> {
  const run = (script: string, extra: string[]) => execFileSync('npm', ['run', '--silent', script, '--', ...files, ...extra], {
    cwd: repoRoot, maxBuffer: 1 << 30, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'],
  }).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const articles = run('article', ['--url', `${origin}/`]);
  const quotes = run('quotes', []);
  const out = new Map<string, { quotes: number; boilerplate: number; isArticle: boolean }>();
  files.forEach((f, i) => {
    const a = articles[i]!;
    const q = quotes[i]!;
    out.set(f, {
      isArticle: a.isArticle === true,
      boilerplate: a.isArticle === true ? (a.boilerplate as unknown[]).length : 0,
      quotes: Array.isArray(q.quotes) ? q.quotes.length : -1,
    });
  });
  return out;
}

// ---------- content script size ----------
// `npm run size` (scripts/size.ts): what a page load fetches up front, and each lazily imported chunk apart.

// ---------- tracing ----------

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; cat: string }

/**
 * The cold pass, sliced as the content script runs it, under a light trace: every main-thread task (`RunTask`)
 * that overlaps the pass, with its wall time (dur) and its thread time (tdur, CPU). The longest task's CPU is
 * the long-task figure that the machine's load does not inflate; the in-page clock per slice is the other.
 */
async function traceColdPass(page: Page, run: () => Promise<NmRun & { slices: number[] }>): Promise<{ run: NmRun & { slices: number[] }; maxTaskCpuMs: number | null; maxTaskMs: number | null }> {
  await page.tracing.start({ categories: ['disabled-by-default-devtools.timeline', 'blink.user_timing'] });
  const result = await run();
  const buf = await page.tracing.stop();
  if (!buf) return { run: result, maxTaskCpuMs: null, maxTaskMs: null };
  const events = (JSON.parse(Buffer.from(buf).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  // An older entry's cold pass (one task) marks itself as newsmark-pass-*.
  const start = events.find((e) => e.name === 'newsmark-sliced-start' || e.name === 'newsmark-pass-start');
  const end = events.find((e) => e.name === 'newsmark-sliced-end' || e.name === 'newsmark-pass-end');
  if (!start || !end) return { run: result, maxTaskCpuMs: null, maxTaskMs: null };
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.tid === start.tid && e.ts <= end.ts && e.ts + (e.dur ?? 0) >= start.ts);
  if (tasks.length === 0) return { run: result, maxTaskCpuMs: null, maxTaskMs: null };
  return {
    run: result,
    maxTaskCpuMs: r2(Math.max(...tasks.map((e) => e.tdur ?? e.dur ?? 0)) / 1000),
    maxTaskMs: r2(Math.max(...tasks.map((e) => e.dur ?? 0)) / 1000),
  };
}

/** One traced pass: layouts and style recalcs that ran inside it (forced, since nothing else runs then). */
async function tracePass(page: Page, url: string): Promise<PageResult['trace']> {
  await page.tracing.start({ categories: ['devtools.timeline', 'blink.user_timing', 'disabled-by-default-devtools.timeline'] });
  await page.evaluate((u) => (globalThis as unknown as InPage).__newsmarkBench.newsmark(1, u, true), url);
  // Let the normal frame after the pass happen, to report what hiding and highlighting cost the renderer.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
  const buf = await page.tracing.stop();
  if (!buf) return null;
  const events = (JSON.parse(Buffer.from(buf).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const start = events.find((e) => e.name === 'newsmark-pass-start');
  const end = events.find((e) => e.name === 'newsmark-pass-end');
  if (!start || !end) return null;
  const inPass = events.filter((e) => e.ph === 'X' && e.tid === start.tid && e.ts >= start.ts && e.ts <= end.ts);
  const layouts = inPass.filter((e) => e.name === 'Layout');
  const after = events.filter((e) => e.ph === 'X' && e.tid === start.tid && e.ts > end.ts && (e.name === 'Layout' || e.name === 'UpdateLayoutTree'));
  return {
    layouts: layouts.length,
    styleRecalcs: inPass.filter((e) => e.name === 'UpdateLayoutTree').length,
    layoutMs: r2(layouts.reduce((s, e) => s + (e.dur ?? 0), 0) / 1000),
    nextFrameMs: r2(after.reduce((s, e) => s + (e.dur ?? 0), 0) / 1000),
  };
}

// ---------- one page ----------

/** CPU time of the renderer's main thread (ms) spent while `work` runs, minus the cost of an empty evaluation. */
async function cpuTimer(page: Page): Promise<{ cpu: (work: () => Promise<unknown>) => Promise<number> }> {
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const threadTime = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
  const raw = async (work: () => Promise<unknown>) => {
    const t0 = await threadTime();
    await work();
    return (await threadTime()) - t0;
  };
  const empty: number[] = [];
  for (let i = 0; i < 7; i++) empty.push(await raw(() => page.evaluate(() => 0)));
  const overhead = median(empty);
  return { cpu: async (work) => Math.max(0, (await raw(work)) - overhead) };
}

async function measurePage(page: Page, backdrop: Page | null, name: string, url: string, scripts: string[], doTrace: boolean): Promise<Omit<PageResult, 'cli' | 'mismatch'>> {
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  for (const s of scripts) await page.evaluate(s);
  const { cpu } = await cpuTimer(page);
  const collect = () => page.evaluate(() => (globalThis as unknown as InPage).__newsmarkBench.collect());
  const nm = (k: number) => page.evaluate((kk, u) => (globalThis as unknown as InPage).__newsmarkBench.newsmark(kk, u), k, url) as Promise<NmRun>;
  const rd = (k: number) => page.evaluate((kk) => (globalThis as unknown as InPage).__readabilityBench.readability(kk), k) as Promise<RdRun>;
  const { nodes, elements } = (await page.evaluate(() => (globalThis as unknown as InPage).__newsmarkBench.size())) as { nodes: number; elements: number };

  // Cold: the first pass on a fresh document, what the content script really pays once per page, sliced as the
  // content script runs it (an entry from an older tree without `newsmarkSliced` runs it in one task).
  const sliced = (await page.evaluate(() => typeof (globalThis as unknown as InPage).__newsmarkBench.newsmarkSliced === 'function')) as boolean;
  const coldRun = async (): Promise<NmRun & { slices: number[] }> => {
    if (sliced) return (await page.evaluate((u, m) => (globalThis as unknown as InPage).__newsmarkBench.newsmarkSliced!(u, m), url, doTrace)) as NmRun & { slices: number[] };
    const r = (await page.evaluate((u, m) => (globalThis as unknown as InPage).__newsmarkBench.newsmark(1, u, m), url, doTrace)) as NmRun;
    return { ...r, slices: [r.total] };
  };
  let cold: (NmRun & { slices: number[] }) | null = null;
  let maxTaskCpuMs: number | null = null;
  let maxTaskMs: number | null = null;
  const coldCpu = await cpu(async () => {
    if (doTrace) ({ run: cold, maxTaskCpuMs, maxTaskMs } = await traceColdPass(page, coldRun));
    else cold = await coldRun();
  });
  const rdCold = await rd(1);
  const chrome = (await page.evaluate(() => (globalThis as unknown as InPage).__newsmarkBench.chrome?.() ?? null)) as { indexed: number; underChrome: number } | null;
  // The batches run with the page behind a blank tab (hidden, so the browser renders no frame of it): the style,
  // layout and paint that the pass's writes call for would otherwise land on the batch's CPU clock, between the
  // evaluation's end and the clock's read. That rendering is the next frame's, timed apart (nextFrameMs).
  if (backdrop) await backdrop.bringToFront();
  // Warm-up, both engines alike: batches that grow towards 10 ms each until WARMUP_MS of passes (at least 3 calls).
  let warm = await nm(1);
  let rdWarm = await rd(1);
  for (let spent = { nm: warm.total, rd: rdWarm.parse }, calls = 1; calls < 3 || spent.nm < WARMUP_MS || spent.rd < WARMUP_MS; calls++) {
    const kw = Math.min(200, Math.max(1, Math.ceil(10 / Math.max(0.02, warm.total))));
    const kr = Math.min(100, Math.max(1, Math.ceil(10 / Math.max(0.02, rdWarm.parse))));
    if (calls < 3 || spent.nm < WARMUP_MS) {
      warm = await nm(kw);
      spent.nm += warm.total * kw;
    }
    if (calls < 3 || spent.rd < WARMUP_MS) {
      rdWarm = await rd(kr);
      spent.rd += rdWarm.parse * kr;
    }
  }
  const kNm = Math.min(200, Math.max(1, Math.ceil(BATCH_MS / Math.max(0.02, warm.total))));
  const kRd = Math.min(100, Math.max(1, Math.ceil(BATCH_MS / Math.max(0.02, rdWarm.parse))));
  // The clean-ups between a batch's passes run inside its CPU time and are subtracted: an entry that times them
  // in the page reports what they cost after a real pass (attributes, highlights and the stylesheet removed); an
  // older entry's are measured alone here, on the page already clean.
  const cleanupRuns: number[] = [];
  for (let r = 0; r < 3; r++) {
    await collect();
    cleanupRuns.push((await cpu(() => page.evaluate((k) => (globalThis as unknown as InPage).__newsmarkBench.cleanups(k), kNm))) / kNm);
  }
  const cleanupAlone = median(cleanupRuns);
  const nmRuns: NmRun[] = [];
  const rdRuns: RdRun[] = [];
  const nmCpu: number[] = [];
  const rdCpu: number[] = [];
  const cloneMs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    await collect();
    let run: NmRun | null = null;
    const batchCpu = (await cpu(async () => { run = await nm(kNm); })) / kNm;
    nmCpu.push(Math.max(0, passCpu(batchCpu, run!) ?? batchCpu - cleanupAlone));
    nmRuns.push(run!);
    cloneMs.push((await page.evaluate((k) => (globalThis as unknown as InPage).__readabilityBench.prepare(k), kRd)) as number);
    await collect();
    let rrun: RdRun | null = null;
    rdCpu.push((await cpu(async () => { rrun = await rd(kRd); })) / kRd);
    rdRuns.push(rrun!);
  }
  if (PROFILE) await profile(page, () => nm(kNm), name);
  const floorProbe = (await page.evaluate(() => (globalThis as unknown as InPage).__newsmarkBench.floor(20))) as number;
  const kFloor = Math.min(5000, Math.max(20, Math.ceil(BATCH_MS / Math.max(0.001, floorProbe))));
  const floorRuns: number[] = [];
  for (let r = 0; r < 5; r++) floorRuns.push((await cpu(() => page.evaluate((k) => (globalThis as unknown as InPage).__newsmarkBench.floor(k), kFloor))) / kFloor);
  const readProbe = (await page.evaluate(() => (globalThis as unknown as InPage).__newsmarkBench.readFloor?.(5) ?? null)) as number | null;
  const readFloorRuns: number[] = [];
  if (readProbe !== null) {
    const kRead = Math.min(2000, Math.max(5, Math.ceil(BATCH_MS / Math.max(0.001, readProbe))));
    for (let r = 0; r < 5; r++) readFloorRuns.push((await cpu(() => page.evaluate((k) => (globalThis as unknown as InPage).__newsmarkBench.readFloor!(k), kRead))) / kRead);
  }
  const earlyProbe = (await page.evaluate(() => (globalThis as unknown as InPage).__newsmarkBench.early(5))) as { ms: number; looks: boolean };
  const kEarly = Math.min(2000, Math.max(5, Math.ceil(BATCH_MS / Math.max(0.001, earlyProbe.ms))));
  const earlyRuns: number[] = [];
  for (let r = 0; r < 5; r++) earlyRuns.push((await cpu(() => page.evaluate((k) => (globalThis as unknown as InPage).__newsmarkBench.early(k), kEarly))) / kEarly);
  if (backdrop) await page.bringToFront();
  const trace = doTrace ? await tracePass(page, url) : null;
  await page.evaluate(() => (globalThis as unknown as InPage).__newsmarkBench.cleanup());
  const checked = (await page.evaluate(() => (globalThis as unknown as InPage).__newsmarkBench.counts?.() ?? null)) as Omit<NmRun, 'total' | 'max' | 'cleanup'> | null;
  const first = flag('no-first') ? null : await firstRuns(page, backdrop, url, scripts);

  const ms = median(nmCpu);
  const rdMs = median(rdCpu);
  const floorMs = median(floorRuns);
  const stage = (s: keyof Stages) => r3(median(nmRuns.map((r) => r.stages[s])));
  const last = { ...nmRuns[nmRuns.length - 1]!, ...(checked ?? {}) };
  return {
    name, url, nodes, elements, indexed: chrome?.indexed ?? null, underChrome: chrome?.underChrome ?? null, isArticle: last.isArticle,
    newsmark: {
      ms: r3(ms), wallMs: r3(median(nmRuns.map((r) => r.total))),
      stages: { detection: stage('detection'), boilerplate: stage('boilerplate'), quotes: stage('quotes'), highlight: stage('highlight') },
      coldMs: r2(cold!.total), coldCpuMs: r2(coldCpu), batch: kNm,
      slices: cold!.slices.length, maxSliceMs: r2(Math.max(...cold!.slices)), maxTaskCpuMs, maxTaskMs,
    },
    readability: { ms: r3(rdMs), wallMs: r3(median(rdRuns.map((r) => r.parse))), cloneMs: r3(median(cloneMs)), coldMs: r2(rdCold.parse), found: rdRuns[0]!.found },
    first,
    floorMs: r3(floorMs),
    readFloorMs: readFloorRuns.length ? r3(median(readFloorRuns)) : null,
    early: { ms: r3(median(earlyRuns)), looksLikeArticle: earlyProbe.looks },
    ratio: r3(ms / rdMs),
    overFloor: Math.round(ms / floorMs),
    counts: { quotes: last.placed, quotesFound: last.found, hidden: last.hidden, flagged: last.flagged, speakers: last.speakers },
    trace,
  };
}

/** Each engine's first run on a page load of its own (see PageResult.first); leaves the page loaded, bundles injected. */
async function firstRuns(page: Page, backdrop: Page | null, url: string, scripts: string[]): Promise<PageResult['first']> {
  const fresh = async () => {
    if (backdrop) await page.bringToFront();
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    for (const s of scripts) await page.evaluate(s);
    if (backdrop) await backdrop.bringToFront();
    const timer = await cpuTimer(page);
    await page.evaluate(() => (globalThis as unknown as InPage).__newsmarkBench.collect());
    return timer;
  };
  const nmTimer = await fresh();
  const newsmark = await nmTimer.cpu(() => page.evaluate((u) => (globalThis as unknown as InPage).__newsmarkBench.newsmark(1, u), url));
  await page.evaluate(() => (globalThis as unknown as InPage).__newsmarkBench.cleanup());
  const rdTimer = await fresh();
  await page.evaluate(() => (globalThis as unknown as InPage).__readabilityBench.prepare(1));
  await page.evaluate(() => (globalThis as unknown as InPage).__newsmarkBench.collect());
  const readability = await rdTimer.cpu(() => page.evaluate(() => (globalThis as unknown as InPage).__readabilityBench.readability(1)));
  return { newsmark: r3(newsmark), readability: r3(readability), ratio: r3(newsmark / readability) };
}

// ---------- profiling ----------

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }
const selfTime = new Map<string, number>();
/** Inclusive (self + callees) samples by function, each sample counted once per function on its stack. */
const totalTime = new Map<string, number>();
let profiledSamples = 0;

async function profile(page: Page, work: () => Promise<unknown>, name: string): Promise<void> {
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  for (let i = 0; i < 5; i++) await work();
  const { profile: p } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[] } };
  await cdp.detach();
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const counts = new Map<number, number>();
  for (const s of p.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
  const parentOf = new Map<number, number>();
  for (const n of p.nodes) for (const ch of n.children ?? []) parentOf.set(ch, n.id);
  const keyOf = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}:${n.callFrame.lineNumber}`;
  for (const [id, c] of counts) {
    if (byId.get(id)!.callFrame.functionName === '(idle)') continue;
    const onStack = new Set<string>();
    for (let x: number | undefined = id; x !== undefined; x = parentOf.get(x)) onStack.add(keyOf(byId.get(x)!));
    for (const k of onStack) totalTime.set(k, (totalTime.get(k) ?? 0) + c);
  }
  let pageSamples = 0;
  for (const [id, c] of counts) {
    const n = byId.get(id)!;
    const f = n.callFrame;
    if (f.functionName === '(idle)') continue;
    const key = `${f.functionName || '(anonymous)'}:${f.lineNumber}`;
    selfTime.set(key, (selfTime.get(key) ?? 0) + c);
    pageSamples += c;
  }
  profiledSamples += pageSamples;
  void name;
}

function printProfile(): void {
  const top = [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, 40);
  process.stdout.write(`\nself time by function over all profiled passes (${profiledSamples} samples):\n`);
  for (const [k, c] of top) process.stdout.write(`${pad((100 * c / profiledSamples).toFixed(1), 5)} %  ${k}\n`);
  const inclusive = [...totalTime].filter(([k]) => !/^\((?:root|program|garbage collector)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 40);
  process.stdout.write(`\ninclusive time (self + callees) by function:\n`);
  for (const [k, c] of inclusive) process.stdout.write(`${pad((100 * c / profiledSamples).toFixed(1), 5)} %  ${k}\n`);
}

/** Least-squares slope of log(ms) against log(nodes). */
function logLogSlope(all: Array<[number, number]>): number {
  const points = all.filter(([x, y]) => x > 0 && y > 0);
  const xs = points.map(([x]) => Math.log(x));
  const ys = points.map(([, y]) => Math.log(y));
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
  const my = ys.reduce((s, y) => s + y, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i]! - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

function pad(s: string | number, n: number): string {
  const t = String(s);
  return t.length >= n ? t : ' '.repeat(n - t.length) + t;
}

/**
 * A batch's CPU time per pass less its clean-ups'. The entry times the clean-ups in the page by the wall clock, which on
 * a loaded machine also counts the time the renderer waited for a core: subtracted as they are, they took more than
 * their CPU time off Newsmark's (compare runs on a busy box printed negative passes). So their wall time is scaled by
 * the batch's CPU time over its timed wall time when that is below 1 (the renderer kept waiting); on an idle machine it
 * is at or near 1 and the clean-ups are subtracted as timed, as before. Null for an entry that does not time them.
 */
function passCpu(batchCpu: number, run: NmRun): number | null {
  if (run.cleanup === undefined) return null;
  const timed = run.total + run.cleanup;
  return batchCpu - run.cleanup * (timed > 0 ? Math.min(1, batchCpu / timed) : 1);
}

/** `--compare DIR`: Newsmark's pass, DIR's tree (A) against this one (B), alternated in one page per page. */
async function compareTrees(page: Page, backdrop: Page | null, pages: Array<{ name: string; url: string }>, base: string): Promise<void> {
  const entries = [await bundle('bench/newsmark-entry.ts', base), await bundle('bench/newsmark-entry.ts')];
  type Bench = InPage['__newsmarkBench'];
  const ratios: number[] = [];
  const sums = [0, 0];
  for (const p of pages) {
    await page.bringToFront();
    await page.goto(p.url, { waitUntil: 'load', timeout: 60_000 });
    // Each bundle sets the same global: keep each under its own name.
    for (const [w, code] of entries.entries()) {
      await page.evaluate(code);
      await page.evaluate((ww) => { (globalThis as unknown as Record<string, unknown>)[`__tree${ww}`] = (globalThis as unknown as InPage).__newsmarkBench; }, w);
    }
    if (backdrop) await backdrop.bringToFront();
    const { cpu } = await cpuTimer(page);
    const nm = (w: number, k: number) => page.evaluate((ww, kk, u) => ((globalThis as unknown as Record<string, Bench>)[`__tree${ww}`]!).newsmark(kk, u), w, k, p.url) as Promise<NmRun>;
    const collect = (w: number) => page.evaluate((ww) => ((globalThis as unknown as Record<string, Bench>)[`__tree${ww}`]!).collect(), w);
    // Warm-up as in the main comparison: each tree's passes until WARMUP_MS of them (at least 3 calls each).
    const spent = [0, 0];
    for (let calls = 0; calls < 3 || spent[0]! < WARMUP_MS || spent[1]! < WARMUP_MS; calls++) for (const w of [0, 1]) spent[w]! += (await nm(w, 5)).total * 5;
    const k = Math.min(200, Math.max(1, Math.ceil(BATCH_MS / Math.max(0.02, (await nm(0, 3)).total))));
    const best = [Infinity, Infinity];
    for (let r = 0; r < ROUNDS; r++) {
      for (const w of r % 2 ? [1, 0] : [0, 1]) {
        await collect(w);
        let run: NmRun | null = null;
        const batchCpu = (await cpu(async () => { run = await nm(w, k); })) / k;
        const ms = passCpu(batchCpu, run!) ?? batchCpu;
        best[w] = Math.min(best[w]!, ms);
      }
    }
    await page.evaluate(() => (globalThis as unknown as InPage).__newsmarkBench.cleanup());
    ratios.push(best[1]! / best[0]!);
    sums[0]! += best[0]!;
    sums[1]! += best[1]!;
    console.log(`${pad(p.name, 36)} A ${pad(r3(best[0]!), 8)}  B ${pad(r3(best[1]!), 8)}  B/A ${r3(best[1]! / best[0]!)}`);
  }
  const geomean = Math.exp(ratios.reduce((a, x) => a + Math.log(x), 0) / ratios.length);
  console.log(`${ratios.length} pages, B = this tree, A = ${base}: B/A geomean ${r3(geomean)}, median ${r3(median(ratios))}, ratio of sums ${r3(sums[1]! / sums[0]!)}`);
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const corpus = requireShared(readabilityPagesDir);
  const names = readdirSync(corpus).filter((n) => existsSync(path.join(corpus, n, 'source.html'))).sort();
  const server = await startFixtureServer();
  const pages: Array<{ name: string; file: string; path: string }> = [
    ...names.map((n) => ({ name: n, file: path.join(corpus, n, 'source.html'), path: `/corpus/${n}/` })),
    { name: '(demo)', file: path.join(repoRoot, 'test/fixtures/demo/index.html'), path: '/demo/' },
  ].filter((p) => !PAGE_FILTER || PAGE_FILTER.test(p.name));

  process.stderr.write(`bundling the in-page entries…\n`);
  const scripts = [await bundle('bench/newsmark-entry.ts', ENTRY_ROOT ?? repoRoot), await bundle('bench/readability-entry.ts')];
  const benchBundleGzip = gzipSync(Buffer.from(scripts[0]!), { level: 9 }).length;

  let cli = new Map<string, { quotes: number; boilerplate: number; isArticle: boolean }>();
  if (!flag('no-cli') && !COMPARE) {
    process.stderr.write(`counting with the CLIs (${pages.length} files)…\n`);
    cli = cliCounts(pages.map((p) => p.file), server.origin);
  }

  const browser = await puppeteer.launch({
    executablePath: EXECUTABLES.chromium,
    headless: true,
    pipe: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--window-size=1280,900',
      '--js-flags=--expose-gc', '--disable-renderer-backgrounding', '--disable-background-timer-throttling',
    ],
    defaultViewport: { width: 1280, height: 900 },
  });
  const version = await browser.version();
  const results: PageResult[] = [];
  let nonArticle: { plain: { earlyMs: number; readabilityMs: number; ratio: number; looksLikeArticle: boolean } } | null = null;
  try {
    const page = await browser.newPage();
    page.on('pageerror', () => {});
    const backdrop = flag('visible') ? null : await browser.newPage();
    if (COMPARE) {
      await compareTrees(page, backdrop, pages.map((p) => ({ name: p.name, url: server.url(p.path) })), path.resolve(COMPARE));
      return;
    }
    await page.bringToFront();
    for (const [i, p] of pages.entries()) {
      const r = await measurePage(page, backdrop, p.name, server.url(p.path), scripts, !flag('no-trace'));
      const c = cli.get(p.file) ?? null;
      const mismatch: string[] = [];
      if (c) {
        if (c.quotes !== r.counts.quotesFound) mismatch.push(`quotes found ${r.counts.quotesFound} ≠ CLI ${c.quotes}`);
        if (r.isArticle && r.counts.quotes !== r.counts.quotesFound) mismatch.push(`placed ${r.counts.quotes} of ${r.counts.quotesFound} quotes`);
        if (c.boilerplate !== r.counts.hidden) mismatch.push(`hidden ${r.counts.hidden} ≠ CLI ${c.boilerplate}`);
        if (c.isArticle !== r.isArticle) mismatch.push(`isArticle ${r.isArticle} ≠ CLI ${c.isArticle}`);
      }
      results.push({ ...r, cli: c, mismatch });
      process.stderr.write(`${pad(i + 1, 3)}/${pages.length} ${p.name}: ${r.newsmark.ms} ms vs ${r.readability.ms} ms${mismatch.length ? '  [' + mismatch.join('; ') + ']' : ''}\n`);
    }
    // A page that is not an article: the content script's early check, then nothing.
    const plain = await measurePage(page, backdrop, '(plain)', server.url('/plain/'), scripts, false);
    nonArticle = { plain: { earlyMs: plain.early.ms, readabilityMs: plain.readability.ms, ratio: r3(plain.early.ms / plain.readability.ms), looksLikeArticle: plain.early.looksLikeArticle } };
  } finally {
    await browser.close();
    await server.close();
  }

  const corpusOnly = results.filter((r) => r.name !== '(demo)');
  const ratios = results.map((r) => r.ratio);
  const rejected = corpusOnly.filter((r) => !r.early.looksLikeArticle);
  // What the content script really runs: on a page its early check turns away, that check and nothing else.
  const ratiosAsRun = results.map((r) => (r.early.looksLikeArticle ? r.ratio : r.early.ms / r.readability.ms));
  const sizes = [contentScriptSize(path.join(repoRoot, 'dist/chrome'), 'chrome'), contentScriptSize(path.join(repoRoot, 'dist/firefox'), 'firefox')].filter((x): x is ContentScriptSize => x !== null);
  const traced = results.filter((r) => r.trace);
  const readFloors = results.filter((r) => r.readFloorMs !== null).map((r) => r.readFloorMs! / r.readability.ms);
  // Where the time goes on the pages that set the p95: the tenth of pages with the highest ratios, each stage (in-page
  // clock) against Readability's parse on the same clock, and the read floor against Readability.
  const topTenth = [...results].sort((a, b) => b.ratio - a.ratio).slice(0, Math.max(1, Math.round(results.length / 10)));
  const spread = (xs: number[]) => (xs.length ? { median: r2(median(xs)), min: r2(Math.min(...xs)), max: r2(Math.max(...xs)) } : null);
  const summary = {
    browser: version,
    pages: results.length,
    rounds: ROUNDS,
    newsmarkMs: { median: r3(median(results.map((r) => r.newsmark.ms))), p95: r3(quantile(results.map((r) => r.newsmark.ms), 0.95)) },
    stagesMs: Object.fromEntries((['detection', 'boilerplate', 'quotes', 'highlight'] as const).map((s) => [s, { median: r3(median(results.map((r) => r.newsmark.stages[s]))), p95: r3(quantile(results.map((r) => r.newsmark.stages[s]), 0.95)) }])),
    readabilityMs: { median: r3(median(results.map((r) => r.readability.ms))), p95: r3(quantile(results.map((r) => r.readability.ms), 0.95)) },
    floorMs: { median: r3(median(results.map((r) => r.floorMs))), p95: r3(quantile(results.map((r) => r.floorMs), 0.95)) },
    // Read floor / Readability: what reading the page costs, against the peer, before Newsmark does anything with it.
    readFloorRatio: readFloors.length ? { median: r3(median(readFloors)), p95: r3(quantile(readFloors, 0.95)) } : null,
    topTenth: {
      pages: topTenth.map((r) => r.name),
      detection: spread(topTenth.map((r) => r.newsmark.stages.detection / r.readability.wallMs)),
      quotes: spread(topTenth.map((r) => r.newsmark.stages.quotes / r.readability.wallMs)),
      writes: spread(topTenth.map((r) => (r.newsmark.stages.boilerplate + r.newsmark.stages.highlight) / r.readability.wallMs)),
      readFloor: spread(topTenth.filter((r) => r.readFloorMs !== null).map((r) => r.readFloorMs! / r.readability.ms)),
      // Each engine's cost in read floors (CPU): the target asks Newsmark for a third of Readability's.
      newsmarkOverReadFloor: spread(topTenth.filter((r) => r.readFloorMs).map((r) => r.newsmark.ms / r.readFloorMs!)),
      readabilityOverReadFloor: spread(topTenth.filter((r) => r.readFloorMs).map((r) => r.readability.ms / r.readFloorMs!)),
      // Share of the indexed elements under boxes named like chrome: what pruning them, as Readability does, would skip.
      underChrome: spread(topTenth.filter((r) => r.indexed).map((r) => r.underChrome! / r.indexed!)),
    },
    firstRun: results.some((r) => r.first) ? {
      newsmarkMs: r3(median(results.filter((r) => r.first).map((r) => r.first!.newsmark))),
      readabilityMs: r3(median(results.filter((r) => r.first).map((r) => r.first!.readability))),
      ratio: { median: r3(median(results.filter((r) => r.first).map((r) => r.first!.ratio))), p95: r3(quantile(results.filter((r) => r.first).map((r) => r.first!.ratio), 0.95)) },
    } : null,
    ratioAsRun: { median: r3(median(ratiosAsRun)), p95: r3(quantile(ratiosAsRun, 0.95)) },
    ratio: { median: r3(median(ratios)), p95: r3(quantile(ratios, 0.95)), ofTotals: r3(results.reduce((s, r) => s + r.newsmark.ms, 0) / results.reduce((s, r) => s + r.readability.ms, 0)) },
    overFloor: { median: Math.round(median(results.map((r) => r.overFloor))), p95: Math.round(quantile(results.map((r) => r.overFloor), 0.95)) },
    slope: r3(logLogSlope(corpusOnly.map((r) => [r.nodes, r.newsmark.ms]))),
    slopeArticles: r3(logLogSlope(corpusOnly.filter((r) => r.isArticle).map((r) => [r.nodes, r.newsmark.ms]))),
    readabilitySlope: r3(logLogSlope(corpusOnly.map((r) => [r.nodes, r.readability.ms]))),
    coldMs: { median: r2(median(results.map((r) => r.newsmark.coldMs))), max: r2(Math.max(...results.map((r) => r.newsmark.coldMs))), over50: results.filter((r) => r.newsmark.coldMs > LONG_TASK_MS).map((r) => r.name) },
    coldCpuMs: { median: r2(median(results.map((r) => r.newsmark.coldCpuMs))), max: r2(Math.max(...results.map((r) => r.newsmark.coldCpuMs))), over50: results.filter((r) => r.newsmark.coldCpuMs > LONG_TASK_MS).map((r) => `${r.name} (${r.newsmark.coldCpuMs})`) },
    // The long-task figures: the cold pass's longest slice (in-page clock) and longest main-thread task (trace, CPU).
    longestSliceMs: {
      median: r2(median(results.map((r) => r.newsmark.maxSliceMs))), p95: r2(quantile(results.map((r) => r.newsmark.maxSliceMs), 0.95)),
      max: r2(Math.max(...results.map((r) => r.newsmark.maxSliceMs))), over50: results.filter((r) => r.newsmark.maxSliceMs > LONG_TASK_MS).map((r) => `${r.name} (${r.newsmark.maxSliceMs})`),
      slicesMedian: median(results.map((r) => r.newsmark.slices)), slicesMax: Math.max(...results.map((r) => r.newsmark.slices)),
    },
    longestTaskCpuMs: results.some((r) => r.newsmark.maxTaskCpuMs !== null) ? {
      median: r2(median(results.filter((r) => r.newsmark.maxTaskCpuMs !== null).map((r) => r.newsmark.maxTaskCpuMs!))),
      p95: r2(quantile(results.filter((r) => r.newsmark.maxTaskCpuMs !== null).map((r) => r.newsmark.maxTaskCpuMs!), 0.95)),
      max: r2(Math.max(...results.map((r) => r.newsmark.maxTaskCpuMs ?? 0))),
      over50: results.filter((r) => (r.newsmark.maxTaskCpuMs ?? 0) > LONG_TASK_MS).map((r) => `${r.name} (${r.newsmark.maxTaskCpuMs})`),
    } : null,
    forcedLayouts: traced.length ? { maxPerPass: Math.max(...traced.map((r) => r.trace!.layouts)), pagesWithAny: traced.filter((r) => r.trace!.layouts > 0).map((r) => r.name), maxStyleRecalcs: Math.max(...traced.map((r) => r.trace!.styleRecalcs)) } : null,
    nextFrameMs: traced.length ? { median: r2(median(traced.map((r) => r.trace!.nextFrameMs))), p95: r2(quantile(traced.map((r) => r.trace!.nextFrameMs), 0.95)) } : null,
    contentScript: sizes,
    passBundleGzipKb: r2(benchBundleGzip / 1024),
    nonArticle: {
      ...nonArticle,
      corpusPagesRejectedEarly: rejected.map((r) => ({ name: r.name, earlyMs: r.early.ms, readabilityMs: r.readability.ms, ratio: r3(r.early.ms / r.readability.ms) })),
      earlyCheckRatio: { median: r3(median(corpusOnly.map((r) => r.early.ms / r.readability.ms))), p95: r3(quantile(corpusOnly.map((r) => r.early.ms / r.readability.ms), 0.95)) },
    },
    mismatches: results.filter((r) => r.mismatch.length).map((r) => ({ name: r.name, mismatch: r.mismatch })),
    targets: TARGETS,
    seconds: Math.round((Date.now() - t0) / 1000),
  };

  const lines: string[] = [];
  lines.push(`Newsmark vs Readability 0.6.0 in ${version}, ${results.length} pages: main-thread CPU ms per pass, median of ${ROUNDS} rounds (batches ≥ ${BATCH_MS} ms, GC before each); stages and cold pass by the in-page clock`);
  lines.push('');
  lines.push(`${'page'.padEnd(34)} ${pad('nodes', 6)} ${pad('NM ms', 7)} ${pad('detect', 7)} ${pad('boiler', 6)} ${pad('quotes', 6)} ${pad('hilite', 6)} ${pad('cold', 6)} ${pad('slice', 5)} ${pad('task', 5)} ${pad('RD ms', 7)} ${pad('floor', 6)} ${pad('NM/RD', 6)} ${pad('NM/fl', 5)} ${pad('q', 3)} ${pad('hid', 3)} ${pad('lay', 3)}  notes`);
  for (const r of results) {
    const s = r.newsmark.stages;
    lines.push(`${r.name.slice(0, 34).padEnd(34)} ${pad(r.nodes, 6)} ${pad(r.newsmark.ms.toFixed(2), 7)} ${pad(s.detection.toFixed(2), 7)} ${pad(s.boilerplate.toFixed(2), 6)} ${pad(s.quotes.toFixed(2), 6)} ${pad(s.highlight.toFixed(2), 6)} ${pad(r.newsmark.coldCpuMs.toFixed(1), 6)} ${pad(r.newsmark.maxSliceMs.toFixed(1), 5)} ${pad(r.newsmark.maxTaskCpuMs?.toFixed(1) ?? '-', 5)} ${pad(r.readability.ms.toFixed(2), 7)} ${pad(r.floorMs.toFixed(3), 6)} ${pad(r.ratio.toFixed(2), 6)} ${pad(r.overFloor, 5)} ${pad(r.counts.quotes, 3)} ${pad(r.counts.hidden, 3)} ${pad(r.trace?.layouts ?? '-', 3)}  ${r.isArticle ? '' : 'not article; '}${r.mismatch.join('; ')}`);
  }
  const sm = summary;
  lines.push('');
  lines.push(`| | median | p95 | target |`);
  lines.push(`|---|---|---|---|`);
  lines.push(`| Newsmark pass, ms | ${sm.newsmarkMs.median} | ${sm.newsmarkMs.p95} | |`);
  for (const [s, v] of Object.entries(sm.stagesMs)) lines.push(`| · ${s}, ms | ${v.median} | ${v.p95} | |`);
  lines.push(`| Newsmark pass, in-page clock, ms | ${r3(median(results.map((r) => r.newsmark.wallMs)))} | ${r3(quantile(results.map((r) => r.newsmark.wallMs), 0.95))} | |`);
  lines.push(`| Readability parse, in-page clock, ms | ${r3(median(results.map((r) => r.readability.wallMs)))} | ${r3(quantile(results.map((r) => r.readability.wallMs), 0.95))} | |`);
  lines.push(`| Readability clone (not in the ratio), ms | ${r3(median(results.map((r) => r.readability.cloneMs)))} | ${r3(quantile(results.map((r) => r.readability.cloneMs), 0.95))} | |`);
  lines.push(`| Readability parse, ms | ${sm.readabilityMs.median} | ${sm.readabilityMs.p95} | |`);
  lines.push(`| floor (text walk), ms | ${sm.floorMs.median} | ${sm.floorMs.p95} | |`);
  if (sm.readFloorRatio) lines.push(`| read floor (every element's tag, class, id; every text node's length) / Readability | ${sm.readFloorRatio.median} | ${sm.readFloorRatio.p95} | |`);
  lines.push(`| Newsmark / Readability (the whole pass on every page) | ${sm.ratio.median} | ${sm.ratio.p95} | ≤ ${TARGETS.ratioMedian} |`);
  lines.push(`| Newsmark / Readability as the content script runs (early check alone on the ${rejected.length} pages it turns away) | ${sm.ratioAsRun.median} | ${sm.ratioAsRun.p95} | |`);
  if (sm.firstRun) lines.push(`| first run on a fresh page load (cold JIT), Newsmark / Readability (CPU ms at the median: ${sm.firstRun.newsmarkMs} vs ${sm.firstRun.readabilityMs}) | ${sm.firstRun.ratio.median} | ${sm.firstRun.ratio.p95} | |`);
  lines.push(`| Newsmark / floor | ${sm.overFloor.median} | ${sm.overFloor.p95} | |`);
  lines.push(`| cold first pass (sliced), CPU ms in all (max ${sm.coldCpuMs.max}) | ${sm.coldCpuMs.median} | ${r2(quantile(results.map((r) => r.newsmark.coldCpuMs), 0.95))} | |`);
  lines.push(`| cold first pass, in-page clock start to end incl. pauses, ms (max ${sm.coldMs.max}) | ${sm.coldMs.median} | ${r2(quantile(results.map((r) => r.newsmark.coldMs), 0.95))} | |`);
  lines.push(`| cold first pass, longest slice, in-page clock, ms (max ${sm.longestSliceMs.max}) | ${sm.longestSliceMs.median} | ${sm.longestSliceMs.p95} | no task > ${LONG_TASK_MS} |`);
  if (sm.longestTaskCpuMs) lines.push(`| cold first pass, longest main-thread task, CPU ms (trace; max ${sm.longestTaskCpuMs.max}) | ${sm.longestTaskCpuMs.median} | ${sm.longestTaskCpuMs.p95} | no task > ${LONG_TASK_MS} |`);
  if (sm.nextFrameMs) lines.push(`| next frame's style+layout after the pass, ms | ${sm.nextFrameMs.median} | ${sm.nextFrameMs.p95} | |`);
  lines.push(`| early check / Readability (all corpus pages) | ${sm.nonArticle.earlyCheckRatio.median} | ${sm.nonArticle.earlyCheckRatio.p95} | ≤ ${TARGETS.nonArticleRatio} |`);
  lines.push('');
  lines.push(`log-log slope of Newsmark ms vs DOM nodes: ${sm.slope} (articles only ${sm.slopeArticles}; Readability ${sm.readabilitySlope}); target ≤ ${TARGETS.slope}`);
  lines.push(`Newsmark / Readability, ratio of summed times: ${sm.ratio.ofTotals}`);
  const tt = sm.topTenth;
  const sp = (x: { median: number; min: number; max: number } | null) => (x ? `${x.median} (${x.min}–${x.max})` : '-');
  lines.push(`the ${tt.pages.length} page${tt.pages.length === 1 ? '' : 's'} with the highest ratios (${tt.pages.join(', ')}), each stage / Readability's parse on the in-page clock, median (range): detection ${sp(tt.detection)}, quotes ${sp(tt.quotes)}, writes ${sp(tt.writes)}; read floor / Readability ${sp(tt.readFloor)}; in read floors, Newsmark ${sp(tt.newsmarkOverReadFloor)}, Readability ${sp(tt.readabilityOverReadFloor)}; indexed elements under boxes named like chrome ${sp(tt.underChrome)}`);
  if (sm.forcedLayouts) lines.push(`forced layouts per pass (trace): max ${sm.forcedLayouts.maxPerPass}${sm.forcedLayouts.pagesWithAny.length ? ' on ' + sm.forcedLayouts.pagesWithAny.join(', ') : ''}; style recalcs inside the pass: max ${sm.forcedLayouts.maxStyleRecalcs}; target ≤ ${TARGETS.forcedLayouts}`);
  lines.push(`cold first pass: ${sm.longestSliceMs.slicesMedian} slices at the median (max ${sm.longestSliceMs.slicesMax}); pages with a slice over ${LONG_TASK_MS} ms (in-page clock): ${sm.longestSliceMs.over50.length} ${sm.longestSliceMs.over50.length ? '— ' + sm.longestSliceMs.over50.join(', ') : ''}`);
  if (sm.longestTaskCpuMs) lines.push(`pages with a main-thread task over ${LONG_TASK_MS} ms of CPU during the cold pass (trace): ${sm.longestTaskCpuMs.over50.length} ${sm.longestTaskCpuMs.over50.length ? '— ' + sm.longestTaskCpuMs.over50.join(', ') : ''}`);
  lines.push(`cold passes over ${LONG_TASK_MS} ms of CPU in all (split into slices): ${sm.coldCpuMs.over50.length ? sm.coldCpuMs.over50.join(', ') : 'none'}`);
  for (const s of sm.contentScript) lines.push(...sizeLines(s, TARGETS.contentScriptKb));
  if (sm.nonArticle.plain) lines.push(`non-article page (/plain/): early check ${sm.nonArticle.plain.earlyMs} ms vs Readability ${sm.nonArticle.plain.readabilityMs} ms = ${sm.nonArticle.plain.ratio}× (looks like an article: ${sm.nonArticle.plain.looksLikeArticle})`);
  for (const p of sm.nonArticle.corpusPagesRejectedEarly) lines.push(`  corpus page rejected early: ${p.name}: ${p.earlyMs} ms vs Readability ${p.readabilityMs} ms = ${p.ratio}×`);
  lines.push(`count mismatches with the CLIs: ${sm.mismatches.length ? '' : 'none'}`);
  for (const m of sm.mismatches) lines.push(`  ${m.name}: ${m.mismatch.join('; ')}`);
  lines.push(`(${sm.seconds} s)`);
  process.stdout.write(lines.join('\n') + '\n');
  if (PROFILE) printProfile();
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ summary, pages: results }, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
