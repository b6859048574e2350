/**
 * The page's CSS highlight registry. It is shared with the page (a page script can read or clear it), so we keep
 * our own references to what we registered and re-register on the next pass if something removed them.
 */

/** `CSS.highlights`, with `highlightsFromPoint` (Chromium ≥ 140, Firefox ≥ 150), which lib.dom doesn't know yet. */
export interface HighlightRegistry {
  set(name: string, h: Highlight): void;
  delete(name: string): boolean;
  highlightsFromPoint?: (x: number, y: number) => Array<Highlight | { highlight: Highlight }>;
}

export function highlightRegistry(): HighlightRegistry | null {
  const reg = (globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;
  return reg && typeof Highlight === 'function' ? reg : null;
}
