// The parameter column: every ParamSpec of the running model, grouped as the catalog groups them
// (cost tables folded away), plus the seed. Generated from the catalog; no model is named here.
import { useState } from 'react';
import { clearFieldError, setSeed } from '../state/lab/actions';
import { modelInfo, type ParamSpec } from '../state/catalog';
import { useSim } from '../state/store';
import { ParamField } from './ParamField';
import { KernelChangelog } from './KernelChangelog';

const FOLDED = new Set(['costs']);

function groupsOf(params: readonly ParamSpec[]): [string, ParamSpec[]][] {
  const out = new Map<string, ParamSpec[]>();
  for (const p of params) {
    const g = p.group ?? 'other';
    out.set(g, [...(out.get(g) ?? []), p]);
  }
  return [...out];
}

function SeedField() {
  const seed = useSim((s) => s.seed);
  const error = useSim((s) => s.fieldErrors.seed);
  const [draft, setDraft] = useState<string | null>(null);
  const commit = (raw: string) => {
    if (setSeed(raw) === null) setDraft(null);
  };
  return (
    <div
      className={`field${error ? ' invalid' : ''}`}
      title="Seed of every random stream: the same seed and parameters give the same run. Changing it starts a new run."
    >
      <label htmlFor="seed">
        <span className="key">seed</span>
      </label>
      <input
        id="seed"
        data-testid="seed"
        value={draft ?? String(seed)}
        inputMode="numeric"
        aria-invalid={!!error}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(e.currentTarget.value);
          if (e.key === 'Escape') {
            setDraft(null);
            clearFieldError('seed');
          }
        }}
        onBlur={(e) => {
          if (draft !== null && draft !== String(seed)) commit(e.currentTarget.value);
        }}
      />
      <span className="unit">new run</span>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

export function ParamPanel() {
  const model = useSim((s) => s.model);
  const params = useSim((s) => s.params);
  const errors = useSim((s) => s.fieldErrors);
  const runId = useSim((s) => s.runId);
  const info = modelInfo(model);
  return (
    <aside className="panel params" aria-label="parameters">
      <div className="panel-head">
        <h2>Parameters</h2>
        <span className="muted">{info?.name}</span>
      </div>
      <div className="scroll">
        <SeedField />
        {info &&
          groupsOf(info.params).map(([group, specs]) => (
            <details key={`${model}-${group}`} open={!FOLDED.has(group)}>
              <summary>{group}</summary>
              {/* keyed by run, so a new run shows its own values rather than stale drafts */}
              {specs.map((p) => (
                <ParamField key={`${runId}-${p.key}`} spec={p} value={params[p.key]} error={errors[p.key]} />
              ))}
              {group === 'design' && typeof params.kernel === 'string' && (
                <KernelChangelog model={model} kernel={params.kernel} />
              )}
            </details>
          ))}
      </div>
    </aside>
  );
}
