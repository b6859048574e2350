/**
 * A plain scan beside MiniSearch, in memory (run by hand, in Node). FlexSearch was measured here too until the
 * popup's search moved to Dexie's own *words index (storage/search-index.ts; numbers in scripts/bench-popup.ts):
 *   NODE_OPTIONS=--max-old-space-size=8000 npx tsx test/unit/storage/compare-search-libraries.ts 100000
 * Same generated notes and the same meaning of search (storage/search-text.ts: every query word begins a word
 * of the note) for a plain scan and MiniSearch (prefix, AND); per keystroke
 * of a few typed phrases: median / p95 / max, and whether each library's result set equals the scan's.
 */
import { generateNotes } from './sample-notes';
import { words, searchableText, queryTerms, scanHaystack, haystackMatches } from '../../../src/storage/search-text';
import MiniSearch from 'minisearch';
const N = Number(process.argv[2] ?? 100000);
let t = performance.now();
const notes = generateNotes({ count: N });
console.log('gen', (performance.now() - t).toFixed(0), 'ms', JSON.stringify(notes).length / 1e6, 'MB');
t = performance.now();
const hay = notes.map(scanHaystack);
console.log('haystacks', (performance.now() - t).toFixed(0));
// pick queries: words from some notes
const qs: string[] = [];
for (let i = 0; i < 6; i++) { const n = notes[(i * 7919) % N]!; const w = words(n.text || n.pageTitle); qs.push(w.slice(0, 2).join(' ')); }
qs.push(notes[5]!.speaker ?? 'kalo'); 
const keystrokes = qs.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
function brute(q: string) { const terms = queryTerms(q); const out: number[] = []; if (!terms.length) return out; for (let i = 0; i < hay.length; i++) if (haystackMatches(hay[i]!, terms)) out.push(i); return out; }
const stats = (a: number[]) => { const s = [...a].sort((x, y) => x - y); return { med: s[Math.floor(s.length / 2)]!.toFixed(2), p95: s[Math.floor(s.length * 0.95)]!.toFixed(2), max: s[s.length - 1]!.toFixed(2) }; };
let times: number[] = []; const bres = new Map<string, number[]>();
for (const q of keystrokes) { const s = performance.now(); bres.set(q, brute(q)); times.push(performance.now() - s); }
console.log('brute', stats(times));
// minisearch
t = performance.now();
const ms = new MiniSearch<{ id: number; all: string }>({ fields: ['all'], idField: 'id', tokenize: (s) => words(s), processTerm: (s) => s, searchOptions: { prefix: true, combineWith: 'AND' } });
ms.addAll(notes.map((n, i) => ({ id: i, all: searchableText(n) })));
console.log('minisearch build', (performance.now() - t).toFixed(0));
t = performance.now(); const json = JSON.stringify(ms); console.log('ms json', (performance.now() - t).toFixed(0), 'ms', (json.length / 1e6).toFixed(1), 'MB');
t = performance.now(); const ms2 = MiniSearch.loadJSON(json, { fields: ['all'], idField: 'id', tokenize: (s) => words(s), processTerm: (s) => s, searchOptions: { prefix: true, combineWith: 'AND' } }); console.log('ms load', (performance.now() - t).toFixed(0));
times = []; let bad = 0;
for (const q of keystrokes) { const s = performance.now(); const r = ms2.search(q); times.push(performance.now() - s); const ids = r.map((x) => x.id as number).sort((a, b) => a - b); if (JSON.stringify(ids) !== JSON.stringify(bres.get(q))) bad++; }
console.log('minisearch', stats(times), 'mismatch', bad);
