// Where a lesson stands at a step: the preset and overrides that all setups and reveals before it add up
// to, so the player can resume or go back to any step by applying the difference (live or a new run).
import type { Lesson, LessonAction } from './types';

type Value = string | number | boolean;
export interface LessonScenario {
  preset: string;
  overrides: Record<string, Value>;
}

function applyAction(cur: LessonScenario | null, a: LessonAction): LessonScenario | null {
  if (a.kind === 'run') return { preset: a.preset, overrides: { ...(a.params ?? {}) } };
  return cur && { preset: cur.preset, overrides: { ...cur.overrides, ...a.params } };
}

/** The scenario at the opening of `step` (or after its reveal); null if no step up to it starts a run. */
export function scenarioAt(lesson: Lesson, step: number, afterReveal = false): LessonScenario | null {
  let cur: LessonScenario | null = null;
  lesson.steps.slice(0, step + 1).forEach((st, i) => {
    if (st.setup) cur = applyAction(cur, st.setup);
    if (st.predict && (i < step || afterReveal)) cur = applyAction(cur, st.predict.reveal);
  });
  return cur;
}

/** The action that opened the run the step stands on: its settling time applies to a new run. */
export function runActionAt(lesson: Lesson, step: number, afterReveal = false): LessonAction | undefined {
  let found: LessonAction | undefined;
  lesson.steps.slice(0, step + 1).forEach((st, i) => {
    if (st.setup?.kind === 'run') found = st.setup;
    if (st.predict?.reveal.kind === 'run' && (i < step || afterReveal)) found = st.predict.reveal;
  });
  return found;
}
