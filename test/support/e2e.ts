/**
 * Shared set-up for end-to-end files: which browsers to run, and the rule that a missing browser or build is a
 * skip with a notice locally but a failure under CI=true.
 */
import { browserAvailable, type BrowserKind, EXECUTABLES, distDir } from './browsers';

export const BROWSERS: BrowserKind[] = ['chromium', 'firefox'];

export function requireBrowser(kind: BrowserKind): boolean {
  if (browserAvailable(kind)) return true;
  const why = `${kind}: needs ${EXECUTABLES[kind]} and a build in ${distDir(kind)} (run: npm run build; apt-get install chromium firefox-esr)`;
  if (process.env.CI === 'true') throw new Error(`missing under CI — ${why}`);
  console.warn(`[e2e] skipped ${why}`);
  return false;
}
