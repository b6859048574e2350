/**
 * Every pattern the article engine uses, in one table, each with the step that applies it.
 *
 * Two families:
 *  - TOKEN patterns read what the page's authors called an element (class, id, role, aria-label,
 *    data-component/data-testid). Authors name their comment boxes and share bars after what they are,
 *    so these are the cheapest and most reliable signal — but hashed class names (CSS modules) defeat them.
 *  - TEXT patterns read what the reader sees in a short block ("Join the conversation", "Sign up to our
 *    newsletter"). They survive hashed markup. Every regex here is anchored or a plain alternation of
 *    literals with bounded gaps, so none can backtrack badly on long input.
 *
 * Disabled entries stay in the table with the reason they are off, so nobody re-adds them blindly.
 */

export type BoilerplateKind = 'support' | 'subscribe' | 'newsletter' | 'comments' | 'share' | 'related' | 'ad';

/** The analysis steps; each can be switched off through `AnalyzeOptions.disabledSteps`. */
export const STEPS = {
  /** Skip `hidden`, aria-hidden, display:none and visibility:hidden subtrees: the reader never sees them. */
  hiddenNodes: 'hidden-nodes',
  /** Ignore paragraphs inside elements named like chrome (nav, sidebar, footer…) when looking for the story. */
  unlikelyCandidates: 'unlikely-candidates',
  /** Weight containers by their class/id tokens (article/body/story up, sidebar/footer down). */
  classWeight: 'class-weight',
  /** Divide a container's score by how much of its text is link text. */
  linkDensity: 'link-density',
  /** Join siblings of the best container that score close to it (stories split across several divs). */
  siblingJoin: 'sibling-join',
  /** Boilerplate named by its tokens. */
  boilerplateTokens: 'boilerplate-tokens',
  /** Boilerplate recognised by its visible text. */
  boilerplateText: 'boilerplate-text',
  /** Leave captions, figures and embeds out of the story text. */
  captions: 'captions',
  /** Leave link lists and link-heavy boxes inside the body out of the story text. */
  linkClusters: 'link-clusters',
  /** The small per-site table at the bottom of this file. */
  siteFixes: 'site-fixes',
} as const;
export type StepName = (typeof STEPS)[keyof typeof STEPS];

/** Never part of the readable page. */
export const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'LINK', 'META',
  'HEAD', 'SELECT', 'TEXTAREA', 'BUTTON', 'INPUT',
]);

/** Never story text, though they sit inside story containers (step `captions`). */
export const NON_STORY_TAGS = new Set(['FIGURE', 'FIGCAPTION', 'NAV', 'ASIDE', 'FORM', 'FOOTER', 'H1', 'VIDEO', 'AUDIO', 'PICTURE', 'DIALOG', 'MENU']);

/** The blocks a story is made of. */
export const STORY_BLOCK_TAGS = new Set(['P', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'UL', 'OL', 'PRE', 'DL', 'TABLE']);

/** Elements that start a new block; a DIV holding none of them and some text is itself a paragraph. */
export const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE',
  'UL', 'TR', 'TD', 'TH', 'TBODY', 'THEAD', 'DETAILS', 'SUMMARY',
]);

/** Step `unlikely-candidates`: element names that say "not the story" … */
export const UNLIKELY_TOKENS = /(?:^|[^a-z])(?:banner|breadcrumbs?|combx|comments?|community|cookie|disqus|extra|footer|gdpr|header|legends?|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor\w*|supplemental|pagination|pager|popup|modal|masthead|navbar|agegate|promo|outbrain|taboola|newsletter|subscribe)(?:$|[^a-z])/;
/** … unless the name also says it may be the story. */
export const MAYBE_STORY_TOKENS = /article|body|column|content|main|story|entry|post|text|shadow/;
/** ARIA roles that are page chrome. */
export const UNLIKELY_ROLES = new Set(['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog', 'banner', 'contentinfo', 'search']);

