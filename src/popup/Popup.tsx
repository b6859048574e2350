/**
 * The toolbar popup: what Newsmark did on this tab's page, this page's notes, then all notes.
 * Also works in a tab as `popup.html?tab=<id>`, showing that tab's page.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { ask } from '../ask';
import type { Note } from '../storage/db';
import type { TabPage } from '../background/tabs';

async function targetTabId(): Promise<number | null> {
  const fromQuery = new URLSearchParams(location.search).get('tab');
  if (fromQuery && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}

interface State {
  tabId: number | null;
  page: TabPage | null;
  pageNotes: Note[];
  allNotes: Note[];
  error: string | null;
  loading: boolean;
}

export function Popup() {
  const [state, setState] = useState<State>({ tabId: null, page: null, pageNotes: [], allNotes: [], error: null, loading: true });

  async function load() {
    try {
      const tabId = await targetTabId();
      const page = tabId === null ? null : await ask({ type: 'tab/status', tabId });
      const pageNotes = page && tabId !== null ? await ask({ type: 'notes/list-page', tabId }) : [];
      const allNotes = await ask({ type: 'notes/list-all', limit: 200 });
      setState({ tabId, page, pageNotes, allNotes, error: null, loading: false });
    } catch (err) {
      setState((s) => ({ ...s, loading: false, error: err instanceof Error ? err.message : String(err) }));
    }
  }

  useEffect(() => {
    void load();
  }, []);

  async function toggleBoilerplate() {
    if (state.tabId === null || !state.page) return;
    const shown = !state.page.report.boilerplateShown;
    await ask({ type: 'tab/set-view', tabId: state.tabId, boilerplateShown: shown }).catch(() => undefined);
    await load();
  }

  const { page } = state;
  const others = state.allNotes.filter((n) => n.pageUrl !== page?.pageUrl);
  return (
    <main>
      <header>
        <h1>Newsmark</h1>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>Settings</button>
      </header>
      {state.error && <p class="error" role="alert">{state.error}</p>}
      <section aria-labelledby="this-page">
        <h2 id="this-page">This page</h2>
        {page ? <PageSummary page={page} onToggle={toggleBoilerplate} /> : !state.loading && <p class="muted">Newsmark hasn’t read this page. It works on news articles opened over http or https.</p>}
        {page && <NoteList notes={state.pageNotes} empty="No notes on this page yet. Select a passage in the article to add one." />}
      </section>
      <section aria-labelledby="all-notes">
        <h2 id="all-notes">All notes</h2>
        {!state.loading && state.allNotes.length === 0 ? (
          <div class="empty">
            <p>You have no notes yet.</p>
            <p class="muted">Open a news article: Newsmark hides the appeals and prompts around the story and highlights who said what. Select any passage to keep a note on it — your notes stay in this browser.</p>
          </div>
        ) : (
          <NoteList notes={others} empty={state.loading ? 'Loading…' : 'No notes on other pages.'} showPage />
        )}
      </section>
    </main>
  );
}

function PageSummary({ page, onToggle }: { page: TabPage; onToggle: () => void }) {
  const r = page.report;
  if (r.skipped) return <p class="muted">{r.skipped}</p>;
  if (!r.isArticle) return <p class="muted">No article found on this page, so Newsmark leaves it alone.</p>;
  return (
    <div>
      <p class="page-title" title={r.title}>{r.title || page.pageUrl}</p>
      <div class="controls">
        <span data-testid="hidden-count">{r.hiddenCount} hidden</span>
        {r.hiddenCount > 0 && (
          <button type="button" onClick={onToggle}>{r.boilerplateShown ? 'Hide again' : 'Show'}</button>
        )}
        <span class="muted">· {r.quoteCount} quotes{r.speakers.length > 0 ? ` from ${r.speakers.length} speakers` : ''}</span>
      </div>
    </div>
  );
}

function NoteList({ notes, empty, showPage = false }: { notes: Note[]; empty: string; showPage?: boolean }) {
  if (notes.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ul class="notes">
      {notes.map((n) => (
        <li key={n.id} data-note-id={n.id}>
          {n.anchor && <blockquote class="quote">{n.anchor.exact}</blockquote>}
          {n.speaker && <div class="speaker">— {n.speaker}</div>}
          <div class="note-text">{n.text}</div>
          <div class="meta">
            {showPage && <span>{n.pageTitle || n.site} · </span>}
            <time dateTime={new Date(n.createdAt).toISOString()}>{new Date(n.createdAt).toLocaleString()}</time>
            {n.tags.length > 0 && <span> · {n.tags.map((t) => `#${t}`).join(' ')}</span>}
          </div>
        </li>
      ))}
    </ul>
  );
}
