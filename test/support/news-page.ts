/**
 * A hand-sized but realistic news page template for tests and the demo fixture.
 *
 * The page is marked up the way a modern UK news site built with CSS-in-JS does it: semantic tags where
 * real sites use them (header, nav, main, article, aside, figure, time, footer, button), but hashed,
 * meaningless class names on the story and boilerplate containers. An engine that finds the article or
 * the boilerplate here has to do it from text and structure, not from a class called "article-body".
 *
 * Story strings use a small inline notation so that a test's gold data comes from the author's
 * annotation, never from a heuristic (see `parseMarked`):
 *   [[“|Speaker Name|quoted words|”]]  an attributed quote: opening mark, canonical speaker (empty = nobody
 *                                      named, speaker null), the words, closing mark (empty when the quote
 *                                      runs on into the next paragraph, which reopens it)
 *   {{link text|https://…}}            an inline link
 * Everything else is literal text. Scare quotes and titles of works are written as plain text, because
 * they are not attributed quotes.
 *
 * Test tooling: the HTML is built as strings, with every piece of text escaped by `escapeHtml`.
 */

// ---------------------------------------------------------------------------------------------------
// Story model
// ---------------------------------------------------------------------------------------------------

export type ShareTarget = 'facebook' | 'x' | 'whatsapp' | 'email' | 'copy';

/** Boilerplate blocks a news page interleaves with or appends to a story, each in its usual shape. */
export type BoilerplateContent =
  | { kind: 'support'; heading: string; paragraphs: string[]; button: string | null }
  | { kind: 'comments'; heading: string; text: string; button: string }
  | { kind: 'share'; label: string | null; targets: ShareTarget[] }
  | { kind: 'related'; heading: string; links: Array<{ title: string; url: string }> }
  | { kind: 'newsletter'; heading: string; text: string; inputLabel: string; button: string; smallPrint: string };

export type BoilerplateKind = BoilerplateContent['kind'];

export type StoryBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'subheading'; text: string }
  | ({ type: 'boilerplate' } & BoilerplateContent);

export interface NewsStory {
  /** Canonical URL of the story. */
  url: string;
  siteName: string;
  section: string;
  /** Marked text (quotes may be annotated). */
  headline: string;
  /** Marked text: the summary line under the headline. */
  standfirst: string | null;
  byline: { name: string; role: string | null } | null;
  /** ISO 8601 instant. */
  published: string | null;
  imageCaption: string | null;
  imageCredit?: string | null;
  blocks: StoryBlock[];
}

/** What a perfect extractor and quote finder would report for a story. */
export interface StoryGold {
  title: string;
  standfirst: string | null;
  byline: string | null;
  published: string | null;
  text: string;
  quotes: GoldQuote[];
  boilerplate: Array<{ kind: BoilerplateKind; startsWith: string; endsWith: string }>;
}

export interface GoldQuote {
  text: string;
  start: number;
  end: number;
  speaker: string | null;
  where: 'headline' | 'standfirst' | 'body';
}

// ---------------------------------------------------------------------------------------------------
// The inline notation
// ---------------------------------------------------------------------------------------------------

/** Marks a quote annotation may open or close with: UK single, curly double, straight double and single. */
const QUOTE_MARKS = new Set(['‘', '’', '“', '”', '"', "'", '']);

export interface MarkedQuote {
  text: string;
  /** Offsets of the words (marks excluded) in the plain text. */
  start: number;
  end: number;
  speaker: string | null;
  open: string;
  close: string;
}

export interface MarkedText {
  /** The text a reader sees: notation stripped, marks kept. */
  plain: string;
  quotes: MarkedQuote[];
  links: Array<{ start: number; end: number; href: string }>;
}

/**
 * Strips the notation from a story string. Linear: one left-to-right scan with indexOf, no regex.
 * Throws on anything malformed, so a typo in a fixture fails loudly instead of shifting the gold.
 */
