import { defineConfig } from 'vitest/config';

// Two projects: fast pure unit tests, and end-to-end tests that drive the built extension in real
// Chromium and Firefox ESR (they need `npm run build` first; `npm test` does that).
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    // The JSON report lets CI print one plain closing line ("N passed, N failed") for the whole run.
    reporters: ['default', ['json', { outputFile: 'artifacts/vitest-report.json' }]],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // One browser at a time on a 2-core machine: each file launches its own.
          maxWorkers: 1,
        },
      },
    ],
  },
});
