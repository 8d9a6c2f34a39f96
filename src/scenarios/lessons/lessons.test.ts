// Every lesson's claims are true of the model: its steps run headless as the player runs them (same
// presets, live changes on the same run, same figures from snapshots) and each claimed direction holds.
import { describe, expect, it } from 'vitest';
import { FIGURES, formatFigure, type FigureId } from './figures';
import { findLesson, LESSONS, lessonProblems } from './index';
import { runLesson } from './lessons.testkit';

/** Simulated time each figure is measured over: short, but long enough for the lesson's figures to settle. */
const MEASURE_NS: Record<string, number> = {
  'one-thread': 10e6,
  'device-lock': 20e6,
  'stripe-cache': 10e6,
  'rmw-rcw': 10e6,
  'big-bios': 30e6,
  'bitmap-cost': 30e6,
};

const show = (r: Partial<Record<FigureId, number | null>>) =>
  Object.entries(r)
    .map(([k, v]) => `${FIGURES[k as FigureId].label} ${formatFigure(k as FigureId, v ?? null)}`)
    .join(', ');

describe('guided lessons', () => {
  it('there are at least six, with unique ids, and each names real presets, live knobs, targets and answers', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(6);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const l of LESSONS) expect(lessonProblems(l), l.id).toEqual([]);
  });

  it('the data check catches a bad lesson', () => {
    const good = findLesson('one-thread')!;
    const bad = {
      ...good,
      steps: [
        { ...good.steps[0], setup: { kind: 'live' as const, params: { disks: 4 } } },
        {
          ...good.steps[2],
          predict: { ...good.steps[2].predict!, answer: 7, reveal: { kind: 'live' as const, params: { disks: 4 } } },
        },
      ],
    };
    const problems = lessonProblems(bad).join('\n');
    expect(problems).toContain('the first step must start a run');
    expect(problems).toContain('answer 7 is not a choice');
    expect(problems).toContain('a live change before any run');
  });

  for (const lesson of LESSONS) {
    it(`${lesson.id}: every step's claim holds in the model`, () => {
      const out = runLesson(lesson, { measureNs: MEASURE_NS[lesson.id] ?? 10e6 });
      for (const o of out)
        console.log(
          `${lesson.id} ${o.step}. ${o.title}: ${show(o.before)}${Object.keys(o.after).length ? ` -> ${show(o.after)}` : ''}`,
        );
      expect(out.flatMap((o) => o.failures.map((f) => `step ${o.step}: ${f}`))).toEqual([]);
    });
  }
});
