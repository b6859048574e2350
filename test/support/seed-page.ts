/**
 * The seed article (../shared/seed, read at run time, never copied into the repo) rendered into the same
 * page template as the demo story, plus what a perfect extractor would print for it, so the HTML path of
 * the article and quote engines can be scored against the seed's gold.
 *
 * The gold's offsets index the .txt file. The .txt has one line per block (its `layout`): headline,
 * standfirst, then paragraphs, with the two boilerplate blocks in between. The support block's last
 * sentence and the first story paragraph share one line, so blocks are cut at the gold's boilerplate
 * offsets, not at line breaks alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BoilerplateContent, NewsStory, StoryBlock } from './news-page';
import { BODY_SEPARATOR, renderNewsPage } from './news-page';

export interface SeedGoldQuote {
  text: string;
  start: number;
  end: number;
  speaker: string;
  where: 'headline' | 'standfirst' | 'body';
}

export interface SeedGold {
  source: string;
  note: string;
  quotes: SeedGoldQuote[];
  boilerplate: Array<{ kind: string; startsWith: string; endsWith: string; start: number; end: number }>;
  speakers: Record<string, string[]>;
  layout: string;
}

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface SeedPaths {
  dir: string;
  text: string;
  gold: string;
}

/**
 * Where the seed lives, or null when ../shared is absent (callers skip with a notice). Under CI=true a
 * missing seed is an error: CI always has ../shared, so its absence means a broken checkout.
 */
export function seedPaths(): SeedPaths | null {
  const dir = resolve(repoRoot, '../shared/seed');
  const paths = { dir, text: resolve(dir, 'independent-truss.txt'), gold: resolve(dir, 'independent-truss.gold.json') };
  if (existsSync(paths.text) && existsSync(paths.gold)) return paths;
  if (process.env.CI === 'true') throw new Error(`CI=true but the seed is missing: expected ${paths.text} and ${paths.gold}`);
  return null;
}

/** The seed text and gold, or null (with a printed notice) when ../shared is absent outside CI. */
export function loadSeed(): { text: string; gold: SeedGold } | null {
  const paths = seedPaths();
  if (!paths) {
    console.warn(`[newsmark] ../shared/seed not found next to ${repoRoot}: skipping seed tests`);
    return null;
  }
  return { text: readFileSync(paths.text, 'utf8'), gold: JSON.parse(readFileSync(paths.gold, 'utf8')) as SeedGold };
}

/** A quote mapped from the .txt offsets to the string a perfect extractor prints for its place. */
export interface MappedQuote extends SeedGoldQuote {
  /** Offsets in the .txt, as in the gold. */
  sourceStart: number;
  sourceEnd: number;
}

export interface SeedExpected {
  title: string;
  standfirst: string;
  /** Story paragraphs joined by "\n\n": what a perfect extractor prints for the seed page. */
  text: string;
  /** Every gold quote; start/end index title, standfirst or text according to `where`. */
  quotes: MappedQuote[];
}

interface Piece {
  /** Offset of the piece in the .txt. */
  at: number;
  text: string;
}

interface SeedLayout {
  headline: Piece;
  standfirst: Piece;
  /** Story paragraphs and boilerplate blocks, in reading order. */
  blocks: Array<{ paragraph: Piece } | { boilerplate: SeedGold['boilerplate'][number]; lines: string[] }>;
}

/** Non-empty lines of txt[from, to) with their offsets. */
function linesIn(txt: string, from: number, to: number): Piece[] {
  const out: Piece[] = [];
  let at = from;
  while (at < to) {
    let nl = txt.indexOf('\n', at);
    if (nl < 0 || nl > to) nl = to;
    const line = txt.slice(at, nl);
    if (line.trim()) {
      // White space the block-text rule would collapse or trim would shift offsets; the layout promises
      // none, so refuse rather than guess.
      if (line !== line.replace(/\s+/g, ' ').trim()) throw new Error(`seed line at ${at} is not whitespace-normal`);
      out.push({ at, text: line });
    }
    at = nl + 1;
  }
  return out;
}

