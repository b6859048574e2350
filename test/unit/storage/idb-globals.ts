// Dexie and FlexSearch's IndexedDB adapter in Node: fake-indexeddb, and the browser globals FlexSearch reads
// when its module loads. Import this before anything that imports them.
import 'fake-indexeddb/auto';

const g = globalThis as Record<string, unknown>;
g.window ??= globalThis;
g.navigator ??= {};
