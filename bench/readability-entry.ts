/**
 * The benchmark's peer: @mozilla/readability 0.6.0 as Reader View runs it, `new Readability(doc.cloneNode(true)).parse()`.
 * The clone is timed apart from the parse, and Newsmark is compared with the parse alone (the harder comparison).
 */
import { Readability } from '@mozilla/readability';

let copies: Document[] = [];

/** Clones k copies of the document ahead of a batch, so the batch's CPU time is the parse alone. */
function prepare(k: number): number {
  const t0 = performance.now();
  copies = [];
  for (let r = 0; r < k; r++) copies.push(document.cloneNode(true) as Document);
  return (performance.now() - t0) / k;
}

function readability(k: number): { parse: number; max: number; found: boolean } {
  if (copies.length < k) prepare(k);
  let parse = 0;
  let max = 0;
  let found = false;
  for (let r = 0; r < k; r++) {
    const t1 = performance.now();
    const result = new Readability(copies[r]!).parse();
    const dt = performance.now() - t1;
    parse += dt;
    max = Math.max(max, dt);
    found = result !== null;
  }
  copies = [];
  return { parse: parse / k, max, found };
}

(globalThis as unknown as { __readabilityBench: unknown }).__readabilityBench = { readability, prepare };