export function parseMarked(src: string): MarkedText {
  let plain = '';
  const quotes: MarkedQuote[] = [];
  const links: MarkedText['links'] = [];
  let i = 0;
  while (i < src.length) {
    const q = src.indexOf('[[', i);
    const l = src.indexOf('{{', i);
    const next = q < 0 ? l : l < 0 ? q : Math.min(q, l);
    const literal = next < 0 ? src.slice(i) : src.slice(i, next);
    if (literal.includes(']]') || literal.includes('}}')) throw new Error(`stray closing notation in: ${src}`);
    plain += literal;
    if (next < 0) break;
    const isQuote = next === q;
    const closer = isQuote ? ']]' : '}}';
    const end = src.indexOf(closer, next + 2);
    if (end < 0) throw new Error(`unclosed ${isQuote ? '[[' : '{{'} in: ${src}`);
    const body = src.slice(next + 2, end);
    if (body.includes('[[') || body.includes('{{')) throw new Error(`nested notation in: ${src}`);
    const parts = body.split('|');
    if (isQuote) {
      if (parts.length !== 4) throw new Error(`quote needs [[open|speaker|words|close]]: ${body}`);
      const [open, speaker, words, close] = parts as [string, string, string, string];
      if (!QUOTE_MARKS.has(open) || !QUOTE_MARKS.has(close)) throw new Error(`unknown quote mark in: ${body}`);
      if (words.length === 0 || words.trim() !== words) throw new Error(`quote words empty or padded: ${body}`);
      plain += open;
      const start = plain.length;
      plain += words;
      quotes.push({ text: words, start, end: plain.length, speaker: speaker.trim() || null, open, close });
      plain += close;
    } else {
      if (parts.length !== 2) throw new Error(`link needs {{text|href}}: ${body}`);
      const [text, href] = parts as [string, string];
      const start = plain.length;
      plain += text;
      links.push({ start, end: plain.length, href });
    }
    i = end + 2;
  }
  return { plain, quotes, links };
}

// ---------------------------------------------------------------------------------------------------
// HTML helpers
// ---------------------------------------------------------------------------------------------------

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and double- or single-quoted attribute values. */
export function escapeHtml(s: string): string {
  let out = '';
  for (const ch of s) out += HTML_ESCAPES[ch] ?? ch;
  return out;
}

/** JSON that is safe inside a <script> element (no "</script>", no "<!--"). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * A stable CSS-in-JS style class for a role in the template ("sc-" + six base-36 digits of an FNV-1a hash).
 * Deterministic, so a re-render is byte-identical; meaningless, so nothing can key on it by name.
 */
export function hashClass(role: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < role.length; i++) {
    h ^= role.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return 'sc-' + (h % 2176782336).toString(36).padStart(6, '0');
}

/** Two hashed classes, as styled-components emits (component id + style hash). */
function cls(role: string): string {
  return `${hashClass(role)} ${hashClass(role + ':style')}`;
}

/** Marked text as escaped HTML, with its links rendered. */
function inlineHtml(marked: MarkedText): string {
  let out = '';
  let at = 0;
  for (const link of marked.links) {
    out += escapeHtml(marked.plain.slice(at, link.start));
    out += `<a href="${escapeHtml(link.href)}" class="${hashClass('inline-link')}">${escapeHtml(marked.plain.slice(link.start, link.end))}</a>`;
    at = link.end;
  }
  return out + escapeHtml(marked.plain.slice(at));
}

