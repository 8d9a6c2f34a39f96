// The wall clock, timer and pacing limits SimHost uses; injected so tests in Node are deterministic.
// Nothing here touches a model or posts a message.

export interface HostClock {
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const realClock: HostClock = {
  now: () => performance.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface HostLimits {
  tickMs: number;
  /** Wall time one tick may spend stepping, so 'max' never blocks the worker's message loop. */
  budgetMs: number;
  /** Frames sent but not yet acked before the host stops stepping. */
  maxUnacked: number;
  /** A longer gap (tab hidden, debugger) counts as this much, so time never leaps. */
  maxElapsedMs: number;
  /** Whole-run figures (result()) are recomputed at most this often while playing. */
  figuresEveryMs: number;
}

export const HOST_LIMITS: HostLimits = {
  tickMs: 16,
  budgetMs: 8,
  maxUnacked: 4,
  maxElapsedMs: 100,
  figuresEveryMs: 250,
};
