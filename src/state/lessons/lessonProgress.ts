// Lesson progress in localStorage (which lesson and step, the answers given, the steps revealed), checked
// field by field when read. Unreadable progress is reported and kept under a backup key, never deleted.
import { findLesson } from '../../scenarios/lessons';
import { readEntry, type StorageLike } from '../storage';

/** The storage key; the version suffix lets a future shape live beside this one instead of misreading it. */
export const PROGRESS_KEY = 'stripe-lab.lessons.progress.v1';
/** Where unreadable progress is copied before the first save replaces it. */
export const UNREADABLE_KEY = `${PROGRESS_KEY}.unreadable`;

export interface LessonProgress {
  /** The step shown last (0-based). */
  step: number;
  /** Choice index per step (0-based step index as key). */
  answers: Record<number, number>;
  /** Steps whose reveal was applied. */
  revealed: number[];
}

export interface Progress {
  /** The lesson open last, or null when the list was shown. */
  current: string | null;
  lessons: Record<string, LessonProgress>;
}

export const emptyProgress = (): Progress => ({ current: null, lessons: {} });

const isIndex = (v: unknown, below: number) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < below;
const bad = (field: string, value: unknown, accepted: string) =>
  new Error(`${field}=${JSON.stringify(value)}: accepted ${accepted}`);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a parsed JSON value against the lessons as they are now; the error names the first bad field. */
export function checkProgress(json: unknown): Progress {
  if (!isObject(json)) throw bad('(top level)', json, 'an object { current, lessons }');
  if (json.current !== null && (typeof json.current !== 'string' || !findLesson(json.current)))
    throw bad('current', json.current, 'null or a lesson id');
  if (!isObject(json.lessons))
    throw bad('lessons', json.lessons, 'an object of lesson id -> { step, answers, revealed }');
  const lessons: Record<string, LessonProgress> = {};
  for (const [id, p] of Object.entries(json.lessons)) {
    const lesson = findLesson(id);
    if (!lesson) throw bad(`lessons.${id}`, id, 'a lesson id');
    const n = lesson.steps.length;
    if (!isObject(p)) throw bad(`lessons.${id}`, p, 'an object { step, answers, revealed }');
    if (!isIndex(p.step, n)) throw bad(`lessons.${id}.step`, p.step, `an integer 0..${n - 1}`);
    if (!isObject(p.answers)) throw bad(`lessons.${id}.answers`, p.answers, 'an object of step -> choice');
    const answers: Record<number, number> = {};
    for (const [k, v] of Object.entries(p.answers)) {
      const st = Number(k);
      const choices = isIndex(st, n) ? (lesson.steps[st].predict?.choices.length ?? 0) : 0;
      if (!choices) throw bad(`lessons.${id}.answers.${k}`, k, 'the index of a step with a prediction');
      if (!isIndex(v, choices)) throw bad(`lessons.${id}.answers.${k}`, v, `a choice 0..${choices - 1}`);
      answers[st] = v as number;
    }
    if (!Array.isArray(p.revealed) || !p.revealed.every((s) => isIndex(s, n)))
      throw bad(`lessons.${id}.revealed`, p.revealed, `a list of step indexes 0..${n - 1}`);
    lessons[id] = { step: p.step as number, answers, revealed: [...new Set(p.revealed as number[])] };
  }
  return { current: json.current as string | null, lessons };
}

/** The saved progress, or empty progress and why it could not be read (the stored text is left as it is). */
export function readProgress(storage: StorageLike | null): { progress: Progress; error: string | null } {
  const r = readEntry(storage, PROGRESS_KEY, checkProgress, {
    cannotRead: (m) => `lesson progress could not be read from localStorage: ${m}`,
    unreadable: (m) =>
      `saved lesson progress (localStorage '${PROGRESS_KEY}') is unreadable and was ignored: ${m}. It is kept as '${UNREADABLE_KEY}' when new progress is saved.`,
  });
  return { progress: r.value ?? emptyProgress(), error: r.error };
}

/**
 * Saves progress; returns why it could not be saved, or null. When the stored text is unreadable it is
 * first copied to UNREADABLE_KEY (once), so saving never destroys what was there.
 */
export function writeProgress(storage: StorageLike | null, progress: Progress): string | null {
  if (!storage) return 'no localStorage here: lesson progress lasts until the page is reloaded';
  try {
    const old = storage.getItem(PROGRESS_KEY);
    if (old !== null && storage.getItem(UNREADABLE_KEY) === null) {
      try {
        checkProgress(JSON.parse(old));
      } catch {
        storage.setItem(UNREADABLE_KEY, old);
      }
    }
    storage.setItem(PROGRESS_KEY, JSON.stringify(progress));
    return null;
  } catch (e) {
    return `lesson progress could not be saved: ${(e as Error).message}`;
  }
}
