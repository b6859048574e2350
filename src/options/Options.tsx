/** Settings: what Newsmark does on pages, and where it does nothing. Saved as soon as they change. */
import { useEffect, useState } from 'preact/hooks';
import { loadSettings, saveSettings, type Settings } from '../storage/settings';
import { NotesTransfer } from './NotesTransfer';

function parseSites(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((s) => s.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '')).filter(Boolean))];
}

export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [sitesText, setSitesText] = useState('');
  const [status, setStatus] = useState('');

  useEffect(() => {
    void loadSettings().then((s) => {
      setSettings(s);
      setSitesText(s.disabledSites.join('\n'));
    });
  }, []);

  async function save(patch: Partial<Settings>) {
    try {
      const next = await saveSettings(patch);
      setSettings(next);
      setStatus('Saved.');
    } catch (err) {
      setStatus(`Couldn’t save: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  if (!settings) return <main><p class="muted">Loading…</p></main>;
  return (
    <main>
      <h1>Newsmark settings</h1>
      <section class="muted" aria-label="How Newsmark works">
        <p>Open any news article. Newsmark finds the story, hides the appeals and prompts around it (a small “hidden — show” button brings them back), and highlights quotes with who said them. Select a passage to keep a note; the toolbar button lists your notes. Notes never leave this browser.</p>
      </section>
      <fieldset>
        <legend>On news articles</legend>
        <label>
          <input type="checkbox" name="hideBoilerplate" checked={settings.hideBoilerplate}
            onChange={(e) => void save({ hideBoilerplate: e.currentTarget.checked })} />
          <span>Hide boilerplate — donation appeals, subscription and newsletter prompts, comment sections, share bars and related links. One click on the page shows them again.</span>
        </label>
        <label>
          <input type="checkbox" name="highlightQuotes" checked={settings.highlightQuotes}
            onChange={(e) => void save({ highlightQuotes: e.currentTarget.checked })} />
          <span>Highlight quotes and show who said each one.</span>
        </label>
      </fieldset>
      <fieldset>
        <legend>Sites where Newsmark does nothing</legend>
        <label for="disabled-sites" class="muted">One site per line, e.g. example.com (its subdomains are included).</label>
        <textarea id="disabled-sites" name="disabledSites" value={sitesText}
          onInput={(e) => setSitesText(e.currentTarget.value)}
          onBlur={() => void save({ disabledSites: parseSites(sitesText) })} />
      </fieldset>
      <p class="status" role="status" aria-live="polite">{status}</p>
      <NotesTransfer />
    </main>
  );
}
