// SimHost answers export requests: a trace of the last window (by replay, after live changes) that passes the
// trace-event checks and ends at the live clock; the contract result; clear refusals for a bad window or no run.
import { describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from '../protocol/messages';
import type { HostClock } from './hostClock';
import { SimHost } from './simHost';
import { checkTrace } from '../export/traceCheck';

function host() {
  const out: FromWorker[] = [];
  const clock: HostClock = { now: () => 0, setTimer: () => 0, clearTimer: () => undefined };
  const h = new SimHost({ post: (msg) => out.push(msg) }, clock);
  const send = (m: ToWorker) => h.handle(m);
  const reply = (requestId: number) => out.find((m) => 'requestId' in m && m.requestId === requestId);
  return { h, out, send, reply };
}

describe('SimHost exports', () => {
  it('answers exportTrace with a checked trace of the last window, replayed through live changes', () => {
    const { h, send, reply } = host();
    send({ type: 'start', runId: 1, scenario: { preset: 'raid5-3disk-threads', seed: 1, params: {} }, speed: 1e6, playing: false });
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
    expect(file.traceEvents.find((e) => e.name === 'process_name')).toMatchObject({ args: { name: 'raid5 (preset raid5-3disk-threads), seed 1: simulated time' } });
    expect(live.sim.now).toBe(nowNs); // the live run was not stepped
  });

  it('answers exportResult with the contract result of the run so far', () => {
    const { send, reply } = host();
    send({ type: 'start', runId: 2, scenario: { preset: 'raid5-3disk-threads', seed: 1, params: {} }, speed: 1e6, playing: false });
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
    send({ type: 'start', runId: 3, scenario: { preset: 'lock-lab-basic', seed: 1, params: {} }, speed: 1e6, playing: false });
    send({ type: 'exportTrace', runId: 3, requestId: 2, windowNs: 0 });
    expect(reply(2)).toMatchObject({ type: 'exportError', message: 'trace window=0 ns: accepted 1..100000000 simulated ns (up to 100 ms)' });
    send({ type: 'exportTrace', runId: 3, requestId: 3, windowNs: 2e8 });
    expect(reply(3)).toMatchObject({ type: 'exportError' });
  });
});
