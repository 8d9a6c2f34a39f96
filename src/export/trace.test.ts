// The trace export against the trace-event rules (required fields, process/thread names, complete events
// with dur >= 0, per-thread nesting, paired flows), on a hand-made capture and on a captured raid5 run.
import { describe, expect, it } from 'vitest';
import { checkTrace } from './traceCheck';
import { traceFile, us, type TraceCapture, type TraceEvent } from './trace';
import { attachTraceTap } from '../sim/traceTap';
import { resolveScenario } from '../scenarios/scenarioFile';
import { createModel, runScenario } from '../sim/run';

const base: TraceCapture = {
  title: 'test',
  fromNs: 1000,
  toNs: 9000,
  threads: [
    { id: 0, name: 'md0_raid5', role: 'raid5d' },
    { id: 1, name: 'kworker', role: 'worker' },
  ],
  states: [
    { t: 1000, thread: 0, state: 'running', label: 'handle_stripe' },
    { t: 1000, thread: 1, state: 'spinning', label: 'device_lock' },
    { t: 4000, thread: 0, state: 'blocked', label: 'handle_stripe' },
    { t: 5000, thread: 1, state: 'running', label: '__release_stripe' },
    { t: 8000, thread: 1, state: 'idle', label: '' },
  ],
  // Thread 0 takes A then B and releases A first: B must be split to nest.
  locks: [
    { t: 1000, thread: 0, lock: 'A', op: 'take' },
    { t: 2000, thread: 0, lock: 'B', op: 'take' },
    { t: 3000, thread: 0, lock: 'A', op: 'release' },
    { t: 3000, thread: 1, lock: 'A', op: 'take' },
    { t: 3500, thread: 0, lock: 'B', op: 'release' },
    { t: 7000, thread: 1, lock: 'A', op: 'release' },
  ],
  handoffs: [{ t: 3000, from: 0, to: 1, lock: 'A' }],
  counters: [
    { t: 1000, name: 'handle_list', value: 3 },
    { t: 2500, name: 'handle_list', value: 4 },
  ],
};

const xs = (evs: TraceEvent[], tid: number) =>
  evs.filter((e) => e.ph === 'X' && e.tid === tid).map((e) => `${e.ts}+${e.dur} ${e.name}`);