/** Step `class-weight`. */
export const POSITIVE_TOKENS = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|prose/;
export const NEGATIVE_TOKENS = /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|newsletter|subscribe/;

/**
 * Step `boilerplate-tokens`: a token of the element's name (split at any non-letter and at camelCase humps)
 * that says what kind of boilerplate it is. Exact tokens only, so "fig--has-shares" style modifiers on
 * story figures and "commentable" teaser flags do not trip them; prefixes are listed separately.
 */
export const KIND_TOKENS: Record<BoilerplateKind, { exact: string[]; prefix: string[] }> = {
  support: { exact: ['donate', 'donation', 'donations', 'epic', 'contribute', 'contributions', 'supporter', 'supporters', 'appeal'], prefix: ['donat', 'supportus'] },
  subscribe: { exact: ['paywall', 'regwall', 'subscribe', 'subscription', 'subscriptions', 'piano', 'metered', 'meter', 'premium'], prefix: ['paywall', 'subscri'] },
  newsletter: { exact: ['newsletter', 'newsletters', 'signup', 'optin'], prefix: ['newsletter'] },
  comments: { exact: ['comment', 'comments', 'commenting', 'disqus', 'discussion', 'replies', 'respond', 'coral'], prefix: ['disqus', 'commentlist', 'commentsection'] },
  share: { exact: ['share', 'sharing', 'sharebar', 'sharetools', 'social', 'socials', 'addthis', 'sharethis'], prefix: ['sharebar', 'sharebutton', 'sharelink', 'sharetool', 'socialshar', 'sociallink'] },
  related: {
    exact: ['related', 'recommended', 'recommendations', 'recirc', 'recirculation', 'mostread', 'mostpopular', 'trending', 'outbrain', 'taboola', 'readmore', 'readnext', 'morestories', 'popular'],
    prefix: ['related', 'recommend', 'outbrain', 'taboola', 'mostread', 'mostpopular', 'morestories'],
  },
  ad: { exact: ['ad', 'ads', 'adv', 'advert', 'adverts', 'advertisement', 'advertising', 'adslot', 'adunit', 'dfp', 'sponsored', 'sponsor', 'gpt'], prefix: ['advert', 'adslot', 'adunit', 'adcontainer', 'adwrap', 'googleads'] },
};

/**
 * Two-token names ("most read", "read more", "support us") that only mean something together.
 * Checked on the joined token string, so "most-read" and "mostRead" both hit.
 */
export const KIND_TOKEN_PAIRS: Array<{ kind: BoilerplateKind; pair: string }> = [
  { kind: 'related', pair: 'most read' },
  { kind: 'related', pair: 'most popular' },
  { kind: 'related', pair: 'read more' },
  { kind: 'related', pair: 'read next' },
  { kind: 'related', pair: 'more stories' },
  { kind: 'related', pair: 'you may like' },
  { kind: 'support', pair: 'support us' },
  { kind: 'newsletter', pair: 'sign up' },
  { kind: 'newsletter', pair: 'email capture' },
  { kind: 'share', pair: 'follow us' },
];

/**
 * Step `boilerplate-text`: the visible text of a short block (headings and blocks up to
 * TEXT_PATTERN_MAX_CHARS). `strong` patterns are appeals nobody writes in a news story; a
 * block matching only a weak one must be short or sit among other matches.
 */
export interface TextPattern {
  kind: BoilerplateKind;
  name: string;
  re: RegExp;
  /**
   * What `re` cannot match without: a cheap gate tested first (the text must contain one of these, or start
   * with one written "^…"). Kept beside the regex; a unit test checks every string the regex matches passes it.
   */
  needs: string[];
  strong: boolean;
  disabled?: string;
}
export const TEXT_PATTERN_MAX_CHARS = 600;
/** Longer blocks than this count as appeals only when a neighbour matches too (a story may quote "donate"). */
export const LONE_MATCH_MAX_CHARS = 220;
/** A box whose first words match (its heading) may hold this much other text and still be that kind. */
export const HEADED_BOX_MAX_CHARS = 900;

