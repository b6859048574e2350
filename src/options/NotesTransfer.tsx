/**
 * Settings page: export every note, and import a file (our JSON or W3C Web Annotation). Import lives here rather
 * than in the popup because Firefox closes a popup when a file picker opens.
 */
import { useState } from 'preact/hooks';
import type { Note } from '../storage/db';
import { notesDatabase as database } from '../storage/notes-database';
import { exportNotes, type ExportFormat } from '../storage/export';
import { importNotes, parseImport } from '../storage/import';
import { download } from '../popup/ExportMenu';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

export function NotesTransfer() {
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  async function exportAll(format: ExportFormat) {
    setBusy(true);
    setProblem('');
    try {
      const notes: Note[] = await database().notes.orderBy('createdAt').toArray();
      const file = exportNotes(format, notes);
      download(file.text, file.mime, file.filename);
      setStatus(`Exported ${plural(notes.length, 'note')}.`);
    } catch (err) {
      setProblem(`Couldn’t export: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  }

  async function importFile(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    setStatus('');
    setProblem('');
    try {
      const parsed = parseImport(await file.text());
      if (!parsed.ok) {
        setProblem(parsed.error);
        return;
      }
      const db = database();
      const { added, alreadyThere } = await importNotes(db, parsed.notes);
      setStatus(`Imported ${plural(added, 'note')} from ${file.name}${alreadyThere ? `; ${plural(alreadyThere, 'note was', 'notes were')} already here` : ''}.`);
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <fieldset class="notes-transfer">
      <legend>Your notes</legend>
      <div class="row-buttons">
        <span>Export all notes as</span>
        <button type="button" data-format="markdown" disabled={busy} onClick={() => void exportAll('markdown')}>Markdown</button>
        <button type="button" data-format="json" disabled={busy} onClick={() => void exportAll('json')}>JSON</button>
        <button type="button" data-format="w3c" disabled={busy} onClick={() => void exportAll('w3c')}>W3C Web Annotation</button>
      </div>
      <label class="import">
        <span>Import notes from a Newsmark JSON or W3C Web Annotation file (notes already here are skipped):</span>
        <input type="file" name="import" accept=".json,.jsonld,application/json,application/ld+json" disabled={busy}
          onChange={(e) => {
            const input = e.currentTarget;
            void importFile(input.files?.[0]).finally(() => {
              input.value = '';
            });
          }} />
      </label>
      <p class="import-status" role="status" aria-live="polite">{status}</p>
      {problem && <p class="error import-error" role="alert">{problem}</p>}
    </fieldset>
  );
}
