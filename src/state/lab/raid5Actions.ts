// Intents of the raid5 view: step one handle_stripe pass or a span of simulated time, follow a stripe_head.
// They only send commands; what happened comes back in the next frame.
import { getBridge } from '../session';
import { useSim } from '../store';

/** Runs until the next handle_stripe pass completes (pausing first). */
export function stepPass(): void {
  useSim.setState({ playing: false });
  getBridge().send({ type: 'stepPass' });
}

/** Runs `ns` of simulated time (pausing first). */
export function stepTime(ns: number): void {
  useSim.setState({ playing: false });
  getBridge().send({ type: 'stepTime', ns });
}

/** Follows a stripe_head by index (its history shows in words); null stops following. */
export function follow(id: number | null): void {
  getBridge().send({ type: 'follow', id });
}
