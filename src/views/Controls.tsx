// Preset picker (grouped by story) and parameter inputs generated from the parameter specs:
// live knobs apply at once, others restart the run; bad input is refused at the control.
import { useState } from 'react';
import { useSim } from '../state/store';
import { modelInfo, PRESETS } from '../scenarios/catalog';
import { acceptedOf, displayValue, ParamError, parseParam, resolveParams } from '../scenarios/paramSpec';

export function Controls() {
  const s = useSim();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const info = modelInfo(s.model);
  const preset = PRESETS.find((p) => p.id === s.preset);
  const stories = [...new Set(PRESETS.map((p) => p.story))];
  const values = info ? resolveParams(info.params, { ...(preset?.params ?? {}), ...s.params }) : {};
  const apply = (key: string, raw: string) => {
    const spec = info?.params.find((p) => p.key === key);
    if (!spec) return;
    try {
      const v = parseParam(spec, raw);
      setErrors((e) => ({ ...e, [key]: '' }));
      if (spec.live) s.setLive(key, v);
      else s.start(s.preset, { ...s.params, [key]: v });
    } catch (e) {
      setErrors((x) => ({ ...x, [key]: e instanceof ParamError ? e.message : String(e) }));
    }
  };
  return (
    <section className="controls" aria-label="controls">
      <label>preset <select data-testid="preset" value={s.preset} onChange={(e) => s.start(e.target.value)}>
        {stories.map((st) => <optgroup key={st} label={st}>
          {PRESETS.filter((p) => p.story === st).map((p) => <option key={p.id} value={p.id} title={p.shows}>{p.title}</option>)}
        </optgroup>)}
      </select></label>
      <div className="params">
        {info?.params.filter((p) => p.group !== 'costs').map((p) => (
          <label key={`${s.preset}-${p.key}`} title={`${p.help} Accepted: ${acceptedOf(p)}`}>
            <span>{p.key}{p.live ? ' (live)' : ''}</span>
            <input data-testid={`param-${p.key}`} defaultValue={displayValue(p, values[p.key])}
              onKeyDown={(e) => { if (e.key === 'Enter') apply(p.key, (e.target as HTMLInputElement).value); }}
              onBlur={(e) => { if (e.target.value !== displayValue(p, values[p.key])) apply(p.key, e.target.value); }} />
            {errors[p.key] && <em className="field-error" role="alert">{errors[p.key]}</em>}
          </label>
        ))}
      </div>
    </section>
  );
}
