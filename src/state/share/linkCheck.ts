// Checks what a link asks, field by field (valibot, then the catalog's own resolver): a bad field is
// named with its value and what is accepted, and only that field falls back to its default.
import * as v from 'valibot';
import type { ParamValue, Speed } from '../../protocol/messages';
import { findPreset, modelInfo, MODELS, PRESETS } from '../../scenarios/catalog';
import { ParamError, parseParam } from '../../scenarios/paramSpec';
import { resolveScenario } from '../../scenarios/scenarioFile';
import { STORIES } from '../../scenarios/stories';
import { fieldName } from '../../lib/fieldName';
import { LINK_VERSION, type LinkState } from './permalink';
import { DEFAULT_PRESET, initialState, PAGES, WINDOWS, type Page } from '../store';

/** A value as the message shows it: JSON, cut short. */
export function shownValue(x: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(x) ?? String(x);
  } catch {
    s = String(x);
  }
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

const FIELDS = [
  'v',
  'model',
  'preset',
  'seed',
  'speed',
  'params',
  'page',
  'window',
  'follow',
  'story',
  'view',
  'lockstat',
];
const SeedSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 31 - 1));
const SpeedSchema = v.union([v.literal('max'), v.pipe(v.number(), v.finite(), v.gtValue(0))]);
const PageSchema = v.picklist(PAGES.map((p) => p.id));
const WindowSchema = v.picklist(WINDOWS.map((w) => w.ns));
const FollowSchema = v.pipe(v.number(), v.integer(), v.minValue(0));
const StorySchema = v.picklist(STORIES.map((s) => s.id));
const ViewSchema = v.picklist(['normal', 'projector']);
const LockTabSchema = v.picklist(['table', 'hists']);

export interface CheckedLink {
  state: LinkState;
  /** One line per refused field: `link: field=value: accepted ...; <what was used instead>`. */
  problems: string[];
  /** The link named a model, preset or parameters (else the app may open its usual first screen). */
  scenarioGiven: boolean;
}

/** Checks a link's JSON (from readAddress); never throws, and the state it returns always resolves. */
export function checkLink(wire: unknown): CheckedLink {
  const problems: string[] = [];
  const bad = (field: string, value: unknown, accepted: string, fallback: string) =>
    problems.push(`link: ${fieldName(field)}=${shownValue(value)}: accepted ${accepted}; ${fallback}`);
  const w: Record<string, unknown> =
    wire !== null && typeof wire === 'object' && !Array.isArray(wire) ? (wire as Record<string, unknown>) : {};
  if (w !== wire) bad('s', wire, 'a JSON object {"v":1,"model":...} made by Copy link', 'opened the defaults');
  for (const k of Object.keys(w))
    if (!FIELDS.includes(k))
      bad(k, w[k], `a field of a version ${LINK_VERSION} link (${FIELDS.join(', ')})`, 'ignored');
  if ('v' in w && w.v !== LINK_VERSION) bad('v', w.v, String(LINK_VERSION), 'read the fields it shares with version 1');

  /** A field by its schema: absent gives the default silently, invalid gives the default with a message. */
  function field<T>(key: string, schema: v.GenericSchema<unknown, T>, accepted: string, fallback: T): T {
    if (!(key in w)) return fallback;
    const r = v.safeParse(schema, w[key]);
    if (r.success) return r.output;
    bad(key, w[key], accepted, `used ${shownValue(fallback)}`);
    return fallback;
  }
  const seed = field('seed', SeedSchema, 'an integer 0..2147483647', initialState.seed);
  const speed: Speed = field(
    'speed',
    SpeedSchema,
    'a positive number of simulated ns per second or "max"',
    initialState.speed,
  );
  const page: Page = field('page', PageSchema, PAGES.map((p) => p.id).join(' | '), initialState.page);
  const timelineWindow = field(
    'window',
    WindowSchema,
    `one of the timeline spans in ns (${WINDOWS.map((x) => x.ns).join(' | ')})`,
    initialState.timelineWindow,
  );
  const view = field('view', ViewSchema, 'normal | projector', 'normal');
  const lockTab = field('lockstat', LockTabSchema, 'table | hists', 'table');
  const follow = field('follow', FollowSchema, 'a stripe_head index (an integer 0 or more)', null);
  const storyOk = !('story' in w) || v.is(StorySchema, w.story);
  if (!storyOk)
    bad('story', w.story, `a story id (${STORIES.map((s) => s.id).join(' | ')})`, 'opened the list of stories');
  const story = storyOk && typeof w.story === 'string' ? w.story : null;

  const { model, preset } = pickScenario(w, bad);
  const overrides = pickOverrides(model, preset, w.params, bad);
  const state: LinkState = {
    model,
    preset,
    seed,
    speed,
    overrides,
    page,
    timelineWindow,
    follow,
    ...(story !== null ? { story } : {}),
    ...(view === 'projector' ? { projector: true } : {}),
    ...(lockTab === 'hists' ? { lockHists: true } : {}),
  };
  if (follow !== null) {
    const size = resolveScenario({ model, ...(preset ? { preset } : {}), params: overrides }).params.stripe_cache_size;
    if (typeof size !== 'number') {
      bad('follow', follow, `nothing on ${model} (only raid5 has stripe_heads to follow)`, 'followed none');
      state.follow = null;
    } else if (follow >= size) {
      bad('follow', follow, `a stripe_head index 0..${size - 1} (stripe_cache_size ${size})`, 'followed none');
      state.follow = null;
    }
  }
  return { state, problems, scenarioGiven: 'model' in w || 'preset' in w || 'params' in w };
}

