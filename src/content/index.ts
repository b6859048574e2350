/**
 * Newsmark's content script: read the page once, then write once — hide boilerplate, highlight quotes and
 * notes, add the small overlay — and tell the background what it found. On pages that aren't articles it stops
 * after a cheap check. All the judgement lives in `src/core`; this file applies it to the live page and routes
 * the reader's actions (show/hide, the panel, taking a note).
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { looksLikeArticlePage, type Article } from '../core/article';
import { textHash, type TextMap } from '../core/text';
import { ask } from '../ask';
import { parseTabCommand, type Draft, type PageReport, type PanelViewName, type QuoteSummary, type TabCommand } from '../messages';
import { isSiteDisabled, loadSettings, type Settings } from '../storage/settings';
import { BoilerplateView } from './boilerplate';
import { createOverlay, type Overlay } from './overlay';
import { runPass } from './pass';
import { QuoteHighlights, placeQuotes, type PlacedQuote } from './quotes';
import { NoteLayer, anchorFor, rangeOffsets } from './notes';
import { PanelHost } from './panel';
import { watchLateContent } from './late-content';
import { watchNavigation } from './navigation';

/**
 * Past this many elements a page is an app or a dump, not an article; reading it would cost the reader more
 * than it gives, so Newsmark stops and says so (the popup shows the reason).
 */
const MAX_ELEMENTS = 60_000;

interface PageState {
  settings: Settings;
  article: Article | null;
  body: TextMap | null;
  boilerplate: BoilerplateView | null;
  quotes: QuoteHighlights;
  placed: PlacedQuote[];
  speakers: string[];
  notes: NoteLayer;
  overlay: Overlay | null;
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
  notes: new NoteLayer(),
  overlay: null,
  panel: null,
  skipped: null,
  quotesShown: true,
  stopWatching: null,
};

function canonicalUrl(doc: Document, selector = 'link[rel~="canonical"]', attr = 'href'): string | null {
  const href = doc.querySelector(selector)?.getAttribute(attr);
  if (!href) return null;
  try {
    return new URL(href, doc.baseURI).toString();
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
    speakers: state.speakers.slice(0, 500),
    skipped: state.skipped,
    textHash: textHash(a?.text ?? ''),
    noteCount: state.notes.count,
    orphans: state.notes.orphans.slice(0, 10_000),
  };
}

function sendReport(): void {
  ask({ type: 'page/report', report: report() }).catch((err) => console.debug('[newsmark] report failed', err));
}

function setBoilerplateShown(shown: boolean): void {
  if (!state.boilerplate) return;
  state.boilerplate.setShown(shown);
  state.overlay?.setHidden(state.boilerplate.count, shown);
  sendReport();
}

function showQuotes(): void {
  if (!state.article || !state.body) return;
  state.placed = placeQuotes(state.article, state.body);
  state.speakers = state.quotes.show(state.placed);
}

function setQuotesShown(shown: boolean): void {
  state.quotesShown = shown;
  if (shown) showQuotes();
  else {
    state.quotes.clear();
    state.placed = [];
    state.speakers = [];
  }
  sendReport();
}

async function refreshNotes(): Promise<void> {
  if (!state.body) return;
  const notes = await ask({ type: 'notes/list-page' });
  state.notes.show(state.body, notes);
}

function ensureOverlay(): Overlay {
  state.overlay ??= createOverlay(document, () => setBoilerplateShown(!state.boilerplate?.shown));
  state.panel ??= new PanelHost(state.overlay.root, (token) => ask({ type: 'panel/token', token }));
  return state.overlay;
}

/** One full pass over the page: analyse, then apply. Also re-run when late content arrives. */
function analyseAndApply(): void {
  if (state.settings.hideBoilerplate) state.boilerplate ??= new BoilerplateView(document);
  const pass = runPass(document, { url: location.href, hideBoilerplate: state.settings.hideBoilerplate, highlightQuotes: state.quotesShown }, state);
  state.article = pass.article;
  state.body = pass.body;
  if (!pass.article.isArticle) return;
  state.placed = pass.placed;
  state.speakers = pass.speakers;
  const overlay = ensureOverlay();
  if (state.boilerplate) overlay.setHidden(state.boilerplate.count, state.boilerplate.shown);
}

// —— the reader's actions ——

function openPanel(view: PanelViewName, extra: Record<string, string> = {}): void {
  ensureOverlay();
  void state.panel?.open(view, extra);
}

async function startNote(draft: Draft): Promise<void> {
  await ask({ type: 'draft/set', draft });
  openPanel('editor');
}

/** The current selection as a draft, when it lies inside the story. */
function selectionDraft(): Draft | null {
  const sel = document.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !state.body) return null;
  const offsets = rangeOffsets(state.body, sel.getRangeAt(0));
  return offsets ? { anchor: anchorFor(state.body, offsets.start, offsets.end), speaker: null } : null;
}

/** What the floating action button is offering, if anything. */
let actionFor: 'selection' | 'quote' | null = null;

function onSelectionSettled(): void {
  const overlay = state.overlay;
  if (!overlay) return;
  const draft = selectionDraft();
  if (!draft) {
    // A click collapses the selection too: don't take away a "Note this quote" offered by that very click.
    if (actionFor === 'selection') overlay.action(null);
    return;
  }
  const rect = document.getSelection()!.getRangeAt(0).getBoundingClientRect();
  actionFor = 'selection';
  overlay.action('Note', rect.right - 40, rect.bottom + 6, () => void startNote(draft));
}

