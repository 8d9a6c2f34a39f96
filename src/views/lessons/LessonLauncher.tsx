// The header's Lessons button and, while open, the lesson drawer beside the lab with the step's view
// highlighted. Layout, focus and keys only; the player's logic is in state/lessonActions.
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { loadLessonProgress, toggleLessons } from '../../state/lessons/lessonActions';
import { findLesson } from '../../state/lessons/lessonCatalog';
import { useLesson } from '../../state/lessons/lessonStore';
import { LessonDrawer } from './LessonDrawer';
import { LessonHighlight } from './LessonHighlight';
import { useLessonKeys } from './useLessonKeys';
import './lessons.css';

export function LessonLauncher() {
  const open = useLesson((s) => s.open);
  const resume = useLesson((s) => (s.progress.current ? findLesson(s.progress.current) : undefined));
  const resumeStep = useLesson((s) => (s.progress.current ? (s.progress.lessons[s.progress.current]?.step ?? 0) : 0));
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useLessonKeys();
  useEffect(loadLessonProgress, []);
  useEffect(() => {
    document.body.classList.toggle('lesson-open', open);
    // the drawer starts below the header, whatever height the header wrapped to
    const header = button.current?.closest('header');
    if (header)
      document.documentElement.style.setProperty('--lesson-top', `${header.getBoundingClientRect().bottom}px`);
    // Focus comes back to the button when the drawer closes, not on first load (no ring on a fresh page).
    if (!open && wasOpen.current && document.activeElement === document.body)
      button.current?.focus({ preventScroll: true });
    wasOpen.current = open;
  }, [open]);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="lesson-launch"
        aria-pressed={open}
        aria-keyshortcuts="l"
        data-testid="lessons-button"
        title={
          resume
            ? `Resume "${resume.title}" at step ${resumeStep + 1} (key L)`
            : 'Guided lessons: predict, then let the run answer (key L)'
        }
        onClick={toggleLessons}
      >
        Lessons{resume && !open ? <span className="resume"> ▸ resume</span> : ''} <kbd>L</kbd>
      </button>
      {open && createPortal(<LessonDrawer />, document.body)}
      {open && <LessonHighlight />}
    </>
  );
}
