/** Where the shared, read-only corpora live: ../shared seen from the repository root. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedRoot = path.resolve(repoRoot, '../shared');
export const readabilityPagesDir = path.join(sharedRoot, 'corpora/readability-test-pages');
export const defuddleFixturesDir = path.join(sharedRoot, 'corpora/defuddle-fixtures');
export const seedDir = path.join(sharedRoot, 'seed');

/** The shared folder, or a clear failure: a CLI that needs it cannot do without it. */
export function requireShared(dir: string): string {
  if (!existsSync(dir)) throw new Error(`missing ${dir} (the shared corpora are expected beside the repository)`);
  return dir;
}
