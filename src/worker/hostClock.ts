// The wall clock, timer and pacing limits SimHost uses; injected so tests in Node are deterministic.
// Nothing here touches a model or posts a message.

export interface HostClock {
  now(): number;
  /** `ms` 0 means "as soon as queued messages have run": a yield, not a sleep. */
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

interface Handle {
  timeout: ReturnType<typeof setTimeout> | null;
  cancelled: boolean;
}

/** A zero-delay yield through a MessageChannel: nested setTimeout(0) is clamped to 4 ms in browsers, which at
 * 'max' would leave the worker idle a quarter of every 16 ms frame. Messages already queued (acks, a pause)
 * still run first, since the port's message is queued behind them. */
function makeYield(): ((h: Handle, fn: () => void) => void) | null {
  if (typeof MessageChannel === 'undefined') return null;
  const ch = new MessageChannel();
  // In Node (tests, tools) an open port would keep the process alive.
  (ch.port1 as { unref?: () => void }).unref?.();
  const queue: { h: Handle; fn: () => void }[] = [];
  ch.port1.onmessage = () => {
    const next = queue.shift();
    if (next && !next.h.cancelled) next.fn();
  };
  return (h, fn) => {
    queue.push({ h, fn });
    ch.port2.postMessage(null);
  };
}

let yieldNow: ReturnType<typeof makeYield> | undefined;

export const realClock: HostClock = {
  now: () => performance.now(),
  setTimer: (fn, ms) => {
    const h: Handle = { timeout: null, cancelled: false };
    if (ms <= 0) yieldNow ??= makeYield();
    if (ms <= 0 && yieldNow) yieldNow(h, fn);
    else h.timeout = setTimeout(fn, ms);
    return h;
  },
  clearTimer: (h) => {
    const handle = h as Handle;
    handle.cancelled = true;
    if (handle.timeout !== null) clearTimeout(handle.timeout);
  },
};

export interface HostLimits {
  /** Frame period at a paced speed, and the wait before trying again while the page has not acked. */
  tickMs: number;
  /** At 'max': frames (snapshot and post) may take at most this share of the worker's time; past it the
   * frame period stretches so the model keeps the rest. */
  maxFrameShare: number;
  /** At 'max': the longest stretch of stepping between two frames, so a pause or a live change is never
   * kept waiting longer than this. */
  maxSliceMs: number;
  /** Frames sent but not yet acked before the host stops stepping. */
  maxUnacked: number;
  /** A longer gap (tab hidden, debugger) counts as this much, so time never leaps. */
  maxElapsedMs: number;
  /** Whole-run figures (result()) are recomputed at most this often while playing. */
  figuresEveryMs: number;
  /** How often the worker reports where its time went (the pace note at 'max'). */
  paceEveryMs: number;
}

export const HOST_LIMITS: HostLimits = {
  tickMs: 16,
  maxFrameShare: 0.25,
  maxSliceMs: 60,
  maxUnacked: 4,
  maxElapsedMs: 100,
  figuresEveryMs: 250,
  paceEveryMs: 1000,
};
