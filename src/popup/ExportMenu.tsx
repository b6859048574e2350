/** Export the notes in view (or all): Markdown, JSON or W3C Web Annotation, as a download. */
import { useState } from 'preact/hooks';
import type { Note } from '../storage/db';
import { exportNotes, type ExportFormat } from '../storage/export';

/** Saves text as a file through a temporary link; also announced as an event (the end-to-end tests read it). */
export function download(text: string, mime: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  window.dispatchEvent(new CustomEvent('newsmark-export', { detail: { text, filename } }));
}

const FORMATS: [ExportFormat, string][] = [
  ['markdown', 'Markdown'],
  ['json', 'JSON'],
  ['w3c', 'W3C Web Annotation'],
];

export function ExportMenu({ count, filtered, collect, onError }: { count: number; filtered: boolean; collect(): Promise<Note[]>; onError(message: string): void }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  async function run(format: ExportFormat) {
    setBusy(true);
    try {
      const notes = await collect();
      const file = exportNotes(format, notes);
      download(file.text, file.mime, file.filename);
      setOpen(false);
    } catch (err) {
      onError(`Couldn’t export: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="export">
      <button type="button" aria-expanded={open} aria-controls="export-menu" onClick={() => setOpen(!open)}>Export</button>
      {open && (
        <div id="export-menu" class="menu" role="group" aria-label={`Export ${filtered ? 'the notes found' : 'all notes'}`}>
          <p class="muted small">{filtered ? `The ${count.toLocaleString()} notes found` : `All ${count.toLocaleString()} notes`}, as:</p>
          {FORMATS.map(([f, label]) => (
            <button type="button" key={f} data-format={f} disabled={busy} onClick={() => void run(f)}>{label}</button>
          ))}
        </div>
      )}
    </div>
  );
}
