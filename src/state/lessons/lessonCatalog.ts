// The lessons as the views read them (views import state, not scenarios): the list, lookup and figure formats.
export { findLesson, LESSONS } from '../../scenarios/lessons';
export { FIGURES, formatFigure, type FigureDef, type FigureId } from '../../scenarios/lessons/figures';
export type { Lesson, LessonStep } from '../../scenarios/lessons/types';
