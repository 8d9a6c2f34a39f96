// Outlines the view the current step points at: a style rule on its data-lesson-target (so it survives the
// view re-rendering or remounting), and one scroll into sight when the step changes.
import { useEffect } from 'react';
import { findLesson } from '../../state/lessons/lessonCatalog';
import { useLesson } from '../../state/lessons/lessonStore';

export function LessonHighlight() {
  const target = useLesson((s) => (s.lessonId ? (findLesson(s.lessonId)?.steps[s.step]?.target ?? null) : null));
  const step = useLesson((s) => s.step);
  useEffect(() => {
    if (!target) return;
    // the view may mount a moment later (a new run's first snapshot): look again briefly
    let tries = 0;
    const id = setInterval(() => {
      const el = document.querySelector(`[data-lesson-target="${target}"]`);
      if (el || ++tries > 20) clearInterval(id);
      el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }, 150);
    return () => clearInterval(id);
  }, [target, step]);
  if (!target) return null;
  // target names are checked against LESSON_TARGETS ([a-z-]) by the lesson tests: safe inside a selector
  return (
    <style data-testid="lesson-highlight-rule">{`[data-lesson-target="${target}"] { outline: 4px solid #E69F00; outline-offset: 2px; border-radius: 4px; animation: lesson-pulse 1.6s ease-in-out infinite; } body.projector .stage > [data-lesson-target="${target}"] { display: flex !important; }`}</style>
  );
}
