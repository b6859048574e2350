/**
 * The in-page panel: an extension-origin iframe ("Who said what", the page's notes, the note editor) docked to
 * the right of the article. The page can't read inside it or see what the reader types there; it lives in our
 * closed shadow root so page CSS can't hide or restyle it.
 */
import browser from 'webextension-polyfill';
import type { PanelViewName } from '../messages';

const PANEL_STYLE = `
.panel {
  position: fixed; top: 0; right: 0; z-index: 2147483647;
  width: min(400px, 100vw); height: 100vh; border: 0; margin: 0; padding: 0;
  background: #fbfaf7; color-scheme: light dark;
  box-shadow: -4px 0 24px rgba(0,0,0,.18);
}
@media (prefers-color-scheme: dark) { .panel { background: #16191f; } }`;

export class PanelHost {
  private frame: HTMLIFrameElement | null = null;
  private view: PanelViewName | null = null;
  private readonly style: HTMLStyleElement;

  constructor(
    private readonly root: ShadowRoot,
    private readonly registerToken: (token: string) => Promise<unknown>,
  ) {
    this.style = root.ownerDocument.createElement('style');
    this.style.textContent = PANEL_STYLE;
    root.append(this.style);
  }

  get isOpen(): boolean {
    return this.frame !== null;
  }

  /** Opens (or switches) the panel; `extra` adds query parameters such as the note to show. */
  async open(view: PanelViewName, extra: Record<string, string> = {}): Promise<void> {
    // A fresh secret per opening: the background answers only a panel that carries it.
    const token = crypto.randomUUID();
    await this.registerToken(token);
    const url = new URL(browser.runtime.getURL('src/panel/index.html'));
    url.searchParams.set('view', view);
    url.searchParams.set('k', token);
    for (const [k, v] of Object.entries(extra)) url.searchParams.set(k, v);
    if (!this.frame) {
      this.frame = this.root.ownerDocument.createElement('iframe');
      this.frame.className = 'panel';
      this.frame.title = 'Newsmark';
      this.root.append(this.frame);
    }
    this.frame.src = url.toString();
    this.view = view;
    this.frame.focus();
  }

  close(): void {
    this.frame?.remove();
    this.frame = null;
    this.view = null;
  }

  toggle(view: PanelViewName): void {
    if (this.frame && this.view === view) this.close();
    else void this.open(view);
  }
}
