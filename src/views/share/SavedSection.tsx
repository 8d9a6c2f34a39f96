// Saved scenarios: save the current one under a name, open, export or delete (with a confirm) each one,
// export all, import a file. What the storage could not read is listed, never hidden.
import { useRef, useState } from 'react';
import { findPreset } from '../../state/catalog';
import {
  currentScenario,
  deleteSaved,
  exportSaved,
  importText,
  openSaved,
  saveCurrent,
} from '../../state/share/shareActions';
import { useShare } from '../../state/share/shareStore';
import { useSim } from '../../state/store';
import { downloadText } from '../download';

/** A name to offer: the preset's title (or model) and the seed. */
function suggestedName(): string {
  const s = currentScenario();
  const what = (s.preset ? findPreset(s.preset)?.title : undefined) ?? s.model ?? 'scenario';
  const changed = Object.keys(s.params ?? {}).length;
  return `${what}, seed ${s.seed ?? 1}${changed ? `, ${changed} changed` : ''}`.slice(0, 80);
}

function SavedItem({ name, meta }: { name: string; meta: string }) {
  const [confirming, setConfirming] = useState(false);
  const exportOne = () => {
    const f = exportSaved(name);
    if (f) downloadText(f.fileName, f.text);
  };
  return (
    <li data-testid="saved-item">
      <span className="saved-name" title={name}>
        {name}
      </span>
      <span className="muted saved-meta">{meta}</span>
      {confirming ? (
        <span className="saved-actions" role="group" aria-label={`delete ${name}?`}>
          <span>Delete?</span>
          <button type="button" className="danger" onClick={() => deleteSaved(name)} autoFocus>
            Delete
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </span>
      ) : (
        <span className="saved-actions">
          <button type="button" onClick={() => openSaved(name)} aria-label={`open ${name}`}>
            Open
          </button>
          <button type="button" onClick={exportOne} aria-label={`export ${name} as a file`}>
            Export
          </button>
          <button type="button" onClick={() => setConfirming(true)} aria-label={`delete ${name}`}>
            Delete
          </button>
        </span>
      )}
    </li>
  );
}

export function SavedSection() {
  const saved = useShare((s) => s.saved);
  useSim((s) => s.seed); // re-render so the suggested name follows the seed
  const [name, setName] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const save = (e: React.FormEvent) => {
    e.preventDefault();
    const r = saveCurrent(name.trim() === '' ? suggestedName() : name);
    setRefusal(r);
    if (!r) setName('');
  };
  const exportAll = () => {
    const f = exportSaved(null);
    if (f) downloadText(f.fileName, f.text);
  };
  const onFile = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.currentTarget.files?.[0];
    e.currentTarget.value = ''; // the same file can be chosen again after fixing it
    if (file) importText(file.name, await file.text());
  };
  return (
    <section className="share-section" aria-label="saved scenarios">
      <h3>
        Saved scenarios <span className="muted">(this browser)</span>
      </h3>
      <form className="share-row" onSubmit={save}>
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={`name (empty: "${suggestedName()}")`}
          maxLength={80}
          aria-label="name to save the current scenario under"
          aria-invalid={refusal !== null}
          data-testid="save-name"
        />
        <button type="submit" data-testid="save-scenario">
          Save
        </button>
      </form>
      {refusal && (
        <p className="share-error" role="alert">
          {refusal}
        </p>
      )}
      {saved.problems.length > 0 && (
        <div className="share-error" data-testid="saved-problems">
          <ul>
            {saved.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
          {saved.unreadableRaw !== null && (
            <button
              type="button"
              onClick={() => downloadText('stripe-lab-saved-unreadable.txt', saved.unreadableRaw ?? '')}
            >
              Download the unreadable text
            </button>
          )}
        </div>
      )}
      {saved.entries.length === 0 ? (
        <p className="muted small">None saved yet. Save keeps the model, preset, seed and changed parameters.</p>
      ) : (
        <ul className="saved-list" data-testid="saved-list">
          {saved.entries.map((e) => (
            <SavedItem
              key={e.name}
              name={e.name}
              meta={`${e.scenario.preset ?? e.scenario.model ?? ''} · seed ${e.scenario.seed ?? 1} · ${e.savedAt.slice(0, 16).replace('T', ' ')}`}
            />
          ))}
        </ul>
      )}
      <div className="share-row end">
        <button type="button" onClick={exportAll} disabled={saved.entries.length === 0}>
          Export all
        </button>
        <button type="button" onClick={() => fileInput.current?.click()} data-testid="import-button">
          Import file…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          onChange={(e) => void onFile(e)}
          data-testid="import-file"
        />
      </div>
    </section>
  );
}
