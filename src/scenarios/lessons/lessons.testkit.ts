// Runs a lesson headless the way the player runs it: setups and reveals on one model run (live knobs) or
// a new run, figures measured between snapshots after a settling time. Test support only.
import type { ModelRun, Snapshot } from '../../sim/core/model';
import { createModel } from '../../sim/run';
import { modelInfo } from '../catalog';
import { parseParam } from '../paramSpec';
import { resolveScenario } from '../scenarioFile';
import { FIGURES, type FigureId } from './figures';
import { settleNsOf } from './settle';
import type { Claim, Lesson, LessonAction } from './types';

export interface StepOutcome {
  step: number;
  title: string;
  before: Partial<Record<FigureId, number | null>>;
  after: Partial<Record<FigureId, number | null>>;
  /** Claims that did not hold, in words (empty when the step is true of the model). */
  failures: string[];
}

interface Current {
  run: ModelRun;
  model: string;
}

function apply(action: LessonAction, cur: Current | null, seed: number): Current {
  if (action.kind === 'run') {
    const sc = resolveScenario({ preset: action.preset, params: action.params ?? {}, seed });
    return { run: createModel(sc.model, sc.params, sc.seed), model: sc.model };
  }
  if (!cur) throw new Error('a live change needs a run: the step before must start one');
  for (const [key, raw] of Object.entries(action.params)) {
    const spec = modelInfo(cur.model)?.params.find((p) => p.key === key);
    if (!spec?.live) throw new Error(`${key}: not a live knob of ${cur.model}`);
    const err = cur.run.setLive(key, parseParam(spec, typeof raw === 'number' ? String(raw) : raw));
    if (err) throw new Error(err);
  }
  return cur;
}

/** Settles, then measures `figures` over `measureNs` of simulated time. */
function measure(
  cur: Current,
  settleNs: number,
  measureNs: number,
  figures: FigureId[],
): Partial<Record<FigureId, number | null>> {
  cur.run.sim.runUntil(cur.run.sim.now + settleNs);
  const a: Snapshot = cur.run.snapshot();
  cur.run.sim.runUntil(cur.run.sim.now + measureNs);
  const b: Snapshot = cur.run.snapshot();
  return Object.fromEntries(figures.map((f) => [f, FIGURES[f].compute(a, b)]));
}

function check(c: Claim, before: StepOutcome['before'], after: StepOutcome['after']): string | null {
  const b = before[c.figure],
    a = after[c.figure];
  const v = c.at === 'before' ? b : c.at === 'after' ? a : a != null && b != null && b !== 0 ? a / b : null;
  const what = `${c.figure} ${c.at === 'change' ? 'after/before' : c.at}`;
  if (v == null) return `${what}: not measured`;
  if (c.above !== undefined && !(v > c.above)) return `${what} = ${v.toFixed(3)}, claimed > ${c.above}`;
  if (c.below !== undefined && !(v < c.below)) return `${what} = ${v.toFixed(3)}, claimed < ${c.below}`;
  return null;
}

/** Every step in order; `measureNs` of simulated time per measurement. */
export function runLesson(lesson: Lesson, opts: { measureNs: number; seed?: number }): StepOutcome[] {
  const seed = opts.seed ?? 1;
  let cur: Current | null = null;
  return lesson.steps.map((st, i) => {
    const figures = [...new Set([st.figure, ...st.claims.map((c) => c.figure)])];
    if (st.setup) cur = apply(st.setup, cur, seed);
    if (!cur) throw new Error(`${lesson.id} step ${i + 1}: no run yet (the first step needs a setup)`);
    const before = measure(cur, settleNsOf(st.setup), opts.measureNs, figures);
    let after: StepOutcome['before'] = {};
    if (st.predict) {
      cur = apply(st.predict.reveal, cur, seed);
      after = measure(cur, settleNsOf(st.predict.reveal), opts.measureNs, figures);
    }
    const failures = st.claims.map((c) => check(c, before, after)).filter((x): x is string => x !== null);
    return { step: i + 1, title: st.title, before, after, failures };
  });
}
