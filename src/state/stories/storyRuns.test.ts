// The Stories page's runs: a claim's figure from real runs on a (Node) batch pool, runs shared between claims
// measured once, a failed run reported on the claim, and story ids checked when opened.
import { describe, expect, it } from 'vitest';
import type { BatchWorkerLike } from '../../bridge/batchPool';
import type { FromBatchWorker, ToBatchWorker } from '../../protocol/batch';
import { runScenario } from '../../sim/run';
import { claimKey, openStory, runClaim, setStoryPool, useStories } from './storyRuns';

/** A batch worker that runs each task in this process, answering on a later tick as a Worker would. */
function nodeWorker(log: ToBatchWorker[], fail = false): BatchWorkerLike {
  const w: BatchWorkerLike = {
    onmessage: null,
    onerror: null,
    terminate: () => undefined,
    postMessage(msg) {
      log.push(msg);
      setTimeout(() => {
        const data: FromBatchWorker = fail
          ? { type: 'error', id: msg.id, message: 'worker gave up' }
          : { type: 'result', id: msg.id, result: runScenario(msg.task).result };
        w.onmessage?.({ data } as MessageEvent<FromBatchWorker>);
      }, 0);
    },
  };
  return w;
}

describe('story runs', () => {
  it('measures a claim from its runs, and a second claim on the same runs reuses them', async () => {
    const log: ToBatchWorker[] = [];
    setStoryPool(2, () => nodeWorker(log));
    await Promise.all([runClaim('003', 'submissions'), runClaim('003', 'cpu')]);
    const s = useStories.getState().claims;
    expect(s[claimKey('003', 'submissions')]).toMatchObject({ state: 'done' });
    expect(s[claimKey('003', 'cpu')]).toMatchObject({ state: 'done' });
    const sub = s[claimKey('003', 'submissions')];
    if (sub.state !== 'done') throw new Error('not done');
    expect(sub.value).toBeGreaterThan(128 * 0.95);
    expect(sub.value).toBeLessThan(128 * 1.05);
    expect(log.map((m) => m.task.params.submit).sort()).toEqual(['bio', 'buffer']); // two runs for two claims
    await runClaim('003', 'submissions'); // measured again from the cache, no new run
    expect(log).toHaveLength(2);
  }, 60_000);

  it('reports a failed run on the claim', async () => {
    setStoryPool(1, () => nodeWorker([], true));
    await runClaim('002', 'dio-aio');
    expect(useStories.getState().claims[claimKey('002', 'dio-aio')]).toEqual({
      state: 'error',
      message: 'the runs failed: worker gave up',
    });
  });

  it('claims started together queue their pool jobs: never more live workers than the pool size', async () => {
    let live = 0;
    let most = 0;
    setStoryPool(1, () => {
      live++;
      most = Math.max(most, live);
      const w = nodeWorker([]);
      w.terminate = () => {
        live--;
      };
      return w;
    });
    // Two claims of different stories with no runs in common: two jobs, one after the other.
    await Promise.all([runClaim('002', 'randwrite'), runClaim('003', 'throughput')]);
    expect(useStories.getState().claims[claimKey('002', 'randwrite')]).toMatchObject({ state: 'done' });
    expect(useStories.getState().claims[claimKey('003', 'throughput')]).toMatchObject({ state: 'done' });
    expect(most).toBe(1);
  }, 120_000);

  it('opens known stories and refuses others by name', () => {
    expect(openStory('004')).toBeNull();
    expect(useStories.getState().storyId).toBe('004');
    expect(openStory('9')).toBe('story=9: accepted 000, 001, 002, 003, 004');
    expect(useStories.getState().storyId).toBe('004');
    openStory(null);
    expect(useStories.getState()).toMatchObject({ storyId: null, lastStoryId: '004' });
  });
});
