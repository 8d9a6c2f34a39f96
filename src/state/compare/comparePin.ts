// Baseline A of the A/B page: the pinned scenario (model, preset, seed, overrides), kept in localStorage so a
// reload never loses it, described in words, and diffed against B parameter by parameter. Never deletes storage.
import type { ParamValue } from '../../protocol/messages';
import { findPreset, modelInfo } from '../../scenarios/catalog';
import { displayValue } from '../../scenarios/paramSpec';
import { resolveScenario, type ResolvedScenario } from '../../scenarios/scenarioFile';
import { scenarioWords } from '../scenarioWords';
import { readEntry, type StorageLike } from '../storage';

/** The storage key; the version suffix lets a future shape live beside this one instead of misreading it. */
export const PIN_KEY = 'stripe-lab.ab.pinA.v1';

export interface Pin {
  model: string;
  preset: string | null;
  seed: number;
  /** What the user had set on top of the preset (or the model's defaults) when pinning. */
  overrides: Record<string, ParamValue>;
}

const isValue = (v: unknown): v is ParamValue =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** Checks a parsed JSON value; the error names the first bad field, its value and what is accepted. */
export function checkPin(json: unknown): Pin {
  const bad = (field: string, value: unknown, accepted: string) =>
    new Error(`${field}=${JSON.stringify(value)}: accepted ${accepted}`);
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw bad('(top level)', json, 'an object { model, preset, seed, overrides }');
  const o = json as Record<string, unknown>;
  if (typeof o.model !== 'string' || !modelInfo(o.model)) throw bad('model', o.model, 'a model name of the catalog');
  if (o.preset !== null && (typeof o.preset !== 'string' || !findPreset(o.preset)))
    throw bad('preset', o.preset, 'null or a preset id of the catalog');
  if (typeof o.seed !== 'number' || !Number.isInteger(o.seed) || o.seed < 0 || o.seed > 2 ** 31 - 1)
    throw bad('seed', o.seed, 'an integer 0..2147483647');
  if (typeof o.overrides !== 'object' || o.overrides === null || Array.isArray(o.overrides))
    throw bad('overrides', o.overrides, 'an object of parameter values');
  for (const [k, v] of Object.entries(o.overrides))
    if (!isValue(v)) throw bad(`overrides.${k}`, v, 'a string, number or boolean');
  const pin: Pin = {
    model: o.model,
    preset: o.preset,
    seed: o.seed,
    overrides: { ...(o.overrides as Record<string, ParamValue>) },
  };
  resolvePin(pin); // a pin that no longer resolves (a renamed key, a tightened range) is refused here, by name
  return pin;
}

/** The pin in storage, or null when there is none; a pin that cannot be read is reported and left where it is. */
export function readPin(storage: StorageLike | null): { pin: Pin | null; error: string | null } {
  const r = readEntry(storage, PIN_KEY, checkPin, {
    cannotRead: (m) => `baseline A could not be read from localStorage: ${m}`,
    unreadable: (m) =>
      `saved baseline A (localStorage '${PIN_KEY}') is unreadable, left as it is: ${m}. Pin again to replace it.`,
  });
  return { pin: r.value, error: r.error };
}

/** Saves the pin; returns why it could not be saved (quota, private mode), or null. */
export function writePin(storage: StorageLike | null, pin: Pin): string | null {
  if (!storage) return 'no localStorage here: baseline A lasts until the page is reloaded';
  try {
    storage.setItem(PIN_KEY, JSON.stringify(pin));
    return null;
  } catch (e) {
    return `baseline A could not be saved (${(e as Error).message}): it lasts until the page is reloaded`;
  }
}

/** The scenario a pin stands for; `durationNs` / `warmupNs` replace the preset's when given. */
export function resolvePin(pin: Pin, durationNs?: number, warmupNs?: number): ResolvedScenario {
  return resolveScenario({
    model: pin.model,
    seed: pin.seed,
    params: pin.overrides,
    ...(pin.preset ? { preset: pin.preset } : {}),
    ...(durationNs !== undefined ? { duration: durationNs } : {}),
    ...(warmupNs !== undefined ? { warmup: warmupNs } : {}),
  });
}

const show = (model: string, key: string, v: ParamValue | undefined) => {
  if (v === undefined) return '—';
  const spec = modelInfo(model)?.params.find((p) => p.key === key);
  return spec ? displayValue(spec, v) : String(v);
};

/** A in words, as the Lab and Sweep say it (state/scenarioWords): "preset raid5-3disk-threads (...) at its baseline: group_thread_cnt=0, stripe_cache_size=256; seed 1". */
export function describePin(pin: Pin): string {
  resolvePin(pin); // a pin that no longer resolves is refused by name, as before
  return `${scenarioWords(pin, { title: true })}; seed ${pin.seed}`;
}

export interface ParamChange {
  key: string;
  a: string;
  b: string;
}

/** Every resolved parameter (plus model, preset and durations) that differs between A and B, in catalog order. */
export function paramDiff(a: Pin, b: Pin): ParamChange[] {
  const ra = resolvePin(a);
  const rb = resolvePin(b);
  const out: ParamChange[] = [];
  if (ra.model !== rb.model) out.push({ key: 'model', a: ra.model, b: rb.model });
  if (ra.preset !== rb.preset) out.push({ key: 'preset', a: ra.preset ?? '(none)', b: rb.preset ?? '(none)' });
  const keys = [...Object.keys(ra.params), ...Object.keys(rb.params).filter((k) => !(k in ra.params))];
  for (const k of keys) {
    if (ra.params[k] !== rb.params[k])
      out.push({ key: k, a: show(ra.model, k, ra.params[k]), b: show(rb.model, k, rb.params[k]) });
  }
  const t = (ns: number) => show('', '', `${ns / 1e6}ms`);
  if (ra.durationNs !== rb.durationNs) out.push({ key: 'duration', a: t(ra.durationNs), b: t(rb.durationNs) });
  if (ra.warmupNs !== rb.warmupNs) out.push({ key: 'warmup', a: t(ra.warmupNs), b: t(rb.warmupNs) });
  return out;
}
