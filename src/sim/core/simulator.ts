// The discrete-event kernel: integer-nanosecond clock, handler registry, now/schedule/step/peek/runUntil.
// It knows nothing of threads, locks or models, and never reads a wall clock.
import { EventQueue } from './eventQueue';

export type Handler = (a: number, b: number) => void;

/** Apart from schedule(), which runs per event: a small hot path is one the JIT inlines. */
function badDelay(delayNs: number): never {
  throw new Error(`schedule: delay must be >= 0, got ${delayNs}`);
}

export class Simulator {
  now = 0;
  /** Events executed so far (the figure the CLI reports as `events`). */
  events = 0;
  private readonly queue = new EventQueue(4096);
  private readonly handlers: Handler[] = [];
  private readonly names: string[] = [];

  /** Registers a handler and returns its event kind. */
  register(name: string, fn: Handler): number {
    this.handlers.push(fn);
    this.names.push(name);
    return this.handlers.length - 1;
  }

  kindName(kind: number): string {
    return this.names[kind] ?? `kind${kind}`;
  }

  /** Schedules `kind(a, b)` after `delayNs` (rounded to whole nanoseconds, never negative). */
  schedule(delayNs: number, kind: number, a = 0, b = 0): void {
    if (!(delayNs >= 0)) badDelay(delayNs);
    this.queue.push(this.now + Math.round(delayNs), kind, a, b);
  }

  /** Time of the next event, or Infinity when none is pending. */
  peek(): number {
    return this.queue.peekTime();
  }

  get pending(): number {
    return this.queue.size;
  }

  /** Runs exactly one event; returns false when none is pending. */
  step(): boolean {
    const q = this.queue;
    if (!q.pop()) return false;
    this.now = q.outTime;
    this.events++;
    this.handlers[q.outKind](q.outA, q.outB);
    return true;
  }

  /** Kind of the next event (for "step to the next X" controls), or -1. */
  lastKind(): number {
    return this.queue.outKind;
  }

  /** Runs every event with time <= untilNs, then sets the clock to untilNs. */
  runUntil(untilNs: number): void {
    const q = this.queue;
    const handlers = this.handlers;
    while (q.size > 0 && q.peekTime() <= untilNs) {
      q.pop();
      this.now = q.outTime;
      this.events++;
      handlers[q.outKind](q.outA, q.outB);
    }
    if (untilNs > this.now) this.now = untilNs;
  }
}
