/** JSON Lines on stdout, written synchronously so a long batch streams and nothing is lost on exit. */
import { writeSync } from 'node:fs';

export function writeJsonLine(value: unknown): void {
  const line = JSON.stringify(value) + '\n';
  let buf = Buffer.from(line, 'utf8');
  while (buf.length > 0) {
    try {
      const n = writeSync(1, buf);
      buf = buf.subarray(n);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue; // non-blocking pipe is full: retry
      throw e;
    }
  }
}