function layoutOf(txt: string, gold: SeedGold): SeedLayout {
  const first = txt.indexOf('\n');
  const second = txt.indexOf('\n', first + 1);
  if (first < 0 || second < 0) throw new Error('seed text needs a headline and a standfirst line');
  const headline = { at: 0, text: txt.slice(0, first) };
  const standfirst = { at: first + 1, text: txt.slice(first + 1, second) };
  const blocks: SeedLayout['blocks'] = [];
  let cursor = second + 1;
  const bps = [...gold.boilerplate].sort((a, b) => a.start - b.start);
  for (const bp of bps) {
    if (bp.start < cursor) throw new Error(`boilerplate ${bp.kind} overlaps the headline or another block`);
    for (const p of linesIn(txt, cursor, bp.start)) blocks.push({ paragraph: p });
    const slice = txt.slice(bp.start, bp.end);
    if (!slice.startsWith(bp.startsWith) || !slice.endsWith(bp.endsWith)) {
      throw new Error(`boilerplate ${bp.kind} offsets do not match its startsWith/endsWith`);
    }
    blocks.push({ boilerplate: bp, lines: linesIn(txt, bp.start, bp.end).map((l) => l.text) });
    cursor = bp.end;
  }
  for (const p of linesIn(txt, cursor, txt.length)) blocks.push({ paragraph: p });
  return { headline, standfirst, blocks };
}

/** Template content for a seed boilerplate block, shaped like the template's own kind. */
function boilerplateContent(kind: string, lines: string[]): BoilerplateContent {
  if (kind === 'support') {
    const [heading, ...paragraphs] = lines;
    if (heading === undefined) throw new Error('empty support block');
    return { kind: 'support', heading, paragraphs, button: null };
  }
  if (kind === 'comments') {
    if (lines.length !== 3) throw new Error(`comments block should be heading, text, button; got ${lines.length} lines`);
    const [heading, text, button] = lines as [string, string, string];
    return { kind: 'comments', heading, text, button };
  }
  throw new Error(`no template shape for seed boilerplate kind ${kind}`);
}

/** Plain text that must not be read as the template's inline notation. */
function literal(s: string): string {
  if (s.includes('[[') || s.includes(']]') || s.includes('{{') || s.includes('}}')) {
    throw new Error('seed text contains the template notation; extend the template with an escape first');
  }
  return s;
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, 10)
    .join('-');
}

/** The seed as a story for the shared template: neutral invented site, no byline, no date, no image. */
export function seedStory(seedText: string, gold: SeedGold): NewsStory {
  const layout = layoutOf(seedText, gold);
  const blocks: StoryBlock[] = layout.blocks.map((b) =>
    'paragraph' in b
      ? { type: 'paragraph', text: literal(b.paragraph.text) }
      : { type: 'boilerplate', ...boilerplateContent(b.boilerplate.kind, b.lines.map(literal)) },
  );
  return {
    url: `https://news.example/politics/${slug(layout.headline.text)}`,
    siteName: 'News Example',
    section: 'Politics',
    headline: literal(layout.headline.text),
    standfirst: literal(layout.standfirst.text),
    byline: null,
    published: null,
    imageCaption: null,
    blocks,
  };
}

/** The seed article as a full news page in the shared template. */
export function renderSeedPage(seedText: string, gold: SeedGold): string {
  return renderNewsPage(seedStory(seedText, gold));
}

/** What a perfect extractor prints for the seed page, and the gold quotes mapped into those strings. */
export function seedExpected(seedText: string, gold: SeedGold): SeedExpected {
  const layout = layoutOf(seedText, gold);
  const paragraphs: Array<Piece & { textAt: number }> = [];
  let text = '';
  for (const b of layout.blocks) {
    if (!('paragraph' in b)) continue;
    if (text) text += BODY_SEPARATOR;
    paragraphs.push({ ...b.paragraph, textAt: text.length });
    text += b.paragraph.text;
  }
  const quotes = gold.quotes.map((q): MappedQuote => {
    let base: number;
    if (q.where === 'headline') base = layout.headline.at;
    else if (q.where === 'standfirst') base = layout.standfirst.at;
    else {
      const p = paragraphs.find((p) => q.start >= p.at && q.end <= p.at + p.text.length);
      if (!p) throw new Error(`body quote at ${q.start} is not inside one story paragraph`);
      base = p.at - p.textAt;
    }
    return { ...q, start: q.start - base, end: q.end - base, sourceStart: q.start, sourceEnd: q.end };
  });
  return { title: layout.headline.text, standfirst: layout.standfirst.text, text, quotes };
}
