/**
 * npm run size [-- --json out.json] [--dist DIR…]
 *
 * The content script's size as a page pays it, from a build (`npm run build` first; reads dist/chrome and
 * dist/firefox unless `--dist` names other build directories). Every file is measured minified as built and
 * gzipped at level 9, file by file (each file is fetched on its own).
 *
 * - **up-front**: what every page load fetches and runs before Newsmark has done anything — the manifest's
 *   content-script files (crxjs's loader), the chunk the loader imports with `runtime.getURL`, and everything
 *   those import statically.
 * - **lazy**: each chunk the content script reaches only through a dynamic `import()` (after the reader acts, or
 *   when the page has notes), with the files it adds beyond what is already loaded. Each is listed apart, with
 *   what it is for; the totals never add them to the up-front figure.
 *
 * `bench.ts` prints the same figures (it calls `contentScriptSize`).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export interface SizedFile {
  file: string;
  minBytes: number;
  gzipBytes: number;
}

export interface LazyChunk {
  /** The chunk a dynamic `import()` names. */
  entry: string;
  /** The chunk and the files it imports that the up-front load does not already hold. */
  files: SizedFile[];
  minBytes: number;
  gzipBytes: number;
}

export interface ContentScriptSize {
  browser: string;
  upFront: { files: SizedFile[]; minBytes: number; gzipBytes: number; gzipConcatBytes: number };
  lazy: LazyChunk[];
  /** Up-front plus every lazy chunk: the most one page could ever load (not what a page load costs). */
  everything: { files: number; minBytes: number; gzipBytes: number };
}

const JS = String.raw`["'](\.{1,2}\/[^"']+\.js)["']`;
/** `import … from "./x.js"`, `export … from "./x.js"`, `import "./x.js"` — not `import("./x.js")`. */
const STATIC_IMPORT = new RegExp(String.raw`(?:\bfrom|\bimport)\s*` + JS, 'g');
/** `import("./x.js")`. */
const DYNAMIC_IMPORT = new RegExp(String.raw`\bimport\s*\(\s*` + JS + String.raw`\s*\)`, 'g');
/** crxjs's loader: `import(chrome.runtime.getURL("assets/x.js"))` — loaded at once. */
const LOADER_IMPORT = /getURL\(\s*["']([^"']+\.js)["']\s*\)/g;

function measure(dist: string, file: string): SizedFile {
  const body = readFileSync(path.join(dist, file));
  return { file, minBytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
}

function total(files: SizedFile[]): { minBytes: number; gzipBytes: number } {
  return { minBytes: files.reduce((s, f) => s + f.minBytes, 0), gzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0) };
}

/** A file and its static imports, transitively, skipping what `loaded` already holds; dynamic imports found on the way go to `dynamic`. */
function closure(dist: string, roots: string[], loaded: ReadonlySet<string>, dynamic: Set<string>, loaderRoots = false): string[] {
  const seen = new Set<string>();
  const queue = roots.map((r) => path.posix.normalize(r));
  while (queue.length) {
    const rel = queue.shift()!;
    if (seen.has(rel) || loaded.has(rel)) continue;
    seen.add(rel);
    const src = readFileSync(path.join(dist, rel), 'utf8');
    const near = (m: string) => path.posix.join(path.posix.dirname(rel), m);
    if (loaderRoots) for (const m of src.matchAll(LOADER_IMPORT)) queue.push(path.posix.normalize(m[1]!));
    for (const m of src.matchAll(STATIC_IMPORT)) queue.push(near(m[1]!));
    for (const m of src.matchAll(DYNAMIC_IMPORT)) dynamic.add(near(m[1]!));
  }
  return [...seen];
}

export function contentScriptSize(dist: string, browser: string): ContentScriptSize | null {
  const manifestFile = path.join(dist, 'manifest.json');
  if (!existsSync(manifestFile)) return null;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { content_scripts?: Array<{ js?: string[] }> };
  const roots = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
  const dynamic = new Set<string>();
  // Loaders (classic scripts) import their chunk by URL; the chunks import each other by relative path.
  const upFrontFiles = closure(dist, roots, new Set(), dynamic, true);
  const loaded = new Set(upFrontFiles);
  const lazy: LazyChunk[] = [];
  const done = new Set<string>();
  for (let queue = [...dynamic]; queue.length; ) {
    const entry = queue.shift()!;
    if (done.has(entry) || loaded.has(entry)) continue;
    done.add(entry);
    const more = new Set<string>();
    const files = closure(dist, [entry], loaded, more).map((f) => measure(dist, f));
    lazy.push({ entry, files, ...total(files) });
    queue.push(...more);
  }
  const up = upFrontFiles.map((f) => measure(dist, f));
  const bodies = upFrontFiles.map((f) => readFileSync(path.join(dist, f)));
  const all = new Map([...up, ...lazy.flatMap((l) => l.files)].map((f) => [f.file, f]));
  return {
    browser,
    upFront: { files: up, ...total(up), gzipConcatBytes: gzipSync(Buffer.concat(bodies), { level: 9 }).length },
    lazy,
    everything: { files: all.size, ...total([...all.values()]) },
  };
}

const kb = (n: number) => (n / 1024).toFixed(2);

/** The report as text lines (also used by bench.ts). */
export function sizeLines(s: ContentScriptSize, budgetKb = 30): string[] {
  const row = (f: SizedFile) => `    ${kb(f.gzipBytes).padStart(6)} KB gz  ${kb(f.minBytes).padStart(6)} KB min  ${f.file}`;
  const lines = [`content script (${s.browser})`];
  const ok = s.upFront.gzipBytes / 1024 <= budgetKb ? 'met' : 'NOT met';
  lines.push(`  up-front, every page load: ${s.upFront.files.length} files, ${kb(s.upFront.gzipBytes)} KB min+gz (${kb(s.upFront.minBytes)} KB min; ${kb(s.upFront.gzipConcatBytes)} KB gz as one stream) — budget ≤ ${budgetKb} KB: ${ok}`);
  for (const f of s.upFront.files) lines.push(row(f));
  for (const l of s.lazy) {
    lines.push(`  lazy, fetched only when imported: ${l.entry}: ${l.files.length} file${l.files.length === 1 ? '' : 's'}, ${kb(l.gzipBytes)} KB min+gz (${kb(l.minBytes)} KB min)`);
    for (const f of l.files) lines.push(row(f));
  }
  lines.push(`  everything it could ever load: ${s.everything.files} files, ${kb(s.everything.gzipBytes)} KB min+gz (${kb(s.everything.minBytes)} KB min)`);
  return lines;
}

function main(): void {
  const args = process.argv.slice(2);
  const jsonAt = args.indexOf('--json');
  const jsonOut = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const dists = args.flatMap((a, i) => (args[i - 1] === '--dist' ? [a] : []));
  const targets = dists.length ? dists.map((d) => [path.resolve(d), path.basename(d)] as const) : (['chrome', 'firefox'] as const).map((b) => [path.join(repoRoot, 'dist', b), b] as const);
  const sizes = targets.map(([dir, name]) => contentScriptSize(dir, name));
  if (sizes.some((s) => s === null)) {
    console.error(`no build in ${targets.filter((_, i) => !sizes[i]).map(([d]) => d).join(', ')}: run npm run build first`);
    process.exit(1);
  }
  for (const s of sizes) console.log(sizeLines(s!).join('\n') + '\n');
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(sizes, null, 2) + '\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
