// What the lesson player can do: open and close, pick a lesson (resuming its saved step), step, answer,
// reveal. Each step's scenario is reached by live knobs when the run allows, else by a new run.
import { findPreset, modelInfo } from '../../scenarios/catalog';
import { findLesson } from '../../scenarios/lessons';
import { LIVE_SETTLE_NS, RUN_SETTLE_NS, settleNsOf } from '../../scenarios/lessons/settle';
import { runActionAt, scenarioAt, type LessonScenario } from '../../scenarios/lessons/scenarioAt';
import { LESSON_SPEED } from '../../scenarios/lessons/types';
import { resolveScenario } from '../../scenarios/scenarioFile';
import { openScenario, play, setParam, setSpeed } from '../lab/actions';
import { feed, freeze, openWindow, type MeasureWindow } from './lessonMeasure';
import { readProgress, writeProgress, type LessonProgress } from './lessonProgress';
import { browserStorage } from '../storage';
import { useLesson } from './lessonStore';
import { useSim } from '../store';

/** Lessons run at seed 1: the seed their tests check. */
export const LESSON_SEED = 1;

let feeding = false;
/** Snapshots of the lesson's run feed its measuring windows (subscribed once, on first open). */
function ensureFeed(): void {
  if (feeding) return;
  feeding = true;
  useSim.subscribe((s, prev) => {
    if (!s.snapshot || s.snapshot === prev.snapshot) return;
    const { before, after } = useLesson.getState();
    const b = before && feed(before, s.runId, s.snapshot);
    const a = after && feed(after, s.runId, s.snapshot);
    if (b !== before || a !== after) useLesson.setState({ before: b, after: a });
  });
}

function save(): void {
  const { progress } = useLesson.getState();
  useLesson.setState({ saveError: writeProgress(browserStorage(), progress) });
}

function updateProgress(id: string, change: (p: LessonProgress) => LessonProgress): void {
  useLesson.setState((s) => {
    const cur = s.progress.lessons[id] ?? { step: 0, answers: {}, revealed: [] };
    return { progress: { current: id, lessons: { ...s.progress.lessons, [id]: change(cur) } } };
  });
  save();
}

const resolved = (preset: string, overrides: Record<string, string | number | boolean>) =>
  resolveScenario({ preset, params: overrides, seed: LESSON_SEED }).params;

/**
 * Brings the simulation to `target`: live knobs on the running preset when only those differ, otherwise
 * a new run. Returns the window that measures it from when it has settled.
 */
function reach(
  target: LessonScenario,
  runSettleNs: number,
  liveSettleNs: number,
  why: string,
  fresh = false,
): MeasureWindow {
  const s = useSim.getState();
  const preset = findPreset(target.preset);
  if (!preset) throw new Error(`lesson preset ${target.preset} is not in the catalog`);
  const sameRun =
    !fresh &&
    s.preset === preset.id &&
    s.model === preset.model &&
    s.seed === LESSON_SEED &&
    s.snapshot !== null &&
    !s.runError;
  if (sameRun) {
    const want = resolved(preset.id, target.overrides);
    const have = resolved(preset.id, s.overrides);
    const diff = Object.keys(want).filter((k) => String(want[k]) !== String(have[k]));
    const specs = modelInfo(preset.model)?.params ?? [];
    if (diff.every((k) => specs.find((p) => p.key === k)?.live)) {
      for (const k of diff) setParam(k, typeof want[k] === 'boolean' ? (want[k] as boolean) : String(want[k]));
      if (diff.length)
        useSim.setState({ notice: `${why}: ${diff.map((k) => `${k} = ${String(want[k])}`).join(', ')}, applied live` });
      play();
      if (diff.length === 0) {
        // nothing changed: the figure the student was watching (after the last reveal, or before it) goes on
        const { after, before } = useLesson.getState();
        const going = [after, before].find((w) => w && w.runId === s.runId && !w.frozen);
        if (going) return going;
      }
      return openWindow(s.runId, diff.length ? liveSettleNs : 0);
    }
  }
  const err = openScenario(
    preset.model,
    preset.id,
    LESSON_SEED,
    target.overrides,
    `${why}: ${preset.title}${
      Object.keys(target.overrides).length
        ? ` with ${Object.entries(target.overrides)
            .map(([k, v]) => `${k} ${String(v)}`)
            .join(', ')}`
        : ''
    }`,
  );
  if (err) useSim.setState({ runError: `lesson: ${err}` });
  play();
  return openWindow(useSim.getState().runId, runSettleNs, runSettleNs);
}

