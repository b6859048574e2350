import { JSDOM } from 'jsdom';

/** A standalone Document parsed from HTML (jsdom: the most faithful Range and selector support in Node). */
export function parseDocument(html: string, url = 'https://news.example/story'): Document {
  return new JSDOM(html, { url }).window.document;
}

/** A Document whose body is the given fragment. */
export function bodyDocument(fragment: string): Document {
  return parseDocument(`<!doctype html><html><head><meta charset="utf-8"></head><body>${fragment}</body></html>`);
}
