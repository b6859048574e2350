/**
 * Newsmark's light in-page controls: the "N hidden — show" pill and the speaker tooltip. They live in one closed
 * shadow root, so the page's CSS cannot restyle them and ours cannot leak into the page. Nothing here shows the
 * reader's note text: that only ever appears in the extension-origin panel.
 */
import type { PageState } from './index';

const HOST_TAG = 'newsmark-overlay';

const STYLE = `
:host { all: initial; }
.pill {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483646;
  display: flex; align-items: center; gap: 8px; padding: 6px 8px 6px 12px;
  font: 13px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1d2433; background: #fbfaf7; border: 1px solid #c9ccd3; border-radius: 999px;
  box-shadow: 0 2px 10px rgba(0,0,0,.15);
}
.pill button {
  font: inherit; cursor: pointer; border: 1px solid #1d3557; border-radius: 999px;
  background: #1d3557; color: #fff; padding: 2px 10px;
}
.pill button:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
.pill .close { background: transparent; color: #5b6475; border-color: transparent; padding: 2px 6px; }
.action {
  position: fixed; z-index: 2147483647;
  font: 13px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  cursor: pointer; border: 1px solid #1d3557; border-radius: 6px;
  background: #1d3557; color: #fff; padding: 4px 10px; box-shadow: 0 2px 8px rgba(0,0,0,.25);
}
.action:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
.tip {
  position: fixed; z-index: 2147483647; pointer-events: none; max-width: 320px;
  font: 12px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #fff; background: #1d2433; border-radius: 6px; padding: 4px 8px;
  box-shadow: 0 2px 8px rgba(0,0,0,.25);
}
[hidden] { display: none !important; }
@media (prefers-color-scheme: dark) {
  .pill { color: #e8eaee; background: #16191f; border-color: #343a46; }
  .pill button { background: #9cc3ff; color: #10151e; border-color: #9cc3ff; }
  .tip { color: #10151e; background: #e8eaee; }
}`;

/**
 * The host's own box, pinned with inline !important declarations. The shadow root keeps the page's CSS off our
 * controls, but the host itself is an element of the page: a rule like `newsmark-overlay { display: none
 * !important }` or `* { display: contents !important }` would hide or unbox it, and a transform or filter on it
 * would trap our fixed-position controls. An inline !important declaration outranks every author rule.
 */
const HOST_BOX: readonly (readonly [string, string])[] = [
  ['display', 'block'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['position', 'static'],
  ['transform', 'none'],
  ['filter', 'none'],
  ['contain', 'none'],
  ['clip-path', 'none'],
];

export interface Overlay {
  /** The closed shadow root, for other light UI (the panel iframe, the note button). */
  readonly root: ShadowRoot;
  /** Shows "N hidden — show"/"hide again"; hides the pill when nothing is hidden. */
  setHidden(count: number, shown: boolean): void;
  /** Shows, near the pointer, whose words or whose note lie under it; hides the tooltip over anything else. */
  tipAt(page: Pick<PageState, 'notes' | 'placed' | 'quotes'>, x: number, y: number): void;
  /** A small floating button (e.g. "Note" beside a selection); null hides it. */
  action(label: string | null, x?: number, y?: number, onClick?: () => void): void;
  /** The host element, so mutation observers can ignore it. */
  readonly host: HTMLElement;
  remove(): void;
}

/**
 * The shadow host and its closed root. A page may define a custom element under our tag name first: creating
 * one would then run the page's constructor, which can take the shadow root (open, for the page to read) so
 * ours can't be attached. Then the host is a plain <div>, which no page can define.
 */
function attachHost(doc: Document): { host: HTMLElement; root: ShadowRoot } {
  // delegatesFocus: focusing the host (keyboard users, tests) lands on the first control inside.
  const init: ShadowRootInit = { mode: 'closed', delegatesFocus: true };
  const host = doc.createElement(HOST_TAG);
  if (!host.matches(':defined')) {
    try {
      return { host, root: host.attachShadow(init) };
    } catch {
      // fall through to the plain host
    }
  }
  const plain = doc.createElement('div');
  plain.setAttribute('data-newsmark-overlay', '');
  return { host: plain, root: plain.attachShadow(init) };
}

/** The tooltip's text at a point: the reader's note, else a quote's speaker; null over anything else. */
function tipText({ notes, placed, quotes }: Pick<PageState, 'notes' | 'placed' | 'quotes'>, x: number, y: number): string | null {
  if (notes?.noteAt(x, y)) return 'Your note — click to read it';
  if (placed.length === 0) return null;
  const speaker = quotes.speakerAt(x, y);
  return speaker === undefined ? null : (speaker ?? 'Speaker not named');
}

export function createOverlay(doc: Document, onToggleBoilerplate: () => void): Overlay {
  const { host, root } = attachHost(doc);
  for (const [property, value] of HOST_BOX) host.style.setProperty(property, value, 'important');
  const style = doc.createElement('style');
  style.textContent = STYLE;

  const pill = doc.createElement('div');
  pill.className = 'pill';
  pill.setAttribute('role', 'region');
  pill.setAttribute('aria-label', 'Newsmark');
  pill.hidden = true;
  const label = doc.createElement('span');
  const toggle = doc.createElement('button');
  toggle.type = 'button';
  toggle.addEventListener('click', onToggleBoilerplate);
  const close = doc.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Dismiss');
  let dismissed = false;
  close.addEventListener('click', () => {
    dismissed = true;
    pill.hidden = true;
  });
  pill.append(label, toggle, close);

  const tipEl = doc.createElement('div');
  tipEl.className = 'tip';
  tipEl.setAttribute('role', 'tooltip');
  tipEl.hidden = true;

  const actionEl = doc.createElement('button');
  actionEl.type = 'button';
  actionEl.className = 'action';
  actionEl.hidden = true;
  let onAction: (() => void) | null = null;
  // mousedown would clear the page's selection before click: keep it.
  actionEl.addEventListener('mousedown', (e) => e.preventDefault());
  actionEl.addEventListener('click', () => {
    actionEl.hidden = true;
    onAction?.();
  });

  root.append(style, pill, tipEl, actionEl);
  doc.documentElement.appendChild(host);

  return {
    host,
    root,
    setHidden(count, shown) {
      label.textContent = shown ? `${count} shown` : `${count} hidden`;
      toggle.textContent = shown ? 'Hide' : 'Show';
      toggle.setAttribute('aria-label', shown ? `Hide ${count} boilerplate blocks again` : `Show ${count} hidden boilerplate blocks`);
      pill.hidden = dismissed || count === 0;
    },
    tipAt(page, x, y) {
      const text = tipText(page, x, y);
      if (text === null) {
        tipEl.hidden = true;
        return;
      }
      tipEl.textContent = text;
      tipEl.style.left = `${Math.max(4, x + 12)}px`;
      tipEl.style.top = `${Math.max(4, y + 16)}px`;
      tipEl.hidden = false;
    },
    action(text, x = 0, y = 0, onClick) {
      if (text === null) {
        actionEl.hidden = true;
        onAction = null;
        return;
      }
      actionEl.textContent = text;
      actionEl.style.left = `${Math.max(4, Math.min(x, doc.documentElement.clientWidth - 120))}px`;
      actionEl.style.top = `${Math.max(4, y)}px`;
      onAction = onClick ?? null;
      actionEl.hidden = false;
    },
    remove() {
      host.remove();
    },
  };
}