function slugify(s: string): string {
  let out = '';
  let dash = false;
  for (const ch of s.toLowerCase()) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
      if (dash && out) out += '-';
      out += ch;
      dash = false;
    } else if (ch !== '’' && ch !== "'") {
      dash = true;
    }
  }
  return out;
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Tuesday 18 November 2025 19:05 GMT" — fixed UTC formatting, independent of the machine's locale. */
function displayDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`bad published date: ${iso}`);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${hh}:${mm} GMT`;
}

// ---------------------------------------------------------------------------------------------------
// Boilerplate blocks
// ---------------------------------------------------------------------------------------------------

/** What each share target is called, visibly (to screen readers and extractors) next to its icon. */
const SHARE_LABELS: Record<ShareTarget, string> = {
  facebook: 'Share on Facebook',
  x: 'Share on X',
  whatsapp: 'Share on WhatsApp',
  email: 'Share by email',
  copy: 'Copy link',
};

const ICON = (name: string) =>
  `<svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 20 20"><title>${escapeHtml(name)}</title><path d="M2 2h16v16H2z"/></svg>`;

/**
 * The reader-visible text pieces of a boilerplate block, in document order. The renderer emits exactly
 * these (plus icons, which are <svg> and not text), so the gold's startsWith/endsWith come from here.
 */
export function boilerplateTexts(b: BoilerplateContent): string[] {
  switch (b.kind) {
    case 'support':
      return [b.heading, ...b.paragraphs, ...(b.button ? [b.button] : [])];
    case 'comments':
      return [b.heading, b.text, b.button];
    case 'share':
      return [...(b.label ? [b.label] : []), ...b.targets.map((t) => SHARE_LABELS[t])];
    case 'related':
      return [b.heading, ...b.links.map((l) => l.title)];
    case 'newsletter':
      return [b.heading, b.text, b.inputLabel, b.button, b.smallPrint];
  }
}

function renderBoilerplate(b: BoilerplateContent, story: NewsStory, n: number): string {
  const url = encodeURIComponent(story.url);
  switch (b.kind) {
    case 'support':
      return `
<div class="${cls('support')}" data-component-id="${hashClass('support' + n)}">
  <div class="${hashClass('support-inner')}">
    <h3 class="${cls('support-heading')}">${escapeHtml(b.heading)}</h3>
    <div class="${hashClass('support-copy')}">
${b.paragraphs.map((p) => `      <p class="${hashClass('support-p')}">${escapeHtml(p)}</p>`).join('\n')}
    </div>${
      b.button
        ? `
    <div class="${hashClass('support-cta')}"><a role="button" class="${cls('support-button')}" href="https://${hostOf(story)}/donate?source=article-inline">${escapeHtml(b.button)}</a></div>`
        : ''
    }
  </div>
</div>`;
    case 'comments':
      return `
<section class="${cls('comments')}" id="comments">
  <div class="${hashClass('comments-inner')}">
    <h2 class="${cls('comments-heading')}">${escapeHtml(b.heading)}</h2>
    <p class="${hashClass('comments-copy')}">${escapeHtml(b.text)}</p>
    <button type="button" class="${cls('comments-button')}" aria-expanded="false">${ICON('speech bubble')}<span>${escapeHtml(b.button)}</span></button>
  </div>
</section>`;
    case 'share': {
      const items = b.targets.map((t) => {
        const label = `<span class="${hashClass('visually-hidden')}">${escapeHtml(SHARE_LABELS[t])}</span>`;
        const href: Record<ShareTarget, string> = {
          facebook: `https://www.facebook.com/sharer/sharer.php?u=${url}`,
          x: `https://x.com/intent/post?url=${url}`,
          whatsapp: `https://wa.me/?text=${url}`,
          email: `mailto:?subject=${encodeURIComponent(parseMarked(story.headline).plain)}&body=${url}`,
          copy: '',
        };
        const inner =
          t === 'copy'
            ? `<button type="button" class="${cls('share-button')}" data-copy="${escapeHtml(story.url)}">${ICON(t)}${label}</button>`
            : `<a class="${cls('share-button')}" href="${escapeHtml(href[t])}" target="_blank" rel="noopener noreferrer">${ICON(t)}${label}</a>`;
        return `    <li class="${hashClass('share-item')}">${inner}</li>`;
      });
      return `
<div class="${cls('share')}">${b.label ? `\n  <span class="${hashClass('share-label')}">${escapeHtml(b.label)}</span>` : ''}
  <ul class="${hashClass('share-list')}">
${items.join('\n')}
  </ul>
</div>`;
    }
    case 'related':
      return `
<aside class="${cls('related')}">
  <h2 class="${cls('related-heading')}">${escapeHtml(b.heading)}</h2>
  <ul class="${hashClass('related-list')}">
${b.links.map((l) => `    <li class="${hashClass('related-item')}"><a class="${hashClass('related-link')}" href="${escapeHtml(l.url)}">${escapeHtml(l.title)}</a></li>`).join('\n')}
  </ul>
</aside>`;
    case 'newsletter':
      return `
<div class="${cls('newsletter')}">
  <form class="${hashClass('newsletter-form')}" action="https://${hostOf(story)}/newsletters/signup" method="post">
    <h3 class="${cls('newsletter-heading')}">${escapeHtml(b.heading)}</h3>
    <p class="${hashClass('newsletter-copy')}">${escapeHtml(b.text)}</p>
    <label class="${hashClass('visually-hidden')}" for="nl-email-${n}">${escapeHtml(b.inputLabel)}</label>
    <input id="nl-email-${n}" type="email" name="email" autocomplete="email" placeholder="name@example.com" required>
    <button type="submit" class="${cls('newsletter-button')}">${escapeHtml(b.button)}</button>
    <p class="${hashClass('newsletter-small')}"><small>${escapeHtml(b.smallPrint)}</small></p>
  </form>
</div>`;
  }
}

