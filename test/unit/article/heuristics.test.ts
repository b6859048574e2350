/**
 * Each heuristic of the article engine on a small page written for it (invented text, no corpus).
 * Pages are built around the same four-paragraph story so a test changes one thing at a time.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { parseDocument } from '../../support/dom';
import { analyzeArticle, classifyBoilerplate, looksLikeArticlePage, STEPS, TEXT_PATTERNS } from '../../../src/core/article/index';
import { kindFromText, kindFromTokens, tokenize } from '../../../src/core/article/kinds';
import { toIsoDate } from '../../../src/core/article/meta';
import { KIND_TOKEN_PAIRS, KIND_TOKENS } from '../../../src/core/article/patterns';

const STORY = [
  'The council voted on Tuesday evening to reopen the old river ferry, closed since the bridge repairs began three winters ago, after a long campaign by residents on both banks.',
  'Supporters said the crossing, which takes four minutes, would save commuters almost an hour a day, while opponents warned that the running costs had never been properly counted.',
  '“We have waited long enough, and the town has changed around us,” said the ferry trust’s chair, who has run the campaign from a kitchen table since it began.',
  'The first boats are expected to run in the spring, subject to a safety inspection, with fares held at last year’s level for the first twelve months of service.',
];
const paras = (ps: string[] = STORY) => ps.map((p) => `<p>${p}</p>`).join('\n');

function page(body: string, head = ''): Document {
  return parseDocument(
    `<!doctype html><html><head><meta charset="utf-8"><title>Ferry to return after council vote | Town Post</title>${head}</head>` +
      `<body><header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>` +
      `<main>${body}</main><footer><a href="/about">About</a> <a href="/privacy">Privacy</a></footer></body></html>`,
    'https://town.example/news/ferry',
  );
}

const storyText = STORY.join('\n\n');

describe('tokenize', () => {
  it.each([
    ['article-comments__count', ['article', 'comments', 'count']],
    ['mostReadList', ['most', 'read', 'list']],
    ['  sc-7xseqn  AdSlot_top ', ['sc', '7xseqn', 'ad', 'slot', 'top']],
    ['', []],
  ])('%s', (name, want) => expect(tokenize(name)).toEqual(want));
});

describe('kindFromTokens (step boilerplate-tokens)', () => {
  const el = (attrs: string) => parseDocument(`<div ${attrs}>x</div>`).querySelector('div')!;
  it.each([
    ['class="share-tools"', 'share'],
    ['class="article-comments"', 'comments'],
    ['id="disqus_thread"', 'comments'],
    ['class="mostRead"', 'related'],
    ['class="related-stories"', 'related'],
    ['class="ad-slot ad-slot--mpu"', 'ad'],
    ['class="newsletter-signup"', 'newsletter'],
    ['class="paywall-prompt"', 'subscribe'],
    ['class="contributions-epic"', 'support'],
    ['aria-label="Share this article"', 'share'],
    // upper-case words and camelCase pairs pass the one-look gate (kind words in any case, anywhere in the name)
    ['class="SUBSCRIBE-box"', 'subscribe'],
    ['data-testid="youMayLike"', 'related'],
    ['id="ADSlot"', 'ad'],
    // not boilerplate: story figures with a share modifier, teasers flagged commentable, headers, loaders
    ['class="fig--has-shares element-image"', null],
    ['class="fc-item--is-commentable"', null],
    ['class="header download"', null],
    ['class="[&_.newsletter-box]:hidden"', null],
    ['aria-label="Reply from @bob@example.social"', null],
  ])('%s → %s', (attrs, kind) => expect(kindFromTokens(el(attrs))?.kind ?? null).toBe(kind));
  it('reads kind words that are plain lower-case letters (the gate joins them into one case-blind alternation)', () => {
    const words = [...Object.values(KIND_TOKENS).flatMap((k) => [...k.exact, ...k.prefix]), ...KIND_TOKEN_PAIRS.flatMap((p) => p.pair.split(' '))];
    for (const w of words) expect(w).toMatch(/^[a-z]+$/);
  });
});

describe('kindFromText (step boilerplate-text)', () => {
  it.each([
    ['Your support makes all the difference.', 'support'],
    ['Make a one-off contribution', 'support'],
    ['We don’t put our journalism behind a paywall.', 'support'],
    ['Already a subscriber? Log in', 'subscribe'],
    ['Subscribe to continue reading', 'subscribe'],
    ['Sign up to our daily newsletter', 'newsletter'],
    ['The best stories, straight to your inbox', 'newsletter'],
    ['Join the conversation', 'comments'],
    ['Join our commenting forum', 'comments'],
    ['128 comments', 'comments'],
    ['Share this article', 'share'],
    ['Most read', 'related'],
    ['Read more: Council approves budget', 'related'],
    ['Advertisement', 'ad'],
    // story sentences that mention the same words must not match
    ['The charity said donations had fallen sharply this year.', null],
    ['Comments made by the minister were criticised.', null],
    ['She shared the letter with reporters.', null],
    ['See also', null], // disabled pattern: reference works end with a See also section
  ])('%s → %s', (text, kind) => expect(kindFromText(text)?.kind ?? null).toBe(kind));

  it('keeps disabled patterns in the table with their reason', () => {
    const off = TEXT_PATTERNS.filter((p) => p.disabled);
    expect(off.length).toBeGreaterThan(0);
    for (const p of off) expect(p.disabled!.length).toBeGreaterThan(20);
  });
});

/** Boilerplate blocks, one per heuristic, each placed where news sites put them. */
const BLOCKS: Array<{ name: string; html: string; kind: string; step: string; disable: string }> = [
  {
    name: 'donation appeal between paragraphs (hashed classes)',
    html: '<div class="x9f2"><h3 class="a1">Independent reporting needs you</h3><p class="b2">Our reporters go where decisions are made and explain what they mean.</p><p class="b2">Your support keeps this work free for everyone to read.</p><p class="b2">Every contribution, however small, makes a difference.</p><a href="/donate">Support us</a></div>',
    kind: 'support', step: STEPS.boilerplateText, disable: STEPS.boilerplateText,
  },
  {
    name: 'comment section named by its class',
    html: '<section class="article-comments"><h2>Comments</h2><p>Sign in to see what other readers think of this story and add your own view.</p></section>',
    kind: 'comments', step: STEPS.boilerplateTokens, disable: STEPS.boilerplateTokens,
  },
  {
    name: 'comment prompt recognised by its words',
    html: '<div class="q7"><h2 class="z1">Join the conversation</h2><p class="z2">Share your views on this story with other readers.</p></div>',
    kind: 'comments', step: STEPS.boilerplateText, disable: STEPS.boilerplateText,
  },
  {
    name: 'share bar',
    html: '<div class="r5"><span>Share this article</span><a href="https://facebook.example/share">Facebook</a><a href="https://x.example/share">X</a><a href="mailto:?body=x">Email</a></div>',
    kind: 'share', step: STEPS.boilerplateText, disable: STEPS.boilerplateText,
  },
  {
    name: 'related links box',
    html: '<aside class="k2"><h3>More on this story</h3><ul><li><a href="/a">Bridge repairs to finish early</a></li><li><a href="/b">Ferry trust wins lottery grant</a></li></ul></aside>',
    kind: 'related', step: STEPS.boilerplateText, disable: STEPS.boilerplateText,
  },
  {
    name: 'newsletter sign-up form',
    html: '<div class="n4"><form action="/newsletters/signup"><h3>The Morning Brief</h3><p>The day’s news in five minutes, free to your inbox.</p><label>Email address</label><input type="email"><button>Sign up</button></form></div>',
    kind: 'newsletter', step: STEPS.boilerplateTokens, disable: STEPS.boilerplateTokens,
  },
  {
    name: 'ad slot label',
    html: '<div class="m3"><span>Advertisement</span></div>',
    kind: 'ad', step: STEPS.boilerplateText, disable: STEPS.boilerplateText,
  },
  {
    name: 'subscription prompt',
    html: '<div class="p8"><p>Subscribe now for unlimited access to every story.</p><a href="/subscribe">See offers</a></div>',
    kind: 'subscribe', step: STEPS.boilerplateText, disable: STEPS.boilerplateText,
  },
];

