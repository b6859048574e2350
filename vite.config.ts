import { defineConfig, type UserConfig } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };

/**
 * One manifest source (manifest.json, written in Chrome's MV3 form), two builds:
 *   vite build --mode chrome  → dist/chrome  (background as a service worker)
 *   vite build --mode firefox → dist/firefox (background as event-page scripts, gecko settings)
 */
export type Target = 'chrome' | 'firefox';

/** Firefox ≥ 150: the CSS Custom Highlight API and `CSS.highlights.highlightsFromPoint()`. */
const FIREFOX_MIN_VERSION = '150.0';
export const FIREFOX_ID = 'newsmark@newsmark.example';

export function manifestFor(target: Target): ManifestV3Export {
  const m = structuredClone(baseManifest) as Record<string, unknown> & { background: { service_worker: string } };
  if (target === 'firefox') {
    const worker = m.background.service_worker;
    return {
      ...m,
      background: { scripts: [worker], type: 'module' },
      browser_specific_settings: {
        gecko: {
          id: FIREFOX_ID,
          strict_min_version: FIREFOX_MIN_VERSION,
          // Newsmark sends nothing anywhere: notes and settings stay in the browser.
          data_collection_permissions: { required: ['none'] },
        },
      },
    } as unknown as ManifestV3Export;
  }
  return m as unknown as ManifestV3Export;
}

export default defineConfig(({ mode }): UserConfig => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    plugins: [crx({ manifest: manifestFor(target), browser: target })],
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: target === 'firefox' ? 'firefox128' : 'chrome120',
      // Readable stack traces in bug reports cost nothing at run time; stores accept unminified code too.
      minify: true,
      sourcemap: false,
      // The script entries (the content script, the background: crxjs names their chunks after the .ts input) load
      // their lazy chunks without Vite's preload helper (src/content/index.ts declares its own `__vitePreload`, which
      // only loads), so the list of chunks each dynamic import would preload is never read: none is emitted. Pages
      // (`index.html-*` chunks) keep theirs.
      modulePreload: { resolveDependencies: (_file, deps, { hostId, hostType }) => (hostType === 'js' && /^assets\/index\.ts-/.test(hostId) ? [] : deps) },
      rollupOptions: {
        input: { panel: 'src/panel/index.html' },
        // \`ask\` (a few lines every context imports) rides in the polyfill's chunk, which all of them load anyway:
        // a file of its own cost the content script a request and ~150 bytes of gzip overhead up front.
        output: { manualChunks: (id) => (/[\\/](webextension-polyfill[\\/]|src[\\/]ask\.ts$)/.test(id) ? 'browser-polyfill' : undefined) },
      },
    },
  };
});