function hostOf(story: NewsStory): string {
  return new URL(story.url).host;
}

// ---------------------------------------------------------------------------------------------------
// Site furniture: the same on every page of the invented site
// ---------------------------------------------------------------------------------------------------

const NAV_SECTIONS = ['News', 'UK', 'World', 'Politics', 'Business', 'Health', 'Climate', 'Science', 'Culture', 'Sport', 'Opinion', 'Travel'];

const MOST_READ = [
  'Rail fares to rise by less than expected after late change of heart',
  'Why the price of butter keeps climbing, and when it might stop',
  'Coastal town votes to keep its pier after a decade-long campaign',
  'The quiet return of the village post office',
  'Six winter walks that end at a good pub',
];

const FOOTER_COLUMNS: Array<[string, string[]]> = [
  ['News', ['UK', 'World', 'Politics', 'Business', 'Health', 'Science', 'Tech', 'Climate']],
  ['Opinion', ['Editorials', 'Columnists', 'Letters', 'Cartoons']],
  ['Culture', ['Film', 'TV', 'Music', 'Books', 'Theatre', 'Art']],
  ['Lifestyle', ['Food and drink', 'Travel', 'Money', 'Homes', 'Puzzles']],
  ['About us', ['Contact us', 'Careers', 'Complaints', 'Editorial code', 'Advertise with us', 'Syndication']],
  ['Legal', ['Terms of use', 'Privacy notice', 'Cookie policy', 'Cookie settings', 'Accessibility']],
];

