/**
 * The notes database as the extension's own contexts open it (background, popup, options): the shared Dexie
 * connection, with the newest notes copied beside it after every write (storage/recent.ts).
 */
import browser from 'webextension-polyfill';
import { database, type NewsmarkDb } from './db';
import { keepRecent } from './recent';

let keeping = false;

export function notesDatabase(): NewsmarkDb {
  const db = database();
  if (!keeping) {
    keepRecent(db, browser.storage.local);
    keeping = true;
  }
  return db;
}
