// The shape of a guided lesson: steps on live presets, each with what to look at, an optional
// prediction, and the change whose run answers it. Plain data; the player and the tests read it.
import type { FigureId } from './figures';

/** Stable names of the views a step can highlight (`data-lesson-target` on the view's element). */
export const LESSON_TARGETS = [
  'handlers',
  'members',
  'stripe-cache',
  'submitters',
  'device-lock',
  'series',
  'lockstat',
  'bottleneck',
  'figures',
  'timeline',
] as const;
export type LessonTarget = (typeof LESSON_TARGETS)[number];

type Value = string | number | boolean;

/** 10 ms of simulated time per wall second. */
export const LESSON_SPEED = 1e7;

/**
 * A change the player applies: a new run of a preset (plus overrides), or runtime knobs on the current run.
 * Figures are measured from `settleNs` of simulated time after it (default in settle.ts).
 */
export type LessonAction =
  | { kind: 'run'; preset: string; params?: Record<string, Value>; settleNs?: number }
  | { kind: 'live'; params: Record<string, Value>; settleNs?: number };

/**
 * What the run must show for a claim to hold: bounds on a figure measured before the reveal (or in a
 * step without one), after it, or on the change (after / before).
 */
export interface Claim {
  figure: FigureId;
  at: 'before' | 'after' | 'change';
  above?: number;
  below?: number;
}

export interface Prediction {
  question: string;
  /** 2-4 answers; `answer` is the index of the right one. */
  choices: string[];
  answer: number;
  /** Shown after the reveal: why the run came out as it did. */
  explain: string;
  /** Applied at the reveal; the run that follows answers the question. */
  reveal: LessonAction;
}

export interface LessonStep {
  title: string;
  /** A short text in plain words. */
  text: string;
  /** The view to highlight and what to read there. */
  target: LessonTarget;
  look: string;
  /** The figure shown beside the step (before and, with a prediction, after the reveal). */
  figure: FigureId;
  /** Applied when the step opens; without it the step continues the previous step's run. */
  setup?: LessonAction;
  predict?: Prediction;
  /** What the run shows, checked headless by the lesson tests (before the reveal, or across it). */
  claims: Claim[];
}

export interface Lesson {
  id: string;
  title: string;
  /** The mailing-list post (seed) the story comes from, in a few words. */
  seed: string;
  summary: string;
  /** Simulated ns per wall second while the lesson runs (default LESSON_SPEED): fast enough for figures to settle in seconds. */
  speed?: number | 'max';
  steps: LessonStep[];
}
