/**
 * What the content script does when the reader acts: the commands the popup, the panel and the background send
 * (checked by `./commands` first), and the offers to take a note — the "Note" button beside a selection and
 * "Note this quote" on a clicked quote. Loaded on demand, with a dynamic import from `./index`, the first time a
 * command arrives or the reader selects text or clicks a quote; a page load without either carries none of it.
 */
import { ask } from '../ask';
import type { TextMap } from '../core/text';
import type { Draft, PageReport, QuoteSummary, TabCommand } from '../messages';
import { parseTabCommand } from './commands';
import { highlightRegistry } from './highlights';
import type { PanelHost } from './panel';
import { FOCUS_HIGHLIGHT } from './page-style';
import { placeQuotes, type PlacedQuote } from './quotes';
import { rangeOffsets } from './selection';
import type { PageState } from './index';

/** What `./index` lends this module: its state and the steps both use. */
export interface Page {
  state: PageState;
  report(): PageReport;
  sendReport(): Promise<unknown>;
  setBoilerplateShown(shown: boolean): void;
  refreshNotes(): Promise<void>;
  loadNotes(): Promise<typeof import('./notes')>;
  panelHost(): Promise<PanelHost>;
}

/** A passage of the article text the reader wants to note (a selection or a quote). */
interface Passage {
  body: TextMap;
  start: number;
  end: number;
  speaker: string | null;
}

/** Files the passage as the pending draft and opens the panel's editor on it. */
async function startNote(page: Page, { body, start, end, speaker }: Passage): Promise<void> {
  const { anchorFor } = await page.loadNotes();
  const draft: Draft = { anchor: anchorFor(body, start, end), speaker };
  await ask({ type: 'draft/set', draft });
  await (await page.panelHost()).open('editor');
}

function noteFailed(err: unknown): void {
  console.warn('[newsmark] could not start a note:', err);
}

/** The current selection as a passage, when it lies inside the story. */
function selectionPassage({ state }: Page): Passage | null {
  const sel = document.getSelection();
  const body = state.body;
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !body) return null;
  const offsets = rangeOffsets(body, sel.getRangeAt(0));
  return offsets ? { body, ...offsets, speaker: null } : null;
}

/** What the floating action button is offering, if anything. */
let actionFor: 'selection' | 'quote' | null = null;

/** The selection settled: offer "Note" beside it when it lies in the story. */
export function offerSelectionNote(page: Page): void {
  const overlay = page.state.overlay;
  if (!overlay) return;
  const passage = selectionPassage(page);
  if (!passage) {
    // A click collapses the selection too: don't take away a "Note this quote" offered by that very click.
    if (actionFor === 'selection') overlay.action(null);
    return;
  }
  const rect = document.getSelection()!.getRangeAt(0).getBoundingClientRect();
  actionFor = 'selection';
  overlay.action('Note', rect.right - 40, rect.bottom + 6, () => void startNote(page, passage).catch(noteFailed));
}

/** The placed quote under a point (by its rectangles, after a cheap hit test on our highlights). */
function quoteAt({ state }: Page, x: number, y: number): PlacedQuote | null {
  if (state.quotes.speakerAt(x, y) === undefined) return null;
  for (const p of state.placed) {
    for (const rect of p.range.getClientRects()) {
      if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return p;
    }
  }
  return null;
}

/** A click in the page (not on a note): offer "Note this quote" when it landed on a body quote. */
export function offerQuoteNote(page: Page, x: number, y: number): void {
  const { overlay, body } = page.state;
  const placed = quoteAt(page, x, y);
  if (!overlay || !placed || !body || document.getSelection()?.isCollapsed === false) return;
  const { quote } = placed;
  if ((quote.part ?? 'body') !== 'body') return;
  const passage: Passage = { body, start: quote.start, end: quote.end, speaker: quote.speaker };
  actionFor = 'quote';
  overlay.action('Note this quote', x, y + 14, () => void startNote(page, passage).catch(noteFailed));
}

function setQuotesShown(page: Page, shown: boolean): void {
  const { state } = page;
  state.quotesShown = shown;
  state.quotes.clear();
  state.placed = [];
  state.speakers = [];
  if (shown && state.article && state.body) {
    state.placed = placeQuotes(state.article, state.body);
    state.speakers = state.quotes.show(state.placed);
  }
  void page.sendReport();
}

function scrollToRange(range: Range): void {
  const rect = range.getBoundingClientRect();
  window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: 'smooth' });
}

/** Scrolls to quote number `index` and marks it (until the next mark, or until the quotes are cleared). */
function focusQuote({ state }: Page, index: number): boolean {
  const placed = state.placed[index];
  if (!placed) return false;
  scrollToRange(placed.range);
  const reg = highlightRegistry();
  if (reg) {
    const h = new Highlight(placed.range);
    h.priority = 2;
    reg.set(FOCUS_HIGHLIGHT, h);
  }
  return true;
}

function quoteList({ state }: Page): QuoteSummary[] {
  return state.placed.map(({ quote }, index) => ({ index, text: quote.text, speaker: quote.speaker, part: quote.part ?? 'body' }));
}

async function onCommand(page: Page, command: TabCommand): Promise<unknown> {
  const { state } = page;
  switch (command.type) {
    case 'view/set':
      if (command.boilerplateShown !== undefined) page.setBoilerplateShown(command.boilerplateShown);
      if (command.quotesShown !== undefined) setQuotesShown(page, command.quotesShown);
      return page.report();
    case 'page/status':
      return page.report();
    case 'panel/set':
      if (!command.open) state.panel?.close();
      else if (state.article?.isArticle) {
        const panel = await page.panelHost();
        if (command.toggle) panel.toggle(command.view ?? 'quotes');
        else void panel.open(command.view ?? 'quotes');
      }
      return state.panel?.isOpen ?? false;
    case 'quotes/list':
      return quoteList(page);
    case 'quote/focus':
      return focusQuote(page, command.index);
    case 'note/from-selection': {
      const passage = selectionPassage(page);
      if (passage) await startNote(page, passage);
      return passage !== null;
    }
    case 'note/focus': {
      const range = state.notes?.rangeOf(command.id) ?? null;
      if (range) scrollToRange(range);
      return range !== null;
    }
    case 'notes/changed':
      await page.refreshNotes();
      void page.sendReport();
      return null;
  }
}

/** A message from our own extension: the command's answer, or undefined for anything that isn't a command. */
export function handleMessage(page: Page, message: unknown): Promise<unknown> | undefined {
  const command = parseTabCommand(message);
  return command ? onCommand(page, command) : undefined;
}
