// The lesson player's keys on the whole page: L opens or closes; while open, n / p step, r replays the step
// from time 0, 1-4 answer, Enter reveals, Esc closes. Space and the arrows stay the lab's (play, step one
// event) except inside the drawer, whose own handler takes the arrows. Typing in a field is never hijacked.
import { useEffect } from 'react';
import {
  answer,
  closeLessons,
  moveStep,
  replayStep,
  reveal,
  startLesson,
  toggleLessons,
} from '../../state/lessons/lessonActions';
import { findLesson, LESSONS } from '../../state/lessons/lessonCatalog';
import { useLesson } from '../../state/lessons/lessonStore';

const typing = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName));

/** Handles one key for the player; true when it was the player's. */
export function lessonKey(key: string): boolean {
  const s = useLesson.getState();
  if (key === 'l' || key === 'L') return (toggleLessons(), true);
  if (!s.open) return false;
  if (key === 'Escape') return (closeLessons(), true);
  if (!s.lessonId) {
    const n = Number(key);
    if (Number.isInteger(n) && n >= 1 && n <= LESSONS.length) return (startLesson(LESSONS[n - 1].id), true);
    return false;
  }
  if (key === 'n' || key === 'N') return (moveStep(1), true);
  if (key === 'p' || key === 'P') return (moveStep(-1), true);
  if (key === 'r' || key === 'R') return (replayStep(), true);
  const st = findLesson(s.lessonId)?.steps[s.step];
  if (!st?.predict) return false;
  if (/^[1-4]$/.test(key)) return (answer(Number(key) - 1), true);
  if (key === 'Enter' && !s.after) return (reveal(), true);
  return false;
}

export function useLessonKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return;
      // Enter on a focused button is that button's click, except on an answer, where it reveals
      if (
        e.key === 'Enter' &&
        e.target instanceof HTMLButtonElement &&
        !e.target.matches('.lesson-choice, .lesson-reveal')
      )
        return;
      if (lessonKey(e.key)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
