// The event queue and the simulator clock: (time, seq) order with FIFO ties, growth, and the
// now/schedule/step/peek/runUntil contract every model relies on.
import { describe, expect, it } from 'vitest';
import { EventQueue } from './eventQueue';
import { RandomStream } from './random';
import { Simulator } from './simulator';

function drain(q: EventQueue): [number, number][] {
  const out: [number, number][] = [];
  while (q.pop()) out.push([q.outTime, q.outA]);
  return out;
}

describe('EventQueue', () => {
  it('pops in time order, equal times in push order (FIFO), across growth from capacity 2', () => {
    const q = new EventQueue(2);
    const rng = new RandomStream(7, 'eventQueue');
    const pushed: [number, number][] = [];
    for (let i = 0; i < 5000; i++) {
      const t = rng.below(50); // few distinct times: many ties
      q.push(t, 0, i, 0);
      pushed.push([t, i]);
    }
    expect(q.size).toBe(5000);
    // A stable sort by time is exactly (time, push order).
    const expected = [...pushed].sort((x, y) => x[0] - y[0]);
    expect(drain(q)).toEqual(expected);
    expect(q.size).toBe(0);
    expect(q.pop()).toBe(false);
  });

  it('keeps FIFO ties when pushes and pops interleave', () => {
    const q = new EventQueue(4);
    q.push(10, 0, 1, 0);
    q.push(5, 0, 2, 0);
    q.push(10, 0, 3, 0);
    expect(q.pop()).toBe(true);
    expect([q.outTime, q.outA]).toEqual([5, 2]);
    q.push(10, 0, 4, 0);
    q.push(7, 0, 5, 0);
    expect(drain(q)).toEqual([
      [7, 5],
      [10, 1],
      [10, 3],
      [10, 4],
    ]);
  });

  it('carries kind and both arguments, and reports the head time', () => {
    const q = new EventQueue();
    expect(q.peekTime()).toBe(Infinity);
    q.push(3, 9, -4, 123456);
    expect(q.peekTime()).toBe(3);
    q.pop();
    expect([q.outTime, q.outKind, q.outA, q.outB]).toEqual([3, 9, -4, 123456]);
  });
});

describe('Simulator', () => {
  it('runs handlers at their times, same-time events in scheduling order, and never moves the clock back', () => {
    const sim = new Simulator();
    const log: string[] = [];
    const kind = sim.register('log', (a, b) => {
      log.push(`${sim.now}:${a}`);
      if (b > 0) sim.schedule(0, kind, a * 10, 0); // a zero-delay event runs after those already due
    });
    sim.schedule(100, kind, 1, 1);
    sim.schedule(100, kind, 2, 0);
    sim.schedule(50, kind, 3, 0);
    expect(sim.peek()).toBe(50);
    expect(sim.step()).toBe(true);
    expect(log).toEqual(['50:3']);
    sim.runUntil(1000);
    expect(log).toEqual(['50:3', '100:1', '100:2', '100:10']);
    expect(sim.now).toBe(1000);
    expect(sim.events).toBe(4);
    expect(sim.step()).toBe(false);
    expect(sim.kindName(kind)).toBe('log');
  });

  it('runUntil runs events exactly at the bound and leaves later ones pending', () => {
    const sim = new Simulator();
    const seen: number[] = [];
    const k = sim.register('t', () => seen.push(sim.now));
    sim.schedule(10, k);
    sim.schedule(20, k);
    sim.schedule(21, k);
    sim.runUntil(20);
    expect(seen).toEqual([10, 20]);
    expect(sim.pending).toBe(1);
    expect(sim.now).toBe(20);
  });

  it('rounds delays to whole nanoseconds and refuses negative or NaN delays', () => {
    const sim = new Simulator();
    const k = sim.register('t', () => undefined);
    sim.schedule(2.6, k);
    expect(sim.peek()).toBe(3);
    expect(() => sim.schedule(-1, k)).toThrow(/delay/);
    expect(() => sim.schedule(Number.NaN, k)).toThrow(/delay/);
  });
});
