/**
 * What each tab's content script last reported, keyed by tab id. Kept in `storage.session` because Chrome stops
 * an idle service worker and its memory with it; session storage lives as long as the browser does.
 */
import browser from 'webextension-polyfill';
import type { PageReport } from '../messages';

export interface TabPage {
  /** The tab's normalised page URL, as the browser (not the page) reported it. */
  pageUrl: string;
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
  await browser.storage.session.remove(key(tabId));
}
