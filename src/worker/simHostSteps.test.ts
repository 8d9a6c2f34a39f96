// SimHost's coarser steps and following, driven in Node: one handle_stripe pass, a span of simulated
// time, and following a stripe_head so its history arrives in snapshots. Never asserts on wall time.
import { describe, expect, it } from 'vitest';
import type { FramesMsg, FromWorker, ToWorker } from '../protocol/messages';
import type { HostClock } from './hostClock';
import { SimHost } from './simHost';

function harness() {
  const out: FromWorker[] = [];
  const clock: HostClock = { now: () => 0, setTimer: () => 1, clearTimer: () => {} };
  const host = new SimHost({ post: (msg) => out.push(msg) }, clock);
  const send = (m: ToWorker) => host.handle(m);
  const last = () => out.filter((m): m is FramesMsg => m.type === 'frames').at(-1)!;
  const extra = () => last().snapshot.extra as Record<string, unknown>;
  send({
    type: 'start',
    runId: 1,
    scenario: { preset: 'raid5-3disk-threads', seed: 1, params: { group_thread_cnt: 0 } },
    speed: 1e6,
    playing: false,
  });
  return { host, out, send, last, extra };
}

describe('SimHost steps and follow', () => {
  it('steps exactly one handle_stripe pass, pausing first', () => {
    const h = harness();
    h.send({ type: 'stepTime', runId: 1, ns: 200_000 });
    expect(h.last().snapshot.timeNs).toBe(200_000);
    const before = h.extra().passesDone as number;
    expect(before).toBeGreaterThan(0);
    for (let i = 1; i <= 3; i++) {
      h.send({ type: 'stepPass', runId: 1 });
      expect(h.extra().passesDone).toBe(before + i);
      expect(h.last().playing).toBe(false);
    }
    expect(h.extra().lastPassStripe).toBeGreaterThanOrEqual(0);
  });

  it('refuses a bad time step and a pass step on a model without passes', () => {
    const h = harness();
    h.send({ type: 'stepTime', runId: 1, ns: -5 });
    expect(h.out.at(-1)).toMatchObject({ type: 'error', where: 'protocol' });
    h.send({
      type: 'start',
      runId: 2,
      scenario: { preset: 'lock-lab-basic', seed: 1, params: {} },
      speed: 1e6,
      playing: false,
    });
    h.send({ type: 'stepPass', runId: 2 });
    expect(h.out.at(-1)).toMatchObject({
      type: 'error',
      where: 'protocol',
      message: expect.stringContaining('no passes'),
    });
  });

  it('follows a stripe_head: its history arrives in words, and unfollowing stops it', () => {
    const h = harness();
    h.send({ type: 'stepTime', runId: 1, ns: 100_000 });
    const ids = h.extra().cellIds as Uint32Array;
    const cells = h.extra().cells as Uint8Array;
    const busy = ids[cells.findIndex((c) => c !== 0)];
    h.send({ type: 'follow', runId: 1, id: busy });
    expect(h.extra().followed).toMatchObject({ idx: busy, history: [expect.stringContaining('followed from here')] });
    h.send({ type: 'stepTime', runId: 1, ns: 2_000_000 });
    const f = h.extra().followed as { history: string[] };
    expect(f.history.length).toBeGreaterThan(2);
    expect(f.history.join('\n')).toMatch(/queued on handle_list|picked by md0_raid5|handle_stripe on md0_raid5/);
    h.send({ type: 'follow', runId: 1, id: null });
    expect(h.extra().followed).toBeNull();
    h.send({ type: 'follow', runId: 1, id: 99_999 });
    expect(h.out.at(-1)).toMatchObject({ type: 'error', message: expect.stringContaining('stripe=99999') });
  });

  it('reports lock histograms in log2 buckets and a recent latency window', () => {
    const h = harness();
    h.send({ type: 'stepTime', runId: 1, ns: 3_000_000 });
    const hist = h.extra().lockHistograms as { name: string; wait: [number, number][]; hold: [number, number][] }[];
    const dl = hist.find((x) => x.name === 'device_lock')!;
    expect(dl.hold.length).toBeGreaterThan(0);
    for (const [low] of dl.hold) expect(low === 0 || Math.log2(low) % 1 === 0).toBe(true);
    const w = h.extra().latencyWindow as { p50: number; p99: number; count: number };
    expect(w.count).toBeGreaterThan(0);
    expect(w.p99).toBeGreaterThanOrEqual(w.p50);
  });
});
