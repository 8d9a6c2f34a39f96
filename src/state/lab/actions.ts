// What the user can ask for: pick a scenario, change a parameter or the seed, play, pause, step, speed.
// Input is checked here against the catalog before anything reaches the worker; views call only these.
import type { ParamValue, ScenarioMsg, Speed } from '../../protocol/messages';
import { findPreset, modelInfo, PRESETS } from '../../scenarios/catalog';
import { ParamError, parseParam } from '../../scenarios/paramSpec';
import { resolveScenario } from '../../scenarios/scenarioFile';
import { clearRun, getBridge } from '../session';
import { DEFAULT_PRESET, useSim, type Page } from '../store';
import { checkLink } from '../share/linkCheck';
import { readAddress } from '../share/permalink';
import { follow } from './raid5Actions';
import { useShare } from '../share/shareStore';
import { openStory } from '../stories/storyRuns';
import { setLockTab } from './lockView';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Resolves and starts a scenario. A refusal (bad value, cross-field rule) leaves the running simulation
 * alone and is returned as { key, message } for the control to show.
 */
function launch(
  model: string,
  preset: string | null,
  seed: number,
  overrides: Record<string, ParamValue>,
  notice: string | null,
) {
  const scenario: ScenarioMsg = { model, seed, params: overrides, ...(preset ? { preset } : {}) };
  let params: Record<string, ParamValue>;
  try {
    params = resolveScenario(scenario).params;
  } catch (e) {
    return { key: e instanceof ParamError ? e.key : '', message: errorText(e) };
  }
  const s = useSim.getState();
  const runId = getBridge().start(scenario, s.speed, s.playing || s.snapshot === null);
  clearRun(runId);
  useSim.setState({
    model,
    preset,
    seed,
    overrides,
    params,
    fieldErrors: {},
    notice,
    playing: s.playing || s.snapshot === null,
  });
  return null;
}

/**
 * Connects to the worker and starts (once) what the address asks: a permalink (#s=, permalink.ts) or the
 * readable ?preset=ID&disks=16&speed=max, each field checked (linkCheck.ts: a bad one is named in the Share
 * menu's notice and falls back alone); or else the default preset from its baseline side (e.g.
 * group_thread_cnt 0), so the first change shows what the preset shows.
 */
export function boot(): void {
  if (useSim.getState().runId !== 0) return;
  const ask = typeof location === 'undefined' ? null : readAddress(location.search, location.hash);
  const link = ask && ask.kind !== 'none' ? checkLink(ask.wire) : null;
  if (ask && ask.kind !== 'none' && link) {
    const l = link.state;
    useSim.setState({
      speed: l.speed,
      seed: l.seed,
      page: l.page,
      timelineWindow: l.timelineWindow,
      projector: l.projector === true,
    });
    if (l.story) openStory(l.story);
    setLockTab(l.lockHists ? 'hists' : 'table');
    useShare.setState({ linkProblems: [...ask.problems, ...link.problems] });
    const err = link.scenarioGiven ? launch(l.model, l.preset, l.seed, l.overrides, null) : undefined;
    if (err === null && l.follow !== null) follow(l.follow);
    if (err === null) return;
    // checkLink resolved the scenario already; this only guards a catalog that changed under it.
    if (err)
      useShare.setState((x) => ({
        linkProblems: [...x.linkProblems, `link: ${err.message}; opened the default preset`],
      }));
  }
  const p = findPreset(DEFAULT_PRESET) ?? PRESETS[0];
  const base = p.baseline ?? {};
  const said = Object.entries(base)
    .map(([k, v]) => `${k} ${String(v)}`)
    .join(', ');
  launch(
    p.model,
    p.id,
    useSim.getState().seed,
    base,
    said ? `Started from the preset's baseline (${said}): change them live to compare` : null,
  );
  if (link && link.state.follow !== null) follow(link.state.follow);
}

