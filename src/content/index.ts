/**
 * Newsmark's content script: read the page once, then write once — hide boilerplate, highlight quotes and
 * notes, add the small overlay — and tell the background what it found. On pages that aren't articles it stops
 * after a cheap check. All the judgement lives in `src/core`; this file applies it to the live page and routes
 * the reader's actions (show/hide, the panel, taking a note).
 *
 * Loaded on every page: detection, boilerplate, quotes. Loaded only when needed, with dynamic imports (chunks
 * crxjs lists as web-accessible): the overlay (the "N hidden — show" pill and the speaker tooltips, `./overlay`)
 * when a page turns out to be an article, before its report is sent; the note layer and the anchoring engine
 * (`./notes`) when the background's answer to the first report says the page has notes, or when the reader takes
 * one; the commands and the offers to take a note (`./actions`) with the first command from the extension, the
 * first selection or the first click on a quote; the panel's iframe host (`./panel`) when the panel is first
 * opened. `npm run size` measures both parts.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { looksLikeArticlePage, type Article } from '../core/article';
import { textHash, type TextMap } from '../core/text';
import { ask } from '../ask';
import type { PageReport } from '../messages';
import type { Settings } from '../storage/settings';
import { BoilerplateView } from './boilerplate';
import type { Overlay } from './overlay';
import { nextSlice, runPassSliced } from './pass';
import { QuoteHighlights, type PlacedQuote } from './quotes';
import { isSiteDisabled, readSettings } from './settings';
import type { Page } from './actions';
import type { NoteLayer } from './notes';
import type { PanelHost } from './panel';
import { watchLateContent } from './late-content';
import { watchNavigation } from './navigation';

/**
 * Past this many elements a page is an app or a dump, not an article; reading it would cost the reader more
 * than it gives, so Newsmark stops and says so (the popup shows the reason).
 */
const MAX_ELEMENTS = 60_000;

export interface PageState {
  settings: Settings;
  article: Article | null;
  body: TextMap | null;
  boilerplate: BoilerplateView | null;
  quotes: QuoteHighlights;
  placed: PlacedQuote[];
  speakers: string[];
  /** Null until the page turns out to have notes or the reader takes one (the layer is loaded on demand). */
  notes: NoteLayer | null;
  overlay: Overlay | null;
  /** Null until the panel is first opened. */
  panel: PanelHost | null;
  skipped: string | null;
  quotesShown: boolean;
  stopWatching: (() => void) | null;
}

const state: PageState = {
  settings: { hideBoilerplate: true, highlightQuotes: true, disabledSites: [] },
  article: null,
  body: null,
  boilerplate: null,
  quotes: new QuoteHighlights(),
  placed: [],
  speakers: [],
  notes: null,
  overlay: null,
  panel: null,
  skipped: null,
  quotesShown: true,
  stopWatching: null,
};

function canonicalUrl(doc: Document, selector = 'link[rel~="canonical"]', attr = 'href'): string | null {
  const href = doc.querySelector(selector)?.getAttribute(attr);
  // Longer than any page address we'd keep (and than a report may carry): the page's claim is ignored.
  if (!href || href.length > 4_000) return null;
  try {
    const url = new URL(href, doc.baseURI).toString();
    return url.length > 4_000 ? null : url;
  } catch {
    return null;
  }
}

function report(): PageReport {
  const a = state.article;
  return {
    title: (a?.title || document.title || '').slice(0, 2000),
    canonicalUrl: canonicalUrl(document),
    ogUrl: canonicalUrl(document, 'meta[property="og:url"]', 'content'),
    isArticle: a?.isArticle ?? false,
    hiddenCount: state.boilerplate?.count ?? 0,
    boilerplateShown: state.boilerplate?.shown ?? false,
    quotesShown: state.quotesShown,
    quoteCount: state.placed.length,
    // A "name" longer than the report allows (a page can make one) is cut, so the report is never refused.
    speakers: state.speakers.slice(0, 500).map((s) => (s.length > 200 ? `${s.slice(0, 199)}…` : s)),
    skipped: state.skipped,
    textHash: textHash(a?.text ?? ''),
    noteCount: state.notes?.count ?? 0,
    orphans: state.notes?.orphans.slice(0, 10_000) ?? [],
  };
}

/** Reports the page; answers how many notes are filed under it (null when the background could not say). */
function sendReport(): Promise<number | null> {
  return ask({ type: 'page/report', report: report() }).then(
    (answer) => answer.noteCount,
    (err) => {
      console.debug('[newsmark] report failed', err);
      return null;
    },
  );
}

function setBoilerplateShown(shown: boolean): void {
  if (!state.boilerplate) return;
  state.boilerplate.setShown(shown);
  state.overlay?.setHidden(state.boilerplate.count, shown);
  void sendReport();
}

