/**
 * `npm start`: build Newsmark, then open the demo news page in Debian's Chromium (default) or Firefox ESR
 * (`npm start -- --firefox`) with a fresh profile and the extension loaded.
 * `npm start -- --screenshot out.png` runs headless and writes out.png (the demo page) and out-popup.png (the
 * popup for that tab); it is also what happens on a machine without a display.
 */
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { browserAvailable, EXECUTABLES, extensionApi, launchWithExtension, waitForTabReport, type BrowserKind } from '../test/support/browsers';
import { startFixtureServer } from '../test/support/fixture-server';

const args = process.argv.slice(2);
const kind: BrowserKind = args.includes('--firefox') ? 'firefox' : 'chromium';
const shotIndex = args.indexOf('--screenshot');
let screenshot = shotIndex >= 0 ? args[shotIndex + 1] : undefined;
if (shotIndex >= 0 && !screenshot) {
  console.error('usage: npm start -- [--firefox] [--screenshot out.png] [--no-build]');
  process.exit(2);
}
if (!screenshot && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  screenshot = 'newsmark-demo.png';
  console.log(`No display here: running headless and writing ${screenshot} and its -popup.png instead.`);
}

if (!args.includes('--no-build')) {
  console.log('Building Newsmark (dist/chrome and dist/firefox)…');
  execSync('npm run --silent build', { stdio: ['ignore', 'ignore', 'inherit'] });
}
if (!browserAvailable(kind)) {
  console.error(`${EXECUTABLES[kind]} is missing. Install it with: sudo apt-get install ${kind === 'chromium' ? 'chromium' : 'firefox-esr'}`);
  process.exit(1);
}

const server = await startFixtureServer();
const demoUrl = server.url('/demo/');
const ext = await launchWithExtension(kind, { headless: Boolean(screenshot) });
const page = await ext.browser.newPage();
await page.goto(demoUrl, { waitUntil: 'load' });
const { tabId, report } = await waitForTabReport(ext, demoUrl);
console.log(`Newsmark is running in ${kind}: ${demoUrl}`);
console.log(`  article: ${report.isArticle ? 'yes' : 'no'}, boilerplate hidden: ${report.hiddenCount}, quotes: ${report.quoteCount}`);

if (screenshot) {
  const out = resolve(screenshot);
  const popupOut = out.replace(/(\.png)?$/i, '-popup.png');
  await page.bringToFront();
  writeFileSync(out, await page.screenshot({ fullPage: false }));
  const popup = await ext.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
  await popup.setViewport({ width: 400, height: 600 });
  await popup.waitForSelector('main');
  await popup.waitForFunction(() => !document.body.textContent?.includes('Loading…'));
  writeFileSync(popupOut, await popup.screenshot({ fullPage: true }));
  // Make sure the popup's data came from the background, not just an empty shell.
  const status = await extensionApi(popup).ask<{ ok: boolean }>({ type: 'tab/status', tabId });
  console.log(`Wrote ${out} and ${popupOut}${status.ok ? '' : ' (the background did not answer!)'}`);
  await ext.close();
  await server.close();
} else {
  console.log('Close the browser window to stop.');
  ext.browser.on('disconnected', () => void server.close().then(() => process.exit(0)));
}
