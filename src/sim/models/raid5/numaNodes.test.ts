// numa_nodes: one worker group per node (alloc_thread_groups), each group's workers on its node's CPUs, a
// stripe handled by the group of the CPU that took it (init_stripe's sh->cpu), and a lock last held on the
// other node paying numa_distance / 10 times the bounce. With one node nothing changes (the golden summaries hold that).
import { describe, expect, it } from 'vitest';
import { ParamError } from '../../../scenarios/paramSpec';
import { resolveScenario } from '../../../scenarios/scenarioFile';
import { RUNNING } from '../../core/thread';
import { createModel } from '../../run';
import type { Raid5 } from './raid5';
import { runRaid5 } from './testkit';

const NUMA = { cpus: 8, numa_nodes: 2, group_thread_cnt: 2, device: 'nvme', rw: 'randwrite', bs: '4k', numjobs: 8 };

describe('numa_nodes', () => {
  it("builds group_thread_cnt workers per node, each running only on its node's CPUs, each group handling its stripes", () => {
    const sc = resolveScenario({ model: 'raid5', params: NUMA });
    const m = createModel('raid5', sc.params, 1) as Raid5;
    const workers = m.conf.workers;
    expect(workers.map((w) => `${w.thread.name}@${w.group}`)).toEqual([
      'kworker/u0:raid5wq-0@0',
      'kworker/u0:raid5wq-1@0',
      'kworker/u1:raid5wq-2@1',
      'kworker/u1:raid5wq-3@1',
    ]);
    const nodesRunOn = new Map<string, Set<number>>();
    m.kernel.listener = (_ns, t, state) => {
      if (state === RUNNING && t.cpu) nodesRunOn.set(t.name, (nodesRunOn.get(t.name) ?? new Set()).add(t.cpu.node));
    };
    // every stripe a worker picks must be of its own group: check it as the pick happens
    const picked = new Map<string, Set<number>>();
    const listenerPick = () => {
      for (const w of workers) {
        for (const sh of m.conf.stripes)
          if (sh.handler === w.thread.name)
            picked.set(w.thread.name, (picked.get(w.thread.name) ?? new Set()).add(sh.group));
      }
    };
    const end = 3e6;
    while (m.sim.peek() <= end) {
      m.sim.step();
      if (m.sim.now % 50_000 < 1_000) listenerPick();
    }
    for (const w of workers) {
      expect([...nodesRunOn.get(w.thread.name)!], w.thread.name).toEqual([w.group]);
      expect([...(picked.get(w.thread.name) ?? [])], w.thread.name).toEqual([w.group]);
    }
    // the submitters float over both nodes, so both groups get stripes
    expect(m.conf.stripes.some((sh) => sh.group === 1)).toBe(true);
    expect(m.conf.stripes.some((sh) => sh.group === 0)).toBe(true);
  }, 30_000);

  it('charges numa_distance / 10 times the bounce when a lock was last held on the other node', () => {
    const run = (remote: number) => runRaid5({ ...NUMA, numa_distance: remote }, { duration: '3ms', warmup: '1ms' });
    const [none, remote] = [run(10), run(21)];
    const hold = (r: ReturnType<typeof run>) => {
      const l = r.locks.find((x) => x.name === 'device_lock')!;
      return l.holdTimeTotalNs / l.acquisitions;
    };
    console.log(`device_lock mean hold: distance 10 ${hold(none).toFixed(0)} ns, 21 ${hold(remote).toFixed(0)} ns`);
    expect(hold(remote)).toBeGreaterThan(hold(none) + 50);
  }, 30_000);

  it('refuses a node count that does not divide cpus, naming both keys', () => {
    expect(() => resolveScenario({ model: 'raid5', params: { cpus: 6, numa_nodes: 4 } })).toThrow(ParamError);
    expect(() => resolveScenario({ model: 'raid5', params: { cpus: 6, numa_nodes: 4 } })).toThrow(
      /numa_nodes=4.*cpus=6.*split evenly/,
    );
  });
});
