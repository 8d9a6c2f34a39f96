// How long a run settles after a lesson's change before its figures count: a new run needs its queues
// and cache to fill, a live knob only needs the work in flight to drain. Shared by the player and the tests.
import type { LessonAction } from './types';

export const RUN_SETTLE_NS = 5e6;
export const LIVE_SETTLE_NS = 2e6;

export function settleNsOf(action: LessonAction | undefined): number {
  if (!action) return 0;
  return action.settleNs ?? (action.kind === 'run' ? RUN_SETTLE_NS : LIVE_SETTLE_NS);
}
