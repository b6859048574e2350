/**
 * Newsmark's background: the only context that opens the notes database. A service worker in Chrome, an event
 * page in Firefox; either may be stopped when idle, so every piece of state lives in storage, not in memory.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { onMessage } from './router';
import { forgetTab } from './tabs';
import { installReaderActions } from './reader-actions';
import { notesDatabase, recentArea } from '../storage/notes-database';
import { writeRecent } from '../storage/recent';

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => onMessage(message, sender));
browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
installReaderActions();
// The copy of the newest notes (storage/recent.ts) lives in session storage, which the browser empties when it
// starts and when Newsmark is installed or updated: write it again then, before the popup is first opened.
const copyNewest = () => void writeRecent(notesDatabase(), recentArea()).catch(() => undefined);
browser.runtime.onStartup.addListener(copyNewest);
browser.runtime.onInstalled.addListener(copyNewest);

// The first run opens the settings page, which says what Newsmark does and where to start. A stored flag
// rather than runtime.onInstalled: Firefox can fire onInstalled before a module background has registered
// its listener, and the welcome must not be lost.
async function welcomeOnce(): Promise<void> {
  const { welcomed } = await browser.storage.local.get('welcomed');
  if (welcomed) return;
  await browser.storage.local.set({ welcomed: true });
  // tabs.create rather than runtime.openOptionsPage(): the latter opens nothing in a headless Firefox.
  await browser.tabs.create({ url: browser.runtime.getURL('src/options/index.html') });
}
void welcomeOnce();
