/**
 * The background's message boundary: who may ask what, and from which page.
 *
 * - Only our own extension's contexts are answered (`sender.id`); anything else is refused and logged.
 * - A content script speaks only for its own page; its URL comes from `sender.tab.url` (or the frame's
 *   `sender.url`), never from the message.
 * - Extension pages (popup, panel, options) may name a tab by id; that tab's page is what its content script
 *   last reported, again as the browser saw it.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { parseRequest, type Reply, type ReportAnswer, type Request, type TabCommand } from '../messages';
import { normalizePageUrl, pageIdentity } from '../core/url';
import { notesDatabase as database } from '../storage/notes-database';
import { countPageNotes, createNote, deleteNote, deliverPendingFocus, openNote, pageNotes, recentNotes, restoreNote, updateNote, type PageIdentity } from './notes';
import { forgetDraft, panelToken, pendingDraft, rememberDraft, rememberPanelToken, rememberTab, tabPage, tabsShowing } from './tabs';

type Caller =
  | { kind: 'content'; tabId: number; tabUrl: string; rawTabUrl: string }
  | { kind: 'extension'; tabId: number | null };

/** Who is calling, by what the browser says about the sender; null for anyone we don't answer. */
export function identifyCaller(sender: Runtime.MessageSender, ownId: string, ownOrigin: string): Caller | null {
  if (sender.id !== ownId) return null;
  const frameUrl = sender.url ?? '';
  if (frameUrl.startsWith(ownOrigin)) return { kind: 'extension', tabId: sender.tab?.id ?? null };
  const tabId = sender.tab?.id;
  // Only the top frame's content script speaks for the page: a frame's URL is not the article's.
  if (tabId === undefined || (sender.frameId ?? 0) !== 0) return null;
  const rawTabUrl = sender.tab?.url ?? frameUrl;
  const tabUrl = normalizePageUrl(rawTabUrl);
  return tabUrl ? { kind: 'content', tabId, tabUrl, rawTabUrl } : null;
}

async function pageOf(caller: Caller, tabId: number | undefined): Promise<PageIdentity> {
  if (caller.kind === 'content') {
    // The page's canonical address counts only as reported for this very address (a report may be stale).
    const known = await tabPage(caller.tabId);
    if (known && known.tabUrl === caller.tabUrl) {
      return { pageUrl: known.pageUrl, canonicalUrl: known.canonicalUrl, pageTitle: known.report.title };
    }
    return { pageUrl: caller.tabUrl, canonicalUrl: null, pageTitle: '' };
  }
  // An extension page inside a tab (the in-page panel) speaks for that tab unless it names another.
  const id = tabId ?? caller.tabId ?? undefined;
  if (id === undefined) throw new Error('Name the tab whose page this is about.');
  const known = await tabPage(id);
  if (!known) throw new Error('Newsmark has not read that tab’s page (reload it, then try again).');
  return { pageUrl: known.pageUrl, canonicalUrl: known.canonicalUrl, pageTitle: known.report.title };
}

function extensionOnly(caller: Caller, type: string): void {
  if (caller.kind !== 'extension') throw new Error(`${type} is not available to pages`);
}

/** The tab an extension page means: the one it names, else the one it is shown in (the in-page panel). */
function targetTab(caller: Caller, tabId: number | undefined): number {
  const id = tabId ?? caller.tabId ?? undefined;
  if (id === undefined) throw new Error('Name the tab whose page this is about.');
  return id;
}

/** Relays a command to a tab's top-frame content script and returns its answer. */
export function toTab(tabId: number, command: TabCommand): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, command, { frameId: 0 });
}

/** Tells every tab showing a page that its notes changed, so highlights follow edits made elsewhere. */
async function notesChanged(pageUrl: string): Promise<void> {
  for (const tabId of await tabsShowing(pageUrl)) await toTab(tabId, { type: 'notes/changed' }).catch(() => undefined);
}

