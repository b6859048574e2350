/**
 * Generated notes with realistic shapes and lengths, for the popup benchmark and tests: a Zipf-distributed
 * vocabulary of made-up words (so nothing is copied from any article), 2,000 sites, 500 tags, several notes per
 * article, a third of them on attributed quotes. Deterministic for a given seed.
 */
import type { Note } from '../../../src/storage/db';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ter', 'ban', 'sol', 're', 'vin', 'do', 'pra', 'chel', 'ust', 'on', 'gra', 'fe', 'lin', 'mar', 'tos', 'el', 'ric', 'na', 'ven', 'sa', 'bor', 'quin', 'de', 'hal', 'por', 'ti', 'ment'];

export interface SampleOptions {
  count: number;
  seed?: number;
  sites?: number;
  tags?: number;
}

export function makeVocabulary(rand: () => number, size: number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const n = 1 + Math.floor(rand() * 3.2);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    if (w.length > 1) words.add(w);
  }
  return [...words];
}

/** A Zipf-ish pick: index ~ size^u, so a few words are common and most are rare, as in news text. */
function zipf(rand: () => number, size: number): number {
  return Math.min(size - 1, Math.floor(Math.pow(size, rand())) - 1);
}

export function generateNotes({ count, seed = 1, sites = 2000, tags = 500 }: SampleOptions): Note[] {
  const rand = prng(seed);
  const vocab = makeVocabulary(rand, 30_000);
  const names = makeVocabulary(rand, 3_000).map((w) => w[0]!.toUpperCase() + w.slice(1));
  const tagNames = makeVocabulary(rand, tags);
  const siteNames = makeVocabulary(rand, sites).map((w, i) => `${w}${i}.example`);
  const words = (n: number) => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(vocab[zipf(rand, vocab.length)]!);
    return out;
  };
  const sentence = (min: number, max: number) => {
    const w = words(min + Math.floor(rand() * (max - min)));
    if (w.length === 0) return '';
    w[0] = w[0]![0]!.toUpperCase() + w[0]!.slice(1);
    return `${w.join(' ')}.`;
  };
  const notes: Note[] = [];
  const start = Date.UTC(2023, 0, 1);
  const span = 3 * 365 * 24 * 3600 * 1000;
  let article = 0;
  while (notes.length < count) {
    article++;
    const site = siteNames[zipf(rand, siteNames.length)]!;
    const pageUrl = `https://${site}/news/${article}-${words(3).join('-')}`;
    const pageTitle = sentence(6, 14).slice(0, -1);
    const published = start + Math.floor(rand() * span);
    const perArticle = 1 + Math.floor(rand() * 8);
    for (let k = 0; k < perArticle && notes.length < count; k++) {
      const onQuote = rand() < 0.35;
      const exact = rand() < 0.9 ? `${sentence(6, 40)}${rand() < 0.4 ? ` ${sentence(4, 25)}` : ''}` : '';
      const startAt = Math.floor(rand() * 8000);
      const createdAt = published + Math.floor(rand() * 7 * 24 * 3600 * 1000);
      const edited = rand() < 0.2 ? Math.floor(rand() * 30 * 24 * 3600 * 1000) : 0;
      const tagCount = rand() < 0.5 ? 0 : 1 + Math.floor(rand() * 3);
      const noteTags = new Set<string>();
      for (let t = 0; t < tagCount; t++) noteTags.add(tagNames[zipf(rand, tagNames.length)]!);
      const id = uuidFrom(rand);
      notes.push({
        id,
        pageUrl,
        canonicalUrl: rand() < 0.5 ? pageUrl : null,
        pageTitle,
        site,
        createdAt,
        updatedAt: createdAt + edited,
        text: rand() < 0.15 ? '' : `${sentence(3, 30)}${rand() < 0.3 ? ` ${sentence(3, 25)}` : ''}`,
        tags: [...noteTags],
        speaker: onQuote ? names[zipf(rand, names.length)]! : null,
        anchor: exact
          ? { exact, prefix: sentence(4, 10).slice(-32), suffix: sentence(4, 10).slice(0, 32), start: startAt, end: startAt + exact.length }
          : null,
      });
    }
  }
  return notes;
}

function uuidFrom(rand: () => number): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
  const variant = '89ab'[Math.floor(rand() * 4)]!;
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}
