/** One note as the popup shows it: compact in the list, or opened up for editing in place. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Note } from '../storage/db';

export const ROW_HEIGHT = 112;
export const EDIT_HEIGHT = 236;

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
export const shortDate = (ms: number) => dateFormat.format(ms);

/** Tags as the reader types them: commas or spaces between, "#" optional. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[,\s]+/).map((t) => t.replace(/^#/, '').trim()).filter(Boolean))].slice(0, 50).map((t) => t.slice(0, 64));
}

export interface RowActions {
  open(note: Note): void;
  edit(note: Note): void;
  remove(note: Note): void;
  save(note: Note, text: string, tags: string[]): Promise<void>;
  cancel(): void;
}

interface Props {
  note: Note;
  actions: RowActions;
  editing: boolean;
  /** Show the article line as a group heading (first note of its article in the list). */
  groupStart: boolean;
  orphan?: boolean;
  active: boolean;
  onFocusRow(): void;
}

export function NoteRow({ note, actions, editing, groupStart, orphan = false, active, onFocusRow }: Props) {
  if (editing) return <NoteEditor note={note} actions={actions} />;
  const label = `${note.anchor?.exact ? `On “${note.anchor.exact.slice(0, 60)}”` : 'Note'}${note.text ? `: ${note.text.slice(0, 80)}` : ''}`;
  return (
    <div role="group" class={`row${orphan ? ' orphan' : ''}`} data-note-id={note.id} tabIndex={active ? 0 : -1} aria-label={label} onFocus={onFocusRow}
      onDblClick={() => actions.edit(note)}>
      <div class={`row-article${groupStart ? ' group-start' : ''}`}>
        {groupStart ? <span class="title">{note.pageTitle || note.pageUrl}</span> : null}
        <span class="muted">{groupStart ? ` · ${note.site} · ` : ''}{shortDate(note.createdAt)}</span>
      </div>
      {orphan && <div class="orphan-note">Could not find this text on the page.</div>}
      {note.anchor?.exact ? <blockquote class="quote">{note.anchor.exact}</blockquote> : null}
      <div class="note-text">
        {note.speaker ? <span class="speaker">{note.speaker}: </span> : null}
        {note.text || <span class="muted">(no note text)</span>}
      </div>
      <div class="row-foot">
        <span class="tags">{note.tags.map((t) => `#${t}`).join(' ')}</span>
        <span class="row-actions">
          <button type="button" tabIndex={-1} onClick={() => actions.open(note)} aria-label="Open in its page">Open</button>
          <button type="button" tabIndex={-1} onClick={() => actions.edit(note)}>Edit</button>
          <button type="button" tabIndex={-1} class="danger" onClick={() => actions.remove(note)}>Delete</button>
        </span>
      </div>
    </div>
  );
}

function NoteEditor({ note, actions }: { note: Note; actions: RowActions }) {
  const [text, setText] = useState(note.text);
  const [tags, setTags] = useState(note.tags.join(', '));
  const [saving, setSaving] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => area.current?.focus(), []);
  async function save(e?: Event) {
    e?.preventDefault();
    setSaving(true);
    await actions.save(note, text, parseTags(tags)).finally(() => setSaving(false));
  }
  return (
    <form class="row editing" data-note-id={note.id} data-editing="true" onSubmit={save}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          actions.cancel();
        } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save(e);
        e.stopPropagation();
      }}>
      {note.anchor?.exact ? <blockquote class="quote">{note.anchor.exact}</blockquote> : null}
      <label class="field">
        <span>Note</span>
        <textarea ref={area} name="text" rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>Tags</span>
        <input name="tags" value={tags} onInput={(e) => setTags(e.currentTarget.value)} placeholder="comma, separated" />
      </label>
      <div class="row-actions">
        <button type="submit" class="primary" disabled={saving}>Save</button>
        <button type="button" onClick={() => actions.cancel()}>Cancel</button>
      </div>
    </form>
  );
}