describe('boilerplate heuristics on a small page', () => {
  for (const b of BLOCKS) {
    const build = () =>
      page(`<article><h1>Ferry to return after council vote</h1>${paras(STORY.slice(0, 2))}${b.html}${paras(STORY.slice(2))}</article>`);

    it(`${b.name}: flagged as ${b.kind}, story text intact`, () => {
      const a = analyzeArticle(build());
      expect(a.isArticle).toBe(true);
      expect(a.text).toBe(storyText);
      const hit = a.boilerplate.find((x) => x.kind === b.kind);
      expect(hit, JSON.stringify(a.boilerplate.map((x) => [x.kind, x.text]))).toBeDefined();
      expect(hit!.step).toBe(b.step);
      for (const p of a.paragraphs) expect(hit!.element.contains(p)).toBe(false);
      expect(a.removals.some((r) => r.step === b.step)).toBe(true);
    });

    it(`${b.name}: off with step ${b.disable}`, () => {
      const a = analyzeArticle(build(), { disabledSteps: [b.disable] });
      expect(a.boilerplate.filter((x) => x.step === b.disable)).toEqual([]);
    });
  }

  it('never hides a story paragraph that merely quotes an appeal', () => {
    const story = [...STORY.slice(0, 2), '“Your support makes all the difference to the crew,” the chair told volunteers at the slipway on Saturday morning.', ...STORY.slice(2)];
    const a = analyzeArticle(page(`<article><h1>Ferry to return</h1>${paras(story)}</article>`));
    expect(a.text).toBe(story.join('\n\n'));
    expect(a.boilerplate).toEqual([]);
  });

  it('lists outermost blocks only', () => {
    const a = analyzeArticle(page(`<article><h1>Ferry</h1>${paras()}<div class="share-tools"><div class="share-buttons"><a href="#">Share</a></div></div></article>`));
    const shares = a.boilerplate.filter((b) => b.kind === 'share');
    expect(shares).toHaveLength(1);
    expect(shares[0]!.element.className).toBe('share-tools');
  });

  it('flags a list of teaser links after the story as related (step link-clusters)', () => {
    const teasers = '<section><p><a href="/1">Why the bridge took three years</a> · <a href="/t/transport">transport</a></p><p><a href="/2">A short history of the river ferry</a> · <a href="/t/history">history</a></p></section>';
    const a = analyzeArticle(page(`<article><h1>Ferry</h1>${paras()}${teasers}</article>`));
    expect(a.text).toBe(storyText);
    expect(a.boilerplate.map((b) => [b.kind, b.step])).toEqual([['related', STEPS.linkClusters]]);
  });
});

