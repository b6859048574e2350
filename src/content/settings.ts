/**
 * The reader's settings as the content script reads them: the same stored value and the same verdict as
 * `loadSettings` in `src/storage/settings.ts`, checked by hand instead of with `SettingsSchema` (valibot), so the
 * script loaded on every page carries no validation library. Settings are written only by extension pages, through
 * `saveSettings`, which validates them; this check is the reader's second line. `test/unit/content/settings.test.ts`
 * holds it to the schema (defaults, verdicts, output) and `isSiteDisabled` to the original.
 */
import browser from 'webextension-polyfill';
import type { Settings } from '../storage/settings';

const KEY = 'settings';

const defaults = (): Settings => ({ hideBoilerplate: true, highlightQuotes: true, disabledSites: [] });

/** A stored value as `SettingsSchema` reads it; anything malformed gives the defaults, as `loadSettings` does. */
export function settingsFrom(stored: unknown): Settings {
  const d = defaults();
  if (!stored || typeof stored !== 'object') return d;
  const s = stored as Record<string, unknown>;
  const field = <T>(key: keyof Settings, ok: (x: unknown) => x is T, fallback: T): T | null => {
    const x = key in s ? s[key] : undefined;
    if (x === undefined) return fallback;
    return ok(x) ? x : null;
  };
  const hideBoilerplate = field('hideBoilerplate', isBoolean, d.hideBoilerplate);
  const highlightQuotes = field('highlightQuotes', isBoolean, d.highlightQuotes);
  const disabledSites = field('disabledSites', isSiteList, d.disabledSites);
  if (hideBoilerplate === null || highlightQuotes === null || disabledSites === null) return d;
  return { hideBoilerplate, highlightQuotes, disabledSites: [...disabledSites] };
}

const isBoolean = (x: unknown): x is boolean => typeof x === 'boolean';
function isSiteList(x: unknown): x is string[] {
  if (!Array.isArray(x)) return false;
  for (let i = 0; i < x.length; i++) if (typeof x[i] !== 'string' || (x[i] as string).length > 253) return false;
  return true;
}

export async function readSettings(): Promise<Settings> {
  return settingsFrom((await browser.storage.local.get(KEY))[KEY]);
}

/** True when the reader switched Newsmark off for this host (or a parent domain of it); as in `storage/settings`. */
export function isSiteDisabled(settings: Settings, host: string): boolean {
  const h = host.toLowerCase();
  return settings.disabledSites.some((d) => {
    const site = d.toLowerCase();
    return h === site || h.endsWith(`.${site}`);
  });
}
