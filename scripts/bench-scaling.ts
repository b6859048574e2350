/**
 * `npm run bench:scaling`: time against size for the pure core on synthetic pages that grow in three hostile
 * directions — more paragraphs, deeper nesting, more unbalanced quotation marks — and the log-log slope of each.
 * A slope near 1 means linear; the core promises no super-linear step. Medians of 5 runs after a warm-up, in Node
 * with linkedom (the CLI's DOM). Reports only; no thresholds are asserted here.
 */
import { parseHTML } from 'linkedom';
import { analyzeArticle } from '../src/core/article';
import { findArticleQuotes, findQuotesInText } from '../src/core/quotes';
import { describeSpan, placeAnchor } from '../src/core/anchoring';

const RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(work: () => void): number {
  work(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    work();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

/** Least-squares slope of log(time) against log(size). */
function slope(points: Array<[number, number]>): number {
  const xs = points.map(([x]) => Math.log(x));
  const ys = points.map(([, y]) => Math.log(Math.max(y, 1e-3)));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return num / den;
}

const PARA = '<p>The council said on Monday that the bridge would reopen in spring, and residents welcomed the news. “We have waited long enough,” said Jo Marsh, who runs the corner shop.</p>';

function pageWithParagraphs(n: number): Document {
  return parseHTML(`<!doctype html><html><body><article><h1>Bridge</h1>${PARA.repeat(n)}</article><aside>Sign up to our newsletter</aside></body></html>`).document as unknown as Document;
}

function pageWithDepth(depth: number): Document {
  const doc = parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
  let at: Element = doc.body;
  for (let i = 0; i < depth; i++) {
    const div = doc.createElement('div');
    at.appendChild(div);
    at = div;
  }
  const article = doc.createElement('article');
  for (let i = 0; i < 8; i++) {
    const p = doc.createElement('p');
    p.textContent = 'The council said on Monday that the bridge would reopen in spring. “We have waited long enough,” said Jo Marsh.';
    article.appendChild(p);
  }
  at.appendChild(article);
  return doc;
}

function markSoup(n: number): string {
  const marks = '“”"‘’«»„';
  let s = '';
  for (let i = 0; i < n; i++) s += marks[i % marks.length] + (i % 9 === 0 ? ' she said. ' : 'word ');
  return s;
}

function fullPass(doc: Document): void {
  const a = analyzeArticle(doc);
  findArticleQuotes({ headline: a.title, standfirst: a.standfirst, body: a.text });
  if (a.text.length > 100) placeAnchor(a.text, describeSpan(a.text, Math.floor(a.text.length / 2), Math.floor(a.text.length / 2) + 60));
}

const series: Array<{ name: string; unit: string; sizes: number[]; run: (n: number) => number }> = [
  { name: 'paragraphs', unit: 'paragraphs', sizes: [250, 500, 1000, 2000, 4000], run: (n) => { const d = pageWithParagraphs(n); return time(() => fullPass(d)); } },
  { name: 'nesting', unit: 'levels', sizes: [1250, 2500, 5000, 10000], run: (n) => { const d = pageWithDepth(n); return time(() => fullPass(d)); } },
  { name: 'quote marks', unit: 'marks', sizes: [12500, 25000, 50000, 100000], run: (n) => { const t = markSoup(n); return time(() => findQuotesInText(t)); } },
];

const json = process.argv.includes('--json');
const results = series.map((s) => {
  const points = s.sizes.map((n) => [n, s.run(n)] as [number, number]);
  return { name: s.name, unit: s.unit, points, slope: slope(points) };
});
if (json) console.log(JSON.stringify(results, null, 2));
else {
  for (const r of results) {
    console.log(`${r.name} (log-log slope ${r.slope.toFixed(2)})`);
    for (const [n, ms] of r.points) console.log(`  ${String(n).padStart(7)} ${r.unit.padEnd(10)} ${ms.toFixed(1).padStart(8)} ms`);
  }
}
