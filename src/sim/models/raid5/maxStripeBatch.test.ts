// max_stripe_batch (MAX_STRIPE_BATCH): how many stripes handle_active_stripes takes off handle_list per trip
// through device_lock. The mechanism, not only its effect: the batch never exceeds the knob, and a batch of one
// takes device_lock once per stripe handled, so its acquisitions per IO rise.
import { describe, expect, it } from 'vitest';
import { ParamError } from '../../../scenarios/paramSpec';
import { resolveScenario } from '../../../scenarios/scenarioFile';
import type { SimResult } from '../../core/result';
import { runRaid5 } from './testkit';

const PRESET = 'raid5-single-thread-ceiling'; // md0_raid5 alone and saturated: handle_list is never short
const run = (batch: number) =>
  runRaid5({ max_stripe_batch: batch }, { preset: PRESET, duration: '5ms', warmup: '2ms' });
const lockPerIo = (r: SimResult) =>
  r.locks.find((l) => l.name === 'device_lock')!.acquisitions / ((r.throughput.opsPerSec * r.simulatedNs) / 1e9);

describe('max_stripe_batch', () => {
  it('bounds the stripes taken per trip through device_lock; one per trip costs more device_lock per IO', () => {
    const [one, eight, many] = [run(1), run(8), run(32)];
    const batch = (r: SimResult) => r.extra!.meanHandleBatch as number;
    console.log(
      `mean batch: 1 -> ${batch(one)}, 8 -> ${batch(eight)}, 32 -> ${batch(many)}; device_lock per IO ${lockPerIo(one).toFixed(2)}, ${lockPerIo(eight).toFixed(2)}, ${lockPerIo(many).toFixed(2)}`,
    );
    expect(batch(one)).toBe(1);
    expect(batch(eight)).toBeGreaterThan(1);
    expect(batch(eight)).toBeLessThanOrEqual(8);
    expect(batch(many)).toBeGreaterThan(batch(eight));
    expect(lockPerIo(one)).toBeGreaterThan(lockPerIo(eight));
  }, 30_000);

  it('refuses 0 and 65, naming the key, the value and what is accepted', () => {
    for (const v of [0, 65]) {
      try {
        resolveScenario({ model: 'raid5', params: { max_stripe_batch: v } });
        throw new Error('accepted');
      } catch (e) {
        expect(e).toBeInstanceOf(ParamError);
        expect((e as ParamError).message).toBe(`max_stripe_batch=${v}: accepted an integer 1..64`);
      }
    }
  });
});
