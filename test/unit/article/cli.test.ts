/** The article CLI and its file helpers: gzip, charsets, JSON Lines, errors that do not stop the batch. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeHtml, declaredCharset } from '../../../scripts/lib/files';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const STORY_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>Ferry returns</title>
<meta property="article:published_time" content="2025-03-04T18:30:00Z"></head><body><article><h1>Ferry returns</h1>
${[1, 2, 3, 4].map((i) => `<p>Paragraph ${i} of the story, long enough to count as prose, with a comma, and the words a reader expects to find in a news report.</p>`).join('')}
<div><h3>Join the conversation</h3></div></article></body></html>`;

describe('decodeHtml', () => {
  it.each([
    ['utf-8 declared', Buffer.from('<meta charset="utf-8"><p>café</p>'), 'café', 'utf-8'],
    ['windows-1252 declared, legacy bytes', Buffer.concat([Buffer.from('<meta charset="windows-1252"><p>caf'), Buffer.from([0xe9]), Buffer.from('</p>')]), 'café', 'windows-1252'],
    ['gb2312 declared but re-saved as UTF-8', Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>人工智能</p>'), '人工智能', 'utf-8'],
    ['gbk bytes with a gb2312 label', Buffer.concat([Buffer.from('<meta charset="gb2312"><p>'), Buffer.from([0xc8, 0xcb]), Buffer.from('</p>')]), '人', 'gb2312'],
    ['no declaration, not UTF-8', Buffer.from([0x3c, 0x70, 0x3e, 0xe9, 0x3c, 0x2f, 0x70, 0x3e]), 'é', 'windows-1252'],
  ])('%s', (_n, bytes, contains, charset) => {
    const r = decodeHtml(bytes);
    expect(r.html).toContain(contains);
    expect(r.charset).toBe(charset);
  });

  it('reads the BOM before the meta', () => {
    expect(declaredCharset(Buffer.from([0xef, 0xbb, 0xbf, 0x3c]))).toBe('utf-8');
  });
});

describe('npm run article', () => {
  it('prints one JSON line per file, in order, and exits 1 when one cannot be read', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'newsmark-article-'));
    const plain = path.join(dir, 'story.html');
    const gz = path.join(dir, 'story.html.gz');
    writeFileSync(plain, STORY_HTML);
    writeFileSync(gz, gzipSync(Buffer.from(STORY_HTML)));
    const missing = path.join(dir, 'missing.html');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/article.ts', plain, missing, gz, '--url', 'https://town.example/ferry'], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.file)).toEqual([plain, missing, gz]);
    expect(lines[1]!.error).toBeTruthy();
    for (const l of [lines[0]!, lines[2]!]) {
      expect(Object.keys(l)).toEqual(['file', 'isArticle', 'title', 'standfirst', 'byline', 'published', 'text', 'boilerplate', 'parse_ms', 'ms']);
      expect(l.isArticle).toBe(true);
      expect(l.title).toBe('Ferry returns');
      expect(l.published).toBe('2025-03-04T18:30:00Z');
      expect(String(l.text).split('\n\n')).toHaveLength(4);
      expect(l.boilerplate).toEqual([{ kind: 'comments', text: 'Join the conversation', reason: expect.any(String) }]);
    }
    expect(lines[0]!.text).toBe(lines[2]!.text);
  });

  it('exits 0 on a page without an article', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'newsmark-article-'));
    const f = path.join(dir, 'empty.html');
    writeFileSync(f, 'just a line of text');
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/article.ts', f], { cwd: repoRoot, encoding: 'utf8' });
    expect(JSON.parse(out)).toMatchObject({ file: f, isArticle: false, text: '' });
  });
});