/**
 * Vite wraps each dynamic import in `__vitePreload(load, deps)`. Its helper preloads a lazy chunk's imports by adding
 * <link rel=modulepreload href="/assets/…"> to the document — for a content script, the *page's* document, fetched
 * from the site's origin (crxjs/chrome-extension-tools#592) — and reports failures with an event on the page's
 * window. A module that declares `__vitePreload` itself gets no helper (Vite's import analysis looks for exactly
 * this declaration; were that to change, the build would fail on a duplicate name, not misbehave): here it only
 * loads. The chunks import each other by URL inside the extension, listed as web-accessible by crxjs.
 */
const __vitePreload = <T>(load: () => Promise<T>): Promise<T> => load();

/**
 * A lazy chunk, loaded once on first need and put to `use`: every caller shares the one promise. A failed load is
 * forgotten, so a later need tries again; a failure in `use` is not (it would fail the same way).
 */
function loadOnce<M, T>(load: () => Promise<M>, use: (module: M) => T): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () =>
    (loading ??= load().then(use, (err: unknown) => {
      loading = null;
      throw err;
    }));
}

/** The note layer and the anchoring engine. */
const loadNotes = loadOnce(() => import('./notes'), (notes) => notes);

/** Re-reads the page's notes and places them (loading the note layer only when there is a note to place). */
async function refreshNotes(): Promise<void> {
  if (!state.body) return;
  const notes = await ask({ type: 'notes/list-page' });
  if (notes.length === 0 && !state.notes) return;
  const { NoteLayer } = await loadNotes();
  // Placed against the article text as it is now (late content may have re-read the page meanwhile).
  if (!state.body) return;
  state.notes ??= new NoteLayer();
  state.notes.show(state.body, notes);
}

/** The in-page controls (`./overlay`), loaded and added once, when the first article needs them. */
const ensureOverlay = loadOnce(
  () => import('./overlay'),
  ({ createOverlay }): Overlay => (state.overlay ??= createOverlay(document, () => setBoilerplateShown(!state.boilerplate?.shown))),
);

/** The panel's iframe host, loaded when the panel is first opened. */
const panelHost = loadOnce(
  () => Promise.all([ensureOverlay(), import('./panel')]),
  ([overlay, { PanelHost }]): PanelHost => (state.panel = new PanelHost(overlay.root, (token) => ask({ type: 'panel/token', token }))),
);

/** The pass in progress (it runs in slices), stopped by `stopPass`; null between passes. */
let running: AbortController | null = null;
/** Late content arrived while a pass ran: read the page again once it is done. */
let passAgain = false;

/** False once the extension is reloaded or removed under this page: the orphaned script stops its pass. */
function extensionAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

/** Stops the pass in progress at its next slice (navigation, a new run): it writes nothing. */
function stopPass(): void {
  running?.abort();
  running = null;
  passAgain = false;
}

/**
 * One full pass over the page: analyse, then apply. Also re-run when late content arrives. Runs in slices with
 * the browser free between them (`runPassSliced`): the page is written only in the last one. Resolves false when
 * the pass was stopped before its end (navigation, teardown), true when it was applied.
 */
async function analyseAndApply(): Promise<boolean> {
  stopPass();
  const mine = new AbortController();
  running = mine;
  try {
    if (state.settings.hideBoilerplate) state.boilerplate ??= new BoilerplateView(document);
    const boilerplate = state.boilerplate;
    const pass = await runPassSliced(
      document,
      { url: location.href, hideBoilerplate: state.settings.hideBoilerplate, highlightQuotes: state.quotesShown },
      { boilerplate, quotes: state.quotes },
      {
        signal: mine.signal,
        pause: async () => {
          await nextSlice();
          if (!extensionAlive()) mine.abort();
        },
      },
    );
    // Stopped, or overtaken by a newer pass (its views may have been released meanwhile).
    if (!pass || mine.signal.aborted || boilerplate !== state.boilerplate) return false;
    state.article = pass.article;
    state.body = pass.body;
    if (!pass.article.isArticle) return true;
    state.placed = pass.placed;
    state.speakers = pass.speakers;
    // The pill is in place before the pass counts as applied (and before the report that follows it).
    const overlay = await ensureOverlay();
    if (state.boilerplate) overlay.setHidden(state.boilerplate.count, state.boilerplate.shown);
    return true;
  } finally {
    if (running === mine) running = null;
  }
}

/** Late content: read the page again (once more after the pass in progress, if one is running). */
async function onLateContent(): Promise<void> {
  if (running) {
    passAgain = true;
    return;
  }
  try {
    if (!(await analyseAndApply())) return;
  } catch (err) {
    console.warn('[newsmark] late content:', err);
    return;
  }
  void sendReport();
  // Placed notes may have moved with the new content; a page without notes has none to move.
  if (state.notes) void refreshNotes().finally(sendReport);
  readAgainIfAsked();
}

function readAgainIfAsked(): void {
  if (!passAgain) return;
  passAgain = false;
  void onLateContent();
}

// —— the reader's actions (in `./actions`, loaded on the first one) ——

const page: Page = { state, report, sendReport, setBoilerplateShown, refreshNotes, loadNotes, panelHost };

