/**
 * `npm run bench:leak`: does Newsmark leak as a single-page news site navigates? In Chromium with the built
 * extension, the demo page swaps in a new story and pushes a new address 100 times; after each batch of
 * navigations the page's V8 heap (main world and the content script's world share the isolate) is measured after
 * a forced garbage collection. Prints heap against navigation count and the growth per navigation.
 * Needs `npm run build` first.
 */
import { launchWithExtension, waitForTabReport } from '../test/support/browsers';
import { startFixtureServer } from '../test/support/fixture-server';

const NAVIGATIONS = Number(process.argv[2] ?? 100);
const server = await startFixtureServer();
const ext = await launchWithExtension('chromium');
const page = await ext.browser.newPage();
await page.goto(server.url('/demo/'), { waitUntil: 'load' });
await waitForTabReport(ext, server.url('/demo/'));
await page.bringToFront();
const cdp = await page.createCDPSession();

async function heapMb(): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 1024 / 1024;
}

const rows: Array<[number, number]> = [[0, await heapMb()]];
for (let i = 1; i <= NAVIGATIONS; i++) {
  await page.evaluate((n) => {
    for (const p of document.querySelectorAll('article p')) p.textContent = `Story ${n}: ${p.textContent?.slice(0, 120)} “We are on it,” the minister said.`;
    history.pushState({}, '', `/demo/?story=${n}`);
  }, i);
  await waitForTabReport(ext, server.url(`/demo/?story=${i}`), 15_000);
  if (i % 25 === 0) rows.push([i, await heapMb()]);
}
console.log('navigations  heap MB');
for (const [n, mb] of rows) console.log(`${String(n).padStart(11)}  ${mb.toFixed(2)}`);
const [n0, h0] = rows[1]!;
const [n1, h1] = rows[rows.length - 1]!;
console.log(`growth after warm-up: ${(((h1 - h0) * 1024) / (n1 - n0)).toFixed(1)} KB per navigation (${n0}→${n1})`);
await ext.close();
await server.close();
