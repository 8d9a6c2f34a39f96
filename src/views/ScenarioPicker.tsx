// The model / preset picker: presets grouped by story, each model's defaults last, and the chosen
// preset's one-line "shows" beside it. Picking starts a new run through actions.
import { choose } from '../state/actions';
import { MODELS, PRESETS, findPreset, modelInfo } from '../state/catalog';
import { useSim } from '../state/store';

const stories = [...new Set(PRESETS.map((p) => p.story))];

export function ScenarioPicker() {
  const preset = useSim((s) => s.preset);
  const model = useSim((s) => s.model);
  const value = preset ? `preset:${preset}` : `model:${model}`;
  const shows = preset ? findPreset(preset)?.shows : modelInfo(model)?.title;
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
