/**
 * The toolbar popup: this page's notes and controls, then every note — searchable as you type, filtered, sorted,
 * edited in place, deleted with Undo, opened in their page, exported. Also works in a tab as
 * `index.html?tab=<id>`, showing that tab's page.
 *
 * Reads come straight from the notes database (same extension origin) through its indexes, and only the rows on
 * screen are read in full, so the first row appears as fast with 100,000 notes as with ten. Writes go through
 * the background, which tells the tabs showing the page.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { ask } from '../ask';
import type { Note } from '../storage/db';
import { notesDatabase, recentArea } from '../storage/notes-database';
import { newestNotes, readRecent, sameNotes, writeRecent } from '../storage/recent';
import { haystackMatches, queryTerms, scanHaystack } from '../storage/search-text';
import type { TabPage } from '../background/tabs';
import { filterChoices, hasFilters, NO_FILTERS, NoteCache, orderedIds, type Filters, type Sort } from './query';
import { findNotes, SCREEN } from './search';
import { EDIT_HEIGHT, NoteRow, ROW_HEIGHT, type RowActions } from './NoteRow';
import { VirtualList } from './VirtualList';
import { ExportMenu } from './ExportMenu';

const params = new URLSearchParams(location.search);
const inTab = params.has('tab');

async function targetTabId(): Promise<number | null> {
  const fromQuery = params.get('tab');
  if (fromQuery && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}

/** Ids of this page's notes the content script couldn't place (reported by the page, when it does). */
function orphanIds(page: TabPage | null): Set<string> {
  const ids = page?.report.orphans;
  return new Set(Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : []);
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

interface Listing {
  ids: string[];
  /** What the list shows, as a key: changes reset the scroll. */
  key: string;
  /** The list shows this key's results: its first screen is final (more may still be found below it). */
  ready: boolean;
  /** Every result is in `ids` (a broad search may still be walking the notes for the rest). */
  complete: boolean;
}

export function Popup() {
  const db = useMemo(() => notesDatabase(), []);
  const cache = useMemo(() => new NoteCache(db), [db]);
  const [tabId, setTabId] = useState<number | null>(null);
  const [page, setPage] = useState<TabPage | null>(null);
  const [pageNotes, setPageNotes] = useState<Note[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [listing, setListing] = useState<Listing>({ ids: [], key: '', ready: false, complete: false });
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<Sort>('newest');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [showFilters, setShowFilters] = useState(false);
  const [choices, setChoices] = useState<{ sites: string[]; tags: string[]; speakers: string[] } | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  /**
   * Which list the editor opened in: a note of this page is listed twice (this page, all notes), and two editors
   * of one note would both take focus, so keystrokes could land in the one that isn't saved.
   */
  const [editingIn, setEditingIn] = useState<'page' | 'all'>('all');
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [undo, setUndo] = useState<Note | null>(null);
  const [, setRowsVersion] = useState(0);
  const [dataVersion, setDataVersion] = useState(0);
  const [quotesShown, setQuotesShown] = useState(true);
  /** The first rows are on screen: only then read every key, which competes with them. */
  const [settled, setSettled] = useState(false);
  const orders = useRef(new Map<string, string[]>());
  const run = useRef(0);
  const search = useRef<HTMLInputElement>(null);
  const undoTimer = useRef<number>(0);

  // The page this popup is about, and its notes.
  async function loadPage() {
    const id = await targetTabId();
    setTabId(id);
    const p = id === null ? null : await ask({ type: 'tab/status', tabId: id });
    setPage(p);
    const shown = p?.report.quotesShown;
    setQuotesShown(typeof shown === 'boolean' ? shown : (p?.report.quoteCount ?? 0) > 0);
    setPageNotes(p ? await db.notes.where('pageUrl').equals(p.pageUrl).sortBy('createdAt') : []);
  }

  useEffect(() => {
    // The first rows: the copy of the newest notes kept beside the database (storage/recent.ts) shows at once;
    // the database's own newest notes follow when it has opened, and replace the copy where they differ.
    // (Marks: the benchmark's account of the start.)
    let fromDb = false;
    let copy: Note[] | null = null;
    const showHead = (head: Note[]) => {
      head.forEach((n) => cache.put(n));
      setListing((l) => (l.ready ? l : { ids: head.map((n) => n.id), key: '', ready: false, complete: false }));
    };
    readRecent(recentArea())
      .then((recent) => {
        performance.mark('newsmark:recent-read');
        copy = recent;
        if (recent?.length && !fromDb) showHead(recent);
      })
      .catch(() => undefined);
    void db.open().then(() => performance.mark('newsmark:db-open'), () => undefined);
    newestNotes(db)
      .then((head) => {
        performance.mark('newsmark:head-read');
        fromDb = true;
        showHead(head);
        if (!copy || !sameNotes(copy, head)) void writeRecent(db, recentArea()).catch(() => undefined);
        // After the browser has painted them.
        requestAnimationFrame(() => setTimeout(() => setSettled(true), 0));
      })
      .catch((err) => {
        setError(message(err));
        setSettled(true);
      });
    loadPage().catch((err) => setError(message(err)));
    if (params.has('bench')) (globalThis as Record<string, unknown>).newsmarkBench = { db, findNotes, scanHaystack, haystackMatches, queryTerms };
  }, []);

  // Counting walks the whole table in IndexedDB: only once the first rows are on screen.
  useEffect(() => {
    if (settled) db.notes.count().then(setTotal, () => undefined);
  }, [settled]);

  async function order(s: Sort): Promise<string[]> {
    const key = `${s}:${dataVersion}`;
    let ids = orders.current.get(key);
    if (!ids) {
      ids = await orderedIds(db, s);
      orders.current.clear();
      orders.current.set(key, ids);
    }
    return ids;
  }

  // What the list shows: every note in order, or what a search or filter finds (first screen first, the rest as
  // it comes). The newest request wins; leaving the loop abandons an older search's reads.
  useEffect(() => {
    if (!settled && !query) return;
    const mine = ++run.current;
    const key = `${query}\u0000${sort}\u0000${JSON.stringify(filters)}`;
    const show = async (ids: string[], complete: boolean) => {
      await cache.load(ids.slice(0, SCREEN));
      if (mine !== run.current) return;
      setListing({ ids, key, ready: true, complete });
      setActive((a) => Math.min(a, Math.max(0, ids.length - 1)));
    };
    (async () => {
      if (queryTerms(query).length === 0 && !hasFilters(filters)) {
        const ids = await order(sort);
        if (mine === run.current) await show(ids, true);
        return;
      }
      for await (const found of findNotes(db, query, filters, sort)) {
        if (mine !== run.current) return;
        await show(found.ids, found.complete);
      }
    })().catch((err) => mine === run.current && setError(message(err)));
  }, [query, sort, filters, dataVersion, settled]);

  // The first note row on screen, for the benchmark's clock.
  const firstRowMarked = useRef(false);
  useLayoutEffect(() => {
    if (!firstRowMarked.current && document.querySelector('.row[data-note-id]')) {
      firstRowMarked.current = true;
      performance.mark('newsmark:first-row');
    }
  });

  async function changed() {
    orders.current.clear();
    setDataVersion((v) => v + 1);
    db.notes.count().then(setTotal, () => undefined);
    if (page) setPageNotes(await db.notes.where('pageUrl').equals(page.pageUrl).sortBy('createdAt'));
  }

  const actions: RowActions = {
    open(note) {
      ask({ type: 'notes/open', id: note.id })
        .then(() => {
          if (!inTab) window.close();
        })
        .catch((err) => setError(message(err)));
    },
    edit(note) {
      setEditingIn('all');
      setEditing(note.id);
    },
    cancel() {
      const id = editing;
      setEditing(null);
      if (id) requestAnimationFrame(() => focusNote(id));
    },
    async save(note, text, tags) {
      try {
        const saved = await ask({ type: 'notes/update', id: note.id, text, tags });
        cache.put(saved);
        setEditing(null);
        setError(null);
        requestAnimationFrame(() => focusNote(note.id));
        await changed();
      } catch (err) {
        setError(message(err));
      }
    },
    remove(note) {
      ask({ type: 'notes/delete', id: note.id })
        .then(async () => {
          cache.forget(note.id);
          setListing((l) => ({ ...l, ids: l.ids.filter((id) => id !== note.id) }));
          setUndo(note);
          clearTimeout(undoTimer.current);
          undoTimer.current = window.setTimeout(() => setUndo(null), 10_000);
          await changed();
        })
        .catch((err) => setError(message(err)));
    },
  };

  async function restore() {
    const note = undo;
    if (!note) return;
    setUndo(null);
    try {
      cache.put(await ask({ type: 'notes/restore', note }));
      await changed();
    } catch (err) {
      setError(message(err));
    }
  }

  function focusNote(id: string) {
    const el = document.querySelector<HTMLElement>(`.row[data-note-id="${CSS.escape(id)}"]`);
    el?.focus();
  }

  // Keyboard: "/" searches from anywhere; in the list, arrows move, Enter opens, Delete deletes, E edits.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      const typing = t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT');
      if (e.key === '/' && !typing) {
        e.preventDefault();
        search.current?.focus();
        search.current?.select();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  function moveTo(i: number) {
    const n = Math.max(0, Math.min(listing.ids.length - 1, i));
    setActive(n);
    const id = listing.ids[n];
    if (id) requestAnimationFrame(() => focusNote(id));
  }

  function onListKey(e: KeyboardEvent) {
    if (editing) return;
    const t = e.target as HTMLElement;
    if (!t.classList.contains('row')) return;
    const id = t.dataset.noteId;
    const note = id ? cache.get(id) : undefined;
    const step = Math.max(1, Math.floor(((t.closest('.vlist')?.clientHeight ?? 400) / ROW_HEIGHT)));
    switch (e.key) {
      case 'ArrowDown': moveTo(active + 1); break;
      case 'ArrowUp': if (active === 0) search.current?.focus(); else moveTo(active - 1); break;
      case 'PageDown': moveTo(active + step); break;
      case 'PageUp': moveTo(active - step); break;
      case 'Home': moveTo(0); break;
      case 'End': moveTo(listing.ids.length - 1); break;
      case 'Enter': if (note) actions.open(note); break;
      case 'Delete': case 'Backspace': if (note) { actions.remove(note); moveTo(active); } break;
      case 'e': case 'F2': if (note) actions.edit(note); break;
      default: return;
    }
    e.preventDefault();
  }

  const searching = queryTerms(query).length > 0 || hasFilters(filters);
  const orphans = orphanIds(page);
  const tallIndex = editing && editingIn === 'all' ? listing.ids.indexOf(editing) : -1;
  const pageActions: RowActions = {
    ...actions,
    edit(note) {
      setEditingIn('page');
      setEditing(note.id);
    },
  };

  async function setView(patch: { boilerplateShown?: boolean; quotesShown?: boolean }) {
    if (tabId === null) return;
    try {
      await ask({ type: 'tab/set-view', tabId, ...patch });
      if (patch.quotesShown !== undefined) setQuotesShown(patch.quotesShown);
      setPage(await ask({ type: 'tab/status', tabId }));
    } catch (err) {
      setError(message(err));
    }
  }

  async function whoSaidWhat() {
    if (tabId === null) return;
    try {
      await ask({ type: 'tab/panel', tabId, open: true, view: 'quotes' });
      if (!inTab) window.close();
    } catch (err) {
      setError(message(err));
    }
  }

  async function exportNotes(): Promise<Note[]> {
    let ids = searching ? listing.ids : await order(sort);
    if (searching && !listing.complete) for await (const found of findNotes(db, query, filters, sort)) ids = found.ids;
    const out: Note[] = [];
    for (let i = 0; i < ids.length; i += 2_000) {
      const got = await db.notes.bulkGet(ids.slice(i, i + 2_000));
      for (const n of got) if (n) out.push(n);
    }
    return out;
  }

  const resultCount = listing.ready ? listing.ids.length : total ?? listing.ids.length;
  // A search still walking the notes shows what it has so far: "20+ notes".
  // The benchmark reads back the complete list it was shown (scripts/bench-popup.ts).
  if (params.has('bench')) (globalThis as Record<string, unknown>).newsmarkListing = () => listing.ids;
  const more = listing.ready && !listing.complete;
  const countText = `${resultCount.toLocaleString()}${more ? '+' : ''} ${resultCount === 1 && !more ? 'note' : 'notes'}`;

  return (
    <main onKeyDown={(e) => {
      if (e.key === 'Escape' && query && e.target === search.current) {
        setQuery('');
        e.preventDefault();
      }
    }}>
      <header>
        <h1>Newsmark</h1>
        <div class="header-actions">
          <ExportMenu count={resultCount} filtered={searching} collect={exportNotes} onError={(m) => setError(m)} />
          <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>Settings</button>
        </div>
      </header>
      {error && (
        <p class="error" role="alert">
          {error} <button type="button" class="link" onClick={() => setError(null)}>Dismiss</button>
        </p>
      )}
      {!searching && (
        <section aria-labelledby="this-page" class="this-page">
          <h2 id="this-page">This page</h2>
          {page ? <PageControls page={page} quotesShown={quotesShown} onView={setView} onPanel={whoSaidWhat} /> : tabId !== null && <p class="muted">Newsmark hasn’t read this page. It works on news articles opened over http or https.</p>}
          {page && (pageNotes.length === 0 ? (
            <p class="muted">No notes on this page yet. Select a passage in the article to add one.</p>
          ) : (
            <ul class="page-notes" aria-label="Notes on this page">
              {pageNotes.map((n) => (
                <li key={n.id} class={editing === n.id && editingIn === 'page' ? 'editing-item' : ''}>
                  <NoteRow note={n} actions={pageActions} editing={editing === n.id && editingIn === 'page'} groupStart={false} orphan={orphans.has(n.id)} active onFocusRow={() => undefined} />
                </li>
              ))}
            </ul>
          ))}
        </section>
      )}
      <section aria-labelledby="all-notes" class="all-notes" data-results-for={listing.ready ? listing.key : undefined} data-complete={listing.complete ? 'true' : 'false'}>
        <div class="all-head">
          <h2 id="all-notes">{searching ? 'Found' : 'All notes'}</h2>
          <span class="muted count" aria-live="polite">{countText}</span>
        </div>
        <div class="search-bar" role="search">
          <input ref={search} type="search" name="q" aria-label="Search notes" placeholder="Search notes, quotes, speakers, tags  ( / )"
            value={query} onInput={(e) => setQuery(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' && listing.ids.length) {
                e.preventDefault();
                moveTo(0);
              }
            }} />
          <label class="sort">
            <span class="visually-hidden">Sort</span>
            <select name="sort" value={sort} onChange={(e) => setSort(e.currentTarget.value as Sort)}>
              <option value="newest">Newest</option>
              <option value="oldest">Oldest</option>
              <option value="article">By article</option>
            </select>
          </label>
          <button type="button" aria-expanded={showFilters} aria-controls="filters" onClick={() => {
            setShowFilters(!showFilters);
            if (!choices) filterChoices(db).then(setChoices, () => undefined);
          }}>Filters{hasFilters(filters) ? ' •' : ''}</button>
        </div>
        {showFilters && <FilterBar id="filters" filters={filters} choices={choices} onChange={setFilters} />}
        {listing.ids.length === 0 ? (
          listing.ready || total === 0 ? <EmptyAll searching={searching} total={total} /> : <p class="muted">Loading…</p>
        ) : (
          <div onKeyDown={onListKey}>
            <VirtualList
              count={listing.ids.length}
              rowHeight={ROW_HEIGHT}
              tall={tallIndex}
              tallHeight={EDIT_HEIGHT}
              active={active}
              label={searching ? 'Notes found' : 'All notes'}
              queryKey={listing.key}
              onRange={(first, last) => {
                void cache.load(listing.ids.slice(Math.max(0, first - 1), last + 1)).then((fresh) => fresh && setRowsVersion((v) => v + 1));
              }}
              renderRow={(i) => {
                const id = listing.ids[i]!;
                const note = cache.get(id);
                if (!note) return <div class="row placeholder" aria-hidden="true" />;
                const prev = i > 0 ? cache.get(listing.ids[i - 1]!) : undefined;
                return (
                  <NoteRow note={note} actions={actions} editing={editing === id && editingIn === 'all'} groupStart={!prev || prev.pageUrl !== note.pageUrl}
                    orphan={orphans.has(id)} active={i === active} onFocusRow={() => setActive(i)} />
                );
              }}
            />
          </div>
        )}
      </section>
      {undo && (
        <div class="toast" role="status">
          <span>Note deleted.</span>
          <button type="button" class="primary" onClick={() => void restore()}>Undo</button>
        </div>
      )}
    </main>
  );
}

function EmptyAll({ searching, total }: { searching: boolean; total: number | null }) {
  if (searching) return <p class="muted">No notes match. Try fewer or shorter words, or clear the filters.</p>;
  if (total === 0) {
    return (
      <div class="empty">
        <p>You have no notes yet.</p>
        <p class="muted">Open a news article: Newsmark hides the appeals and prompts around the story and highlights who said what. Select any passage to keep a note on it — your notes stay in this browser.</p>
      </div>
    );
  }
  return <p class="muted">No notes.</p>;
}

function PageControls({ page, quotesShown, onView, onPanel }: { page: TabPage; quotesShown: boolean; onView(p: { boilerplateShown?: boolean; quotesShown?: boolean }): void; onPanel(): void }) {
  const r = page.report;
  if (r.skipped) return <p class="muted">{r.skipped}</p>;
  if (!r.isArticle) return <p class="muted">No article found on this page, so Newsmark leaves it alone.</p>;
  return (
    <div>
      <p class="page-title" title={r.title}>{r.title || page.pageUrl}</p>
      <div class="controls">
        <span data-testid="hidden-count">{r.hiddenCount} hidden</span>
        {r.hiddenCount > 0 && (
          <button type="button" onClick={() => onView({ boilerplateShown: !r.boilerplateShown })}>{r.boilerplateShown ? 'Hide again' : 'Show'}</button>
        )}
        <button type="button" aria-pressed={quotesShown} onClick={() => onView({ quotesShown: !quotesShown })}>Quotes {quotesShown ? 'on' : 'off'}</button>
        <button type="button" onClick={onPanel}>Who said what</button>
        <span class="muted">{r.quoteCount} quotes{r.speakers.length > 0 ? ` from ${r.speakers.length} speakers` : ''}</span>
      </div>
    </div>
  );
}

function FilterBar({ id, filters, choices, onChange }: { id: string; filters: Filters; choices: { sites: string[]; tags: string[]; speakers: string[] } | null; onChange(f: Filters): void }) {
  const field = (name: 'site' | 'tag' | 'speaker', label: string, list: string[] | undefined) => (
    <label class="field">
      <span>{label}</span>
      <input name={name} list={`${id}-${name}`} value={filters[name]} onChange={(e) => onChange({ ...filters, [name]: e.currentTarget.value.trim() })} />
      <datalist id={`${id}-${name}`}>{(list ?? []).slice(0, 500).map((v) => <option key={v} value={v} />)}</datalist>
    </label>
  );
  return (
    <div class="filters" id={id}>
      {field('site', 'Site', choices?.sites)}
      {field('tag', 'Tag', choices?.tags)}
      {field('speaker', 'Speaker', choices?.speakers)}
      <label class="field"><span>From</span><input type="date" name="from" value={filters.from} onChange={(e) => onChange({ ...filters, from: e.currentTarget.value })} /></label>
      <label class="field"><span>To</span><input type="date" name="to" value={filters.to} onChange={(e) => onChange({ ...filters, to: e.currentTarget.value })} /></label>
      <button type="button" onClick={() => onChange(NO_FILTERS)}>Clear filters</button>
    </div>
  );
}
