// A lesson's measuring window over one run: it opens after the change settles and then spans from that
// snapshot to the latest, so the figure shown grows steadier the longer the run goes. Pure; no store.
import type { Snapshot } from '../../protocol/messages';
import { FIGURES, type FigureId } from '../../scenarios/lessons/figures';

export interface MeasureWindow {
  runId: number;
  /** Simulated time from which snapshots count; null: the first snapshot seen plus `settleNs`. */
  startNs: number | null;
  settleNs: number;
  from: Snapshot | null;
  to: Snapshot | null;
  /** No more snapshots are taken (the reveal froze the "before" figures). */
  frozen: boolean;
}

export function openWindow(runId: number, settleNs: number, startNs: number | null = null): MeasureWindow {
  return { runId, startNs, settleNs, from: null, to: null, frozen: false };
}

/** The window with this snapshot taken into account (the same object when it changes nothing). */
export function feed(w: MeasureWindow, runId: number, s: Snapshot): MeasureWindow {
  if (w.frozen || runId !== w.runId) return w;
  const startNs = w.startNs ?? s.timeNs + w.settleNs;
  if (!w.from) return s.timeNs >= startNs ? { ...w, startNs, from: s } : startNs === w.startNs ? w : { ...w, startNs };
  return s.timeNs > w.from.timeNs ? { ...w, to: s } : w;
}

export const freeze = (w: MeasureWindow): MeasureWindow => ({ ...w, frozen: true });

/** The figure over the window, or null until it spans some time. */
export function windowValue(w: MeasureWindow | null, figure: FigureId): number | null {
  if (!w?.from || !w.to) return null;
  return FIGURES[figure].compute(w.from, w.to);
}

export function windowSpanNs(w: MeasureWindow | null): number {
  return w?.from && w.to ? w.to.timeNs - w.from.timeNs : 0;
}
