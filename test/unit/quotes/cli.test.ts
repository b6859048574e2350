/** The quotes CLI: .txt and .html inputs (the .html path with a stub article extractor), bad files. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { quotesOfFile } from '../../../scripts/quotes';

const dir = mkdtempSync(path.join(tmpdir(), 'quotes-cli-'));

describe('quotes CLI', () => {
  it('reads a .txt file whole', () => {
    const file = path.join(dir, 'a.txt');
    writeFileSync(file, 'Plan ‘quite wrong’, Ann Lee says\n“We start today,” Ms Lee said.\n');
    expect(quotesOfFile(file).map((q) => [q.text, q.speaker, q.cue])).toEqual([
      ['quite wrong', 'Ann Lee', 'after'],
      ['We start today,', 'Ann Lee', 'after'],
    ]);
  });

  it('tags .html quotes with the part their offsets index', () => {
    const file = path.join(dir, 'a.html');
    writeFileSync(file, '<html><body><h1>x</h1></body></html>');
    const stub = (): { title: string; standfirst: string | null; text: string } => ({
      title: 'Mayor ‘sorry’ for delays, Ray Holt admits',
      standfirst: null,
      text: 'Ray Holt met residents.\n\n“We let you down,” he said.',
    });
    const quotes = quotesOfFile(file, stub);
    expect(quotes.map((q) => [q.part, q.text, q.speaker, q.start])).toEqual([
      ['headline', 'sorry', 'Ray Holt', 7],
      ['body', 'We let you down,', 'Ray Holt', 'Ray Holt met residents.\n\n“'.length],
    ]);
  });

  it('throws on an unreadable file (the CLI turns it into {file, error})', () => {
    expect(() => quotesOfFile(path.join(dir, 'missing.txt'))).toThrow();
  });
});
