/**
 * Page identity: the URL a note belongs to. Two visits to the same story must agree even when one came from a
 * newsletter link (utm_*), a social share (fbclid) or an in-page anchor (#comments).
 */

/** Query parameters that track the visitor, not the page. */
const TRACKING_PARAMS = [
  /^utm_/i, /^fbclid$/i, /^gclid$/i, /^dclid$/i, /^gbraid$/i, /^wbraid$/i, /^msclkid$/i, /^mc_[ce]id$/i,
  /^igshid$/i, /^yclid$/i, /^_hs(enc|mi)$/i, /^mkt_tok$/i, /^ref_?src$/i, /^ocid$/i, /^cmpid$/i, /^at_medium$/i,
  /^at_campaign$/i, /^s_cid$/i, /^smid$/i, /^xtor$/i,
];

/** The page's URL without fragment and tracking parameters; null for anything that is not http(s). */
export function normalizePageUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
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
