/**
 * Newsmark's content script: read the page once, then write once — hide boilerplate, highlight quotes, add the
 * small overlay — and tell the background what it found. On pages that aren't articles it stops after a cheap
 * check. All the judgement lives in `src/core`; this file only applies it to the live page.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { analyzeArticle, looksLikeArticlePage, type Article } from '../core/article';
import { findArticleQuotes } from '../core/quotes';
import { TextMap } from '../core/text';
import { ask } from '../ask';
import { parseTabCommand, type PageReport } from '../messages';
import { isSiteDisabled, loadSettings, type Settings } from '../storage/settings';
import { BoilerplateView } from './boilerplate';
import { createOverlay, type Overlay } from './overlay';
import { ensurePageStyle } from './page-style';
import { QuoteHighlights, type PlacedQuote } from './quotes';
import { watchLateContent } from './late-content';

interface PageState {
  settings: Settings;
  article: Article | null;
  boilerplate: BoilerplateView | null;
  quotes: QuoteHighlights;
  placed: PlacedQuote[];
  speakers: string[];
  overlay: Overlay | null;
  skipped: string | null;
}

const state: PageState = {
  settings: { hideBoilerplate: true, highlightQuotes: true, disabledSites: [] },
  article: null,
  boilerplate: null,
  quotes: new QuoteHighlights(),
  placed: [],
  speakers: [],
  overlay: null,
  skipped: null,
};

function canonicalUrl(doc: Document): string | null {
  const href = doc.querySelector('link[rel~="canonical"]')?.getAttribute('href');
  if (!href) return null;
  try {
    return new URL(href, doc.baseURI).toString();
  } catch {
    return null;
  }
}

/** Maps the quote engine's offsets (into headline, standfirst or body text) to live Ranges. */
function placeQuotes(article: Article): PlacedQuote[] {
  const quotes = findArticleQuotes({ headline: article.title, standfirst: article.standfirst, body: article.text });
  const maps = {
    headline: article.headline ? TextMap.of([article.headline]) : null,
    standfirst: article.standfirstElement ? TextMap.of([article.standfirstElement]) : null,
    body: TextMap.of(article.paragraphs),
  };
  const expected = { headline: article.title, standfirst: article.standfirst ?? '', body: article.text };
  const placed: PlacedQuote[] = [];
  for (const quote of quotes) {
    const part = quote.part ?? 'body';
    const map = maps[part];
    // The part's text came from metadata rather than this element: offsets wouldn't line up, so skip it.
    if (!map || map.text !== expected[part]) continue;
    const range = map.range(quote.start, quote.end);
    if (range) placed.push({ quote, range });
  }
  return placed;
}

function report(): PageReport {
  const a = state.article;
  return {
    title: a?.title || document.title || '',
    canonicalUrl: canonicalUrl(document),
    isArticle: a?.isArticle ?? false,
    hiddenCount: state.boilerplate?.count ?? 0,
    boilerplateShown: state.boilerplate?.shown ?? false,
    quoteCount: state.placed.length,
    speakers: state.speakers,
    skipped: state.skipped,
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

function setQuotesShown(shown: boolean): void {
  if (shown && state.article) {
    state.placed = placeQuotes(state.article);
    state.speakers = state.quotes.show(state.placed);
  } else {
    state.quotes.clear();
    state.placed = [];
    state.speakers = [];
  }
  sendReport();
}

/** One full pass over the page: analyse, then apply. Also re-run when late content arrives. */
function analyseAndApply(): void {
  const article = analyzeArticle(document, { url: location.href });
  state.article = article;
  if (!article.isArticle) return;
  ensurePageStyle(document);
  if (state.settings.hideBoilerplate) {
    state.boilerplate ??= new BoilerplateView(document, article);
    state.boilerplate.hide(article.boilerplate);
    state.overlay ??= createOverlay(document, () => setBoilerplateShown(!state.boilerplate?.shown));
    state.overlay.setHidden(state.boilerplate.count, state.boilerplate.shown);
  }
  if (state.settings.highlightQuotes) {
    state.placed = placeQuotes(article);
    state.speakers = state.quotes.show(state.placed);
  }
}

function onPointerMove(e: PointerEvent): void {
  if (!state.overlay || state.placed.length === 0) return;
  const speaker = state.quotes.speakerAt(e.clientX, e.clientY);
  state.overlay.tip(speaker === undefined ? null : (speaker ?? 'Speaker not named'), e.clientX, e.clientY);
}

function listen(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const command = parseTabCommand(message);
    if (!command) return undefined;
    if (command.type === 'view/set') {
      if (command.boilerplateShown !== undefined) setBoilerplateShown(command.boilerplateShown);
      if (command.quotesShown !== undefined) setQuotesShown(command.quotesShown);
    }
    return Promise.resolve(report());
  });
}

async function main(): Promise<void> {
  listen();
  state.settings = await loadSettings();
  if (isSiteDisabled(state.settings, location.hostname)) {
    state.skipped = 'Newsmark is switched off for this site in its settings.';
    sendReport();
    return;
  }
  if (!looksLikeArticlePage(document)) {
    sendReport();
    return;
  }
  analyseAndApply();
  sendReport();
  if (!state.article?.isArticle) return;
  let moveQueued = false;
  document.addEventListener(
    'pointermove',
    (e) => {
      if (moveQueued) return;
      moveQueued = true;
      requestAnimationFrame(() => {
        moveQueued = false;
        onPointerMove(e);
      });
    },
    { passive: true },
  );
  watchLateContent(document, {
    ignore: (node) => node === state.overlay?.host,
    onChange: () => {
      analyseAndApply();
      sendReport();
    },
  });
}

void main().catch((err) => console.warn('[newsmark] content script stopped:', err));
