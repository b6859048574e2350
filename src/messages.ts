/**
 * The typed messages between Newsmark's contexts, and their schemas.
 *
 * One map of calls (`Requests`), one line of doc each. Every message is validated with valibot at the receiving
 * end: an invalid one is rejected with a logged reason and never half-processed. valibot rather than zod because
 * its functions tree-shake — the content script pulls in only the schemas it uses, which matters against its
 * 30 KB gzipped budget.
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
  canonicalUrl: v.nullable(Text(4_000)),
  isArticle: v.boolean(),
  hiddenCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  boilerplateShown: v.boolean(),
  quoteCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  speakers: v.pipe(v.array(Text(200)), v.maxLength(500)),
  skipped: v.nullable(Text(200)),
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

/** Requests to the background, keyed by type: the schema of the payload each carries. */
export const RequestSchemas = {
  /** Content script → background: the analysis of the sender's page. */
  'page/report': v.object({ type: v.literal('page/report'), report: PageReportSchema }),
  /** Popup/panel → background: the last report from a tab's content script (null if none). */
  'tab/status': v.object({ type: v.literal('tab/status'), tabId: TabId }),
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

/** Messages the background sends to a content script. */
export const TabCommandSchema = v.variant('type', [
  v.object({ type: v.literal('view/set'), boilerplateShown: v.optional(v.boolean()), quotesShown: v.optional(v.boolean()) }),
  v.object({ type: v.literal('page/status') }),
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

export function parseTabCommand(message: unknown): TabCommand | null {
  const result = v.safeParse(TabCommandSchema, message);
  return result.success ? result.output : null;
}
