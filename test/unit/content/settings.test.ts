/**
 * The content script reads the reader's settings without valibot (src/content/settings.ts); this holds its check
 * to `SettingsSchema` and `loadSettings`'s fallback (defaults for anything malformed), and its `isSiteDisabled`
 * to the original.
 */
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import * as v from 'valibot';

// Both modules import the polyfill, which refuses to load outside an extension; these tests don't touch storage.
vi.mock('webextension-polyfill', () => ({ default: {} }));

const { SettingsSchema, isSiteDisabled: original } = await import('../../../src/storage/settings');
const { settingsFrom, isSiteDisabled } = await import('../../../src/content/settings');

/** What `loadSettings` makes of a stored value. */
function bySchema(stored: unknown) {
  const parsed = v.safeParse(SettingsSchema, stored ?? {});
  return parsed.success ? parsed.output : v.parse(SettingsSchema, {});
}

describe('content script settings', () => {
  it('has the schema’s defaults (a new setting must be added here too)', () => {
    expect(settingsFrom(undefined)).toEqual(v.parse(SettingsSchema, {}));
    expect(Object.keys(settingsFrom({})).sort()).toEqual(Object.keys(SettingsSchema.entries).sort());
  });

  it('agrees with SettingsSchema on crafted values', () => {
    const crafted: unknown[] = [
      undefined, null, 0, false, '', 'x', [], {}, { hideBoilerplate: false }, { highlightQuotes: false, other: 1 },
      { hideBoilerplate: 'no' }, { highlightQuotes: null }, { hideBoilerplate: undefined, highlightQuotes: undefined },
      { disabledSites: ['example.com', 'news.example.org'] }, { disabledSites: 'example.com' }, { disabledSites: [1] },
      { disabledSites: ['a'.repeat(253)] }, { disabledSites: ['a'.repeat(254)] }, { disabledSites: [, 'x'] }, { disabledSites: null },
    ];
    for (const s of crafted) expect(settingsFrom(s), JSON.stringify(s)).toEqual(bySchema(s));
  });

  it('agrees with SettingsSchema on random values', () => {
    const value = fc.oneof(fc.boolean(), fc.constant(undefined), fc.constant(null), fc.integer(), fc.string({ maxLength: 300 }), fc.array(fc.oneof(fc.string({ maxLength: 260 }), fc.integer()), { maxLength: 4 }));
    const stored = fc.record({ hideBoilerplate: value, highlightQuotes: value, disabledSites: value, junk: fc.anything() }, { requiredKeys: [] });
    fc.assert(fc.property(stored, (s) => {
      expect(settingsFrom(s)).toEqual(bySchema(s));
    }), { numRuns: 3000 });
    fc.assert(fc.property(fc.anything(), (s) => {
      expect(settingsFrom(s)).toEqual(bySchema(s));
    }), { numRuns: 1000 });
  });

  it('switches sites off as the original does', () => {
    const host = fc.constantFrom('example.com', 'www.example.com', 'EXAMPLE.com', 'notexample.com', 'news.example.org', 'localhost', '');
    fc.assert(
      fc.property(fc.array(host, { maxLength: 3 }), host, (disabledSites, h) => {
        const s = { hideBoilerplate: true, highlightQuotes: true, disabledSites };
        expect(isSiteDisabled(s, h)).toBe(original(s, h));
      }),
    );
  });
});
