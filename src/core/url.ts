/**
 * Page identity: the URL a note belongs to. Two visits to the same story must agree even when one came from a
 * newsletter link (utm_*), a social share (fbclid), an in-page anchor (#comments), the mobile site or an AMP
 * copy — and no page may file itself under another site's address to read or plant that site's notes.
 *
 * Pure: runs in the background (tldts carries the public suffix list, too big for the content script).
 */
import { getDomain } from 'tldts';

/** Query parameters that track the visitor, not the page. */
const TRACKING_PARAMS = [
  /^utm_/i, /^fbclid$/i, /^gclid$/i, /^dclid$/i, /^gbraid$/i, /^wbraid$/i, /^msclkid$/i, /^mc_[ce]id$/i,
  /^igshid$/i, /^yclid$/i, /^_hs(enc|mi)$/i, /^mkt_tok$/i, /^ref_?src$/i, /^ocid$/i, /^cmpid$/i, /^at_medium$/i,
  /^at_campaign$/i, /^s_cid$/i, /^smid$/i, /^xtor$/i,
];

/** Longest URL we accept as an identity (browsers allow more; no article needs it). */
const MAX_URL_CHARS = 4096;

/** The page's URL without fragment, credentials and tracking parameters; null for anything not http(s). */
export function normalizePageUrl(raw: string, base?: string): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_CHARS) return null;
  let url: URL;
  try {
    url = base === undefined ? new URL(raw) : new URL(raw, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname) return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  for (const key of [...url.searchParams.keys()]) {
    if (TRACKING_PARAMS.some((re) => re.test(key))) url.searchParams.delete(key);
  }
  url.searchParams.sort();
  return url.toString();
}

/** The host a note is filed under ("www." folded away). */
export function siteOf(pageUrl: string): string {
  try {
    return new URL(pageUrl).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/**
 * The registrable domain ("bbc.co.uk" for "m.bbc.co.uk"), counting private suffixes such as github.io or
 * blogspot.com as public ones: two users' sites on the same host service are different sites. Hosts with no
 * registrable domain (IP addresses, localhost) stand for themselves.
 */
export function registrableDomain(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

/**
 * AMP caches serve a publisher's page from their own host and name the publisher in the path:
 *   https://<anything>.cdn.ampproject.org/c/s/<publisher host>/<path>   (/c/ = http, /c/s/ = https; /v/ for viewer)
 *   https://www.google.<tld>/amp/s/<publisher host>/<path>              (Google's AMP viewer)
 *   https://www.bing.com/amp/s/<publisher host>/<path>
 * Each pattern: which hosts are caches, and the path prefix before the publisher's address.
 */
const AMP_CACHES: Array<{ host: RegExp; path: RegExp }> = [
  { host: /\.cdn\.ampproject\.org$/i, path: /^\/[cvi]\/(s\/)?/ },
  { host: /^(www\.)?google\.[a-z.]{2,12}$/i, path: /^\/amp\/(s\/)?/ },
  { host: /^(www\.)?bing\.com$/i, path: /^\/amp\/(s\/)?/ },
];

/** The publisher's URL inside an AMP cache URL, or null when `url` is not an AMP cache copy. */
export function ampCacheOrigin(url: URL): URL | null {
  for (const cache of AMP_CACHES) {
    if (!cache.host.test(url.hostname)) continue;
    const m = cache.path.exec(url.pathname);
    if (!m) continue;
    const rest = url.pathname.slice(m[0].length);
    if (!/^[a-z0-9.-]+\.[a-z]{2,}(?:[:/]|$)/i.test(rest)) return null;
    try {
      const origin = new URL(`${m[1] ? 'https' : 'http'}://${rest}${url.search}`);
      return origin.protocol === 'https:' || origin.protocol === 'http:' ? origin : null;
    } catch {
      return null;
    }
  }
  return null;
}

export interface PageIdentityInput {
  /** The tab's URL as the browser reports it (never as the page reports it). */
  tabUrl: string;
  /** `<link rel=canonical>` href and `og:url` content, as found in the page: untrusted. */
  canonical?: string | null;
  ogUrl?: string | null;
}

export interface PageIdentity {
  /** The address the page's notes are filed under. */
  pageUrl: string;
  /** The page's own canonical address when it was accepted, else null. */
  canonicalUrl: string | null;
}

/**
 * Where this page's notes belong. The page's canonical (or og:url) address is used when it lies on the same
 * registrable domain as the page really is (the tab's host, or the publisher named by an AMP cache URL) and
 * does not send an article to its site's home page; that folds mobile ("m.", "mobile."), AMP ("/amp/",
 * "?amp=1", "amp." hosts) and cache copies onto the story's one address. Otherwise the tab's own URL,
 * cleaned. Null when the tab is not an http(s) page.
 */
export function pageIdentity(input: PageIdentityInput): PageIdentity | null {
  const tab = normalizePageUrl(input.tabUrl);
  if (!tab) return null;
  const tabUrl = new URL(tab);
  const cacheOrigin = ampCacheOrigin(tabUrl);
  const real = cacheOrigin ?? tabUrl;
  const fallback = cacheOrigin ? normalizePageUrl(cacheOrigin.href) ?? tab : tab;
  for (const raw of [input.canonical, input.ogUrl]) {
    if (typeof raw !== 'string') continue;
    const claimed = normalizePageUrl(raw.trim(), real.href);
    if (!claimed) continue;
    const url = new URL(claimed);
    if (registrableDomain(url.hostname) !== registrableDomain(real.hostname)) continue;
    if (isHomePage(url) && !isHomePage(real)) continue; // a site-wide canonical, not this story's
    if (ampCacheOrigin(url)) continue;
    return { pageUrl: claimed, canonicalUrl: claimed };
  }
  return { pageUrl: fallback, canonicalUrl: null };
}

function isHomePage(url: URL): boolean {
  return (url.pathname === '/' || url.pathname === '') && url.search === '';
}