function header(story: NewsStory, host: string): string {
  const current = story.section.toLowerCase();
  const items = NAV_SECTIONS.map((s) => {
    const here = s.toLowerCase() === current ? ' aria-current="page"' : '';
    return `        <li class="${hashClass('nav-item')}"><a class="${hashClass('nav-link')}" href="https://${host}/${slugify(s)}"${here}>${escapeHtml(s)}</a></li>`;
  });
  return `
  <a class="${hashClass('skip-link')}" href="#main-content">Skip to main content</a>
  <header class="${cls('masthead')}">
    <div class="${hashClass('masthead-top')}">
      <button type="button" class="${cls('menu-button')}" aria-expanded="false" aria-controls="site-nav">${ICON('menu')}<span>Menu</span></button>
      <a class="${hashClass('logo')}" href="https://${host}/" aria-label="${escapeHtml(story.siteName)} home">
        <svg role="img" width="220" height="36" viewBox="0 0 220 36"><title>${escapeHtml(story.siteName)}</title><path d="M0 0h220v36H0z"/></svg>
      </a>
      <div class="${hashClass('masthead-actions')}">
        <button type="button" class="${cls('search-button')}">${ICON('search')}<span class="${hashClass('visually-hidden')}">Search</span></button>
        <a class="${hashClass('account-link')}" href="https://${host}/login">Sign in</a>
        <a class="${cls('subscribe-link')}" href="https://${host}/subscribe">Subscribe</a>
      </div>
    </div>
    <nav class="${cls('site-nav')}" id="site-nav" aria-label="Sections">
      <ul class="${hashClass('nav-list')}">
${items.join('\n')}
      </ul>
    </nav>
  </header>`;
}

function breadcrumb(story: NewsStory, host: string): string {
  return `
    <nav class="${cls('breadcrumb')}" aria-label="Breadcrumb">
      <ol class="${hashClass('breadcrumb-list')}">
        <li><a href="https://${host}/">Home</a></li>
        <li><a href="https://${host}/news">News</a></li>
        <li><a href="https://${host}/${slugify(story.section)}" aria-current="location">${escapeHtml(story.section)}</a></li>
      </ol>
    </nav>`;
}

function mostRead(host: string): string {
  return `
    <aside class="${cls('most-read')}" aria-labelledby="most-read-heading">
      <h2 class="${cls('most-read-heading')}" id="most-read-heading">Most popular</h2>
      <ol class="${hashClass('most-read-list')}">
${MOST_READ.map((t, i) => `        <li class="${hashClass('most-read-item')}"><span class="${hashClass('rank')}">${i + 1}</span><a href="https://${host}/news/${slugify(t)}-b${2400100 + i * 37}.html">${escapeHtml(t)}</a></li>`).join('\n')}
      </ol>
    </aside>`;
}

function footer(story: NewsStory, host: string): string {
  const cols = FOOTER_COLUMNS.map(
    ([title, links]) => `
      <div class="${hashClass('footer-col')}">
        <h3 class="${hashClass('footer-heading')}">${escapeHtml(title)}</h3>
        <ul class="${hashClass('footer-list')}">
${links.map((l) => `          <li><a href="https://${host}/${slugify(title)}/${slugify(l)}">${escapeHtml(l)}</a></li>`).join('\n')}
        </ul>
      </div>`,
  );
  const year = story.published ? new Date(story.published).getUTCFullYear() : 2025;
  return `
  <footer class="${cls('footer')}">
    <div class="${hashClass('footer-columns')}">${cols.join('')}
    </div>
    <div class="${hashClass('footer-social')}">
      <a href="https://www.facebook.com/${slugify(story.siteName)}">${ICON('facebook')}<span class="${hashClass('visually-hidden')}">Follow us on Facebook</span></a>
      <a href="https://x.com/${slugify(story.siteName)}">${ICON('x')}<span class="${hashClass('visually-hidden')}">Follow us on X</span></a>
      <a href="https://www.instagram.com/${slugify(story.siteName)}">${ICON('instagram')}<span class="${hashClass('visually-hidden')}">Follow us on Instagram</span></a>
    </div>
    <p class="${hashClass('footer-legal')}">© ${year} ${escapeHtml(story.siteName)}. All rights reserved. This is an invented site used for testing.</p>
  </footer>`;
}

// ---------------------------------------------------------------------------------------------------
// The page
// ---------------------------------------------------------------------------------------------------

