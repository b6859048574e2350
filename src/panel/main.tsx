/**
 * The in-page panel: an extension-origin page shown in an iframe on the article, so the page can neither read
 * the reader's notes nor see their keystrokes. It speaks only to the background, which knows which tab it is in.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import '../ui/base.css';
import { ask } from '../ask';
import type { Note } from '../storage/db';

function Panel() {
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    ask({ type: 'notes/list-page' }).then(setNotes, (e: Error) => setError(e.message));
  }, []);
  return (
    <main style={{ padding: '12px 14px' }}>
      <h1>Notes on this page</h1>
      {error && <p class="error" role="alert">{error}</p>}
      {notes && notes.length === 0 && <p class="muted">No notes yet. Select a passage in the article to add one.</p>}
      <ul>{notes?.map((n) => <li key={n.id}>{n.text}</li>)}</ul>
    </main>
  );
}

render(<Panel />, document.getElementById('app')!);
