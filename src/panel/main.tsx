/**
 * The in-page panel: an extension-origin page shown in an iframe beside the article, so the page can neither
 * read the reader's notes nor see their keystrokes. Three views: "Who said what" (the accessible path to every
 * quote, announced with its speaker), this page's notes (orphans last), and the note editor. It speaks only to
 * the background, which knows which tab the panel is in.
 */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import '../ui/base.css';
import './panel.css';
import { ask } from '../ask';
import type { Draft, PanelViewName, QuoteSummary } from '../messages';
import type { Note } from '../storage/db';

const params = new URLSearchParams(location.search);
const initialView = (params.get('view') as PanelViewName | null) ?? 'quotes';

function closePanel() {
  void ask({ type: 'tab/panel', open: false });
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function Panel() {
  const [view, setView] = useState<PanelViewName>(initialView);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && view !== 'editor') closePanel();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [view]);
  return (
    <div class="panel">
      <header>
        <div role="tablist" aria-label="Newsmark">
          <button role="tab" type="button" aria-selected={view === 'quotes'} onClick={() => setView('quotes')}>Who said what</button>
          <button role="tab" type="button" aria-selected={view === 'notes'} onClick={() => setView('notes')}>Notes</button>
        </div>
        <button type="button" class="close" aria-label="Close Newsmark panel" onClick={closePanel}>×</button>
      </header>
      {view === 'quotes' && <WhoSaidWhat />}
      {view === 'notes' && <PageNotes focusId={params.get('note')} />}
      {view === 'editor' && <Editor onDone={() => setView('notes')} />}
    </div>
  );
}

/** Speakers in order of their first quote, each with their quotes in reading order. */
function groupBySpeaker(quotes: QuoteSummary[]): Array<[string | null, QuoteSummary[]]> {
  const groups = new Map<string | null, QuoteSummary[]>();
  for (const q of quotes) {
    const list = groups.get(q.speaker) ?? [];
    list.push(q);
    groups.set(q.speaker, list);
  }
  return [...groups];
}

function WhoSaidWhat() {
  const [quotes, setQuotes] = useState<QuoteSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    ask({ type: 'tab/quotes' }).then(setQuotes, (e) => setError(message(e)));
  }, []);
  if (error) return <p class="error" role="alert">{error}</p>;
  if (!quotes) return <p class="muted">Reading the page…</p>;
  if (quotes.length === 0) return <p class="muted">No attributed quotes found in this article.</p>;
  const groups = groupBySpeaker(quotes);
  const named = groups.filter(([s]) => s !== null).length;
  return (
    <section aria-label="Who said what">
      <p class="muted">{quotes.length} quotes from {named} {named === 1 ? 'speaker' : 'speakers'}. Choose one to find it in the article.</p>
      {groups.map(([speaker, list]) => (
        <section class="speaker" key={speaker ?? '—'} aria-label={speaker ?? 'Speaker not named'}>
          <h2 data-speaker={speaker ?? ''}>{speaker ?? 'Speaker not named'} <span class="muted">({list.length})</span></h2>
          <ul>
            {list.map((q) => (
              <li key={q.index}>
                <button type="button" class="quote" aria-label={`${speaker ?? 'Speaker not named'}: ${q.text}`}
                  onClick={() => void ask({ type: 'tab/focus-quote', index: q.index })}>
                  “{q.text}”
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

function PageNotes({ focusId }: { focusId: string | null }) {
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [orphans, setOrphans] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    ask({ type: 'notes/list-page' }).then(setNotes, (e) => setError(message(e)));
  }, []);
  useEffect(() => {
    if (!notes) return;
    void statusOrphans().then(setOrphans);
  }, [notes]);
  useEffect(() => {
    if (focusId) document.getElementById(`note-${focusId}`)?.focus();
  }, [notes, focusId]);
  if (error) return <p class="error" role="alert">{error}</p>;
  if (!notes) return <p class="muted">Loading…</p>;
  if (notes.length === 0) return <p class="muted">No notes on this page yet. Select a passage in the article and choose “Note”.</p>;
  const placed = notes.filter((n) => !orphans.has(n.id)).sort((a, b) => (a.anchor?.start ?? -1) - (b.anchor?.start ?? -1));
  const lost = notes.filter((n) => orphans.has(n.id));
  return (
    <section aria-label="Notes on this page">
      <ul class="notes">
        {[...placed, ...lost].map((n) => (
          <li key={n.id} id={`note-${n.id}`} tabIndex={-1} class={n.id === focusId ? 'focused' : ''} data-note-id={n.id}>
            {n.anchor && <blockquote>{n.anchor.exact}</blockquote>}
            {n.speaker && <div class="muted">— {n.speaker}</div>}
            <p class="note-text">{n.text}</p>
            {n.tags.length > 0 && <div class="muted">{n.tags.map((t) => `#${t}`).join(' ')}</div>}
            {orphans.has(n.id) && <p class="orphan" role="note">Could not find this text on the page.</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The orphaned note ids the content script reported for the tab this panel is in. */
async function statusOrphans(): Promise<Set<string>> {
  const status = await ask({ type: 'tab/status' }).catch(() => null);
  return new Set(status?.report.orphans ?? []);
}

function Editor({ onDone }: { onDone: () => void }) {
  const [draft, setDraft] = useState<Draft | null | undefined>(undefined);
  const [text, setText] = useState('');
  const [tags, setTags] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    ask({ type: 'draft/get' }).then(setDraft, (e) => setError(message(e)));
  }, []);
  useEffect(() => {
    if (draft !== undefined) box.current?.focus();
  }, [draft]);

  async function save() {
    if (saving || !text.trim()) return;
    setSaving(true);
    setError(null);
    try {
      const tagList = [...new Set(tags.split(/[,\s]+/).map((t) => t.replace(/^#/, '').trim()).filter(Boolean))];
      await ask({ type: 'notes/create', note: { text: text.trim(), tags: tagList, speaker: draft?.speaker ?? null, anchor: draft?.anchor ?? null } });
      onDone();
    } catch (e) {
      // The draft stays in the box: a full disk or a lost connection must not lose what the reader wrote.
      setError(message(e));
    } finally {
      setSaving(false);
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      closePanel();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    }
  }

  if (draft === undefined && !error) return <p class="muted">Loading…</p>;
  return (
    <form class="editor" aria-label="New note" onKeyDown={onKeyDown} onSubmit={(e) => { e.preventDefault(); void save(); }}>
      {draft?.anchor ? <blockquote>{draft.anchor.exact}</blockquote> : <p class="muted">A note on this page.</p>}
      {draft?.speaker && <div class="muted">— {draft.speaker}</div>}
      <label for="note-text">Your note</label>
      <textarea id="note-text" ref={box} value={text} onInput={(e) => setText(e.currentTarget.value)} rows={6} />
      <label for="note-tags">Tags <span class="muted">(separated by commas)</span></label>
      <input id="note-tags" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
      {error && <p class="error" role="alert">{error}</p>}
      <div class="buttons">
        <button type="submit" class="primary" disabled={saving || !text.trim()}>Save</button>
        <button type="button" onClick={closePanel}>Cancel</button>
        <span class="muted">Ctrl+Enter saves · Esc cancels</span>
      </div>
    </form>
  );
}

render(<Panel />, document.getElementById('app')!);