/** The full HTML document for a story. Deterministic: the same story always renders the same bytes. */
export function renderNewsPage(story: NewsStory): string {
  const host = hostOf(story);
  const headline = parseMarked(story.headline);
  const standfirst = story.standfirst === null ? null : parseMarked(story.standfirst);
  const title = `${headline.plain} | ${story.siteName}`;
  const description = standfirst?.plain ?? headline.plain;
  const authorUrl = story.byline ? `https://${host}/author/${slugify(story.byline.name)}` : null;

  // Boilerplate after the last paragraph sits after the body container (still inside <article>), as the
  // comment and "more on this story" sections of real pages do.
  let lastProse = -1;
  story.blocks.forEach((b, i) => {
    if (b.type !== 'boilerplate') lastProse = i;
  });
  const bodyParts: string[] = [];
  const tailParts: string[] = [];
  let paragraphs = 0;
  story.blocks.forEach((b, i) => {
    const into = i > lastProse ? tailParts : bodyParts;
    if (b.type === 'paragraph') {
      into.push(`\n<p>${inlineHtml(parseMarked(b.text))}</p>`);
      paragraphs++;
      // An empty advertising slot after every sixth paragraph: present in real pages, holds no text.
      if (paragraphs % 6 === 0) {
        into.push(`\n<div class="${cls('ad-slot')}" data-slot="inline-${paragraphs / 6}" aria-hidden="true"></div>`);
      }
    } else if (b.type === 'subheading') {
      into.push(`\n<h2 class="${hashClass('subheading')}">${inlineHtml(parseMarked(b.text))}</h2>`);
    } else {
      into.push(renderBoilerplate(b, story, i));
    }
  });

  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: headline.plain,
    description,
    mainEntityOfPage: story.url,
    articleSection: story.section,
    ...(story.published ? { datePublished: story.published, dateModified: story.published } : {}),
    ...(story.byline ? { author: [{ '@type': 'Person', name: story.byline.name, url: authorUrl }] } : {}),
    ...(story.imageCaption ? { image: [`https://static.${host}/images/${slugify(headline.plain).slice(0, 40)}.jpg`] } : {}),
    publisher: { '@type': 'NewsMediaOrganization', name: story.siteName, logo: { '@type': 'ImageObject', url: `https://static.${host}/logo.png` } },
    isAccessibleForFree: true,
  };

  const byline = story.byline
    ? `
        <div class="${cls('byline')}">
          <span class="${hashClass('byline-by')}">By</span> <a class="${hashClass('author-link')}" rel="author" href="${escapeHtml(authorUrl!)}">${escapeHtml(story.byline.name)}</a>${
            story.byline.role ? `<span class="${hashClass('byline-role')}">${escapeHtml(story.byline.role)}</span>` : ''
          }
        </div>`
    : '';
  const dateline = story.published
    ? `
        <div class="${hashClass('dateline')}"><time datetime="${escapeHtml(story.published)}">${escapeHtml(displayDate(story.published))}</time></div>`
    : '';
  const image = story.imageCaption
    ? `
      <figure class="${cls('lead-figure')}">
        <div class="${hashClass('image-wrap')}"><img src="https://static.${host}/images/${slugify(headline.plain).slice(0, 40)}.jpg" srcset="https://static.${host}/images/${slugify(headline.plain).slice(0, 40)}-640.jpg 640w, https://static.${host}/images/${slugify(headline.plain).slice(0, 40)}.jpg 1280w" sizes="(max-width: 700px) 100vw, 700px" width="1280" height="720" alt="${escapeHtml(story.imageCaption)}" loading="eager"></div>
        <figcaption class="${hashClass('caption')}"><span class="${hashClass('caption-text')}">${escapeHtml(story.imageCaption)}</span>${
          story.imageCredit ? ` <span class="${hashClass('caption-credit')}">(${escapeHtml(story.imageCredit)})</span>` : ''
        }</figcaption>
      </figure>`
    : '';

  return `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
  <meta name="description" content="${escapeHtml(description)}">
  <link rel="canonical" href="${escapeHtml(story.url)}">
  <meta property="og:type" content="article">
  <meta property="og:site_name" content="${escapeHtml(story.siteName)}">
  <meta property="og:title" content="${escapeHtml(headline.plain)}">
  <meta property="og:description" content="${escapeHtml(description)}">
  <meta property="og:url" content="${escapeHtml(story.url)}">
  <meta name="twitter:card" content="summary_large_image">
  <meta property="article:section" content="${escapeHtml(story.section)}">${
    story.published ? `\n  <meta property="article:published_time" content="${escapeHtml(story.published)}">` : ''
  }${story.byline ? `\n  <meta name="author" content="${escapeHtml(story.byline.name)}">` : ''}
  <link rel="preconnect" href="https://static.${host}">
  <style>
    .${hashClass('visually-hidden')}{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
    .${hashClass('skip-link')}{position:absolute;left:-999px}
    .${hashClass('nav-list')}{display:flex;gap:12px;list-style:none}
    .${hashClass('article-body')} p{font:18px/1.6 Georgia,serif;margin:0 0 20px}
    .${hashClass('support')}{border-top:4px solid #c00;padding:16px;background:#f6f6f6}
  </style>
  <script type="application/ld+json">${scriptJson(jsonLd)}</script>
  <script>window.__PAGE_STATE__=${scriptJson({ section: slugify(story.section), url: story.url, ads: { inline: true }, experiments: ['inline-support-v3', 'share-bar-top'] })};</script>
</head>
<body class="${hashClass('body')}">${header(story, host)}
  <main class="${cls('main')}" id="main-content">${breadcrumb(story, host)}
    <article class="${cls('article')}">
      <header class="${cls('article-header')}">
        <h1 class="${cls('headline')}">${inlineHtml(headline)}</h1>${
          standfirst ? `\n        <p class="${cls('standfirst')}">${inlineHtml(standfirst)}</p>` : ''
        }${byline}${dateline}
      </header>${image}
      <div class="${cls('article-body')}">${bodyParts.join('')}
      </div>${tailParts.join('')}
    </article>${mostRead(host)}
  </main>${footer(story, host)}
  <script>document.querySelectorAll('[data-copy]').forEach(function(b){b.addEventListener('click',function(){navigator.clipboard&&navigator.clipboard.writeText(b.getAttribute('data-copy'))})});</script>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------------
// Gold data, computed from the story's own annotation (never by running an engine)
// ---------------------------------------------------------------------------------------------------

export const BODY_SEPARATOR = '\n\n';

/** The gold a perfect extractor and quote finder would produce for a story. */
export function storyGold(story: NewsStory): StoryGold {
  const quotes: GoldQuote[] = [];
  const headline = parseMarked(story.headline);
  for (const q of headline.quotes) quotes.push({ text: q.text, start: q.start, end: q.end, speaker: q.speaker, where: 'headline' });
  const standfirst = story.standfirst === null ? null : parseMarked(story.standfirst);
  for (const q of standfirst?.quotes ?? []) quotes.push({ text: q.text, start: q.start, end: q.end, speaker: q.speaker, where: 'standfirst' });

  let text = '';
  for (const b of story.blocks) {
    if (b.type === 'boilerplate') continue;
    const m = parseMarked(b.text);
    if (text) text += BODY_SEPARATOR;
    const base = text.length;
    text += m.plain;
    for (const q of m.quotes) quotes.push({ text: q.text, start: base + q.start, end: base + q.end, speaker: q.speaker, where: 'body' });
  }

  const boilerplate: StoryGold['boilerplate'] = [];
  for (const b of story.blocks) {
    if (b.type !== 'boilerplate') continue;
    const pieces = boilerplateTexts(b);
    boilerplate.push({ kind: b.kind, startsWith: pieces[0] ?? '', endsWith: pieces[pieces.length - 1] ?? '' });
  }

  return {
    title: headline.plain,
    standfirst: standfirst?.plain ?? null,
    byline: story.byline?.name ?? null,
    published: story.published,
    text,
    quotes,
    boilerplate,
  };
}
