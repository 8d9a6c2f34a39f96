// The lesson player's state: open or closed, which lesson and step, the saved progress and its storage
// problems, and the measuring windows before and after the reveal. Plain data; lessonActions.ts changes it.
import { create } from 'zustand';
import { emptyProgress, type Progress } from './lessonProgress';
import type { MeasureWindow } from './lessonMeasure';

export interface LessonState {
  open: boolean;
  /** The lesson shown, or null for the list of lessons. */
  lessonId: string | null;
  step: number;
  progress: Progress;
  /** Saved progress could not be read (reported, ignored, kept in storage). */
  readError: string | null;
  /** The last save failed (quota, private mode). */
  saveError: string | null;
  /** The step's run before the reveal, and after it (null until revealed in this visit). */
  before: MeasureWindow | null;
  after: MeasureWindow | null;
  /** One line for the student: why a key did nothing, or what the step changed. */
  hint: string | null;
}

export const useLesson = create<LessonState>()(() => ({
  open: false,
  lessonId: null,
  step: 0,
  progress: emptyProgress(),
  readError: null,
  saveError: null,
  before: null,
  after: null,
  hint: null,
}));
