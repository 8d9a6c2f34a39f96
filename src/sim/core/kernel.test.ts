// Kernel scheduling semantics in small hand-checked scenes: time slices of spinners, zero-cost
// dispatch that never runs one body inside another, and state accounting that sums to the window.
import { describe, expect, it } from 'vitest';
import { Kernel, type KernelOptions } from './kernel';
import { Lock, LockClass } from './lock';
import { Simulator } from './simulator';
import { BLOCKED, STATE_NAMES, type SimThread, type ThreadBody } from './thread';
import { WaitQueue } from './waitQueue';

function machine(opts: Partial<KernelOptions> = {}) {
  const sim = new Simulator();
  const kernel = new Kernel(sim, { cpus: 2, switchNs: 0, wakeupNs: 0, sliceNs: 100_000, ...opts });
  return { sim, kernel };
}

describe('Kernel', () => {
  it('a preemptible spinner keeps its CPU while nobody waits, and yields it at its next slice end once someone does', () => {
    const { sim, kernel } = machine();
    // The holder takes a kernel spinlock (preemption off) and then the user lock, so only the spinner
    // is preemptible: the scene has one answer.
    const irqOff = new Lock(kernel, new LockClass('irq_lock', 'spinlock'), { preemptOff: true });
    const user = new Lock(kernel, new LockClass('user_lock', 'spinlock'));
    let ranAt = -1;
    let spinnerGotLockAt = -1;
    kernel.spawn('holder', 'test', function* (t): ThreadBody {
      yield t.acquire(irqOff);
      yield t.acquire(user);
      yield t.compute(1_000_000);
      user.release(t);
      irqOff.release(t);
    });
    kernel.spawn('spinner', 'test', function* (t): ThreadBody {
      yield t.compute(10_000);
      yield t.acquire(user); // spins from 10us: holder keeps the lock until 1ms
      spinnerGotLockAt = sim.now;
      user.release(t);
    });
    // A third thread becomes ready at 250us, when both CPUs are busy (the holder, the spinner).
    const late = kernel.createThread('late', 'test');
    const lateBody = function* (): ThreadBody {
      ranAt = sim.now;
      yield late.compute(10_000);
    };
    sim.schedule(
      250_000,
      sim.register('start late', () => kernel.start(late, lateBody())),
    );
    sim.runUntil(2_000_000);
    // The spinner's slices end at 100, 200, 300us...; someone waits from 250us, so it yields at 300us.
    expect(ranAt).toBe(300_000);
    expect(spinnerGotLockAt).toBe(1_000_000);
    // Spinning 10us..300us and 310us..1ms; runnable 300..310us while the late thread ran.
    const spinner = kernel.threads[1];
    expect(spinner.stateNs[1]).toBe(290_000 + 690_000);
    expect(spinner.stateNs[2]).toBe(10_000);
  });

  it('a spinner granted the lock keeps the slice boundaries it would have renewed while spinning', () => {
    const { sim, kernel } = machine();
    const irqOff = new Lock(kernel, new LockClass('irq_lock', 'spinlock'), { preemptOff: true });
    const user = new Lock(kernel, new LockClass('user_lock', 'spinlock'));
    let ranAt = -1;
    kernel.spawn('holder', 'test', function* (t): ThreadBody {
      yield t.acquire(irqOff); // not preemptible for its whole life: keeps CPU 0 busy until 2ms
      yield t.acquire(user);
      yield t.compute(250_000);
      user.release(t);
      yield t.compute(1_750_000);
      irqOff.release(t);
    });
    kernel.spawn('spinner', 'test', function* (t): ThreadBody {
      yield t.compute(10_000);
      yield t.acquire(user); // spins 10us..250us across the 100us and 200us boundaries
      yield t.compute(1_000_000);
      user.release(t);
    });
    const late = kernel.createThread('late', 'test');
    sim.schedule(
      320_000,
      sim.register('start late', () =>
        kernel.start(
          late,
          (function* (): ThreadBody {
            ranAt = sim.now;
            yield late.compute(1_000);
          })(),
        ),
      ),
    );
    sim.runUntil(3_000_000);
    // Boundaries stay at 100, 200, 300, 400us: the spinner's compute yields to the late thread at 400us.
    expect(ranAt).toBe(400_000);
  });

  it('an uncontended spinner leaves no slice-timer events behind', () => {
    const { sim, kernel } = machine({ sliceNs: 10_000 });
    const lock = new Lock(kernel, new LockClass('l', 'spinlock'));
    kernel.spawn('holder', 'test', function* (t): ThreadBody {
      yield t.acquire(lock);
      yield t.compute(1_000_000); // chopped at each 10us slice end: 100 compute events
      lock.release(t);
    });
    kernel.spawn('spinner', 'test', function* (t): ThreadBody {
      yield t.acquire(lock); // spins 1ms; with nobody waiting for a CPU it needs no timer at all
      lock.release(t);
    });
    sim.runUntil(2_000_000);
    expect(sim.events).toBeLessThanOrEqual(105);
  });

  it('start() never runs the new body under its caller, even on a free CPU at zero cost', () => {
    const { sim, kernel } = machine();
    const log: string[] = [];
    const child = kernel.createThread('child', 'test');
    kernel.spawn('parent', 'test', function* (t): ThreadBody {
      kernel.start(
        child,
        (function* (): ThreadBody {
          log.push(`child runs at ${sim.now}`);
          yield child.compute(1);
        })(),
      );
      log.push('parent continues');
      yield t.compute(5);
    });
    expect(log).toEqual([]); // spawn() outside any body (a model's constructor) does not run it either
    sim.runUntil(100);
    expect(log).toEqual(['parent continues', 'child runs at 0']);
  });

  it('a thread created inside the measured window counts as idle before it existed (states sum to 1)', () => {
    const { sim, kernel } = machine();
    sim.runUntil(1_000);
    kernel.resetStats();
    sim.runUntil(5_000);
    const t = kernel.spawn('late', 'test', function* (th): ThreadBody {
      yield th.compute(2_000);
    });
    sim.runUntil(10_000);
    const f = kernel.stateFractions(t);
    expect(f.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(f[0]).toBeCloseTo(2_000 / 9_000, 12); // ran 2us of the 9us window
  });

  it('wait queues and mutexes: a woken sleeper pays the wake-up; states cover the window exactly', () => {
    const { sim, kernel } = machine({ cpus: 1, wakeupNs: 3_000, switchNs: 1_000, sliceNs: 0 });
    const q = new WaitQueue(kernel, 'work', BLOCKED);
    const m = new Lock(kernel, new LockClass('m', 'mutex'));
    let wokenAt = -1;
    const a = kernel.spawn('a', 'test', function* (t): ThreadBody {
      yield t.wait(q);
      wokenAt = sim.now;
      yield t.acquire(m);
      yield t.compute(2_000);
      m.release(t);
    });
    const b: SimThread = kernel.spawn('b', 'test', function* (t): ThreadBody {
      yield t.acquire(m);
      yield t.compute(10_000);
      q.wakeOne();
      yield t.compute(10_000);
      m.release(t);
    });
    sim.runUntil(1_000_000);
    // a runs at 1us (after its switch) and sleeps; b switches in and holds m from 2us, wakes a at 12us;
    // a is runnable at 15us, but the only CPU is b's until b exits at 22us; a switches in: 23us.
    expect(wokenAt).toBe(23_000);
    expect(b.alive).toBe(false);
    for (const t of [a, b]) {
      const f = kernel.stateFractions(t);
      expect(f.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    }
    expect(STATE_NAMES).toEqual(['running', 'spinning', 'runnable', 'blocked', 'idle']);
  });
  it('exit() ends a run like returning (idle, onExit), and restart() resumes the same body where it stopped', () => {
    const { sim, kernel } = machine();
    const ran: string[] = [];
    const exited: number[] = [];
    const t = kernel.createThread('task', 'test');
    t.onExit = () => exited.push(sim.now);
    kernel.start(
      t,
      (function* (): ThreadBody {
        for (let job = 0; ; job++) {
          yield t.compute(1_000);
          ran.push(`job ${job} done at ${sim.now}`);
          yield t.exit();
        }
      })(),
    );
    sim.runUntil(5_000);
    expect([t.alive, STATE_NAMES[t.state], exited]).toEqual([false, 'idle', [1_000]]);
    const body = t.body;
    kernel.restart(t);
    sim.runUntil(10_000);
    expect(t.body).toBe(body);
    expect(ran).toEqual(['job 0 done at 1000', 'job 1 done at 6000']);
    expect(exited).toEqual([1_000, 6_000]);
    expect(kernel.busyNs(t)).toBe(2_000);
  });

  // acquireAndCompute against the acquire-then-compute it stands for: the same times and the same listener
  // rows (the bounce's slice, then the work's), in fewer events when a bounce folds into the work.
  describe.each([
    ['a spinlock with a bounce (preemption off)', 'spinlock', { preemptOff: true, bounceNs: 300, handoffNs: 50 }],
    ['a user spinlock with a bounce (preemptible)', 'spinlock', { bounceNs: 300 }],
    ['a mutex', 'mutex', { bounceNs: 300 }],
  ] as const)('acquireAndCompute on %s', (_name, kind, lockOpts) => {
    function scene(combined: boolean) {
      const { sim, kernel } = machine({ sliceNs: 1_000 });
      const lock = new Lock(kernel, new LockClass('l', kind), lockOpts);
      const work = kernel.label('work');
      const rows: string[] = [];
      kernel.listener = (time, t, state, label) => rows.push(`${time} ${t.name} ${state} ${kernel.labels[label]}`);
      const done: number[] = [];
      for (let i = 0; i < 3; i++)
        kernel.spawn(`t${i}`, 'test', function* (t): ThreadBody {
          for (let n = 0; n < 4; n++) {
            yield t.compute(100 + 37 * i);
            if (combined) yield t.acquireAndCompute(lock, 700, work);
            else {
              yield t.acquire(lock);
              yield t.compute(700, work);
            }
            lock.release(t);
            done.push(sim.now);
          }
        });
      sim.runUntil(1e6);
      return { done, rows, events: sim.events, acquisitions: lock.cls.stats.acquisitions };
    }
    it('finishes every round at the same instant, with the same timeline, in no more events', () => {
      const a = scene(false);
      const b = scene(true);
      expect(b.done).toEqual(a.done);
      expect(b.done).toHaveLength(12);
      expect(b.rows).toEqual(a.rows);
      expect(b.acquisitions).toBe(12);
      expect(b.events).toBeLessThanOrEqual(a.events);
      if (kind === 'spinlock' && 'preemptOff' in lockOpts) expect(b.events).toBeLessThan(a.events);
    });
  });
});
