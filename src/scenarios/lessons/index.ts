// The guided lessons in teaching order, and the check that each one names real presets, live knobs,
// targets and answers (run by the lesson tests, and by the player before it trusts saved progress).
import { findPreset, modelInfo } from '../catalog';
import { BIG_BIOS } from './bigBios';
import { BITMAP_COST } from './bitmapCost';
import { DEVICE_LOCK } from './deviceLock';
import { ONE_THREAD } from './oneThread';
import { RMW_RCW } from './rmwRcw';
import { STRIPE_CACHE } from './stripeCache';
import { LESSON_TARGETS, type Lesson, type LessonAction } from './types';

export const LESSONS: readonly Lesson[] = [ONE_THREAD, DEVICE_LOCK, STRIPE_CACHE, RMW_RCW, BIG_BIOS, BITMAP_COST];

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

/** Problems with a lesson's data, in words naming the step (empty when it is sound). */
export function lessonProblems(lesson: Lesson): string[] {
  const out: string[] = [];
  let model: string | null = null;
  const action = (where: string, a: LessonAction) => {
    if (a.kind === 'run') {
      const p = findPreset(a.preset);
      if (!p) return void out.push(`${where}: no preset ${a.preset}`);
      model = p.model;
      const keys = new Set(modelInfo(p.model)?.params.map((s) => s.key));
      for (const k of Object.keys(a.params ?? {}))
        if (!keys.has(k)) out.push(`${where}: ${k} is not a parameter of ${p.model}`);
      return;
    }
    if (!model) return void out.push(`${where}: a live change before any run`);
    for (const k of Object.keys(a.params)) {
      if (!modelInfo(model)?.params.find((s) => s.key === k)?.live)
        out.push(`${where}: ${k} is not a live knob of ${model}`);
    }
  };
  if (!/^[a-z0-9-]+$/.test(lesson.id)) out.push(`id ${lesson.id}: lower-case letters, digits and hyphens only`);
  lesson.steps.forEach((st, i) => {
    const where = `${lesson.id} step ${i + 1}`;
    if (i === 0 && st.setup?.kind !== 'run') out.push(`${where}: the first step must start a run`);
    if (st.setup) action(`${where} setup`, st.setup);
    if (!(LESSON_TARGETS as readonly string[]).includes(st.target)) out.push(`${where}: unknown target ${st.target}`);
    if (st.predict) {
      const { choices, answer } = st.predict;
      if (choices.length < 2 || choices.length > 4) out.push(`${where}: ${choices.length} choices (2-4 accepted)`);
      if (!Number.isInteger(answer) || answer < 0 || answer >= choices.length)
        out.push(`${where}: answer ${answer} is not a choice`);
      action(`${where} reveal`, st.predict.reveal);
    }
    if (st.claims.length === 0) out.push(`${where}: no claim the run can check`);
    for (const c of st.claims)
      if (c.at !== 'before' && !st.predict) out.push(`${where}: a claim ${c.at} the reveal, but no prediction`);
  });
  return out;
}