/** Opens step `step` of the current lesson at its pre-reveal scenario (`fresh`: as a new run from time 0). */
function enterStep(step: number, fresh = false): void {
  const { lessonId } = useLesson.getState();
  const lesson = lessonId ? findLesson(lessonId) : undefined;
  if (!lesson) return;
  const st = lesson.steps[step];
  const target = scenarioAt(lesson, step);
  if (!target) return;
  const runSettle = settleNsOf(runActionAt(lesson, step)) || RUN_SETTLE_NS;
  const before = reach(
    target,
    runSettle,
    st.setup ? settleNsOf(st.setup) : LIVE_SETTLE_NS,
    `Lesson step ${step + 1}`,
    fresh,
  );
  useLesson.setState({ step, before, after: null, hint: null });
  updateProgress(lesson.id, (p) => ({ ...p, step }));
}

/** Reads saved progress without opening (the header button offers to resume). */
export function loadLessonProgress(): void {
  const { progress, error } = readProgress(browserStorage());
  useLesson.setState({ progress, readError: error });
}

export function openLessons(): void {
  ensureFeed();
  const { progress, error } = readProgress(browserStorage());
  useLesson.setState({ open: true, progress, readError: error, lessonId: null, hint: null });
  if (progress.current) startLesson(progress.current);
}

export function closeLessons(): void {
  useLesson.setState({ open: false, before: null, after: null, hint: null });
}

export function toggleLessons(): void {
  if (useLesson.getState().open) closeLessons();
  else openLessons();
}

/** Starts a lesson where its saved progress left it (or at the first step). */
export function startLesson(id: string): void {
  const lesson = findLesson(id);
  if (!lesson) return;
  ensureFeed();
  useLesson.setState({ lessonId: id, open: true });
  const speed = lesson.speed ?? LESSON_SPEED;
  if (useSim.getState().speed !== speed) setSpeed(speed);
  useSim.setState({ page: 'lab' });
  enterStep(useLesson.getState().progress.lessons[id]?.step ?? 0);
}

/** Back to the list of lessons; the run goes on. */
export function showLessonList(): void {
  useLesson.setState({ lessonId: null, before: null, after: null, hint: null });
  useLesson.setState((s) => ({ progress: { ...s.progress, current: null } }));
  save();
}

export function moveStep(delta: 1 | -1): void {
  const { lessonId, step } = useLesson.getState();
  const lesson = lessonId ? findLesson(lessonId) : undefined;
  if (!lesson) return;
  const next = step + delta;
  if (next < 0 || next >= lesson.steps.length) {
    useLesson.setState({
      hint:
        delta > 0
          ? 'This was the last step: Esc closes, or pick another lesson from the list'
          : 'This is the first step',
    });
    return;
  }
  enterStep(next);
}

/** The current step again from time 0: to watch it once more, or after the lab was switched to something else. */
export function replayStep(): void {
  if (useLesson.getState().lessonId) enterStep(useLesson.getState().step, true);
}

/** Records the prediction (0-based choice) of the current step; refused once revealed in this visit. */
export function answer(choice: number): void {
  const { lessonId, step, after } = useLesson.getState();
  const st = lessonId ? findLesson(lessonId)?.steps[step] : undefined;
  if (!lessonId || !st?.predict) return;
  if (after) return void useLesson.setState({ hint: 'Already revealed: the run has answered' });
  if (!Number.isInteger(choice) || choice < 0 || choice >= st.predict.choices.length) {
    return void useLesson.setState({
      hint: `Answer ${choice + 1}: this question has answers 1-${st.predict.choices.length}`,
    });
  }
  useLesson.setState({ hint: null });
  updateProgress(lessonId, (p) => ({ ...p, answers: { ...p.answers, [step]: choice } }));
}

/** Applies the step's change so the run answers the question; needs a prediction first. */
export function reveal(): void {
  const { lessonId, step, after, before, progress } = useLesson.getState();
  const lesson = lessonId ? findLesson(lessonId) : undefined;
  const st = lesson?.steps[step];
  if (!lesson || !st?.predict || after) return;
  if (progress.lessons[lesson.id]?.answers[step] === undefined) {
    return void useLesson.setState({ hint: `Predict first: press 1-${st.predict.choices.length} to choose an answer` });
  }
  const target = scenarioAt(lesson, step, true);
  if (!target) return;
  const rv = st.predict.reveal;
  const w = reach(
    target,
    settleNsOf(rv.kind === 'run' ? rv : undefined) || RUN_SETTLE_NS,
    settleNsOf(rv),
    `Reveal, step ${step + 1}`,
  );
  useLesson.setState({ before: before && freeze(before), after: w, hint: null });
  updateProgress(lesson.id, (p) => ({ ...p, revealed: [...new Set([...p.revealed, step])] }));
}
