// The saved-scenario format (JSON), checked with valibot, and its resolution against the catalog.
// One resolver for the CLI, the UI and imported files, so every entry point refuses the same way.
import * as v from 'valibot';
import { findPreset, modelInfo, MODELS } from './catalog';
import { ParamError, resolveParams, type Resolved } from './paramSpec';
import { fieldName } from '../lib/fieldName';
import { parseTime } from '../lib/units';

const Value = v.union([v.string(), v.number(), v.boolean()]);
export const ScenarioSchema = v.strictObject({
  model: v.optional(v.string()),
  preset: v.optional(v.string()),
  seed: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 31 - 1))),
  duration: v.optional(v.union([v.string(), v.number()])),
  warmup: v.optional(v.union([v.string(), v.number()])),
  params: v.optional(v.record(v.string(), Value)),
});
export type ScenarioInput = v.InferOutput<typeof ScenarioSchema>;

export interface ResolvedScenario {
  model: string;
  preset: string | null;
  seed: number;
  durationNs: number;
  warmupNs: number;
  /** Present only for `warmup: "auto"`: detect the warm-up (MSER-5) over warmupNs + durationNs, warmupNs the fallback. */
  warmupMode?: 'auto';
  params: Resolved;
}

/** Checks a parsed JSON value against the schema; the message names the first bad field. */
export function checkScenario(json: unknown): ScenarioInput {
  const r = v.safeParse(ScenarioSchema, json);
  if (r.success) return r.output;
  const issue = r.issues[0];
  const path = v.getDotPath(issue) ?? '(top level)';
  // A key the schema does not know: valibot's expectation for it is "never"; say which keys are known.
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    const key = String(issue.input);
    const given = (json as Record<string, unknown>)[key];
    throw new ParamError(fieldName(key), given, `a scenario field: ${Object.keys(ScenarioSchema.entries).join(', ')}`);
  }
  throw new ParamError(path, issue.input, issue.expected ?? issue.message);
}

function time(key: string, raw: string | number | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const ns = typeof raw === 'number' ? raw : parseTime(raw);
  if (ns === null || !(ns >= 0) || ns > 1e12) throw new ParamError(key, raw, 'a time 0..1000s (e.g. 200ms)');
  return ns;
}

/** `warmup`: a time, or the word auto (detected warm-up); null for auto. */
export function warmupTime(raw: string | number | undefined, fallback: number): number | null {
  if (typeof raw === 'string' && raw.trim().toLowerCase() === 'auto') return null;
  if (raw === undefined) return fallback;
  const ns = typeof raw === 'number' ? raw : parseTime(raw);
  if (ns === null || !(ns >= 0) || ns > 1e12)
    throw new ParamError('warmup', raw, 'a time 0..1000s (e.g. 200ms), or auto (detected by MSER-5)');
  return ns;
}

/** Preset (if any), then the model's defaults, then the given params; checked key by key. */
export function resolveScenario(input: ScenarioInput): ResolvedScenario {
  const preset = input.preset === undefined ? undefined : findPreset(input.preset);
  if (input.preset !== undefined && !preset)
    throw new ParamError('preset', input.preset, 'a preset id from --list-presets');
  const modelName = input.model ?? preset?.model;
  if (!modelName)
    throw new ParamError('model', '', `--model NAME or --preset ID (models: ${MODELS.map((m) => m.name).join(', ')})`);
  const info = modelInfo(modelName);
  if (!info) throw new ParamError('model', modelName, MODELS.map((m) => m.name).join(' | '));
  if (preset && preset.model !== modelName)
    throw new ParamError('model', modelName, `${preset.model} (the model of preset ${preset.id})`);
  const given = { ...(preset?.params ?? {}), ...(input.params ?? {}) };
  const params = resolveParams(info.params, given);
  info.derive?.(params, new Set(Object.keys(given)));
  const fixedWarmup = preset?.warmupNs ?? info.defaultWarmupNs;
  const warmup = warmupTime(input.warmup, fixedWarmup);
  return {
    model: modelName,
    preset: preset?.id ?? null,
    seed: input.seed ?? 1,
    durationNs: time('duration', input.duration, preset?.durationNs ?? info.defaultDurationNs),
    warmupNs: warmup ?? fixedWarmup,
    ...(warmup === null ? { warmupMode: 'auto' as const } : {}),
    params,
  };
}
