/**
 * A loopback HTTP server for the pages the browsers open (Firefox runs no content scripts on file:// pages):
 *   /demo/           the project's demo news page
 *   /seed/           the seed article rendered into the same template (needs ../shared)
 *   /corpus/<name>/  a readability-test-pages page, as saved (needs ../shared)
 *   /plain/          a page that is not an article
 *   /hostile/<case>.html  a hand-made hostile page from test/fixtures/hostile/
 * 127.0.0.1 on a random port; nothing leaves the machine.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { loadSeed, renderSeedPage, repoRoot } from './seed-page';
import { readHtml } from '../../scripts/lib/files';

export const SHARED = join(repoRoot, '..', 'shared');
export const CORPUS = join(SHARED, 'corpora', 'readability-test-pages');

const PLAIN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Settings</title></head>
<body><nav><a href="/">Home</a> <a href="/account">Account</a></nav><form><label>Name <input name="n"></label>
<button>Save</button></form></body></html>`;

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  /** Replace a page's HTML for the rest of the run (e.g. an edited article). */
  override(path: string, html: string | null): void;
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const overrides = new Map<string, string>();
  const page = (path: string): string | null => {
    if (overrides.has(path)) return overrides.get(path)!;
    if (path === '/demo/') return readFileSync(join(repoRoot, 'test/fixtures/demo/index.html'), 'utf8');
    if (path === '/plain/') return PLAIN_PAGE;
    if (path === '/seed/') {
      const seed = loadSeed();
      return seed ? renderSeedPage(seed.text, seed.gold) : null;
    }
    const hostile = /^\/hostile\/([\w-]+\.html)$/.exec(path);
    if (hostile) {
      const file = join(repoRoot, 'test/fixtures/hostile', hostile[1]!);
      return existsSync(file) ? readFileSync(file, 'utf8') : null;
    }
    const corpus = /^\/corpus\/([\w.-]+)\/$/.exec(path);
    if (corpus) {
      const file = join(CORPUS, corpus[1]!, 'source.html');
      // Decoded exactly as the CLI decodes it (and sent as UTF-8), so browser and CLI read the same characters.
      return existsSync(file) ? readHtml(file).html : null;
    }
    return null;
  };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const html = page(path);
    if (html === null) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
    // Saved corpus pages keep their scripts and third-party addresses: run none of them and fetch nothing,
    // so the page is the saved document (extension content scripts are not bound by a page's CSP).
    if (path.startsWith('/corpus/')) headers['content-security-policy'] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
    res.writeHead(200, headers).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => origin + path,
    override: (path, html) => (html === null ? overrides.delete(path) : overrides.set(path, html)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