describe('story heuristics', () => {
  it('skips hidden nodes (step hidden-nodes) and keeps them with the step off', () => {
    const body = `<article><h1>Ferry</h1>${paras()}<p style="display: none">This paragraph is hidden by its inline style and should never be read.</p><p aria-hidden="true">Another hidden paragraph the reader never sees on the page at all.</p></article>`;
    const a = analyzeArticle(page(body));
    expect(a.text).toBe(storyText);
    expect(a.paragraphs).toHaveLength(4);
    const off = analyzeArticle(page(body), { disabledSteps: [STEPS.hiddenNodes] });
    expect(off.paragraphs).toHaveLength(6);
  });

  it('leaves captions and figures out of the text (step captions)', () => {
    const a = analyzeArticle(page(`<article><h1>Ferry</h1>${paras(STORY.slice(0, 2))}<figure><img src="f.jpg" alt=""><figcaption>The ferry at its mooring, photographed last week by a reader.</figcaption></figure>${paras(STORY.slice(2))}</article>`));
    expect(a.text).toBe(storyText);
    const b = analyzeArticle(page(`<article><h1>Ferry</h1>${paras(STORY.slice(0, 2))}<figure><figcaption>The ferry at its mooring, photographed last week by a reader.</figcaption></figure>${paras(STORY.slice(2))}</article>`), { disabledSteps: [STEPS.captions] });
    expect(b.text).toContain('photographed last week');
  });

  it('keeps sub-headings, quotes and lists as story blocks, in order', () => {
    const body = `<article><h1>Ferry</h1><p>${STORY[0]}</p><h2>What happens next</h2><blockquote><p>${STORY[2]}</p></blockquote><ul><li>Inspection in March, with a report to the council</li><li>First sailings in April, weather permitting</li></ul><p>${STORY[3]}</p></article>`;
    const a = analyzeArticle(page(body));
    expect(a.paragraphs.map((p) => p.tagName)).toEqual(['P', 'H2', 'BLOCKQUOTE', 'UL', 'P']);
  });

  it('ignores the sidebar and finds the story among page chrome', () => {
    const side = '<aside class="sidebar"><h3>Elsewhere</h3><p>A long sidebar paragraph about something else entirely, with enough words to look like prose to a naive reader, and some commas, too, for weight.</p></aside>';
    const a = analyzeArticle(page(`<div class="layout">${side}<div class="story-body"><h1>Ferry</h1>${paras()}</div></div>`));
    expect(a.text).toBe(storyText);
    expect(a.root?.className).toBe('story-body');
  });

  it('reports a page without an article', () => {
    const a = analyzeArticle(page('<ul><li><a href="/1">One</a></li><li><a href="/2">Two</a></li></ul>'));
    expect(a.isArticle).toBe(false);
    expect(a.text).toBe('');
    expect(a.notArticleReason).toBeTruthy();
  });

  it('does not modify the document', () => {
    const doc = page(`<article><h1>Ferry</h1>${paras()}<div class="share-tools">Share</div></article>`);
    const before = doc.documentElement.outerHTML;
    analyzeArticle(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('survives a page nested 10,000 levels deep', () => {
    // linkedom: jsdom's own parser needs ~30 s for this tree; the engine is what is under test.
    const deep = '<div>'.repeat(10_000) + paras() + '</div>'.repeat(10_000);
    const { document } = parseHTML(`<!doctype html><html><head><title>Ferry</title></head><body>${deep}</body></html>`);
    const a = analyzeArticle(document as unknown as Document);
    expect(a.text).toBe(storyText);
  });
});

describe('labels', () => {
  const head =
    '<meta property="og:title" content="Ferry to return after council vote">' +
    '<meta property="og:description" content="Crossing closed since bridge repairs will reopen in spring, councillors decide">' +
    '<meta property="article:published_time" content="2025-03-04T18:30:00+00:00">';
  const body = `<article><div class="masthead"><h1>Site name</h1></div><h1>Ferry to return after council vote</h1>` +
    `<p class="x1">Crossing closed since bridge repairs will reopen in spring, councillors decide</p>` +
    `<p class="x2">By <a rel="author" href="/authors/ann">Ann Reporter</a></p>${paras()}</article>`;

  it('finds headline, standfirst, byline and date', () => {
    const a = analyzeArticle(page(body, head));
    expect(a.title).toBe('Ferry to return after council vote');
    expect(a.headline?.textContent).toBe('Ferry to return after council vote');
    expect(a.standfirst).toBe('Crossing closed since bridge repairs will reopen in spring, councillors decide');
    expect(a.byline).toBe('Ann Reporter');
    expect(a.published).toBe('2025-03-04T18:30:00+00:00');
    expect(a.text).toBe(storyText);
  });

  it('reads author and date from JSON-LD', () => {
    const ld = '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Ferry to return","author":[{"@type":"Person","name":"Ann Reporter"},{"@type":"Person","name":"Bo Writer"}],"datePublished":"2025-03-04"}]}</script>';
    const a = analyzeArticle(page(`<article><h1>Ferry to return</h1>${paras()}</article>`, ld));
    expect(a.byline).toBe('Ann Reporter, Bo Writer');
    expect(a.published).toBe('2025-03-04');
  });

  it.each([
    ['2025-03-04T18:30:00Z', '2025-03-04T18:30:00Z'],
    ['2025-03-04 18:30', '2025-03-04T18:30'],
    ['2016-02-01T01:28:49+0100', '2016-02-01T01:28:49+01:00'],
    ['March 4, 2025 18:30 UTC', '2025-03-04T18:30:00.000Z'],
    ['not a date', null],
  ])('toIsoDate(%s)', (s, want) => expect(toIsoDate(s)).toBe(want));
});

describe('looksLikeArticlePage', () => {
  it.each([
    ['og:type article', '<meta property="og:type" content="article">', '<p>x</p>', true],
    ['an <article>', '', '<article><p>x</p></article>', true],
    ['three long paragraphs', '', paras(STORY.slice(0, 3)), true],
    ['a link list', '', '<ul><li><a href="/">a</a></li></ul>', false],
  ])('%s → %s', (_n, head, body, want) => expect(looksLikeArticlePage(page(body, head))).toBe(want));
});

describe('classifyBoilerplate (late-inserted nodes)', () => {
  it('classifies an injected comment box and refuses story paragraphs', () => {
    const doc = page(`<article><h1>Ferry</h1>${paras()}</article>`);
    const a = analyzeArticle(doc);
    const late = doc.createElement('div');
    late.innerHTML = '<h3>Join the conversation</h3>';
    doc.querySelector('article')!.appendChild(late);
    expect(classifyBoilerplate(late.firstElementChild!, a)?.kind).toBe('comments');
    const ad = doc.createElement('div');
    ad.className = 'ad-slot';
    doc.querySelector('article')!.appendChild(ad);
    expect(classifyBoilerplate(ad, a)?.kind).toBe('ad');
    expect(classifyBoilerplate(a.paragraphs[0]!, a)).toBeNull();
    expect(classifyBoilerplate(doc.querySelector('article')!, a)).toBeNull();
  });
});
