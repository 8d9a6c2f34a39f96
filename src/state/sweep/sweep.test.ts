// The Sweep page's state with a fake batch pool whose workers run the real model in this thread: refusals
// land on the field that caused them, progress counts runs, points arrive whole and in order, cancel
// stops the pool and keeps finished points, a new start drops the old sweep's late results.
import { beforeEach, describe, expect, it } from 'vitest';
import type { BatchWorkerLike } from '../../bridge/batchPool';
import type { FromBatchWorker, ToBatchWorker } from '../../protocol/batch';
import { runScenario } from '../../sim/run';
import { cancelSweep, setSweepForm, startSweep, useSweep } from './sweep';
import { defaultForm, sweepSize } from './sweepSetup';
import { LOCK_LAB_PARAMS } from '../../scenarios/lockLabSpec';
import { useSim } from '../store';

/** Fake workers: each answers with the real run, on a later macrotask, unless held (for cancel). */
function fakePool(opts: { hold?: boolean; failSeed?: number } = {}) {
  const made: { terminated: boolean; got: number }[] = [];
  const pending: { id: number; answer: () => void }[] = [];
  const create = (): BatchWorkerLike => {
    const rec = { terminated: false, got: 0 };
    made.push(rec);
    const w: BatchWorkerLike = {
      onmessage: null,
      onerror: null,
      terminate: () => {
        rec.terminated = true;
      },
      postMessage: (m: ToBatchWorker) => {
        rec.got++;
        const answer = () => {
          if (rec.terminated) return;
          const reply: FromBatchWorker =
            m.task.seed === opts.failSeed
              ? { type: 'error', id: m.id, message: `seed ${m.task.seed}: boom` }
              : { type: 'result', id: m.id, result: runScenario(m.task).result };
          w.onmessage?.({ data: reply } as MessageEvent<FromBatchWorker>);
        };
        if (opts.hold) pending.push({ id: m.id, answer });
        else setTimeout(answer, 0);
      },
    };
    return w;
  };
  /** Answers every held task, or only task `id`. */
  const release = (id?: number) => {
    for (const p of pending.filter((q) => id === undefined || q.id === id)) {
      pending.splice(pending.indexOf(p), 1);
      p.answer();
    }
  };
  return { made, create, release };
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
  useSim.setState({ model: 'lock-lab', preset: 'lock-lab-basic', seed: 7, overrides: { cpus: 8 } });
  useSweep.setState({
    form: {
      ...defaultForm(2),
      param1: 'threads',
      values1: '1..4',
      replications: '2',
      duration: '200us',
      warmup: '50us',
    },
    fieldErrors: {},
    status: 'idle',
    lines: [],
    plan: null,
  });
});

