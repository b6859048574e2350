/**
 * Quote highlights with the CSS Custom Highlight API: no wrapping of page text, one highlight per speaker, and
 * a speaker tooltip found with `CSS.highlights.highlightsFromPoint()` (highlights carry no events of their own).
 */
import { findArticleQuotesSteps, type Quote } from '../core/quotes';
import type { Article } from '../core/article';
import { drain } from '../core/article/page-index';
import { TextMap } from '../core/text';
import { FOCUS_HIGHLIGHT, SPEAKER_COLOURS, quoteHighlightName } from './page-style';
import { highlightRegistry } from './highlights';

/** A quote placed in the page. */
export interface PlacedQuote {
  quote: Quote;
  range: Range;
}

const registry = highlightRegistry;

/**
 * Finds the article's quotes and maps the engine's offsets (into headline, standfirst or body) to live Ranges. The
 * body's map is built from the paragraphs when not given.
 */
export function placeQuotes(article: Article, body?: TextMap): PlacedQuote[] {
  return drain(placeQuotesSteps(article, body));
}

/** `placeQuotes` as a generator that yields between the engine's steps (the content script's sliced pass). */
export function* placeQuotesSteps(article: Article, body: TextMap = TextMap.of(article.paragraphs)): Generator<void, PlacedQuote[], unknown> {
  const quotes = yield* findArticleQuotesSteps({ headline: article.title, standfirst: article.standfirst, body: article.text });
  yield;
  // The headline's and standfirst's maps are built only when a quote lies in them (most articles: none).
  const maps: Partial<Record<'headline' | 'standfirst' | 'body', TextMap | null>> = { body };
  const elements = { headline: article.headline, standfirst: article.standfirstElement, body: null };
  const expected = { headline: article.title, standfirst: article.standfirst ?? '', body: article.text };
  const placed: PlacedQuote[] = [];
  for (const quote of quotes) {
    const part = quote.part ?? 'body';
    let map = maps[part];
    if (map === undefined) {
      const el = elements[part];
      map = maps[part] = el ? TextMap.of([el]) : null;
    }
    // The part's text came from metadata rather than this element: offsets wouldn't line up, so skip it.
    if (!map || map.text !== expected[part]) continue;
    let range: Range | null = null;
    try {
      range = map.range(quote.start, quote.end);
    } catch {
      // A sliced pass: the page changed a text node under the map since it was read. That quote is not placed.
    }
    if (range) placed.push({ quote, range });
  }
  return placed;
}

export function highlightSupported(): boolean {
  return registry() !== null;
}

export class QuoteHighlights {
  private readonly names: string[] = [];
  private readonly speakerOf = new Map<Highlight, string | null>();

  /** Registers one highlight per speaker, speakers in order of first quote. Returns the speakers in that order. */
  show(placed: readonly PlacedQuote[]): string[] {
    this.clear();
    if (!placed.length) return []; // most articles: nothing to register
    const reg = registry();
    const bySpeaker = new Map<string | null, Range[]>();
    for (const { quote, range } of placed) {
      const ranges = bySpeaker.get(quote.speaker) ?? [];
      ranges.push(range);
      bySpeaker.set(quote.speaker, ranges);
    }
    const speakers = [...bySpeaker.keys()].filter((s): s is string => s !== null);
    if (!reg) return speakers;
    for (const [speaker, ranges] of bySpeaker) {
      const slot = speaker === null ? 'unknown' : speakers.indexOf(speaker) % SPEAKER_COLOURS.length;
      const name = quoteHighlightName(slot);
      // Two speakers may share a colour slot beyond the palette's size: keep their ranges apart by name.
      const unique = this.names.includes(name) ? `${name}-${this.names.length}` : name;
      const h = new Highlight(...ranges);
      reg.set(unique, h);
      this.names.push(unique);
      this.speakerOf.set(h, speaker);
    }
    return speakers;
  }

  /** The speaker of the quote under a point: a name, null for an unattributed quote, undefined for no quote. */
  speakerAt(x: number, y: number): string | null | undefined {
    const hits = registry()?.highlightsFromPoint?.(x, y) ?? [];
    for (const hit of hits) {
      const h = hit instanceof Highlight ? hit : hit.highlight;
      if (this.speakerOf.has(h)) return this.speakerOf.get(h);
    }
    return undefined;
  }

  clear(): void {
    const reg = registry();
    // The quote the reader jumped to from the panel (marked by `./actions`) goes with the rest.
    reg?.delete(FOCUS_HIGHLIGHT);
    for (const name of this.names) reg?.delete(name);
    this.names.length = 0;
    this.speakerOf.clear();
  }
}
