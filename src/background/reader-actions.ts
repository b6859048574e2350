/**
 * Ways the reader acts on a page without the popup: the context-menu item "Add note to selection" and the
 * keyboard shortcuts declared under `commands` in the manifest. Each becomes a command to the tab's content script.
 */
import browser from 'webextension-polyfill';
import { toTab } from './router';

const NOTE_MENU_ID = 'newsmark-add-note';

async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export function installReaderActions(): void {
  // Menus persist across restarts; recreate on every start so an update can change the title.
  void browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({
      id: NOTE_MENU_ID,
      title: 'Add note to selection',
      contexts: ['selection'],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
    }),
  );
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === NOTE_MENU_ID && tab?.id !== undefined) {
      void toTab(tab.id, { type: 'note/from-selection' }).catch(() => undefined);
    }
  });
  browser.commands.onCommand.addListener(async (name) => {
    const tabId = await activeTabId();
    if (tabId === null) return;
    if (name === 'toggle-quotes-panel') void toTab(tabId, { type: 'panel/set', open: true, view: 'quotes', toggle: true }).catch(() => undefined);
    if (name === 'add-note') void toTab(tabId, { type: 'note/from-selection' }).catch(() => undefined);
  });
}
