/**
 * The one stylesheet Newsmark adds to a page. Hiding is an attribute on each boilerplate element plus one rule,
 * so "show" is a single attribute flip on <html> and nothing is ever removed from the page.
 */
export const HIDDEN_ATTR = 'data-newsmark-boilerplate';
export const SHOW_ATTR = 'data-newsmark-show-boilerplate';
export const STYLE_ID = 'newsmark-style';

/** Colours for speakers' quotes: translucent backgrounds and solid underlines read on light and dark pages alike. */
export const SPEAKER_COLOURS = [
  '0, 114, 178', // blue
  '213, 94, 0', // vermilion
  '0, 158, 115', // bluish green
  '204, 121, 167', // reddish purple
  '230, 159, 0', // orange
  '86, 180, 233', // sky blue
  '170, 68, 153', // purple
  '68, 170, 119', // green
];
/** A quote whose speaker the text doesn't name. */
export const UNKNOWN_SPEAKER_COLOUR = '128, 128, 128';

export const quoteHighlightName = (slot: number | 'unknown') => `newsmark-quote-${slot}`;
export const NOTE_HIGHLIGHT = 'newsmark-note';
/** The quote the reader jumped to from the panel. */
export const FOCUS_HIGHLIGHT = 'newsmark-quote-focus';

let cssText = '';

/** The stylesheet's text, built once per content script. */
function css(): string {
  if (cssText) return cssText;
  const rules = [
    `html:not([${SHOW_ATTR}]) [${HIDDEN_ATTR}] { display: none !important; }`,
    `html[${SHOW_ATTR}] [${HIDDEN_ATTR}] { outline: 2px dashed rgba(128,128,128,.6) !important; outline-offset: 2px !important; }`,
  ];
  const quoteRule = (name: string, rgb: string) =>
    `::highlight(${name}) { background-color: rgba(${rgb}, .16); text-decoration: underline 2px rgba(${rgb}, .9); text-underline-offset: 3px; }`;
  SPEAKER_COLOURS.forEach((rgb, i) => rules.push(quoteRule(quoteHighlightName(i), rgb)));
  rules.push(quoteRule(quoteHighlightName('unknown'), UNKNOWN_SPEAKER_COLOUR));
  // Notes: a solid marker-pen yellow with a dotted underline, unlike any speaker's translucent tint.
  rules.push(`::highlight(${NOTE_HIGHLIGHT}) { background-color: rgba(255, 200, 61, .6); text-decoration: underline dotted 2px rgba(120, 80, 0, .9); }`);
  rules.push(`::highlight(${FOCUS_HIGHLIGHT}) { background-color: rgba(37, 99, 235, .3); }`);
  return (cssText = rules.join('\n'));
}

/** Adds the stylesheet once; later calls return the same element. */
export function ensurePageStyle(doc: Document): HTMLStyleElement {
  const existing = doc.getElementById(STYLE_ID);
  if (existing instanceof HTMLStyleElement) return existing;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = css();
  (doc.head ?? doc.documentElement).appendChild(style);
  return style;
}
