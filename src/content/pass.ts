/**
 * One pass of Newsmark over a page — the work the content script does on every article — in timed stages, so
 * the benchmark measures exactly what readers pay: detection, boilerplate hiding, quote finding and attribution,
 * and highlight registration. No extension APIs: the benchmark runs it in a plain page too.
 */
import { analyzeArticle, storyTextMap, type Article } from '../core/article';
import type { TextMap } from '../core/text';
import type { BoilerplateView } from './boilerplate';
import { ensurePageStyle } from './page-style';
import { placeQuotes, type PlacedQuote, type QuoteHighlights } from './quotes';

export interface PassOptions {
  url: string;
  hideBoilerplate: boolean;
  highlightQuotes: boolean;
}

/** Milliseconds spent in each stage. */
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

export function runPass(doc: Document, opts: PassOptions, views: { boilerplate: BoilerplateView | null; quotes: QuoteHighlights }): Pass {
  const stages: PassStages = { detection: 0, boilerplate: 0, quotes: 0, highlight: 0 };
  let t = performance.now();
  const lap = (stage: keyof PassStages) => {
    const now = performance.now();
    stages[stage] += now - t;
    t = now;
  };
  const article = analyzeArticle(doc, { url: opts.url });
  const body = article.isArticle ? storyTextMap(article) : null;
  lap('detection');
  let placed: PlacedQuote[] = [];
  let speakers: string[] = [];
  if (article.isArticle && body) {
    ensurePageStyle(doc);
    if (opts.hideBoilerplate && views.boilerplate) views.boilerplate.hide(article);
    lap('boilerplate');
    if (opts.highlightQuotes) {
      placed = placeQuotes(article, body);
      lap('quotes');
      speakers = views.quotes.show(placed);
      lap('highlight');
    }
  }
  return { article, body, placed, speakers, stages };
}
