// SimHost answers export requests: a trace of the last window (by replay, after live changes) that passes the
// trace-event checks and ends at the live clock; the contract result; clear refusals for a bad window or no run.
import { describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from '../protocol/messages';
import type { HostClock } from './hostClock';
import { SimHost } from './simHost';
import { checkTrace } from '../export/traceCheck';
import { RunLog, TraceJobs } from './exports';
import { createModel } from '../sim/run';
import { resolveScenario } from '../scenarios/scenarioFile';

/** A host whose wall clock moves `msPerRead` on every read (0: frozen, so a replay finishes in one slice). */
function host(msPerRead = 0) {
  const out: FromWorker[] = [];
  let t = 0;
  let timers: { fn: () => void; id: number }[] = [];
  let nextId = 1;
  const clock: HostClock = {
    now: () => (t += msPerRead),
    setTimer: (fn) => {
      timers.push({ fn, id: nextId });
      return nextId++;
    },
    clearTimer: (id) => {
      timers = timers.filter((x) => x.id !== id);
    },
  };
  const h = new SimHost({ post: (msg) => out.push(msg) }, clock);
  const send = (m: ToWorker) => h.handle(m);
  const reply = (requestId: number) =>
    out.find((m) => 'requestId' in m && m.requestId === requestId && m.type !== 'exportProgress');
  /** Fires the pending timers once (the replay's next slice). */
  const fire = () => {
    const due = timers;
    timers = [];
    due.forEach((x) => x.fn());
    return due.length;
  };
  return { h, out, send, reply, fire };
}

describe('SimHost exports', () => {
  it('answers exportTrace with a checked trace of the last window, replayed through live changes', () => {
    const { h, send, reply } = host();
    send({
      type: 'start',
      runId: 1,
      scenario: { preset: 'raid5-3disk-threads', seed: 1, params: {} },
      speed: 1e6,
      playing: false,
    });
    send({ type: 'stepTime', runId: 1, ns: 700_000 });
    send({ type: 'setLive', runId: 1, key: 'group_thread_cnt', value: 0 });
    for (let i = 0; i < 25; i++) send({ type: 'step', runId: 1 });
    send({ type: 'setLive', runId: 1, key: 'stripe_cache_size', value: 128 });
    send({ type: 'stepTime', runId: 1, ns: 1_500_000 });
    const live = h.current!;
    const nowNs = live.sim.now;
    send({ type: 'exportTrace', runId: 1, requestId: 5, windowNs: 1e6 });
    const m = reply(5);
    if (m?.type !== 'trace') throw new Error(`expected a trace, got ${JSON.stringify(m)}`);
    expect(m).toMatchObject({ fromNs: nowNs - 1e6, toNs: nowNs, replayedEvents: live.sim.events });
    const file = JSON.parse(m.json) as { traceEvents: { name: string; ph: string }[]; otherData: { toNs: number } };
    expect(checkTrace(file)).toEqual([]);
    expect(file.otherData.toNs).toBe(nowNs);
    expect(file.traceEvents.find((e) => e.name === 'process_name')).toMatchObject({
      args: { name: 'raid5 (preset raid5-3disk-threads), seed 1: simulated time' },
    });
    expect(live.sim.now).toBe(nowNs); // the live run was not stepped
  });

  it('replays a long run in slices with progress, to the same trace as in one go; a new run drops the work', () => {
    const traces: string[] = [];
    for (const msPerRead of [0, 100]) {
      const { send, out, reply, fire } = host(msPerRead);
      send({
        type: 'start',
        runId: 1,
        scenario: { preset: 'raid5-3disk-threads', seed: 2, params: {} },
        speed: 1e6,
        playing: false,
      });
      // long enough that the replay checks the clock (every 20,000 events) more than twice
      send({ type: 'stepTime', runId: 1, ns: 12e6 });
      send({ type: 'exportTrace', runId: 1, requestId: 9, windowNs: 5e5 });
      let slices = 1;
      while (!reply(9) && fire()) slices++;
      const progress = out.filter((m) => m.type === 'exportProgress');
      if (msPerRead === 0) expect(progress).toHaveLength(0);
      else {
        expect(slices).toBeGreaterThan(2);
        expect(progress.length).toBe(slices - 1);
        const p = progress.map((m) => (m.type === 'exportProgress' ? m.events / m.of : NaN));
        expect(p.every((x, i) => x > 0 && x < 1 && (i === 0 || x > p[i - 1]))).toBe(true);
      }
      const m = reply(9);
      if (m?.type !== 'trace') throw new Error(`expected a trace, got ${JSON.stringify(m)}`);
      traces.push(m.json);
      // A trace asked for, then a reset: no reply comes for the old run.
      send({ type: 'exportTrace', runId: 1, requestId: 10, windowNs: 5e5 });
      send({ type: 'reset', runId: 2 });
      while (fire());
      if (msPerRead > 0) expect(reply(10)).toBeUndefined();
    }
    expect(traces[1]).toBe(traces[0]);
  });

  it('refuses a window with more records than a file can carry, saying how long a window would fit', () => {
    const sc = resolveScenario({ preset: 'raid5-3disk-threads', seed: 1, params: {} });
    const run = createModel(sc.model, { ...sc.params }, sc.seed);
    run.sim.runUntil(3e6);
    const out: FromWorker[] = [];
    const jobs = new TraceJobs(
      (m) => out.push(m),
      { now: () => 0, setTimer: () => 0, clearTimer: () => undefined },
      20_000,
    );
    jobs.add(new RunLog(sc), run, { runId: 1, requestId: 1 }, 2e6);
    expect(out).toHaveLength(1);
    const m = out[0];
    if (m.type !== 'exportError') throw new Error(`expected a refusal, got ${m.type}`);
    const [, within, atMost] =
      /within its first ([\d.]+) ms, too big to open; choose at most about ([\d.]+) ms/.exec(m.message) ?? [];
    expect(m.message).toMatch(/^trace window: more than 20,000 records/);
    expect(Number(within)).toBeGreaterThan(0);
    expect(Number(within)).toBeLessThanOrEqual(2);
    expect(Number(atMost)).toBeCloseTo(Number(within) * 0.8, 3);
  });

  it('answers exportResult with the contract result of the run so far', () => {
    const { send, reply } = host();
    send({
      type: 'start',
      runId: 2,
      scenario: { preset: 'raid5-3disk-threads', seed: 1, params: {} },
      speed: 1e6,
      playing: false,
    });
    send({ type: 'stepTime', runId: 2, ns: 2e6 });
    send({ type: 'exportResult', runId: 2, requestId: 1 });
    const m = reply(1);
    if (m?.type !== 'result') throw new Error(`expected a result, got ${JSON.stringify(m)}`);
    expect(m.result).toMatchObject({ model: 'raid5', preset: 'raid5-3disk-threads', seed: 1, simulatedNs: 2e6 });
    expect(m.result.throughput.opsPerSec).toBeGreaterThan(0);
  });

  it('refuses a bad window and a request before any run, saying what is accepted', () => {
    const { send, reply } = host();
    send({ type: 'exportTrace', runId: 0, requestId: 1, windowNs: 1e6 });
    expect(reply(1)).toMatchObject({ type: 'exportError', message: 'no run to export yet' });
    send({
      type: 'start',
      runId: 3,
      scenario: { preset: 'lock-lab-basic', seed: 1, params: {} },
      speed: 1e6,
      playing: false,
    });
    send({ type: 'exportTrace', runId: 3, requestId: 2, windowNs: 0 });
    expect(reply(2)).toMatchObject({
      type: 'exportError',
      message: 'trace window=0 ns: accepted 1..100000000 simulated ns (up to 100 ms)',
    });
    send({ type: 'exportTrace', runId: 3, requestId: 3, windowNs: 2e8 });
    expect(reply(3)).toMatchObject({ type: 'exportError' });
  });
});