describe('trace export', () => {
  it('turns a capture into valid, nested trace events in microseconds', () => {
    const f = traceFile(base);
    expect(checkTrace(f)).toEqual([]);
    expect(xs(f.traceEvents, 1)).toEqual([
      '1+2 holding A',
      '1+1 handle_stripe',
      '2+1 holding B',
      '2+1 handle_stripe',
      '3+0.5 holding B',
      '3+0.5 handle_stripe',
      '3.5+0.5 handle_stripe',
      '4+5 blocked',
    ]);
    expect(f.traceEvents.find((e) => e.ph === 'X' && e.ts === 3 && e.name === 'holding B')?.args).toMatchObject({
      continued: true,
    });
    expect(xs(f.traceEvents, 2)).toEqual([
      '1+2 spin device_lock',
      '3+4 holding A',
      '3+2 spin device_lock',
      '5+2 __release_stripe',
      '7+1 __release_stripe',
    ]);
    // Each flow end at the exact start of a 'lock' slice: the releaser's hold of A, and the taker's.
    expect(f.traceEvents.filter((e) => e.ph === 's' || e.ph === 'f').map((e) => [e.ph, e.tid, e.ts])).toEqual([
      ['s', 1, 1],
      ['f', 2, 3],
    ]);
    expect(f.traceEvents.filter((e) => e.ph === 'C').map((e) => [e.ts, e.args])).toEqual([
      [1, { value: 3 }],
      [2.5, { value: 4 }],
    ]);
    const names = f.traceEvents.filter((e) => e.name === 'thread_name').map((e) => e.args?.name);
    expect(names).toEqual(['md0_raid5', 'kworker']);
  });

  it('the checker catches missing fields, names, negative durations, bad nesting and unpaired flows', () => {
    const bad = {
      traceEvents: [
        { name: 'process_name', ph: 'M', pid: 1, args: { name: 'p' } },
        { name: 'thread_name', ph: 'M', pid: 1, tid: 1, args: { name: 't' } },
        { name: 'outer', ph: 'X', pid: 1, tid: 1, ts: 0, dur: 10 },
        { name: 'crosses', ph: 'X', pid: 1, tid: 1, ts: 5, dur: 10 },
        { name: 'negative', ph: 'X', pid: 1, tid: 1, ts: 20, dur: -1 },
        { name: 'unnamed thread', ph: 'X', pid: 1, tid: 2, ts: 0, dur: 1 },
        { name: 'no ts', ph: 'X', pid: 1, tid: 1, dur: 1 },
        { ph: 'X', pid: 1, tid: 1, ts: 0, dur: 1 },
        { name: 'lonely flow', ph: 's', pid: 1, tid: 1, ts: 1, id: 9, cat: 'lock' },
      ],
    };
    const v = checkTrace(bad).join('\n');
    expect(v).toContain("'crosses' at 5us ends after its parent 'outer'");
    expect(v).toContain('negative, ph X): complete event needs dur >= 0');
    expect(v).toContain('thread 1/2: no thread_name metadata');
    expect(v).toContain('no ts, ph X): needs a numeric ts');
    expect(v).toContain('needs name, ph and pid');
    expect(v).toContain('flow lock/9: needs both');
    expect(checkTrace({})).toEqual(['traceEvents is not an array']);
  });

  it("draws a free lock's next take by another thread as a flow from the release to the take", () => {
    const c: TraceCapture = {
      ...base,
      locks: [...base.locks, { t: 8500, thread: 0, lock: 'A', op: 'take' }],
      handoffs: [
        ...base.handoffs,
        { t: 7000, from: 1, to: 0, lock: 'A', takenAt: 8500 },
        { t: 8800, from: 0, to: 1, lock: 'A', takenAt: 9500 },
      ],
    };
    const f = traceFile(c);
    expect(checkTrace(f)).toEqual([]);
    const flows = f.traceEvents
      .filter((e) => e.ph === 's' || e.ph === 'f')
      .map((e) => `${e.ph} ${e.name} tid${e.tid} ${e.ts}`);
    // The second one ends after the window and is left out whole, never half.
    expect(flows).toEqual([
      's A hand-off tid1 1',
      'f A hand-off tid2 3',
      's A release -> next take tid2 3',
      'f A release -> next take tid1 8.5',
    ]);
  });

  it('a captured raid5 window is valid, names every thread, and leaves the result unchanged', () => {
    const sc = resolveScenario({ preset: 'raid5-3disk-threads', duration: '2ms', warmup: '1ms' });
    const run = createModel(sc.model, sc.params, sc.seed);
    const tap = attachTraceTap(run);
    run.sim.runUntil(sc.warmupNs);
    run.resetStats();
    run.sim.runUntil(2e6);
    tap.begin();
    run.sim.runUntil(3e6);
    const f = traceFile(tap.capture('raid5', 3e6));
    expect(checkTrace(f)).toEqual([]);
    const threadNames = f.traceEvents.filter((e) => e.name === 'thread_name').map((e) => e.args?.name);
    expect(threadNames).toEqual(
      expect.arrayContaining(['md0_raid5', 'kworker/u:raid5wq-0', 'kworker/u:raid5wq-1', 'fio/0']),
    );
    const x = f.traceEvents.filter((e) => e.ph === 'X');
    expect(x.every((e) => (e.ts as number) >= 2000 && (e.ts as number) + (e.dur as number) <= 3000 + 1e-9)).toBe(true);
    const names = new Set(x.map((e) => e.name));
    for (const n of ['handle_stripe', 'holding device_lock', 'spin device_lock']) expect(names).toContain(n);
    const counters = new Set(f.traceEvents.filter((e) => e.ph === 'C').map((e) => e.name));
    for (const n of ['stripe_cache_active', 'handle_list', 'device_lock waiters']) expect(counters).toContain(n);
    expect(f.traceEvents.some((e) => e.ph === 'f' && e.name === 'device_lock hand-off')).toBe(true);
    expect(f.traceEvents.some((e) => e.ph === 'f' && e.name.endsWith(' release -> next take'))).toBe(true);
    expect(run.result({ preset: sc.preset, warmupNs: sc.warmupNs })).toEqual(runScenario(sc).result);
  });
});

describe('the 2^-10 us time grid', () => {
  it("gives Perfetto back every ns (llround(ts * 1000)), and survives speedscope's rebase ts - firstTs + dur", () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (let i = 0; i < 20000; i++) {
      const first = next() % 1e9;
      const a = first + (next() % 1e7);
      const b = a + (next() % 1e5);
      expect(Math.round(us(a) * 1000)).toBe(a);
      const dur = us(b) - us(a);
      expect(us(a) - us(first) + dur).toBe(us(b) - us(first));
    }
  });
});
