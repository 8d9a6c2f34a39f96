// One lesson step: text, what to look at, the figure measured from the live run, and the prediction with
// its reveal and explanation. Reads the player's state; every change goes through state/lessonActions.
import { useEffect, useRef } from 'react';
import { answer, moveStep, replayStep, reveal, showLessonList } from '../../state/lessons/lessonActions';
import { findLesson, FIGURES, formatFigure, type FigureDef, type FigureId } from '../../state/lessons/lessonCatalog';
import { windowSpanNs, windowValue } from '../../state/lessons/lessonMeasure';
import { useLesson } from '../../state/lessons/lessonStore';

const ms = (ns: number) => `${(ns / 1e6).toFixed(1)} ms`;

/** After / before as a factor: ×2.40 or ×0.82, and ÷128 when it shrank tenfold or more (read as "128x fewer"). */
function Ratio({ r }: { r: number }) {
  const text = r >= 0.1 ? `×${r.toFixed(2)}` : `÷${(1 / r).toFixed(0)}`;
  return (
    <span
      className="lesson-ratio"
      data-testid="lesson-ratio"
      data-value={r}
      title={`after / before = ${r.toPrecision(3)}`}
    >
      {text}
    </span>
  );
}

function Figure({ figure, revealed }: { figure: FigureId; revealed: boolean }) {
  const before = useLesson((s) => s.before);
  const after = useLesson((s) => s.after);
  const f: FigureDef = FIGURES[figure];
  const b = windowValue(before, figure),
    a = windowValue(after, figure);
  const measuring = (span: number) => (span > 0 ? ms(span) : 'settling…');
  return (
    <div className="lesson-figure" data-testid="lesson-figure" data-figure={figure} title={f.about}>
      <div className="lesson-figure-name">{f.label}</div>
      <div className="lesson-figure-row">
        <span className="lesson-figure-side">{revealed ? 'before' : 'now'}</span>
        <b data-testid="lesson-before" data-value={b ?? ''}>
          {formatFigure(figure, b)}
        </b>
        <span className="lesson-muted" title="simulated time measured, after the change settled">
          {measuring(windowSpanNs(before))}
        </span>
      </div>
      {revealed && (
        <div className="lesson-figure-row">
          <span className="lesson-figure-side">after</span>
          <b data-testid="lesson-after" data-value={a ?? ''}>
            {formatFigure(figure, a)}
          </b>
          <span className="lesson-muted" title="simulated time measured, after the change settled">
            {measuring(windowSpanNs(after))}
          </span>
          {/* always there, so the drawer does not grow under the student when the figure arrives */}
          {a !== null && b !== null && a > 0 && b > 0 && !f.percent ? (
            <Ratio r={a / b} />
          ) : (
            <span className="lesson-ratio" aria-hidden="true" />
          )}
        </div>
      )}
    </div>
  );
}

export function LessonStepView() {
  const lessonId = useLesson((s) => s.lessonId);
  const step = useLesson((s) => s.step);
  const hint = useLesson((s) => s.hint);
  const revealed = useLesson((s) => s.after !== null);
  const chosen = useLesson((s) => (s.lessonId ? s.progress.lessons[s.lessonId]?.answers[s.step] : undefined));
  const lesson = lessonId ? findLesson(lessonId) : undefined;
  const st = lesson?.steps[step];
  const top = useRef<HTMLDivElement>(null);
  const explain = useRef<HTMLParagraphElement>(null);
  // a new step starts at its title; a reveal brings the explanation into sight (the drawer scrolls, not the page)
  useEffect(() => {
    top.current?.scrollIntoView({ block: 'start' }); // braces: newer Chromium returns a promise here
  }, [lessonId, step]);
  useEffect(() => {
    if (revealed) explain.current?.scrollIntoView({ block: 'end' });
  }, [revealed]);
  if (!lesson || !st) return null;
  const p = st.predict;
  return (
    <div
      ref={top}
      className="lesson-step"
      data-testid="lesson-step"
      data-lesson={lesson.id}
      data-step={step}
      data-revealed={revealed}
    >
      <button type="button" className="lesson-back" onClick={showLessonList} data-testid="lesson-list">
        ← all lessons
      </button>
      <h2>{lesson.title}</h2>
      <p className="lesson-muted lesson-seed">{lesson.seed}</p>
      <h3>
        <span className="lesson-count">
          Step {step + 1} of {lesson.steps.length}
        </span>{' '}
        {st.title}
      </h3>
      <p className="lesson-text">{st.text}</p>
      <p className="lesson-look">
        <b>Look at:</b> {st.look}
      </p>
      <Figure figure={st.figure} revealed={revealed} />
      {p && (
        <fieldset className="lesson-predict" data-testid="lesson-predict">
          <legend>Predict: {p.question}</legend>
          {p.choices.map((c, i) => {
            const right = revealed && i === p.answer;
            const wrong = revealed && i === chosen && i !== p.answer;
            return (
              <button
                key={c}
                type="button"
                className={`lesson-choice${right ? ' right' : ''}${wrong ? ' wrong' : ''}`}
                aria-pressed={chosen === i}
                data-testid={`lesson-choice-${i + 1}`}
                disabled={revealed && !right && !wrong}
                onClick={() => answer(i)}
              >
                <kbd>{i + 1}</kbd> {c}
                {right ? " ✓ the run's answer" : ''}
                {wrong ? ' ✗ your guess' : ''}
              </button>
            );
          })}
          {!revealed && (
            <button
              type="button"
              className="lesson-reveal"
              data-testid="lesson-reveal"
              disabled={chosen === undefined}
              onClick={reveal}
            >
              Reveal: run it <kbd>Enter</kbd>
            </button>
          )}
          {revealed && (
            <p ref={explain} className="lesson-explain" data-testid="lesson-explain" role="status">
              <b>{chosen === p.answer ? 'Right. ' : 'The run says otherwise. '}</b>
              {p.explain}
            </p>
          )}
        </fieldset>
      )}
      {hint && (
        <p className="lesson-hint" role="status" data-testid="lesson-hint">
          {hint}
        </p>
      )}
      <nav className="lesson-nav" aria-label="lesson steps">
        <button type="button" onClick={() => moveStep(-1)} disabled={step === 0} data-testid="lesson-prev">
          <kbd>p</kbd> ← back
        </button>
        <button
          type="button"
          onClick={replayStep}
          data-testid="lesson-replay"
          title="This step again as a new run from time 0 (key r)"
        >
          <kbd>r</kbd> again
        </button>
        <button
          type="button"
          onClick={() => moveStep(1)}
          disabled={step === lesson.steps.length - 1}
          data-testid="lesson-next"
        >
          next → <kbd>n</kbd>
        </button>
      </nav>
      <p className="lesson-muted lesson-keys">
        Keys: n / p (or → / ← in this panel) step, 1-{p ? p.choices.length : 4} answer, Enter reveal, r again, Esc
        close. Space still plays and pauses.
      </p>
    </div>
  );
}
