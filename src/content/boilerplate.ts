/**
 * Hiding boilerplate in the page, reversibly: an attribute on each block, one stylesheet rule, and a flip on
 * <html> to show everything again. Never touches an element that holds a story paragraph.
 */
import type { Article } from '../core/article';
import { HIDDEN_ATTR, SHOW_ATTR } from './page-style';

export class BoilerplateView {
  private readonly hidden = new Set<Element>();

  constructor(private readonly doc: Document) {}

  /** Hides the article's boilerplate blocks it may; returns how many were newly hidden. */
  hide(article: Pick<Article, 'boilerplate' | 'paragraphs'>): number {
    // Safety net over the core's own rule: an element that contains or sits inside a story block stays visible.
    const touchesStory = (el: Element) => article.paragraphs.some((p) => el === p || el.contains(p) || p.contains(el));
    let added = 0;
    for (const { element, kind } of article.boilerplate) {
      if (this.hidden.has(element) || !element.isConnected || touchesStory(element)) continue;
      element.setAttribute(HIDDEN_ATTR, kind);
      this.hidden.add(element);
      added++;
    }
    return added;
  }

  get count(): number {
    return this.hidden.size;
  }

  get shown(): boolean {
    return this.doc.documentElement.hasAttribute(SHOW_ATTR);
  }

  setShown(shown: boolean): void {
    this.doc.documentElement.toggleAttribute(SHOW_ATTR, shown);
  }

  /** Puts every hidden block back (used when the reader turns hiding off). */
  release(): void {
    for (const el of this.hidden) el.removeAttribute(HIDDEN_ATTR);
    this.hidden.clear();
    this.setShown(false);
  }
}
