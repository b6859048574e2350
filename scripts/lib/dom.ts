/**
 * HTML → Document in Node for the CLIs. linkedom is the default: on the 130 corpus pages it parses
 * several times faster than jsdom and happy-dom and gives the same article text (see
 * `npm run eval:article -- --compare-doms`).
 */
import { parseHTML } from 'linkedom';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Window } from 'happy-dom';

export type DomName = 'linkedom' | 'jsdom' | 'happy-dom';
export const DEFAULT_DOM: DomName = 'linkedom';

export function parsePage(html: string, url = 'https://example.invalid/', dom: DomName = DEFAULT_DOM): Document {
  if (dom === 'jsdom') {
    const virtualConsole = new VirtualConsole(); // silence CSS parse errors from real-world pages
    return new JSDOM(html, { url, virtualConsole }).window.document;
  }
  if (dom === 'happy-dom') {
    const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, navigator: { userAgent: 'newsmark' } } as never });
    return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  }
  let { document } = parseHTML(html);
  // linkedom builds no <html> for input without one (a bare fragment or plain text); browsers always do.
  if (!document.documentElement) ({ document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`));
  return document as unknown as Document;
}
