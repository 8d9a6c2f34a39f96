// NUMA in the scheduler and the locks: a thread bound to a node runs only on that node's CPUs (and waits for
// one rather than take another node's), unbound threads go anywhere in FIFO order, and a lock last held on the
// other node costs its remoteBounceNs on top of the bounce.
import { describe, expect, it } from 'vitest';
import { Kernel, type KernelOptions } from './kernel';
import { Lock, LockClass } from './lock';
import { Simulator } from './simulator';
import type { ThreadBody } from './thread';

function machine(opts: Partial<KernelOptions> = {}) {
  const sim = new Simulator();
  const kernel = new Kernel(sim, { cpus: 4, numaNodes: 2, switchNs: 0, wakeupNs: 0, sliceNs: 100_000, ...opts });
  return { sim, kernel };
}

describe('NUMA nodes', () => {
  it('splits the CPUs into equal, consecutive nodes and refuses a split that is not even', () => {
    const { kernel } = machine();
    expect(kernel.cpus.map((c) => c.node)).toEqual([0, 0, 1, 1]);
    expect(() => machine({ cpus: 3 })).toThrow(/numaNodes must divide cpus \(3\), got 2/);
  });

  it('a bound thread runs only on its node, waiting for it while the other node has idle CPUs', () => {
    const { sim, kernel } = machine();
    const seen = new Map<string, Set<number>>();
    const doneAt = new Map<string, number>();
    const body = (n: number) =>
      function* (t: import('./thread').SimThread): ThreadBody {
        for (let i = 0; i < n; i++) {
          seen.set(t.name, (seen.get(t.name) ?? new Set()).add(t.cpu!.node));
          yield t.compute(50_000);
          yield t.yieldCpu();
        }
        doneAt.set(t.name, sim.now);
      };
    // three threads bound to node 1 (two CPUs) and one unbound
    const bound = [0, 1, 2].map((i) => {
      const t = kernel.createThread(`n1-${i}`, 'test');
      kernel.bindToNode(t, 1);
      return t;
    });
    for (const t of bound) kernel.start(t, body(20)(t));
    const free = kernel.createThread('any', 'test');
    kernel.start(free, body(20)(free));
    sim.runUntil(10_000_000);
    for (const t of bound) expect([...seen.get(t.name)!]).toEqual([1]);
    // three threads share node 1's two CPUs: 3 x 20 x 50us of work ends at 1.5 ms there, though node 0 has a
    // CPU idle all along (on any CPU they would end at 1 ms); the unbound one ends at 1 ms on node 0
    expect(Math.max(...bound.map((t) => doneAt.get(t.name)!))).toBe(1_500_000);
    expect(doneAt.get('any')).toBe(1_000_000);
  });

  it('a lock last held on the other node costs remoteBounceNs more to take', () => {
    const { sim, kernel } = machine();
    const lock = new Lock(kernel, new LockClass('l', 'spinlock'), { bounceNs: 100, remoteBounceNs: 300 });
    const heldFor: number[] = [];
    const taker = (node: number, at: number) => {
      const t = kernel.createThread(`on${node}-${at}`, 'test');
      kernel.bindToNode(t, node);
      sim.schedule(
        at,
        sim.register(`start ${t.name}`, () =>
          kernel.start(
            t,
            (function* (): ThreadBody {
              const start = sim.now;
              yield t.acquire(lock);
              heldFor.push(sim.now - start);
              lock.release(t);
            })(),
          ),
        ),
      );
    };
    taker(0, 0); // first take: nothing to bounce
    taker(0, 10_000); // the other CPU of node 0 (the first's CPU is... either): at most a local bounce
    taker(1, 20_000); // from node 1: bounce + remote
    sim.runUntil(1_000_000);
    expect(heldFor[0]).toBe(0);
    expect([0, 100]).toContain(heldFor[1]);
    expect(heldFor[2]).toBe(400);
  });
});
