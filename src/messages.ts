/**
 * The typed messages between Newsmark's contexts, and their schemas.
 *
 * One map of calls (`Requests`), one line of doc each. Every message is validated with valibot at the receiving
 * end: an invalid one is rejected with a logged reason and never half-processed. valibot rather than zod because
 * its functions tree-shake to the few validators each context uses. The content script, the one context loaded
 * on every page (30 KB gzipped budget), checks its few commands without it (`src/content/commands.ts`).
 *
 * A page's identity (its URL) is never part of a message from a content script: the background takes it from
 * `sender.tab.url`. Extension pages (popup, panel, options) name a tab by id, and the background looks that tab's
 * page up in what the tab's own content script reported.
 */
import * as v from 'valibot';

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const TabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const Tags = v.pipe(v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(64))), v.maxLength(50));

/** Where a note sits in the article text: W3C Web Annotation selectors (filled in by the anchoring engine). */
export const AnchorSchema = v.object({
  exact: Text(20_000),
  prefix: Text(200),
  suffix: Text(200),
  start: v.pipe(v.number(), v.integer(), v.minValue(0)),
  end: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type Anchor = v.InferOutput<typeof AnchorSchema>;

/** What a content script knows about its page after analysis. */
export const PageReportSchema = v.object({
  title: Text(2_000),
  /** What the page claims about its own address (`<link rel=canonical>`, `og:url`): untrusted, checked by the background. */
  canonicalUrl: v.nullable(Text(4_000)),
  ogUrl: v.optional(v.nullable(Text(4_000)), null),
  isArticle: v.boolean(),
  hiddenCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  boilerplateShown: v.boolean(),
  /** Whether quote highlights are on in the page now (the reader can switch them off from the popup). */
  quotesShown: v.optional(v.boolean(), true),
  quoteCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  speakers: v.pipe(v.array(Text(200)), v.maxLength(500)),
  skipped: v.nullable(Text(200)),
  /** A hash of the article text the page's analysis found: the same text as the CLI's gives the same hash. */
  textHash: v.pipe(v.string(), v.maxLength(16)),
  /** Notes of this page placed in it, and the ids of those whose passage could not be found. */
  noteCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  orphans: v.pipe(v.array(v.pipe(v.string(), v.uuid())), v.maxLength(10_000)),
});
export type PageReport = v.InferOutput<typeof PageReportSchema>;

const NoteDraftSchema = v.object({
  text: Text(100_000),
  tags: Tags,
  speaker: v.nullable(Text(200)),
  anchor: v.nullable(AnchorSchema),
});
export type NoteDraft = v.InferOutput<typeof NoteDraftSchema>;

const NoteIdSchema = v.pipe(v.string(), v.uuid());

/** A whole stored note (the popup's Undo hands one back). */
const StoredNoteSchema = v.object({
  id: NoteIdSchema,
  pageUrl: v.pipe(v.string(), v.url(), v.maxLength(4_000)),
  canonicalUrl: v.nullable(Text(4_000)),
  pageTitle: Text(2_000),
  site: Text(253),
  createdAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  updatedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  text: Text(100_000),
  tags: Tags,
  speaker: v.nullable(Text(200)),
  anchor: v.nullable(AnchorSchema),
});

export const PanelView = v.picklist(['quotes', 'notes', 'editor']);
export type PanelViewName = v.InferOutput<typeof PanelView>;

/** A note being written: the passage (or quote) it is on, before the reader has typed anything. */
export const DraftSchema = v.object({
  anchor: v.nullable(AnchorSchema),
  speaker: v.nullable(Text(200)),
});
export type Draft = v.InferOutput<typeof DraftSchema>;

/** A quote as the panel lists it. */
export interface QuoteSummary {
  index: number;
  text: string;
  speaker: string | null;
  part: 'headline' | 'standfirst' | 'body';
}

/** Requests to the background, keyed by type: the schema of the payload each carries. */
export const RequestSchemas = {
  /** Content script → background: the analysis of the sender's page. */
  'page/report': v.object({ type: v.literal('page/report'), report: PageReportSchema }),
  /** Popup/panel → background: the last report from a tab's content script (null if none). */
  'tab/status': v.object({ type: v.literal('tab/status'), tabId: v.optional(TabId) }),
  /** Content script → background: save a note on the sender's page. Extension pages name the tab instead. */
  'notes/create': v.object({ type: v.literal('notes/create'), tabId: v.optional(TabId), note: NoteDraftSchema }),
  /** The notes of one page: the sender's own page, or (from extension pages) the page shown in `tabId`. */
  'notes/list-page': v.object({ type: v.literal('notes/list-page'), tabId: v.optional(TabId) }),
  /** Extension pages only: every note, newest first. */
  'notes/list-all': v.object({ type: v.literal('notes/list-all'), limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))) }),
  /** Extension pages only: change a note's text or tags. */
  'notes/update': v.object({ type: v.literal('notes/update'), id: NoteIdSchema, text: v.optional(Text(100_000)), tags: v.optional(Tags) }),
  /** Extension pages only: delete a note. */
  'notes/delete': v.object({ type: v.literal('notes/delete'), id: NoteIdSchema }),
  /** Extension pages → the tab's page: open or close the in-page panel on one of its views. */
  'tab/panel': v.object({ type: v.literal('tab/panel'), tabId: v.optional(TabId), open: v.boolean(), view: v.optional(PanelView) }),
  /** The panel → its tab's page: the quotes found there, in reading order, with speakers. */
  'tab/quotes': v.object({ type: v.literal('tab/quotes'), tabId: v.optional(TabId) }),
  /** The panel → its tab's page: scroll to a quote and mark it. */
  'tab/focus-quote': v.object({ type: v.literal('tab/focus-quote'), tabId: v.optional(TabId), index: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  /** Content script → background: the selection or quote the reader wants to note, for the panel's editor. */
  'draft/set': v.object({ type: v.literal('draft/set'), draft: DraftSchema }),
  /** The panel → background: the pending draft for its tab (null when none). */
  'draft/get': v.object({ type: v.literal('draft/get'), tabId: v.optional(TabId) }),
  /** Content script → background: the secret the panel it is about to open will carry (see SECURITY.md). */
  'panel/token': v.object({ type: v.literal('panel/token'), token: v.pipe(v.string(), v.uuid()) }),
  /** Extension pages only: put back a deleted note exactly as it was (the popup's Undo). */
  'notes/restore': v.object({ type: v.literal('notes/restore'), note: StoredNoteSchema }),
  /** Extension pages only: bring a note's page to the front (its open tab, or a new one) and scroll to the note. */
  'notes/open': v.object({ type: v.literal('notes/open'), id: NoteIdSchema }),
  /** Extension pages → a tab's content script, relayed as `note/focus`: scroll to a note's passage. */
  'tab/focus-note': v.object({ type: v.literal('tab/focus-note'), tabId: TabId, noteId: NoteIdSchema }),
  /** Extension pages → the tab's content script, relayed by the background: show or hide boilerplate / quotes. */
  'tab/set-view': v.object({
    type: v.literal('tab/set-view'),
    tabId: TabId,
    boilerplateShown: v.optional(v.boolean()),
    quotesShown: v.optional(v.boolean()),
  }),
} as const;

export type RequestType = keyof typeof RequestSchemas;
export type Request<T extends RequestType = RequestType> = v.InferOutput<(typeof RequestSchemas)[T]>;

/**
 * The background's answer to `page/report`: how many notes are filed under the page (0 for a page that isn't an
 * article). The content script loads its note layer and the anchoring engine only when there are some.
 */
export interface ReportAnswer {
  noteCount: number;
}

/**
 * Messages the background sends to a content script. The content script checks them with a hand-written
 * equivalent of this schema (`src/content/commands.ts`, held to it by a unit test), so that it carries no
 * validation library on every page.
 */
export const TabCommandSchema = v.variant('type', [
  /** Show or hide boilerplate and quote highlights. */
  v.object({ type: v.literal('view/set'), boilerplateShown: v.optional(v.boolean()), quotesShown: v.optional(v.boolean()) }),
  /** Answer with the page's current report. */
  v.object({ type: v.literal('page/status') }),
  /** Open or close the in-page panel. */
  v.object({ type: v.literal('panel/set'), open: v.boolean(), view: v.optional(PanelView), toggle: v.optional(v.boolean()) }),
  /** Answer with the quotes in reading order. */
  v.object({ type: v.literal('quotes/list') }),
  /** Scroll to quote number `index` and mark it. */
  v.object({ type: v.literal('quote/focus'), index: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  /** The reader asked (menu or shortcut) to note the current selection. */
  v.object({ type: v.literal('note/from-selection') }),
  /** Scroll to a note's passage. */
  v.object({ type: v.literal('note/focus'), id: v.pipe(v.string(), v.uuid()) }),
  /** Notes changed in the database: re-read and re-highlight this page's notes. */
  v.object({ type: v.literal('notes/changed') }),
]);
export type TabCommand = v.InferOutput<typeof TabCommandSchema>;

export const RequestSchema = v.variant('type', Object.values(RequestSchemas));

/** Every reply has this shape, so a caller can tell a refusal from a result without guessing. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Validate an incoming message; the reason names the first problem in plain words. */
export function parseRequest(message: unknown): { ok: true; request: Request } | { ok: false; reason: string } {
  const result = v.safeParse(RequestSchema, message);
  if (result.success) return { ok: true, request: result.output as Request };
  const issue = result.issues[0];
  const path = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, reason: `invalid message${path ? ` at ${path}` : ''}: ${issue?.message ?? 'unknown'}` };
}
