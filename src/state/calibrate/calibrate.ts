// The Calibrate page's state (its own zustand store, so it survives switching pages) and its intents: add or
// drop fio files, edit the form, fit on the batch workers (progress: evaluations and the best error; cancel),
// and "use this machine": the fitted machine saved as a named entry of the saved scenarios and applied to the
// Lab's run, so the Sweep and A/B pages (whose base is the Lab's scenario) run on it too.
import { create } from 'zustand';
import { BatchCancelled, defaultPoolSize } from '../../bridge/batchPool';
import { evalPool } from '../../bridge/evalPool';
import { calibrate, type Calibration } from '../../calibrate/calibrate';
import { FitCancelled, type Problem, type Progress } from '../../calibrate/problem';
import { makeProfile, parseProfile, type MachineProfile } from '../../calibrate/profile';
import type { CalRun } from '../../calibrate/runs';
import { checkCalForm, defaultCalForm, type CalField, type CalFile, type CalForm } from './calibrateSetup';
import { addEntries, checkName, reason, writeSaved } from '../share/savedScenarios';
import { loadSaved } from '../share/shareActions';
import { useShare } from '../share/shareStore';
import { openScenario } from '../lab/actions';
import { useSim } from '../store';
import { browserStorage } from '../storage';

export type CalStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface CalibrateState {
  files: CalFile[];
  form: CalForm;
  status: CalStatus;
  progress: Progress | null;
  /** A refusal of the form (with the field it belongs to) or why the fit stopped. */
  error: { field: CalField | null; text: string } | null;
  result: Calibration | null;
  runs: CalRun[];
  profile: MachineProfile | null;
  /** What "use this machine" did, for the page to say. */
  applied: string | null;
}

export const useCalibrate = create<CalibrateState>()(() => ({
  files: [],
  form: defaultCalForm(),
  status: 'idle',
  progress: null,
  error: null,
  result: null,
  runs: [],
  profile: null,
  applied: null,
}));

async function sha256(text: string): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Adds dropped or chosen files (their text read here); a file of the same name replaces the old one. */
export async function addCalFiles(list: readonly { name: string; text: () => Promise<string> }[]): Promise<void> {
  const added: CalFile[] = [];
  for (const f of list) {
    const text = await f.text();
    added.push({ name: f.name, text, sha256: await sha256(text), with: '' });
  }
  const names = new Set(added.map((f) => f.name));
  const s = useCalibrate.getState();
  useCalibrate.setState({ files: [...s.files.filter((f) => !names.has(f.name)), ...added], error: null });
}

export function removeCalFile(name: string): void {
  useCalibrate.setState({ files: useCalibrate.getState().files.filter((f) => f.name !== name), error: null });
}

export function setCalWith(name: string, text: string): void {
  const files = useCalibrate.getState().files.map((f) => (f.name === name ? { ...f, with: text } : f));
  useCalibrate.setState({ files, error: null });
}

export function setCalForm(patch: Partial<CalForm>): void {
  useCalibrate.setState({ form: { ...useCalibrate.getState().form, ...patch }, error: null });
}

let running: { problem: Problem | null; cancel: () => void } | null = null;
let generation = 0;

/** Checks the form and fits; false (the refusal shown at its field) when the form is refused. */
export function startFit(workers = defaultPoolSize()): boolean {
  const s = useCalibrate.getState();
  const checked = checkCalForm(s.form, s.files);
  if ('error' in checked) {
    useCalibrate.setState({ error: { field: checked.field, text: checked.error } });
    return false;
  }
  running?.cancel();
  const gen = ++generation;
  const pool = evalPool(Math.max(1, workers));
  const job: { problem: Problem | null; cancel: () => void } = {
    problem: null,
    cancel: () => {
      job.problem?.cancel();
      pool.cancel();
    },
  };
  running = job;
  const { runs, fix, sets } = checked.ok;
  useCalibrate.setState({
    status: 'running',
    progress: { evaluations: 0, bestSse: Infinity },
    error: null,
    result: null,
    runs,
    profile: null,
    applied: null,
  });
  calibrate(runs, (specs) => pool.evaluate(specs), {
    fix,
    onProblem: (p) => (job.problem = p),
    onProgress: (p) => {
      if (gen === generation) useCalibrate.setState({ progress: p });
    },
  })
    .then(
      (c) => {
        if (gen !== generation) return;
        const name = `machine ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`;
        const profile = makeProfile(c, runs, sets, name, new Date().toISOString());
        useCalibrate.setState({ status: 'done', result: c, profile });
      },
      (e: unknown) => {
        if (gen !== generation) return;
        if (e instanceof BatchCancelled || e instanceof FitCancelled) useCalibrate.setState({ status: 'cancelled' });
        else useCalibrate.setState({ status: 'failed', error: { field: null, text: reason(e) } });
      },
    )
    .finally(() => {
      pool.cancel();
      if (running === job) running = null;
    });
  return true;
}

export function cancelFit(): void {
  running?.cancel();
}

/** A saved profile (npm run calibrate -- --out, or this page's download) opened to use its machine; a file
 * that is not one is refused naming the field. */
export async function openProfile(file: { name: string; text: () => Promise<string> }): Promise<void> {
  try {
    const profile = parseProfile(await file.text(), file.name);
    useCalibrate.setState({ profile, result: null, applied: null, error: null, status: 'idle', progress: null });
  } catch (e) {
    useCalibrate.setState({ error: { field: 'profile', text: reason(e) } });
  }
}

/** The profile as the JSON file npm run sim -- --profile reads. */
export const profileText = (p: MachineProfile): string => `${JSON.stringify(p, null, 2)}\n`;

/** Saves the machine as a named saved scenario and runs the Lab on it: the Lab's current scenario when it is
 * of the profile's model (its array, knobs and workload kept, the machine's keys over them), else the runs'
 * settings. Returns a refusal of the name, or null. */
export function applyMachine(rawName: string): string | null {
  const { profile } = useCalibrate.getState();
  if (!profile) return 'no fitted machine yet: Fit first';
  let name: string;
  try {
    name = checkName(rawName);
  } catch (e) {
    return reason(e);
  }
  const scenario = {
    model: profile.model,
    seed: profile.settings.seed,
    params: { ...profile.settings.sets, ...profile.machine },
  };
  const st = browserStorage();
  let saved = 'not saved (localStorage is not available here)';
  if (st) {
    const { list, names } = addEntries(loadSaved(), [{ name, scenario }], new Date().toISOString());
    const w = writeSaved(st, list);
    if (w.error) saved = w.error;
    else {
      useShare.setState({ saved: w.list });
      saved = `saved as "${names[0]}"`;
    }
  }
  const sim = useSim.getState();
  const same = sim.model === profile.model;
  const refusal = same
    ? openScenario(
        sim.model,
        sim.preset,
        sim.seed,
        { ...sim.overrides, ...profile.machine },
        `Running on machine "${name}"`,
      )
    : openScenario(profile.model, null, profile.settings.seed, scenario.params, `Running on machine "${name}"`);
  useCalibrate.setState({
    applied: refusal
      ? `could not apply: ${refusal}`
      : `Machine "${name}" ${saved}; the Lab now runs on it (Sweep and A/B take the Lab's scenario)`,
  });
  return refusal;
}

/** Value formatting of the report (calibrate/report.ts), for the page. */
export { valueText } from '../../calibrate/report';
