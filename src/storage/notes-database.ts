/**
 * The notes database as the extension's own contexts open it (background, popup, options): the shared Dexie
 * connection, with the newest notes copied beside it after every write (storage/recent.ts).
 *
 * The copy is kept in `storage.session`: in memory, and open only to the extension's own pages and background —
 * not to content scripts, unlike `storage.local`, whose every change is also sent to each content script. Note
 * text stays out of the processes of the pages being read. The browser clears it at restart; the background
 * writes it again at start-up (background/index.ts), and the popup repairs it when it finds it missing.
 */
import browser from 'webextension-polyfill';
import { database, type NewsmarkDb } from './db';
import { keepRecent } from './recent';

let keeping = false;

/** Where the copy of the newest notes is kept (see above). */
export const recentArea = () => browser.storage.session;

export function notesDatabase(): NewsmarkDb {
  const db = database();
  if (!keeping) {
    keepRecent(db, recentArea());
    keeping = true;
  }
  return db;
}