/** Opens a whole scenario at once (a saved one or an imported file): model, preset, seed and parameters. Returns a refusal. */
export function openScenario(
  model: string,
  preset: string | null,
  seed: number,
  overrides: Record<string, ParamValue>,
  notice: string,
): string | null {
  return launch(model, preset, seed, overrides, notice)?.message ?? null;
}

/** `value` is 'preset:<id>' or 'model:<name>' (the picker's option values). */
export function choose(value: string): void {
  const [kind, id] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
  const preset = kind === 'preset' ? findPreset(id) : undefined;
  const model = preset?.model ?? id;
  const err = launch(
    model,
    preset?.id ?? null,
    useSim.getState().seed,
    {},
    `New run: ${preset ? preset.title : (modelInfo(model)?.title ?? model)}`,
  );
  if (err) useSim.setState({ runError: err.message });
}

/** A typed value for one parameter: refused at the control, applied live, or a new run. Returns the refusal. */
export function setParam(key: string, raw: string | boolean): string | null {
  const s = useSim.getState();
  const spec = modelInfo(s.model)?.params.find((p) => p.key === key);
  const refuse = (message: string) => {
    useSim.setState((x) => ({ fieldErrors: { ...x.fieldErrors, [key]: message } }));
    return message;
  };
  if (!spec) return refuse(`${key}: not a parameter of ${s.model}`);
  let value: ParamValue;
  try {
    value = parseParam(spec, raw);
  } catch (e) {
    return refuse(errorText(e));
  }
  const others = { ...s.fieldErrors };
  delete others[key];
  if (spec.live && s.snapshot && !s.runError) {
    getBridge().send({ type: 'setLive', key, value });
    useSim.setState({
      overrides: { ...s.overrides, [key]: value },
      fieldErrors: others,
      notice: `${key} = ${String(value)}: applied live, the run goes on`,
    });
    return null;
  }
  const err = launch(
    s.model,
    s.preset,
    s.seed,
    { ...s.overrides, [key]: value },
    `${key} = ${String(value)}: needs a new run, restarted from 0`,
  );
  return err
    ? refuse(err.key && err.key !== key ? `${err.message} (with ${key} = ${String(value)})` : err.message)
    : null;
}

export function setSeed(raw: string): string | null {
  const seed = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || seed > 2 ** 31 - 1) {
    const message = `seed=${raw}: accepted an integer 0..2147483647`;
    useSim.setState((x) => ({ fieldErrors: { ...x.fieldErrors, seed: message } }));
    return message;
  }
  const s = useSim.getState();
  launch(s.model, s.preset, seed, s.overrides, `seed = ${seed}: new run`);
  return null;
}

export function play(): void {
  useSim.setState({ playing: true });
  getBridge().send({ type: 'play' });
}

export function pause(): void {
  useSim.setState({ playing: false });
  getBridge().send({ type: 'pause' });
}

export function togglePlay(): void {
  if (useSim.getState().playing) pause();
  else play();
}

/** One event, pausing first. */
export function step(): void {
  useSim.setState({ playing: false });
  getBridge().send({ type: 'step' });
}

export function setSpeed(speed: Speed): void {
  useSim.setState({ speed });
  getBridge().send({ type: 'setSpeed', speed });
}

/** The same scenario again from time zero (same seed and parameters). */
export function restart(): void {
  const runId = getBridge().reset();
  clearRun(runId);
  useSim.setState({ notice: 'Restarted from 0 with the same seed and parameters' });
}

export function setTimelineWindow(ns: number | 'auto'): void {
  useSim.setState({ timelineWindow: ns });
}

export function setPage(page: Page): void {
  useSim.setState({ page });
}

/** Projector mode on or off (key V, the playback bar's toggle, `view=projector` in a link). */
export function toggleProjector(): void {
  useSim.setState((s) => ({ projector: !s.projector }));
}

/** Esc in a field puts the running value back; the refusal was about the value typed, so it goes too. */
export function clearFieldError(key: string): void {
  const s = useSim.getState();
  if (!(key in s.fieldErrors)) return;
  const rest = { ...s.fieldErrors };
  delete rest[key];
  useSim.setState({ fieldErrors: rest });
}
