// A new, empty notes database per test (fake-indexeddb), closed after each test.
import './idb-globals';
import type Dexie from 'dexie';
import { afterEach } from 'vitest';
import { NewsmarkDb } from '../../../src/storage/db';

const open: Dexie[] = [];
let count = 0;
afterEach(() => open.splice(0).forEach((db) => db.close()));

/** A database with a name no other test uses. */
export function freshDb(prefix = 'test'): NewsmarkDb {
  return keepOpen(new NewsmarkDb(`${prefix}-${++count}`));
}

/** Closes `db` after the test, like the ones freshDb makes. */
export function keepOpen<T extends Dexie>(db: T): T {
  open.push(db);
  return db;
}

/** A database name no other test uses. */
export const freshName = (prefix = 'test') => `${prefix}-${++count}`;
