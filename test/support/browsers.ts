/**
 * Launches Debian's Chromium or Firefox ESR with the built extension loaded, through one driver (puppeteer-core:
 * CDP for Chromium, WebDriver BiDi for Firefox). Nothing is downloaded: the browsers come from apt.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './seed-page';

export type BrowserKind = 'chromium' | 'firefox';

export const EXECUTABLES: Record<BrowserKind, string> = {
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  firefox: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
};

/** Flags that keep a headless Chromium quiet on a machine with no network but loopback. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--window-size=1280,900',
];

export interface ExtensionBrowser {
  kind: BrowserKind;
  browser: Browser;
  /** The extension's origin, e.g. chrome-extension://abc or moz-extension://uuid (no trailing slash). */
  extensionOrigin: string;
  /** An extension page that the test may script (Chromium: opened directly; Firefox: the tab the extension opened). */
  extensionPage(): Promise<Page>;
  /** Opens one of the extension's pages in a tab (`src/popup/index.html?tab=3`). */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export function distDir(kind: BrowserKind): string {
  // NEWSMARK_DIST: a copy of dist/ to load instead (benchmarks run from a snapshot while the tree is rebuilt).
  return join(process.env.NEWSMARK_DIST ?? join(repoRoot, 'dist'), kind === 'chromium' ? 'chrome' : 'firefox');
}

export function browserAvailable(kind: BrowserKind): boolean {
  return existsSync(EXECUTABLES[kind]) && existsSync(join(distDir(kind), 'manifest.json'));
}

/**
 * The open page whose document is at an address matching `test`. Firefox's BiDi driver doesn't update a tab's
 * reported URL when the extension opens it, so ask each page's document where it is.
 */
async function findPageByHref(browser: Browser, test: (href: string) => boolean, timeout = 20_000): Promise<Page> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (test(href)) return page;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('no page at the expected address opened in time');
}

export interface LaunchOptions {
  headless?: boolean;
  /** Extra Firefox preferences for this profile (e.g. a small storage limit). */
  firefoxPrefs?: Record<string, unknown>;
  /** The driver's limit on one protocol call, ms — for benchmarks whose single steps are long. */
  protocolTimeout?: number;
  /** Chromium: a profile folder to use and keep (a restart with the same data); default a fresh one, removed on close. */
  keepProfile?: string;
}

export async function launchWithExtension(kind: BrowserKind, opts: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const headless = opts.headless ?? true;
  const profile = (kind === 'chromium' && opts.keepProfile) || mkdtempSync(join(tmpdir(), `newsmark-${kind}-`));
  if (kind === 'chromium') {
    const browser = await puppeteer.launch({
      executablePath: EXECUTABLES.chromium,
      headless,
      pipe: true,
      enableExtensions: true,
      userDataDir: profile,
      args: CHROMIUM_ARGS,
      ...(opts.protocolTimeout !== undefined ? { protocolTimeout: opts.protocolTimeout } : {}),
      defaultViewport: { width: 1280, height: 900 },
    });
    const id = await browser.installExtension(distDir('chromium'));
    const extensionOrigin = `chrome-extension://${id}`;
    const openExtensionPage = async (path: string) => {
      const page = await browser.newPage();
      await page.goto(`${extensionOrigin}/${path}`);
      return page;
    };
    let scratch: Page | null = null;
    return {
      kind,
      browser,
      extensionOrigin,
      openExtensionPage,
      async extensionPage() {
        scratch ??= await openExtensionPage('src/options/index.html');
        return scratch;
      },
      async close() {
        await browser.close();
        if (!opts.keepProfile) rmSync(profile, { recursive: true, force: true });
      },
    };
  }

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: EXECUTABLES.firefox,
    headless,
    userDataDir: profile,
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: { 'extensions.autoDisableScopes': 0, ...opts.firefoxPrefs },
  });
  // On first run Newsmark opens its settings page; that tab belongs to the extension, so (unlike a
  // moz-extension:// URL typed into the address bar) WebDriver BiDi lets us script it.
  await browser.installExtension(distDir('firefox'));
  const options = await findPageByHref(browser, (href) => href.startsWith('moz-extension://') && href.includes('/src/options/'));
  const extensionOrigin = await options.evaluate(() => location.origin);
  const openExtensionPage = async (path: string) => {
    const url = `${extensionOrigin}/${path}`;
    await options.evaluate((u) => {
      // An extension page has the `browser` namespace natively in Firefox.
      void (globalThis as unknown as { browser: { tabs: { create(o: { url: string }): Promise<unknown> } } }).browser.tabs.create({ url: u });
    }, url);
    const page = await findPageByHref(browser, (href) => href === url);
    await page.waitForFunction(() => document.readyState === 'complete');
    return page;
  };
  return {
    kind,
    browser,
    extensionOrigin,
    openExtensionPage,
    extensionPage: async () => options,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Evaluates `browser.*`/`chrome.*` calls inside an extension page, where the native namespace exists. */
export function extensionApi(page: Page) {
  return {
    /** What the background answers to a message, exactly as any extension page would ask it. */
    ask: <T>(message: unknown): Promise<T> =>
      page.evaluate(async (m) => {
        const g = globalThis as unknown as { browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } }; chrome?: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
        const api = g.browser ?? g.chrome!;
        return api.runtime.sendMessage(m);
      }, message) as Promise<T>,
    sessionState: (): Promise<Record<string, unknown>> =>
      page.evaluate(async () => {
        const g = globalThis as unknown as { browser?: { storage: { session: { get(): Promise<Record<string, unknown>> } } }; chrome?: { storage: { session: { get(): Promise<Record<string, unknown>> } } } };
        const api = g.browser ?? g.chrome!;
        return api.storage.session.get();
      }),
    /** Writes the reader's settings as the options page would. */
    setSettings: (value: unknown): Promise<void> =>
      page.evaluate(async (v) => {
        const g = globalThis as unknown as { browser?: { storage: { local: { set(o: unknown): Promise<void> } } }; chrome?: { storage: { local: { set(o: unknown): Promise<void> } } } };
        await (g.browser ?? g.chrome!).storage.local.set({ settings: v });
      }, value),
    localState: (): Promise<Record<string, unknown>> =>
      page.evaluate(async () => {
        const g = globalThis as unknown as { browser?: { storage: { local: { get(): Promise<Record<string, unknown>> } } }; chrome?: { storage: { local: { get(): Promise<Record<string, unknown>> } } } };
        const api = g.browser ?? g.chrome!;
        return api.storage.local.get();
      }),
  };
}

/** Waits until the tab showing `url` has reported to the background; returns its tab id and report. */
export async function waitForTabReport(
  ext: ExtensionBrowser,
  url: string,
  timeout = 20_000,
  accept: (report: Record<string, unknown>) => boolean = () => true,
): Promise<{ tabId: number; report: Record<string, unknown> }> {
  const api = extensionApi(await ext.extensionPage());
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const state = await api.sessionState();
    for (const [key, value] of Object.entries(state)) {
      const v = value as { pageUrl?: string; report?: Record<string, unknown> };
      if (key.startsWith('tab:') && (v as { tabUrl?: string }).tabUrl === url && v.report && accept(v.report)) return { tabId: Number(key.slice(4)), report: v.report };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no report from the content script on ${url} within ${timeout} ms`);
}