function quoteAt(x: number, y: number): number {
  const hit = state.quotes.quoteAt(x, y);
  return hit ? state.placed.indexOf(hit) : -1;
}

function onClick(e: MouseEvent): void {
  if (!state.overlay || e.button !== 0) return;
  const noteId = state.notes.noteAt(e.clientX, e.clientY);
  if (noteId) {
    openPanel('notes', { note: noteId });
    return;
  }
  const index = quoteAt(e.clientX, e.clientY);
  const placed = state.placed[index];
  if (!placed || !state.body || (document.getSelection()?.isCollapsed === false)) return;
  if ((placed.quote.part ?? 'body') !== 'body') return;
  const { quote } = placed;
  actionFor = 'quote';
  state.overlay.action('Note this quote', e.clientX, e.clientY + 14, () =>
    void startNote({ anchor: anchorFor(state.body!, quote.start, quote.end), speaker: quote.speaker }),
  );
}

function onPointerMove(e: PointerEvent): void {
  const overlay = state.overlay;
  if (!overlay) return;
  if (state.notes.noteAt(e.clientX, e.clientY)) {
    overlay.tip('Your note — click to read it', e.clientX, e.clientY);
    return;
  }
  if (state.placed.length === 0) return overlay.tip(null);
  const speaker = state.quotes.speakerAt(e.clientX, e.clientY);
  overlay.tip(speaker === undefined ? null : (speaker ?? 'Speaker not named'), e.clientX, e.clientY);
}

function scrollToRange(range: Range): void {
  const rect = range.getBoundingClientRect();
  window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: 'smooth' });
}

function focusQuote(index: number): boolean {
  const placed = state.placed[index];
  if (!placed) return false;
  scrollToRange(placed.range);
  state.quotes.mark(placed.range);
  return true;
}

function quoteList(): QuoteSummary[] {
  return state.placed.map(({ quote }, index) => ({ index, text: quote.text, speaker: quote.speaker, part: quote.part ?? 'body' }));
}

async function onCommand(command: TabCommand): Promise<unknown> {
  switch (command.type) {
    case 'view/set':
      if (command.boilerplateShown !== undefined) setBoilerplateShown(command.boilerplateShown);
      if (command.quotesShown !== undefined) setQuotesShown(command.quotesShown);
      return report();
    case 'page/status':
      return report();
    case 'panel/set':
      if (!command.open) state.panel?.close();
      else if (state.article?.isArticle) {
        ensureOverlay();
        if (command.toggle) state.panel?.toggle(command.view ?? 'quotes');
        else openPanel(command.view ?? 'quotes');
      }
      return state.panel?.isOpen ?? false;
    case 'quotes/list':
      return quoteList();
    case 'quote/focus':
      return focusQuote(command.index);
    case 'note/from-selection': {
      const draft = selectionDraft();
      if (draft) await startNote(draft);
      return draft !== null;
    }
    case 'note/focus': {
      const range = state.notes.rangeOf(command.id);
      if (range) scrollToRange(range);
      return range !== null;
    }
    case 'notes/changed':
      await refreshNotes();
      sendReport();
      return null;
  }
}

function listen(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const command = parseTabCommand(message);
    if (!command) return undefined;
    return onCommand(command);
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
  state.stopWatching?.();
  state.stopWatching = null;
  if (isSiteDisabled(state.settings, location.hostname)) {
    state.skipped = 'Newsmark is switched off for this site in its settings.';
    sendReport();
    return;
  }
  const size = document.getElementsByTagName('*').length;
  if (size > MAX_ELEMENTS) {
    state.skipped = `This page is too large for Newsmark (${size.toLocaleString('en')} elements), so it was left as it is.`;
    sendReport();
    return;
  }
  if (!looksLikeArticlePage(document)) {
    state.article = null;
    sendReport();
    return;
  }
  try {
    analyseAndApply();
  } catch (err) {
    // A page we can't read is left exactly as it was; the popup says why.
    state.article = null;
    state.skipped = 'Newsmark could not read this page, so it was left as it is.';
    console.warn('[newsmark] analysis failed:', err);
    sendReport();
    return;
  }
  // Report what the page is at once; notes (which may need fuzzy matching) follow in a second report.
  sendReport();
  if (!state.article?.isArticle) return;
  await refreshNotes().catch((err) => console.debug('[newsmark] notes', err));
  sendReport();
  const detach = attachReaderEvents();
  const stopLate = watchLateContent(document, {
    ignore: (node) => node === state.overlay?.host,
    onChange: () => {
      try {
        analyseAndApply();
      } catch (err) {
        console.warn('[newsmark] late content:', err);
        return;
      }
      sendReport();
      void refreshNotes().finally(sendReport);
    },
  });
  state.stopWatching = () => {
    detach();
    stopLate();
  };
}

async function main(): Promise<void> {
  listen();
  state.settings = await loadSettings();
  state.quotesShown = state.settings.highlightQuotes;
  await run();
  // Single-page sites change the story without a page load: start again on the new one.
  watchNavigation(() => {
    state.panel?.close();
    state.quotes.clear();
    state.notes.clear();
    state.boilerplate?.release();
    state.boilerplate = null;
    state.placed = [];
    state.speakers = [];
    void run();
  });
}

void main().catch((err) => console.warn('[newsmark] content script stopped:', err));
