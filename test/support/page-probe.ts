/**
 * Looking at what Newsmark drew on a page, from the outside: the CSS highlights it registered (a registry the
 * page shares), text inside its closed shadow root (Chromium only, through the DevTools protocol's view of the
 * DOM, which includes closed roots), and the in-page panel's frame.
 */
import type { Frame, Page } from 'puppeteer-core';

/** Quote highlight ranges by highlight name (our names start with "newsmark-quote-"). */
export function quoteHighlights(page: Page): Promise<Array<{ name: string; text: string }>> {
  return page.evaluate(() => {
    const out: Array<{ name: string; text: string }> = [];
    const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    for (const [name, h] of reg) {
      if (!name.startsWith('newsmark-quote-') || name === 'newsmark-quote-focus') continue;
      for (const r of h) out.push({ name, text: r.toString() });
    }
    return out;
  });
}

/** The centre of the first quote highlight range whose text matches and which lies inside `within`. */
export function quotePoint(page: Page, text: string, within = 'body'): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    (t, sel) => {
      const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      for (const [name, h] of reg) {
        if (!name.startsWith('newsmark-quote-')) continue;
        for (const r of h) {
          if (r.toString() !== t || !r.startContainer.parentElement?.closest(sel)) continue;
          const b = r.getClientRects()[0]!;
          return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
        }
      }
      return null;
    },
    text,
    within,
  );
}

/** Text of elements matching a class inside closed shadow roots (Chromium's DevTools protocol pierces them). */
export async function closedShadowText(page: Page, className: string): Promise<string[]> {
  const cdp = await page.createCDPSession();
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const out: string[] = [];
  const walk = (n: CdpNode, inMatch: boolean, acc: string[]) => {
    const cls = attr(n, 'class')?.split(/\s+/) ?? [];
    const hidden = attr(n, 'hidden') !== undefined;
    const match = !hidden && cls.includes(className);
    const buf: string[] = match ? [] : acc;
    if (n.nodeType === 3 && inMatch) acc.push(n.nodeValue ?? '');
    for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) walk(c, inMatch || match, buf);
    if (match) out.push(buf.join(''));
  };
  walk(root, false, []);
  await cdp.detach();
  return out;
}

interface CdpNode {
  nodeType: number;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}
function attr(n: CdpNode, name: string): string | undefined {
  const a = n.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1];
  return undefined;
}

/** The in-page panel's frame, once it has loaded. */
export async function panelFrame(page: Page, timeout = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const f of page.frames()) {
      const href = await f.evaluate(() => location.href).catch(() => '');
      if (href.includes('/src/panel/index.html')) {
        await f.waitForFunction(() => document.readyState === 'complete');
        return f;
      }
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error('the Newsmark panel did not open');
}

/** Selects `text` inside the first element whose text contains it; returns where the "Note" button will be. */
export function selectText(page: Page, text: string) {
  return page.evaluate((t) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf(t);
      if (i < 0) continue;
      n.parentElement!.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + t.length);
      const sel = document.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      const r = range.getBoundingClientRect();
      return { x: r.right - 40, y: r.bottom + 6 };
    }
    throw new Error(`text not found: ${t}`);
  }, text);
}
