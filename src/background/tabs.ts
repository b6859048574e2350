/**
 * What each tab's content script last reported, keyed by tab id. Kept in `storage.session` because Chrome stops
 * an idle service worker and its memory with it; session storage lives as long as the browser does.
 */
import browser from 'webextension-polyfill';
import type { Draft, PageReport } from '../messages';

export interface TabPage {
  /** Where this page's notes are filed: the tab's address, or the page's canonical one when it is on the same site. */
  pageUrl: string;
  /** The tab's own address as the browser reported it (normalised), for telling a stale report from a fresh one. */
  tabUrl: string;
  /** The page's canonical address when the background accepted it. */
  canonicalUrl: string | null;
  report: PageReport;
}

const key = (tabId: number) => `tab:${tabId}`;

export async function rememberTab(tabId: number, page: TabPage): Promise<void> {
  await browser.storage.session.set({ [key(tabId)]: page });
}

export async function tabPage(tabId: number): Promise<TabPage | null> {
  const got = await browser.storage.session.get(key(tabId));
  return (got[key(tabId)] as TabPage | undefined) ?? null;
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove([key(tabId), draftKey(tabId), panelKey(tabId)]);
}

/** Ids of the tabs whose content script last reported this page. */
export async function tabsShowing(pageUrl: string): Promise<number[]> {
  const all = await browser.storage.session.get(null);
  return Object.entries(all)
    .filter(([k, v]) => k.startsWith('tab:') && (v as TabPage).pageUrl === pageUrl)
    .map(([k]) => Number(k.slice(4)));
}

const draftKey = (tabId: number) => `draft:${tabId}`;

/** The passage the reader is about to note in a tab, kept until the panel's editor saves or cancels it. */
export async function rememberDraft(tabId: number, draft: Draft): Promise<void> {
  await browser.storage.session.set({ [draftKey(tabId)]: draft });
}

export async function pendingDraft(tabId: number): Promise<Draft | null> {
  const got = await browser.storage.session.get(draftKey(tabId));
  return (got[draftKey(tabId)] as Draft | undefined) ?? null;
}

export async function forgetDraft(tabId: number): Promise<void> {
  await browser.storage.session.remove(draftKey(tabId));
}

const panelKey = (tabId: number) => `panel:${tabId}`;

/** The token of the panel our content script last opened in a tab. */
export async function rememberPanelToken(tabId: number, token: string): Promise<void> {
  await browser.storage.session.set({ [panelKey(tabId)]: token });
}

export async function panelToken(tabId: number): Promise<string | null> {
  const got = await browser.storage.session.get(panelKey(tabId));
  return (got[panelKey(tabId)] as string | undefined) ?? null;
}
