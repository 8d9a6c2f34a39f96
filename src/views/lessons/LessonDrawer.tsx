// The lesson drawer: the list of lessons (with saved progress) or the current step, plus storage problems.
// Arrow keys inside it move between steps and do not reach the lab's step-one-event shortcut.
import { useEffect, useRef } from 'react';
import { closeLessons, moveStep, startLesson } from '../../state/lessons/lessonActions';
import { LESSONS } from '../../state/lessons/lessonCatalog';
import { useLesson } from '../../state/lessons/lessonStore';
import { LessonStepView } from './LessonStepView';

function LessonList() {
  const progress = useLesson((s) => s.progress);
  return (
    <div className="lesson-list">
      <h2>Guided lessons</h2>
      <p className="lesson-muted">
        Each step runs a live preset. Predict what will happen, then reveal: the run answers.
      </p>
      <ol>
        {LESSONS.map((l, i) => {
          const p = progress.lessons[l.id];
          const asked = l.steps.filter((st) => st.predict).length;
          return (
            <li key={l.id}>
              <button type="button" data-testid={`lesson-pick-${l.id}`} onClick={() => startLesson(l.id)}>
                <kbd>{i + 1}</kbd> <b>{l.title}</b>
                <span className="lesson-muted">{l.summary}</span>
                <span className="lesson-progress">
                  {p
                    ? `step ${p.step + 1} of ${l.steps.length}, ${p.revealed.length} of ${asked} revealed`
                    : `${l.steps.length} steps, ${asked} predictions`}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function StorageProblems() {
  const readError = useLesson((s) => s.readError);
  const saveError = useLesson((s) => s.saveError);
  if (!readError && !saveError) return null;
  return (
    <p className="lesson-problem" role="alert" data-testid="lesson-storage-error">
      {readError ?? saveError}
    </p>
  );
}

export function LessonDrawer() {
  const lessonId = useLesson((s) => s.lessonId);
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    box.current?.focus({ preventScroll: true });
  }, [lessonId]);
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!lessonId || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      e.stopPropagation(); // inside the drawer the arrows are the lesson's, not the lab's single step
      moveStep(e.key === 'ArrowRight' ? 1 : -1);
    }
  };
  return (
    <aside
      ref={box}
      className="lesson-drawer"
      aria-label="guided lesson"
      tabIndex={-1}
      data-testid="lesson-drawer"
      onKeyDown={onKeyDown}
    >
      <button
        type="button"
        className="lesson-close"
        aria-label="close lessons (Esc)"
        title="Close (Esc)"
        onClick={closeLessons}
      >
        ×
      </button>
      <StorageProblems />
      {lessonId ? <LessonStepView /> : <LessonList />}
    </aside>
  );
}
