// release_list: with the lockless release (3.12), every dropped reference went onto released_stripes for
// raid5d to drop under device_lock; since 3.14 ("md/raid5: avoid release list until last reference of the
// stripe") only the last one does, the others being a plain atomic decrement. The mechanism: queueings per IO.
import { describe, expect, it } from 'vitest';
import type { SimResult } from '../../core/result';
import { runRaid5 } from './testkit';

const run = (releaseList: string) =>
  runRaid5({ release_list: releaseList }, { preset: 'raid5-4disk-threads', duration: '5ms', warmup: '2ms' });
const queueingsPerIo = (r: SimResult) =>
  (r.extra!.releasedStripesQueued as number) / ((r.throughput.opsPerSec * r.simulatedNs) / 1e9);

describe('release_list', () => {
  it('every_ref puts stripes on released_stripes more often per IO than last_ref', () => {
    const last = run('last_ref');
    const every = run('every_ref');
    console.log(
      `released_stripes queueings per IO: last_ref ${queueingsPerIo(last).toFixed(2)}, every_ref ${queueingsPerIo(every).toFixed(2)}`,
    );
    expect(queueingsPerIo(last)).toBeGreaterThan(0);
    expect(queueingsPerIo(every)).toBeGreaterThan(queueingsPerIo(last) * 1.2);
  }, 30_000);
});