describe('sweep state', () => {
  it('runs every point x replication on the pool, counts progress and aggregates whole points in order', async () => {
    const pool = fakePool();
    const seen: number[] = [];
    const un = useSweep.subscribe((s) => seen.push(s.lines.length));
    expect(startSweep({ createWorker: pool.create })).toBe(true);
    expect(useSweep.getState()).toMatchObject({ status: 'running', progress: { done: 0, total: 8 } });
    await settled();
    un();
    const s = useSweep.getState();
    expect(s.status).toBe('done');
    expect(s.progress).toEqual({ done: 8, total: 8 });
    expect(s.lines.map((l) => l.point)).toEqual([{ threads: 1 }, { threads: 2 }, { threads: 3 }, { threads: 4 }]);
    // The current scenario is the base: its overrides and seed carry into every run.
    expect(s.plan?.points[0].scenario.params.cpus).toBe(8);
    for (const l of s.lines) {
      expect(l.seeds).toEqual([7, 8]);
      expect(l).toMatchObject({ replications: 2, durationNs: 200e3, warmupNs: 50e3 });
      expect(l.throughput.opsPerSec.mean).toBeGreaterThan(0);
      expect(l.throughput.opsPerSec.ci95).toHaveLength(2);
    }
    // Points appeared one by one as they completed, never half a point.
    expect(new Set(seen).size).toBeGreaterThan(2);
    expect(pool.made).toHaveLength(2);
    expect(pool.made.every((m) => m.terminated)).toBe(true);
  });

  it('refuses bad input at the field that caused it, naming the value and what is accepted, and runs nothing', () => {
    const pool = fakePool();
    setSweepForm({ values1: '4..1', replications: '0', workers: 'x' });
    expect(startSweep({ createWorker: pool.create })).toBe(false);
    const e = useSweep.getState().fieldErrors;
    expect(e.values1).toMatch(/^threads=4\.\.1: accepted .*a <= b/);
    expect(e.replications).toBe('replications=0: accepted an integer 1..100');
    expect(e.workers).toBe('workers=x: accepted an integer 1..64');
    expect(pool.made).toHaveLength(0);
    expect(useSweep.getState().status).toBe('idle');
    // Editing a field clears its own refusal only.
    setSweepForm({ values1: '1,2' });
    expect(useSweep.getState().fieldErrors.values1).toBeUndefined();
    expect(useSweep.getState().fieldErrors.replications).toBeDefined();
  });

  it('puts a value the model refuses, a bad time and a second axis on the same key at their fields', () => {
    setSweepForm({ values1: '0..2', duration: '5 parsecs' });
    startSweep({ createWorker: fakePool().create });
    expect(useSweep.getState().fieldErrors.values1).toBe('threads=0: accepted an integer 1..1024');
    setSweepForm({ values1: '1,2' });
    startSweep({ createWorker: fakePool().create });
    expect(useSweep.getState().fieldErrors.duration).toMatch(/^duration=5 parsecs: accepted a time/);
    setSweepForm({ duration: '', param2: 'threads', values2: '1' });
    startSweep({ createWorker: fakePool().create });
    expect(useSweep.getState().fieldErrors.param2).toMatch(
      /^parameter=threads: accepted a parameter other than threads/,
    );
    setSweepForm({ param2: 'lock', values2: 'spinlock,mutex,rwsem' });
    startSweep({ createWorker: fakePool().create });
    expect(useSweep.getState().fieldErrors.values2).toBe('lock=rwsem: accepted spinlock | mutex');
  });

  it('counts points and runs for the form while it is valid, and nothing while a field is refused', () => {
    const f = {
      ...defaultForm(2),
      param1: 'threads',
      values1: '1..8:2',
      param2: 'lock',
      values2: 'spinlock,mutex',
      replications: '3',
    };
    expect(sweepSize(f, LOCK_LAB_PARAMS)).toEqual({ points: 8, runs: 24 });
    expect(sweepSize({ ...f, param2: '' }, LOCK_LAB_PARAMS)).toEqual({ points: 4, runs: 12 });
    expect(sweepSize({ ...f, values1: '8..1' }, LOCK_LAB_PARAMS)).toBeNull();
    expect(sweepSize({ ...f, replications: 'x' }, LOCK_LAB_PARAMS)).toBeNull();
    expect(sweepSize({ ...f, param1: 'group_thread_cnt' }, LOCK_LAB_PARAMS)).toBeNull();
  });

  it('sweeps two parameters as their product, the first slowest', async () => {
    setSweepForm({ values1: '1,2', param2: 'lock', values2: 'spinlock,mutex', replications: '1' });
    startSweep({ createWorker: fakePool().create });
    await settled();
    expect(useSweep.getState().lines.map((l) => l.point)).toEqual([
      { threads: 1, lock: 'spinlock' },
      { threads: 1, lock: 'mutex' },
      { threads: 2, lock: 'spinlock' },
      { threads: 2, lock: 'mutex' },
    ]);
  });

  it('shows a point as soon as its own replications are in, ahead of a slower earlier point, in point order', () => {
    const pool = fakePool({ hold: true });
    startSweep({ createWorker: pool.create });
    for (const id of [1, 2, 3]) pool.release(id); // point 0 waits on its first run; point 1 (tasks 2, 3) is whole
    expect(useSweep.getState().lines.map((l) => l.point)).toEqual([{ threads: 2 }]);
    pool.release(0);
    expect(useSweep.getState().lines.map((l) => l.point)).toEqual([{ threads: 1 }, { threads: 2 }]);
    cancelSweep();
  });

  it('cancel stops every worker, keeps the points already whole and says cancelled, not failed', async () => {
    const pool = fakePool({ hold: true });
    startSweep({ createWorker: pool.create });
    pool.release(); // the first two runs (point 1's replications) finish
    expect(useSweep.getState().lines).toHaveLength(1);
    cancelSweep();
    await settled();
    const s = useSweep.getState();
    expect(s).toMatchObject({ status: 'cancelled', error: null, progress: { done: 2, total: 8 } });
    expect(s.lines).toHaveLength(1);
    expect(pool.made.every((m) => m.terminated)).toBe(true);
  });

  it('a failed run stops the sweep with its message; a new start ignores the old pool', async () => {
    startSweep({ createWorker: fakePool({ failSeed: 8 }).create });
    await settled();
    expect(useSweep.getState()).toMatchObject({ status: 'failed', error: 'seed 8: boom' });
    const old = fakePool({ hold: true });
    startSweep({ createWorker: old.create });
    const fresh = fakePool();
    startSweep({ createWorker: fresh.create });
    old.release(); // late answers of the replaced sweep (their workers were terminated) change nothing
    await settled();
    expect(useSweep.getState()).toMatchObject({ status: 'done', progress: { done: 8, total: 8 } });
  });
});
