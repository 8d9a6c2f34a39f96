// SimHost driven in Node with a fake endpoint, clock and timer: handshake, start, pacing, pause, step,
// backpressure, live knobs and errors. Asserts on simulated time and events, never on wall time.
import { describe, expect, it } from 'vitest';
import type { FromWorker, FramesMsg, ToWorker } from '../protocol/messages';
import { PROTOCOL_VERSION, THREAD_STATES } from '../protocol/messages';
import { STATE_NAMES } from '../sim/core/thread';
import type { HostClock } from './hostClock';
import { HOST_LIMITS } from './hostClock';
import { SimHost } from './simHost';

function harness(tickCost = 0) {
  const out: { msg: FromWorker; transfer: Transferable[] }[] = [];
  let t = 0;
  let timers: { fn: () => void; at: number; id: number }[] = [];
  let nextId = 1;
  const delays: number[] = [];
  const clock: HostClock = {
    now: () => (t += tickCost),
    setTimer: (fn, ms) => {
      delays.push(ms);
      timers.push({ fn, at: t + ms, id: nextId });
      return nextId++;
    },
    clearTimer: (id) => {
      timers = timers.filter((x) => x.id !== id);
    },
  };
  const host = new SimHost({ post: (msg, transfer) => out.push({ msg, transfer }) }, clock);
  /** Moves the wall clock on by `ms`, firing due timers in order. */
  const wait = (ms: number) => {
    const end = t + ms;
    for (;;) {
      const due = timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers = timers.filter((x) => x !== due);
      t = Math.max(t, due.at);
      due.fn();
    }
    t = Math.max(t, end);
  };
  const send = (m: ToWorker) => host.handle(m);
  const frames = () => out.map((o) => o.msg).filter((m): m is FramesMsg => m.type === 'frames');
  const last = () => frames().at(-1)!;
  const ackAll = (runId: number) => send({ type: 'ack', runId, seq: last().seq });
  return { host, out, send, wait, frames, last, ackAll, delays, pendingTimers: () => timers.length };
}

const start = (
  runId: number,
  scenario: Record<string, unknown> = { preset: 'lock-lab-basic' },
  speed: number | 'max' = 1e6,
): ToWorker =>
  ({ type: 'start', runId, scenario: { seed: 1, params: {}, ...scenario }, speed, playing: true }) as ToWorker;

