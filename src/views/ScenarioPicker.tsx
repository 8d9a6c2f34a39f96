// The model / preset picker: presets grouped by story, each model's defaults last, and the chosen
// preset's one-line "shows" beside it. Picking starts a new run through actions.
import { choose } from '../state/lab/actions';
import { MODELS, PRESETS, findPreset, modelInfo } from '../state/catalog';
import { useSim } from '../state/store';

const stories = [...new Set(PRESETS.map((p) => p.story))];

export function ScenarioPicker() {
  const preset = useSim((s) => s.preset);
  const model = useSim((s) => s.model);
  const value = preset ? `preset:${preset}` : `model:${model}`;
  const overrides = useSim((s) => s.overrides);
  const found = preset ? findPreset(preset) : undefined;
  const said = found?.shows ?? modelInfo(model)?.title;
  // The description is of the preset as published; say first what runs when it differs (issue 15).
  const changed = Object.entries(overrides).map(([k, v]) => `${k} ${String(v)}`);
  const base = found?.baseline ?? {};
  const isBaseline =
    changed.length > 0 &&
    Object.keys(base).length === changed.length &&
    Object.entries(base).every(([k, v]) => overrides[k] === v);
  const running =
    changed.length === 0
      ? ''
      : isBaseline
        ? `Running the preset's baseline (${changed.join(', ')}). `
        : `Running with ${changed.join(', ')}. `;
  const shows = preset && running ? `${running}The preset: ${said ?? ''}` : said;
  return (
    <div className="picker">
      <label>
        <span className="sr-only">Scenario</span>
        <select data-testid="scenario" value={value} onChange={(e) => choose(e.target.value)} aria-describedby="shows">
          {stories.map((story) => (
            <optgroup key={story} label={story}>
              {PRESETS.filter((p) => p.story === story).map((p) => (
                <option key={p.id} value={`preset:${p.id}`}>
                  {p.title}
                </option>
              ))}
            </optgroup>
          ))}
          <optgroup label="Models with their defaults">
            {MODELS.map((m) => (
              <option key={m.name} value={`model:${m.name}`}>
                {m.name}: defaults
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <span id="shows" className="shows" title={shows} data-testid="shows">
        {shows}
      </span>
    </div>
  );
}
