// One description of what a scenario (preset or model, plus overrides) actually runs, for the Lab, Sweep and A/B
// alike (issue 15: the start was 'the baseline' in one place, '+ 2 changed' in another). Pure; never resolves a run.
import type { ParamValue } from '../protocol/messages';
import { findPreset, modelInfo } from '../scenarios/catalog';
import { displayValue } from '../scenarios/paramSpec';

export interface ScenarioRef {
  model: string;
  preset: string | null;
  overrides: Record<string, ParamValue>;
}

export interface ScenarioState {
  /** published: the preset (or model) as it is; baseline: exactly the preset's baseline; changed: anything else. */
  kind: 'published' | 'baseline' | 'changed';
  /** The values worth naming, "key=value": the preset's story parameters first, then every other override. */
  values: string[];
}

const show = (model: string, key: string, v: ParamValue) => {
  const spec = modelInfo(model)?.params.find((p) => p.key === key);
  return `${key}=${spec ? displayValue(spec, v) : String(v)}`;
};

/**
 * What runs, against the preset: the parameters the preset's story is about (its baseline's keys) always, with
 * the value that runs, so a B that set group_thread_cnt back to 2 says so, and every override that differs.
 */
export function scenarioState(s: ScenarioRef): ScenarioState {
  const preset = s.preset ? findPreset(s.preset) : undefined;
  const published: Record<string, ParamValue> = { ...(preset?.params ?? {}) };
  const baseline: Record<string, ParamValue> = preset?.baseline ?? {};
  const defaults = new Map((modelInfo(s.model)?.params ?? []).map((p) => [p.key, p.default]));
  const publishedValue = (k: string) => published[k] ?? defaults.get(k);
  const running = (k: string) => s.overrides[k] ?? publishedValue(k);
  const differs = Object.keys(s.overrides).filter((k) => s.overrides[k] !== publishedValue(k));
  const storyKeys = Object.keys(baseline);
  const keys = [...storyKeys, ...differs.filter((k) => !storyKeys.includes(k))];
  const values = keys.flatMap((k) => {
    const v = running(k);
    return v === undefined ? [] : [show(s.model, k, v)];
  });
  const isBaseline =
    storyKeys.length > 0 &&
    storyKeys.every((k) => running(k) === baseline[k]) &&
    differs.every((k) => storyKeys.includes(k));
  return { kind: differs.length === 0 ? 'published' : isBaseline ? 'baseline' : 'changed', values };
}

/** "raid5-3disk-threads at its baseline: group_thread_cnt=0, stripe_cache_size=256" and the like. */
export function scenarioWords(s: ScenarioRef, opts: { title?: boolean } = {}): string {
  const preset = s.preset ? findPreset(s.preset) : undefined;
  const name = preset
    ? opts.title
      ? `preset ${preset.id} (${preset.title})`
      : preset.id
    : opts.title
      ? `model ${s.model}`
      : s.model;
  const st = scenarioState(s);
  const list = st.values.join(', ');
  if (st.kind === 'baseline') return `${name} at its baseline: ${list}`;
  if (st.kind === 'changed') return `${name} with ${list}`;
  if (!preset) return `${name} with its defaults`;
  return list ? `${name} as published: ${list}` : `${name} as published`;
}

/** The short form for a picker's option: "raid5-3disk-threads, its baseline" / ", changed: disks=16". */
export function scenarioShort(s: ScenarioRef): string {
  const st = scenarioState(s);
  const name = s.preset ?? s.model;
  if (st.kind === 'baseline') return `${name}, its baseline`;
  if (st.kind === 'changed') return `${name} with ${st.values.join(', ')}`;
  return s.preset ? `${name}, as published` : `${name}, defaults`;
}