describe('SimHost', () => {
  it('answers the handshake and refuses another protocol version', () => {
    const h = harness();
    h.send({ type: 'init', protocol: PROTOCOL_VERSION });
    expect(h.out[0].msg).toMatchObject({
      type: 'ready',
      protocol: PROTOCOL_VERSION,
      models: expect.arrayContaining(['lock-lab']),
    });
    h.send({ type: 'init', protocol: 999 });
    expect(h.out[1].msg).toMatchObject({ type: 'error', where: 'protocol' });
  });

  it('starts a run and streams columnar frames with its runId in transferable buffers', () => {
    const h = harness();
    h.send(start(7));
    expect(h.out[0].msg).toMatchObject({
      type: 'started',
      runId: 7,
      model: 'lock-lab',
      preset: 'lock-lab-basic',
      params: { threads: 4 },
    });
    const f0 = h.last();
    expect(f0).toMatchObject({ runId: 7, seq: 1, playing: true, threadsFrom: 0 });
    expect(f0.newThreads.map((t) => t.name)).toEqual(['thread-0', 'thread-1', 'thread-2', 'thread-3']);
    expect(f0.columns.thread.length).toBe(4); // each thread's state at time 0
    expect(h.out.at(-1)!.transfer).toHaveLength(4);
    h.ackAll(7);
    h.wait(16);
    const f1 = h.last();
    expect(f1.runId).toBe(7);
    expect(f1.snapshot.timeNs).toBe(16_000); // 1 ms per wall second x 16 ms
    const c = f1.columns;
    expect(c.timeNs.length).toBeGreaterThan(0);
    expect([c.thread.length, c.state.length, c.label.length]).toEqual([
      c.timeNs.length,
      c.timeNs.length,
      c.timeNs.length,
    ]);
    expect(c.timeNs).toBeInstanceOf(Float64Array);
    expect(c.thread).toBeInstanceOf(Uint16Array);
    expect(c.state).toBeInstanceOf(Uint8Array);
    expect(c.label).toBeInstanceOf(Uint16Array);
    for (let i = 1; i < c.timeNs.length; i++) expect(c.timeNs[i]).toBeGreaterThanOrEqual(c.timeNs[i - 1]);
    expect([...f0.newLabels, ...f1.newLabels]).toEqual(expect.arrayContaining(['', 'hold', 'think']));
  });

  it('stops time on pause, resumes on play, and steps exactly one event', () => {
    const h = harness();
    h.send(start(1));
    h.ackAll(1);
    h.wait(32);
    h.ackAll(1);
    h.send({ type: 'pause', runId: 1 });
    const paused = h.last();
    expect(paused.playing).toBe(false);
    expect(h.pendingTimers()).toBe(0);
    const n = h.frames().length;
    h.wait(500);
    expect(h.frames().length).toBe(n);
    expect(h.host.current!.sim.now).toBe(paused.snapshot.timeNs);
    const nextAt = h.host.current!.sim.peek();
    h.send({ type: 'step', runId: 1 });
    expect(h.last().snapshot.events).toBe(paused.snapshot.events + 1);
    expect(h.last().snapshot.timeNs).toBe(nextAt);
    h.send({ type: 'play', runId: 1 });
    h.ackAll(1);
    h.wait(16);
    expect(h.last().playing).toBe(true);
    expect(h.last().snapshot.timeNs).toBeGreaterThan(nextAt);
  });

  it('stops stepping while too many frames are unacked, and resumes on ack', () => {
    const h = harness();
    h.send(start(1));
    for (let i = 0; i < 20; i++) h.wait(16);
    expect(h.frames().length).toBe(HOST_LIMITS.maxUnacked);
    const stuck = h.host.current!.sim.now;
    h.wait(160);
    expect(h.host.current!.sim.now).toBe(stuck);
    h.ackAll(1);
    h.wait(16);
    expect(h.frames().length).toBe(HOST_LIMITS.maxUnacked + 1);
    expect(h.host.current!.sim.now).toBe(stuck + 16_000); // blocked time is dropped, not owed
  });

  it("at 'max', steps until the next frame is due, then yields instead of waiting a tick", () => {
    const h = harness(0.01); // every clock read costs 10 us of wall time
    h.send(start(1, { preset: 'lock-lab-basic' }, 'max'));
    h.ackAll(1);
    expect(h.delays.at(-1)).toBe(0);
    h.wait(0); // exactly the one tick that is due now
    const events = h.last().snapshot.events;
    expect(events).toBeGreaterThan(0);
    // One slice is a frame period less a frame's cost: at most 16 ms / 10 us per read, one read per 64 events.
    expect(events).toBeLessThanOrEqual(64 * (HOST_LIMITS.tickMs / 0.01 + 2));
    expect(events).toBeGreaterThan(64 * ((HOST_LIMITS.tickMs / 0.01) * 0.5));
    expect(h.delays.at(-1)).toBe(0);
  });

  it('reports where the wall time went about once a second, and waits a tick (not a busy loop) for acks', () => {
    const h = harness(0.01);
    h.send(start(1, { preset: 'lock-lab-basic' }, 'max'));
    const pace = () => h.out.map((o) => o.msg).filter((m) => m.type === 'pace');
    for (let i = 0; i < 200 && pace().length === 0; i++) {
      h.ackAll(1);
      h.wait(0);
    }
    const [p] = pace();
    expect(p).toMatchObject({ runId: 1, speed: 'max' });
    if (p.type !== 'pace') throw new Error('pace');
    expect(p.wallMs).toBeGreaterThanOrEqual(HOST_LIMITS.paceEveryMs);
    expect(p.modelMs + p.snapshotMs + p.postMs + p.ackWaitMs).toBeLessThanOrEqual(p.wallMs + 1e-9);
    expect(p.modelMs / p.wallMs).toBeGreaterThan(0.6);
    expect(p.simNs).toBeGreaterThan(0);
    expect(p.events).toBeGreaterThan(0);
    // Now the page stops acking: the host waits in ticks and says so.
    h.wait(2 * HOST_LIMITS.paceEveryMs);
    expect(h.delays.at(-1)).toBe(HOST_LIMITS.tickMs);
    const q = pace().at(-1)!;
    if (q.type !== 'pace') throw new Error('pace');
    expect(q.ackWaitMs / q.wallMs).toBeGreaterThan(0.6);
  });

  it('gives the same run whatever the pacing: a slow and a fast clock at max reach identical state', () => {
    const paced = (tickCost: number) => {
      const h = harness(tickCost);
      h.send(start(1, { preset: 'raid5-3disk-threads' }, 'max'));
      for (let i = 0; i < 4; i++) {
        h.ackAll(1);
        h.wait(0);
      }
      h.send({ type: 'pause', runId: 1 });
      return h;
    };
    const runs = [paced(0.02), paced(0.05)];
    const nows = runs.map((h) => h.host.current!.sim.now);
    expect(nows[0]).not.toBe(nows[1]); // the two stopped at different points
    const common = Math.max(...nows) + 1e5;
    const [a, b] = runs.map((h, i) => {
      h.send({ type: 'stepTime', runId: 1, ns: common - nows[i] });
      h.send({ type: 'exportResult', runId: 1, requestId: 1 });
      return JSON.stringify([h.last().snapshot, h.out.map((o) => o.msg).find((m) => m.type === 'result')]);
    });
    expect(a).toBe(b);
  });

  it('applies live knobs, refuses the rest with the key named, and ignores stale runIds', () => {
    const h = harness();
    h.send(start(1));
    h.send({ type: 'setLive', runId: 1, key: 'threads', value: 8 });
    expect(h.out.at(-1)!.msg).toMatchObject({
      type: 'error',
      where: 'setLive',
      key: 'threads',
      message: expect.stringMatching(/new run/),
    });
    h.send(start(2, { preset: 'raid5-3disk-threads' }));
    h.send({ type: 'setLive', runId: 2, key: 'stripe_cache_size', value: 5 });
    expect(h.out.at(-1)!.msg).toMatchObject({
      type: 'error',
      key: 'stripe_cache_size',
      message: expect.stringMatching(/17\.\.32768/),
    });
    const threads = h.host.current!.kernel.threads.length;
    h.send({ type: 'setLive', runId: 2, key: 'group_thread_cnt', value: 4 });
    expect(h.out.at(-1)!.msg).toEqual({ type: 'liveApplied', runId: 2, key: 'group_thread_cnt', value: 4 });
    h.ackAll(2);
    h.wait(16);
    expect(h.host.current!.kernel.threads.length).toBeGreaterThan(threads);
    expect(
      h
        .frames()
        .filter((f) => f.runId === 2)
        .flatMap((f) => f.newThreads).length,
    ).toBe(h.host.current!.kernel.threads.length);
    const before = h.out.length;
    h.send({ type: 'step', runId: 1 });
    h.send({ type: 'setLive', runId: 1, key: 'group_thread_cnt', value: 0 });
    expect(h.out.length).toBe(before);
  });

  it('reports a bad scenario at start and a throwing model, which then stops', () => {
    const h = harness();
    h.send(start(1, { model: 'lock-lab', params: { threads: 0 } }));
    expect(h.out.at(-1)!.msg).toMatchObject({
      type: 'error',
      runId: 1,
      where: 'start',
      key: 'threads',
      message: expect.stringMatching(/1\.\.1024/),
    });
    h.send(start(2));
    h.host.current!.sim.step = () => {
      throw new Error('invariant broken');
    };
    h.ackAll(2);
    h.wait(16);
    expect(
      h.out.some((o) => o.msg.type === 'error' && o.msg.where === 'model' && o.msg.message === 'invariant broken'),
    ).toBe(true);
    expect(h.last().playing).toBe(false);
    expect(h.pendingTimers()).toBe(0);
  });

  it('reset replays the same run from time zero under the new runId', () => {
    const h = harness();
    h.send(start(1));
    for (let i = 0; i < 3; i++) {
      h.ackAll(1);
      h.wait(16);
    }
    const first = h.last().snapshot;
    h.send({ type: 'reset', runId: 2 });
    expect(h.last()).toMatchObject({ runId: 2, seq: 1 });
    expect(h.last().snapshot.timeNs).toBe(0);
    for (let i = 0; i < 3; i++) {
      h.ackAll(2);
      h.wait(16);
    }
    expect(h.last().snapshot).toEqual(first);
  });
});

describe('protocol', () => {
  it('names thread states exactly as the kernel does', () => {
    expect([...THREAD_STATES]).toEqual([...STATE_NAMES]);
  });
});
