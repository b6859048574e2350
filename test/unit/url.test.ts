import { describe, expect, it } from 'vitest';
import { ampCacheOrigin, normalizePageUrl, pageIdentity, registrableDomain, siteOf } from '../../src/core/url';

describe('normalizePageUrl', () => {
  it.each([
    ['drops fragment and tracking', 'https://news.example/a?utm_source=x&id=3&fbclid=y#top', 'https://news.example/a?id=3'],
    ['sorts the remaining query', 'https://news.example/a?b=2&a=1', 'https://news.example/a?a=1&b=2'],
    ['drops credentials', 'https://u:p@news.example/a', 'https://news.example/a'],
    ['gclid, msclkid, mc_cid', 'http://news.example/?gclid=1&msclkid=2&mc_cid=3', 'http://news.example/'],
    ['rejects javascript:', 'javascript:alert(1)', null],
    ['rejects data:', 'data:text/html,hi', null],
    ['rejects garbage', 'not a url', null],
    ['rejects file:', 'file:///etc/passwd', null],
    ['rejects the empty string', '', null],
  ])('%s', (_name, raw, expected) => {
    expect(normalizePageUrl(raw)).toBe(expected);
  });

  it('resolves a relative address against a base', () => {
    expect(normalizePageUrl('/story/1?utm_medium=a', 'https://news.example/x/y')).toBe('https://news.example/story/1');
  });
});

describe('siteOf and registrableDomain', () => {
  it.each([
    ['www.news.example', 'news.example'],
    ['m.bbc.co.uk', 'bbc.co.uk'],
    ['amp.theguardian.com', 'theguardian.com'],
    ['victim.github.io', 'victim.github.io'],
    ['127.0.0.1', '127.0.0.1'],
    ['localhost', 'localhost'],
  ])('registrableDomain(%s) = %s', (host, expected) => {
    expect(registrableDomain(host)).toBe(expected);
  });
  it('siteOf folds www', () => {
    expect(siteOf('https://www.news.example/a')).toBe('news.example');
    expect(siteOf('garbage')).toBe('');
  });
});

describe('ampCacheOrigin', () => {
  it.each([
    ['https://news-example.cdn.ampproject.org/c/s/news.example/story/amp', 'https://news.example/story/amp'],
    ['https://news-example.cdn.ampproject.org/c/news.example/story', 'http://news.example/story'],
    ['https://news-example.cdn.ampproject.org/v/s/news.example/story?amp_js_v=0.1', 'https://news.example/story?amp_js_v=0.1'],
    ['https://www.google.com/amp/s/news.example/story.amp', 'https://news.example/story.amp'],
    ['https://www.google.co.uk/amp/s/news.example/story', 'https://news.example/story'],
    ['https://www.bing.com/amp/s/news.example/story', 'https://news.example/story'],
    ['https://www.google.com/search?q=amp', null],
    ['https://news.example/amp/story', null],
    ['https://evil.example/c/s/news.example/story', null],
    ['https://x.cdn.ampproject.org/c/s/javascript:alert(1)', null],
  ])('%s', (raw, expected) => {
    expect(ampCacheOrigin(new URL(raw))?.href ?? null).toBe(expected);
  });
});

