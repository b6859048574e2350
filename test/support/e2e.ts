/**
 * Shared set-up for end-to-end files: which browsers to run, and the rule that a missing browser or build is a
 * skip with a notice locally but a failure under CI=true.
 */
import { afterAll, beforeAll } from 'vitest';
import { browserAvailable, type BrowserKind, EXECUTABLES, distDir, launchWithExtension, type ExtensionBrowser } from './browsers';
import { startFixtureServer, type FixtureServer } from './fixture-server';

export const BROWSERS: BrowserKind[] = ['chromium', 'firefox'];

export function requireBrowser(kind: BrowserKind): boolean {
  if (browserAvailable(kind)) return true;
  const why = `${kind}: needs ${EXECUTABLES[kind]} and a build in ${distDir(kind)} (run: npm run build; apt-get install chromium firefox-esr)`;
  if (process.env.CI === 'true') throw new Error(`missing under CI — ${why}`);
  console.warn(`[e2e] skipped ${why}`);
  return false;
}

/**
 * For one describe block: the fixture server and a browser with the built extension, started before its tests
 * and closed after them. Read `env.ext` and `env.server` inside the tests.
 */
export function withExtension(kind: BrowserKind): { readonly ext: ExtensionBrowser; readonly server: FixtureServer } {
  const env = {} as { ext: ExtensionBrowser; server: FixtureServer };
  beforeAll(async () => {
    env.server = await startFixtureServer();
    env.ext = await launchWithExtension(kind);
  });
  afterAll(async () => {
    await env.ext?.close();
    await env.server?.close();
  });
  return env;
}