export const TEXT_PATTERNS: TextPattern[] = [
  // support — donation appeals, in the first or second person plural of the outlet
  { kind: 'support', name: 'your-support', re: /\byour (?:support|donation|contribution|generosity)\b/, needs: ['your '], strong: true },
  { kind: 'support', name: 'support-our-journalism', re: /\bsupport (?:our|independent|quality|trusted|local) (?:\w+ )?(?:journalism|reporting|newsroom)/, needs: ['support '], strong: true },
  { kind: 'support', name: 'make-a-contribution', re: /\bmake a (?:one-off |single |monthly |small |recurring )?(?:contribution|donation|gift)\b/, needs: ['make a '], strong: true },
  { kind: 'support', name: 'donate', re: /\b(?:donate|donating) (?:now|today|here|to us|to support)\b|^donate$/, needs: ['donat'], strong: true },
  { kind: 'support', name: 'paywall-free-appeal', re: /(?:\bnot|n't|\bnever) (?:to )?(?:lock|put|hide) (?:\w+ ){0,3}(?:out|behind)\b.{0,60}\bpaywalls?\b/, needs: ['paywall'], strong: true },
  { kind: 'support', name: 'every-contribution', re: /\bevery (?:contribution|donation)\b|\b(?:can|could) afford to (?:chip in|contribute|give|pay)\b/, needs: ['every ', 'afford to '], strong: true },
  { kind: 'support', name: 'chip-in', re: /\bchip in\b/, needs: ['chip in'], strong: false },
  { kind: 'support', name: 'become-supporter', re: /\bbecome a (?:member|supporter|patron|friend)\b|\bsupport us\b/, needs: ['become a ', 'support us'], strong: false },
  { kind: 'support', name: 'journalism-for-everyone', re: /\bjournalism (?:should be|that is|to be) (?:free|available|open) to (?:everyone|all)\b/, needs: ['journalism '], strong: true },
  // subscribe — paywall and subscription prompts
  { kind: 'subscribe', name: 'subscribe-now', re: /\bsubscribe (?:now|today|for|to (?:continue|read|unlock|get))\b|^subscribe$/, needs: ['subscribe'], strong: true },
  { kind: 'subscribe', name: 'already-subscriber', re: /\balready (?:a |an )?(?:subscriber|member)\b|\bsubscribers? only\b|\bfor subscribers\b/, needs: ['already ', 'subscriber'], strong: true },
  { kind: 'subscribe', name: 'continue-reading', re: /\bto (?:continue|keep) reading\b|\bunlimited (?:digital )?access\b|\bstart your (?:free )?trial\b/, needs: ['reading', 'unlimited ', 'start your '], strong: true },
  { kind: 'subscribe', name: 'log-in-to-read', re: /\b(?:log|sign) ?in to (?:read|continue|keep reading)\b|\bcreate a free account\b/, needs: ['in to ', 'create a free account'], strong: true },
  // newsletter sign-up boxes
  { kind: 'newsletter', name: 'newsletter', re: /\bnewsletters?\b/, needs: ['newsletter'], strong: false },
  { kind: 'newsletter', name: 'to-your-inbox', re: /\bto your inbox\b|\bin your inbox\b/, needs: ['inbox'], strong: true },
  { kind: 'newsletter', name: 'unsubscribe-any-time', re: /\bunsubscribe at any ?time\b|\bby signing up,? you agree\b/, needs: ['unsubscribe', 'by signing up'], strong: true },
  { kind: 'newsletter', name: 'email-field-label', re: /^(?:your )?e-?mail(?: address)?\*?$/, needs: ['mail'], strong: true },
  { kind: 'newsletter', name: 'enter-email', re: /\benter your (?:e-?mail|email address)\b|\byour email address\b/, needs: ['mail'], strong: true },
  { kind: 'newsletter', name: 'sign-up-for', re: /\bsign up (?:for|to) (?:our|the|my)\b|^sign up\b/, needs: ['sign up'], strong: false },
  // comments
  { kind: 'comments', name: 'join-the-conversation', re: /\bjoin (?:the|our) (?:conversation|discussion|debate|commenting)\b|\bcommenting forum\b/, needs: ['join ', 'commenting forum'], strong: true },
  { kind: 'comments', name: 'comment-count', re: /^(?:\d[\d,.]*k? )?comments?(?: \(\d+\))?$|^(?:show|view|read|load|see) (?:all )?(?:\d+ )?comments?\b/, needs: ['comment'], strong: true },
  { kind: 'comments', name: 'share-your-views', re: /\bjoin (?:[\w-]+ ){0,2}conversations?\b|\bshare your (?:views|thoughts|opinions?)\b|\bhave your say\b|\b(?:see|read) (?:their|all|the) (?:replies|comments)\b/, needs: ['join ', 'share your ', 'have your say', 'replies', 'comments'], strong: true },
  { kind: 'comments', name: 'leave-a-comment', re: /\b(?:leave|post|add|write) a (?:comment|reply)\b|\bcomments? (?:are|is|have been) (?:closed|open|disabled)\b/, needs: ['comment', 'reply'], strong: true },
  // share / follow bars
  { kind: 'share', name: 'share-this', re: /^share(?: this)?(?: (?:story|article|page|post))?(?: on \w+)?$|^share (?:on|via) \w+/, needs: ['^share'], strong: true },
  { kind: 'share', name: 'follow-us', re: /^follow us\b|\bfollow us on\b/, needs: ['follow us'], strong: false },
  // related / read more / most read
  { kind: 'related', name: 'read-more-heading', re: /^(?:read more|more on this(?: story)?|related(?: stories| articles| coverage| content| links| reading)?|recommended(?: for you| stories| reading)?|most (?:read|popular|viewed|shared)|more stories|you (?:may|might) (?:also )?like|read next|what to read next|further reading|also read|trending(?: now)?|more from [\w ]{1,40}|top stories|latest stories)$/, needs: ['^read', '^more', '^related', '^recommended', '^most ', '^you ', '^what to read', '^further reading', '^also read', '^trending', '^top stories', '^latest stories'], strong: true },
  { kind: 'related', name: 'read-more-lead', re: /^(?:read more|related|also read|read also|see more|more):/, needs: ['^read', '^related', '^also read', '^see more', '^more'], strong: true },
  { kind: 'related', name: 'see-also', re: /^see also$/, needs: ['^see also'], strong: true, disabled: 'reference works (wikis, docs) end with a "See also" section that belongs to the article' },
  // ad labels
  { kind: 'ad', name: 'ad-label', re: /^(?:advertisement|advertising|advert|ad|sponsored(?: content)?|paid (?:post|content)|promoted(?: content)?|story continues below(?: advertisement)?|article continues below(?: advertisement)?|continue reading below)$/, needs: ['^ad', '^sponsored', '^paid ', '^promoted', '^story continues', '^article continues', '^continue reading'], strong: true },
];

/** Byline and date helpers (metadata, not boilerplate). */
export const BYLINE_TOKENS = /byline|author|writer|contributor|reporter/;
export const STANDFIRST_TOKENS = /standfirst|dek|subhead|sub-head|subtitle|summary|lede|lead|intro|excerpt|description|strapline|kicker-sub|teaser-text/;
export const BY_PREFIX = /^by\s+(?=\S)/i;

/**
 * Site fixes: a last resort for layouts the generic steps cannot read. Each entry names the host suffix,
 * a selector and the kind. The seed and demo results must hold with this table switched off (step `site-fixes`).
 */
export const SITE_FIXES: Array<{ host: string; selector: string; kind: BoilerplateKind; why: string }> = [
  { host: 'theguardian.com', selector: '.submeta', kind: 'share', why: 'the topic/share strip under the story is an unlabelled div' },
];
