/**
 * The reader's settings, in `browser.storage.local` (small, synchronous-feeling, shared by every context).
 */
import browser from 'webextension-polyfill';
import * as v from 'valibot';

export const SettingsSchema = v.object({
  /** Hide donation appeals, sign-up prompts, comment sections, share bars and related lists. */
  hideBoilerplate: v.optional(v.boolean(), true),
  /** Highlight attributed quotes and show who said each. */
  highlightQuotes: v.optional(v.boolean(), true),
  /** Host names where Newsmark does nothing at all. */
  disabledSites: v.optional(v.array(v.pipe(v.string(), v.maxLength(253))), []),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

const KEY = 'settings';

/** Current settings; anything missing or malformed falls back to the defaults. */
export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  const parsed = v.safeParse(SettingsSchema, stored ?? {});
  return parsed.success ? parsed.output : v.parse(SettingsSchema, {});
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = v.parse(SettingsSchema, { ...(await loadSettings()), ...patch });
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

/** True when the reader switched Newsmark off for this host (or a parent domain of it). */
export function isSiteDisabled(settings: Settings, host: string): boolean {
  const h = host.toLowerCase();
  return settings.disabledSites.some((d) => {
    const site = d.toLowerCase();
    return h === site || h.endsWith(`.${site}`);
  });
}
