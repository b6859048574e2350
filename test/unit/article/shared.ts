/** Locating ../shared for tests: skip with a notice when it is absent, fail under CI=true. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function sharedDir(sub: string): string | null {
  const dir = path.resolve(repoRoot, '../shared', sub);
  if (existsSync(dir)) return dir;
  if (process.env.CI === 'true') throw new Error(`CI=true but ${dir} is missing`);
  console.warn(`[newsmark] ${dir} not found: skipping tests that read it`);
  return null;
}

/** Lower-case word tokens, the unit every comparison here uses. */
export function words(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Does `hay` contain the words of `needle` in order, as one run? */
export function containsRun(hay: string, needle: string): boolean {
  const n = words(needle).join(' ');
  return n.length > 0 && ` ${words(hay).join(' ')} `.includes(` ${n} `);
}
