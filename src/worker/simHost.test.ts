// SimHost driven in Node with a fake endpoint and clock: start, frames with runId, pause, step, backpressure.
import { describe, expect, it } from 'vitest';
import type { FromWorker } from '../protocol/messages';
import { SimHost } from './simHost';

function host() {
  const out: FromWorker[] = [];
  let t = 0;
  const h = new SimHost({ post: (m) => out.push(m) }, () => (t += 0.001));
  return { h, out };
}
const frames = (out: FromWorker[]) => out.filter((m): m is Extract<FromWorker, { type: 'frame' }> => m.type === 'frame');

describe('SimHost', () => {
  it('runs, pauses, steps one event, and honours backpressure', () => {
    const { h, out } = host();
    h.handle({ type: 'start', runId: 1, scenario: { model: 'lock-lab', seed: 1, params: {} }, speed: 1e6 });
    h.handle({ type: 'ack', runId: 1 });
    h.tick(16);
    const f = frames(out);
    expect(f.at(-1)!.runId).toBe(1);
    expect(f.at(-1)!.snapshot.timeNs).toBe(16_000);
    h.handle({ type: 'pause', runId: 1 });
    const paused = frames(out).at(-1)!.snapshot;
    h.handle({ type: 'step', runId: 1 });
    expect(frames(out).at(-1)!.snapshot.events).toBe(paused.events + 1);
    h.tick(16);
    expect(frames(out).at(-1)!.snapshot.events).toBe(paused.events + 1);
    h.handle({ type: 'play', runId: 1 });
    const n = frames(out).length;
    for (let i = 0; i < 10; i++) h.tick(16); // no acks: it stops after a few frames
    expect(frames(out).length - n).toBeLessThanOrEqual(3);
  });

  it('reports bad scenarios and non-live knobs as errors, and ignores stale runIds', () => {
    const { h, out } = host();
    h.handle({ type: 'start', runId: 2, scenario: { model: 'raid5', seed: 1, params: { stripe_cache_size: 3 } }, speed: 1e6 });
    expect(out.at(-1)).toMatchObject({ type: 'error', message: expect.stringMatching(/stripe_cache_size=3: accepted/) });
    h.handle({ type: 'start', runId: 3, scenario: { model: 'raid5', seed: 1, params: {} }, speed: 1e6 });
    h.handle({ type: 'setLive', runId: 3, key: 'disks', value: 5 });
    expect(out.at(-1)).toMatchObject({ type: 'error', message: expect.stringMatching(/not a runtime knob/) });
    const before = out.length;
    h.handle({ type: 'step', runId: 2 });
    expect(out.length).toBe(before);
  });
});
