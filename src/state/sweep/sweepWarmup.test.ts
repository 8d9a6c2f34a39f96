// The Sweep page with warm-up "auto": the plan and every batch task carry the mode across the worker
// boundary, the points come back with their detected warm-up, and a bad warm-up is refused at its field.
import { beforeEach, describe, expect, it } from 'vitest';
import type { BatchWorkerLike } from '../../bridge/batchPool';
import type { FromBatchWorker, ToBatchWorker } from '../../protocol/batch';
import { runScenario } from '../../sim/run';
import { startSweep, useSweep } from './sweep';
import { defaultForm, warmupModeOf } from './sweepSetup';
import { useSim } from '../store';

/** Workers that see each message as a real worker would (structured clone) and answer with the real run. */
function clonePool() {
  const tasks: ToBatchWorker['task'][] = [];
  const create = (): BatchWorkerLike => {
    const w: BatchWorkerLike = {
      onmessage: null,
      onerror: null,
      terminate: () => undefined,
      postMessage: (raw: ToBatchWorker) => {
        const m = structuredClone(raw);
        tasks.push(m.task);
        setTimeout(() => {
          const reply: FromBatchWorker = { type: 'result', id: m.id, result: runScenario(m.task).result };
          w.onmessage?.({ data: structuredClone(reply) } as MessageEvent<FromBatchWorker>);
        }, 0);
      },
    };
    return w;
  };
  return { tasks, create };
}

const settled = () =>
  new Promise<void>((resolve) => {
    const un = useSweep.subscribe((s) => {
      if (s.status !== 'running') {
        un();
        resolve();
      }
    });
  });

beforeEach(() => {
  useSim.setState({ model: 'lock-lab', preset: 'lock-lab-basic', seed: 3, overrides: {} });
  useSweep.setState({
    form: { ...defaultForm(2), param1: 'threads', values1: '2,4', replications: '2', duration: '2ms', warmup: 'auto' },
    fieldErrors: {},
    status: 'idle',
    lines: [],
    plan: null,
  });
});

describe('sweep state with detected warm-up', () => {
  it('carries warmupMode auto to every task and aggregates each point’s detected warm-up', async () => {
    expect(warmupModeOf(useSweep.getState().form)).toBe('auto');
    const pool = clonePool();
    expect(startSweep({ createWorker: pool.create })).toBe(true);
    await settled();
    const s = useSweep.getState();
    expect(s.status).toBe('done');
    expect(s.plan?.warmupMode).toBe('auto');
    expect(pool.tasks).toHaveLength(4);
    expect(pool.tasks.every((t) => t.warmupMode === 'auto' && t.warmupNs === 20e6 && t.durationNs === 2e6)).toBe(true);
    for (const l of s.lines) {
      if (l.warmup?.mode !== 'detected') throw new Error(`point ${l.index}: ${JSON.stringify(l.warmup)}`);
      expect(l.warmup).toMatchObject({ rule: 'MSER-5', horizonNs: 22e6 });
      expect(l.warmupNs + l.durationNs).toBeCloseTo(22e6, -1);
    }
  });

  it('a fixed warm-up keeps fixed tasks (no mode sent) and lines saying fixed', async () => {
    useSweep.setState({ form: { ...useSweep.getState().form, warmup: '1ms', values1: '2' } });
    const pool = clonePool();
    expect(startSweep({ createWorker: pool.create })).toBe(true);
    await settled();
    expect(pool.tasks.every((t) => !('warmupMode' in t) && t.warmupNs === 1e6)).toBe(true);
    expect(useSweep.getState().lines[0].warmup).toEqual({ mode: 'fixed', ns: 1e6 });
  });

  it('refuses "soon" at the warm-up field, saying auto is accepted', () => {
    useSweep.setState({ form: { ...useSweep.getState().form, warmup: 'soon' } });
    expect(startSweep({ createWorker: clonePool().create })).toBe(false);
    expect(useSweep.getState().fieldErrors.warmup).toBe(
      'warmup=soon: accepted a time 0..1000s (e.g. 200ms), or auto (detected by MSER-5)',
    );
  });
});