async function handle(request: Request, caller: Caller): Promise<unknown> {
  const db = database();
  switch (request.type) {
    case 'page/report': {
      if (caller.kind !== 'content') throw new Error('page/report comes from a page’s content script');
      const identity = pageIdentity({ tabUrl: caller.rawTabUrl, canonical: request.report.canonicalUrl, ogUrl: request.report.ogUrl });
      if (!identity) throw new Error('not a web page');
      await rememberTab(caller.tabId, { pageUrl: identity.pageUrl, tabUrl: caller.tabUrl, canonicalUrl: identity.canonicalUrl, report: request.report });
      await deliverPendingFocus(caller.tabId);
      // Only an article gets notes; the count tells its content script whether to load its note layer at all.
      const answer: ReportAnswer = { noteCount: request.report.isArticle ? await countPageNotes(db, identity.pageUrl) : 0 };
      return answer;
    }
    case 'tab/status':
      extensionOnly(caller, request.type);
      return tabPage(targetTab(caller, request.tabId));
    case 'notes/create': {
      const note = await createNote(db, await pageOf(caller, request.tabId), request.note);
      if (caller.kind === 'extension') await forgetDraft(targetTab(caller, request.tabId)).catch(() => undefined);
      void notesChanged(note.pageUrl);
      return note;
    }
    case 'notes/list-page':
      return pageNotes(db, (await pageOf(caller, request.tabId)).pageUrl);
    case 'notes/list-all':
      extensionOnly(caller, request.type);
      return recentNotes(db, request.limit);
    case 'notes/update':
      extensionOnly(caller, request.type);
      return updateNote(db, request.id, { text: request.text, tags: request.tags }).then((note) => {
        void notesChanged(note.pageUrl);
        return note;
      });
    case 'notes/delete':
      extensionOnly(caller, request.type);
      {
        const gone = await db.notes.get(request.id);
        await deleteNote(db, request.id);
        if (gone) void notesChanged(gone.pageUrl);
      }
      return null;
    case 'notes/restore':
      extensionOnly(caller, request.type);
      return restoreNote(db, request.note).then((note) => {
        void notesChanged(note.pageUrl);
        return note;
      });
    case 'notes/open':
      extensionOnly(caller, request.type);
      return openNote(db, request.id);
    case 'tab/focus-note':
      extensionOnly(caller, request.type);
      return toTab(request.tabId, { type: 'note/focus', id: request.noteId });
    case 'tab/set-view': {
      extensionOnly(caller, request.type);
      const { tabId, boilerplateShown, quotesShown } = request;
      return toTab(tabId, { type: 'view/set', boilerplateShown, quotesShown });
    }
    case 'tab/panel':
      extensionOnly(caller, request.type);
      return toTab(targetTab(caller, request.tabId), { type: 'panel/set', open: request.open, view: request.view });
    case 'tab/quotes':
      extensionOnly(caller, request.type);
      return toTab(targetTab(caller, request.tabId), { type: 'quotes/list' });
    case 'tab/focus-quote':
      extensionOnly(caller, request.type);
      return toTab(targetTab(caller, request.tabId), { type: 'quote/focus', index: request.index });
    case 'draft/set':
      if (caller.kind !== 'content') throw new Error('draft/set comes from a page’s content script');
      await rememberDraft(caller.tabId, request.draft);
      return null;
    case 'panel/token':
      if (caller.kind !== 'content') throw new Error('panel/token comes from a page’s content script');
      await rememberPanelToken(caller.tabId, request.token);
      return null;
    case 'draft/get':
      extensionOnly(caller, request.type);
      return pendingDraft(targetTab(caller, request.tabId));
  }
}

const PANEL_PATH = '/src/panel/index.html';

/**
 * The panel is web-accessible, so any page could frame it. It is answered only when it carries the token our
 * content script registered for its tab when it opened it (the page can't read that: the frame's address sits in
 * our closed shadow root).
 */
async function panelIsOurs(sender: Runtime.MessageSender, caller: Caller): Promise<boolean> {
  if (caller.kind !== 'extension' || !sender.url) return true;
  const url = new URL(sender.url);
  if (url.pathname !== PANEL_PATH) return true;
  if (caller.tabId === null) return false;
  const token = url.searchParams.get('k');
  return token !== null && token === (await panelToken(caller.tabId));
}

/** The runtime.onMessage listener: validates, checks the caller, runs, and always answers with a Reply. */
export async function onMessage(message: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> {
  const caller = identifyCaller(sender, browser.runtime.id, browser.runtime.getURL(''));
  if (!caller) {
    console.warn('[newsmark] refused a message from an unknown sender', sender.id, sender.url);
    return { ok: false, error: 'unknown sender' };
  }
  if (!(await panelIsOurs(sender, caller))) {
    console.warn('[newsmark] refused a panel that Newsmark did not open', sender.url);
    return { ok: false, error: 'This panel was not opened by Newsmark.' };
  }
  const parsed = parseRequest(message);
  if (!parsed.ok) {
    console.warn('[newsmark] rejected:', parsed.reason);
    return { ok: false, error: parsed.reason };
  }
  try {
    return { ok: true, value: await handle(parsed.request, caller) };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    console.warn(`[newsmark] ${parsed.request.type} failed:`, error);
    return { ok: false, error };
  }
}