let actionsModule: Promise<typeof import('./actions')> | null = null;
function loadActions(): Promise<typeof import('./actions')> {
  actionsModule ??= import('./actions').catch((err: unknown) => {
    actionsModule = null;
    throw err;
  });
  return actionsModule;
}

function actionFailed(err: unknown): void {
  console.warn('[newsmark] action failed:', err);
}

function onClick(e: MouseEvent): void {
  if (!state.overlay || e.button !== 0) return;
  const noteId = state.notes?.noteAt(e.clientX, e.clientY);
  if (noteId) {
    void panelHost()
      .then((panel) => panel.open('notes', { note: noteId }))
      .catch(actionFailed);
    return;
  }
  const { clientX: x, clientY: y } = e;
  if (state.quotes.speakerAt(x, y) === undefined) return; // not on a quote
  void loadActions()
    .then((a) => a.offerQuoteNote(page, x, y))
    .catch(actionFailed);
}

function onSelectionSettled(): void {
  // Nothing selected, nothing offered yet: no need to load the note offers to take nothing away.
  if (!actionsModule && document.getSelection()?.isCollapsed !== false) return;
  void loadActions()
    .then((a) => a.offerSelectionNote(page))
    .catch(actionFailed);
}

function onPointerMove(e: PointerEvent): void {
  state.overlay?.tipAt(state, e.clientX, e.clientY);
}

function listen(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    // Checked and carried out by `./actions`, loaded with the first message (the popup opening, the panel, a menu).
    return loadActions().then((a) => a.handleMessage(page, message));
  });
}

function attachReaderEvents(): () => void {
  let moveQueued = false;
  const move = (e: PointerEvent) => {
    if (moveQueued) return;
    moveQueued = true;
    requestAnimationFrame(() => {
      moveQueued = false;
      onPointerMove(e);
    });
  };
  let selectionTimer: ReturnType<typeof setTimeout> | null = null;
  const selection = () => {
    if (selectionTimer !== null) clearTimeout(selectionTimer);
    selectionTimer = setTimeout(onSelectionSettled, 250);
  };
  document.addEventListener('pointermove', move, { passive: true });
  document.addEventListener('selectionchange', selection);
  document.addEventListener('click', onClick);
  return () => {
    document.removeEventListener('pointermove', move);
    document.removeEventListener('selectionchange', selection);
    document.removeEventListener('click', onClick);
  };
}

/** Reads the page and applies everything; keeps a way to undo the watchers (for SPA navigation). */
async function run(): Promise<void> {
  stopPass();
  state.stopWatching?.();
  state.stopWatching = null;
  if (isSiteDisabled(state.settings, location.hostname)) {
    state.skipped = 'Newsmark is switched off for this site in its settings.';
    void sendReport();
    return;
  }
  const size = document.getElementsByTagName('*').length;
  if (size > MAX_ELEMENTS) {
    state.skipped = `This page is too large for Newsmark (${size.toLocaleString('en')} elements), so it was left as it is.`;
    void sendReport();
    return;
  }
  if (!looksLikeArticlePage(document)) {
    state.article = null;
    void sendReport();
    return;
  }
  // Content that arrives while the pass runs (between its slices) is read again once it is done.
  const stopLate = watchLateContent(document, {
    ignore: (node) => node === state.overlay?.host,
    onChange: () => void onLateContent(),
  });
  try {
    if (!(await analyseAndApply())) {
      stopLate(); // stopped: navigation started a new run, or the extension went away
      return;
    }
  } catch (err) {
    stopLate();
    // A page we can't read is left exactly as it was; the popup says why.
    state.article = null;
    state.skipped = 'Newsmark could not read this page, so it was left as it is.';
    console.warn('[newsmark] analysis failed:', err);
    void sendReport();
    return;
  }
  if (state.article?.isArticle) {
    // The reader can select and click at once; notes and reports follow.
    const detach = attachReaderEvents();
    state.stopWatching = () => {
      detach();
      stopLate();
    };
    readAgainIfAsked();
  } else {
    stopLate();
    passAgain = false;
  }
  // Report what the page is at once; notes (which may need fuzzy matching) follow in a second report. The
  // answer says whether the page has notes at all: when it has none, the note layer is never loaded.
  const noteCount = await sendReport();
  if (!state.article?.isArticle) return;
  if (noteCount !== 0 || state.notes) {
    await refreshNotes().catch((err) => console.debug('[newsmark] notes', err));
    void sendReport();
  }
}

async function main(): Promise<void> {
  listen();
  state.settings = await readSettings();
  state.quotesShown = state.settings.highlightQuotes;
  await run();
  // Single-page sites change the story without a page load: start again on the new one.
  watchNavigation(() => {
    stopPass(); // the rest of a pass over the old story stops here
    state.panel?.close();
    state.quotes.clear();
    state.notes?.clear();
    state.boilerplate?.release();
    state.boilerplate = null;
    state.placed = [];
    state.speakers = [];
    void run();
  });
}

void main().catch((err) => console.warn('[newsmark] content script stopped:', err));