describe('pageIdentity', () => {
  const story = 'https://www.news.example/world/2024/story-slug';
  it.each<[string, { tabUrl: string; canonical?: string | null; ogUrl?: string | null }, { pageUrl: string; canonicalUrl: string | null } | null]>([
    ['no canonical: the cleaned tab URL', { tabUrl: `${story}?utm_source=nl#comments` }, { pageUrl: story, canonicalUrl: null }],
    ['same-site canonical wins', { tabUrl: `${story}?page=2`, canonical: story }, { pageUrl: story, canonicalUrl: story }],
    ['relative canonical is resolved', { tabUrl: `${story}?x=1`, canonical: '/world/2024/story-slug' }, { pageUrl: story, canonicalUrl: story }],
    ['og:url when no canonical', { tabUrl: `${story}?x=1`, ogUrl: story }, { pageUrl: story, canonicalUrl: story }],
    ['canonical is cleaned too', { tabUrl: story, canonical: `${story}?utm_campaign=c#x` }, { pageUrl: story, canonicalUrl: story }],
    ['mobile host folds onto the canonical', { tabUrl: 'https://m.news.example/world/2024/story-slug', canonical: story }, { pageUrl: story, canonicalUrl: story }],
    ['mobile. host folds', { tabUrl: 'https://mobile.news.example/s/1', canonical: story }, { pageUrl: story, canonicalUrl: story }],
    ['/amp/ path folds', { tabUrl: 'https://www.news.example/amp/world/2024/story-slug', canonical: story }, { pageUrl: story, canonicalUrl: story }],
    ['?amp=1 folds', { tabUrl: `${story}?amp=1`, canonical: story }, { pageUrl: story, canonicalUrl: story }],
    ['amp. host folds', { tabUrl: 'https://amp.news.example/world/2024/story-slug', canonical: story }, { pageUrl: story, canonicalUrl: story }],
    ['AMP cache copy takes the publisher canonical',
      { tabUrl: 'https://news-example.cdn.ampproject.org/c/s/www.news.example/amp/world/2024/story-slug', canonical: story },
      { pageUrl: story, canonicalUrl: story }],
    ['Google AMP viewer takes the publisher canonical',
      { tabUrl: 'https://www.google.com/amp/s/www.news.example/world/2024/story-slug.amp', canonical: story },
      { pageUrl: story, canonicalUrl: story }],
    ['AMP cache copy without canonical files under the publisher URL',
      { tabUrl: 'https://news-example.cdn.ampproject.org/c/s/www.news.example/amp/s1' },
      { pageUrl: 'https://www.news.example/amp/s1', canonicalUrl: null }],
    // Hostile pages
    ['canonical on another site is ignored', { tabUrl: story, canonical: 'https://other.example/world/2024/story-slug' }, { pageUrl: story, canonicalUrl: null }],
    ['og:url on another site is ignored', { tabUrl: story, ogUrl: 'https://bank.example/' }, { pageUrl: story, canonicalUrl: null }],
    ['a sibling on a shared host service is another site', { tabUrl: 'https://evil.github.io/p', canonical: 'https://victim.github.io/p' }, { pageUrl: 'https://evil.github.io/p', canonicalUrl: null }],
    ['AMP cache copy cannot claim a site other than its publisher',
      { tabUrl: 'https://evil-example.cdn.ampproject.org/c/s/evil.example/x', canonical: story },
      { pageUrl: 'https://evil.example/x', canonicalUrl: null }],
    ['a canonical that is itself an AMP cache URL is ignored',
      { tabUrl: 'https://www.google.com/amp/s/www.news.example/s', canonical: 'https://www.google.com/amp/s/other.example/s' },
      { pageUrl: 'https://www.news.example/s', canonicalUrl: null }],
    ['javascript: canonical is ignored', { tabUrl: story, canonical: 'javascript:alert(1)' }, { pageUrl: story, canonicalUrl: null }],
    ['data: canonical is ignored', { tabUrl: story, canonical: 'data:text/html,<b>x</b>' }, { pageUrl: story, canonicalUrl: null }],
    ['garbage canonical is ignored, og:url used', { tabUrl: `${story}?x=1`, canonical: 'http://[::1', ogUrl: story }, { pageUrl: story, canonicalUrl: story }],
    ['a site-wide home-page canonical is ignored', { tabUrl: story, canonical: 'https://www.news.example/' }, { pageUrl: story, canonicalUrl: null }],
    ['an over-long canonical is ignored', { tabUrl: story, canonical: `https://www.news.example/${'a'.repeat(5000)}` }, { pageUrl: story, canonicalUrl: null }],
    ['credentials in the canonical are dropped', { tabUrl: story, canonical: 'https://u:p@www.news.example/world/2024/story-slug' }, { pageUrl: story, canonicalUrl: story }],
    ['a non-http tab has no identity', { tabUrl: 'about:blank', canonical: story }, null],
    ['a javascript: tab has no identity', { tabUrl: 'javascript:void 0', canonical: story }, null],
  ])('%s', (_name, input, expected) => {
    expect(pageIdentity(input)).toEqual(expected);
  });
});
