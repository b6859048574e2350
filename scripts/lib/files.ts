/** Reading pages from disk for the CLIs: plain or gzipped HTML, decoded by the charset the page declares. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** The bytes of a file, gunzipped when it ends in .gz or starts with the gzip magic number. */
export function readBytes(file: string): Buffer {
  const raw = readFileSync(file);
  if (file.endsWith('.gz') || (raw[0] === 0x1f && raw[1] === 0x8b)) return gunzipSync(raw);
  return raw;
}

/** The charset a page declares (BOM, then <meta charset> / http-equiv in the first 4 KB), or null. */
export function declaredCharset(bytes: Buffer): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = bytes.subarray(0, 4096).toString('latin1');
  const m = /<meta[^>]{0,300}?charset\s*=\s*["']?\s*([\w.:-]{1,40})/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decode HTML bytes. Pages are often re-saved as UTF-8 while still declaring their old charset
 * (the corpus's gb2312 page is one), so bytes that are valid UTF-8 are read as UTF-8 whatever the
 * meta says; otherwise the declared charset, else windows-1252 (what browsers assume).
 */
export function decodeHtml(bytes: Buffer): { html: string; charset: string } {
  const declared = declaredCharset(bytes);
  if (declared?.startsWith('utf-16')) return { html: new TextDecoder(declared).decode(bytes), charset: declared };
  if (isValidUtf8(bytes)) return { html: new TextDecoder('utf-8').decode(bytes), charset: 'utf-8' };
  for (const cs of [declared, 'windows-1252']) {
    if (!cs) continue;
    try {
      return { html: new TextDecoder(cs).decode(bytes), charset: cs };
    } catch {
      /* unknown label: fall through */
    }
  }
  return { html: bytes.toString('latin1'), charset: 'latin1' };
}

export function readHtml(file: string): { html: string; charset: string } {
  return decodeHtml(readBytes(file));
}
