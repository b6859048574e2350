// Dexie in Node: fake-indexeddb, plus the few browser globals some browser-first modules read when they load.
// Import this before anything that imports Dexie.
import 'fake-indexeddb/auto';

const g = globalThis as Record<string, unknown>;
g.window ??= globalThis;
g.navigator ??= {};
