/**
 * Quote highlights with the CSS Custom Highlight API: no wrapping of page text, one highlight per speaker, and
 * a speaker tooltip found with `CSS.highlights.highlightsFromPoint()` (highlights carry no events of their own).
 */
import type { Quote } from '../core/quotes';
import { SPEAKER_COLOURS, quoteHighlightName } from './page-style';

/** A quote placed in the page. */
export interface PlacedQuote {
  quote: Quote;
  range: Range;
}

interface HighlightRegistry {
  set(name: string, h: Highlight): void;
  delete(name: string): boolean;
  highlightsFromPoint?: (x: number, y: number) => Array<Highlight | { highlight: Highlight }>;
}

function registry(): HighlightRegistry | null {
  const reg = (globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;
  return reg && typeof Highlight === 'function' ? reg : null;
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
    for (const name of this.names) reg?.delete(name);
    this.names.length = 0;
    this.speakerOf.clear();
  }
}