type Bad = (field: string, value: unknown, accepted: string, fallback: string) => void;

/** Model and preset: a bad one is dropped; with neither usable, the default preset. */
function pickScenario(w: Record<string, unknown>, bad: Bad): { model: string; preset: string | null } {
  const fallback = findPreset(DEFAULT_PRESET) ?? PRESETS[0];
  let preset = 'preset' in w ? (typeof w.preset === 'string' ? findPreset(w.preset) : undefined) : undefined;
  let model = 'model' in w && typeof w.model === 'string' && modelInfo(w.model) ? w.model : undefined;
  // says what now runs: the model named beside it with its defaults, else the default preset
  if ('preset' in w && !preset)
    bad(
      'preset',
      w.preset,
      'a preset id from the scenario picker',
      model ? `opened ${model} with its defaults` : `opened the default preset ${fallback.id}`,
    );
  if ('model' in w && !model)
    bad(
      'model',
      w.model,
      MODELS.map((m) => m.name).join(' | '),
      preset ? `used ${preset.model}, the model of preset ${preset.id}` : 'opened the default preset',
    );
  if (preset && model && preset.model !== model) {
    bad('model', model, `${preset.model} (the model of preset ${preset.id})`, `used ${preset.model}`);
    model = preset.model;
  }
  if (!preset && !model) preset = fallback;
  return { model: model ?? preset?.model ?? fallback.model, preset: preset?.id ?? null };
}

/** Each parameter checked alone, then together (cross-field rules); a refused one is dropped, the rest kept. */
function pickOverrides(model: string, preset: string | null, raw: unknown, bad: Bad): Record<string, ParamValue> {
  if (raw === undefined) return {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    bad('params', raw, 'an object of parameters by their CLI names ({"disks":16})', 'used the preset as it is');
    return {};
  }
  const specs = modelInfo(model)?.params ?? [];
  const out: Record<string, ParamValue> = {};
  // what a refused parameter falls back to: the preset's own value (or the model's default), as it runs
  const base = resolveScenario({ model, ...(preset ? { preset } : {}), params: {} }).params;
  const usedInstead = (k: string) =>
    `used ${shownValue(base[k])}, ${preset ? `the value of preset ${preset}` : `the default of ${model}`}`;
  for (const [k, value] of Object.entries(raw as Record<string, unknown>)) {
    const spec = specs.find((s) => s.key === k);
    if (!spec) {
      bad(k, value, `a parameter of ${model} (npm run sim -- --describe ${model} lists them)`, 'ignored');
      continue;
    }
    try {
      out[k] = parseParam(spec, value);
    } catch (e) {
      if (!(e instanceof ParamError)) throw e;
      bad(k, value, e.accepted, usedInstead(k));
    }
  }
  // Cross-field rules (derive) name one key; drop that one and try again, so the others survive.
  for (let tries = Object.keys(out).length + 1; tries > 0; tries--) {
    try {
      resolveScenario({ model, ...(preset ? { preset } : {}), params: out });
      return out;
    } catch (e) {
      const key = e instanceof ParamError && e.key in out ? e.key : null;
      const msg = e instanceof ParamError ? `${e.accepted}` : String(e);
      if (key === null) {
        bad('params', out, msg, 'used the preset as it is');
        return {};
      }
      bad(key, out[key], msg, usedInstead(key));
      delete out[key];
    }
  }
  return {};
}
