// Lock Lab's parameters and presets: the teaching base case (threads contending for one lock).
// Data only; the model that reads these lives in src/sim/models/lockLab.
import type { ParamSpec } from './paramSpec';
import type { Preset } from './preset';

const DISTS = ['const', 'exp', 'uniform', 'lognormal'] as const;

export const LOCK_LAB_PARAMS: readonly ParamSpec[] = [
  { key: 'threads', kind: 'int', unit: 'threads', default: 4, min: 1, max: 1024, group: 'threads', help: 'Threads looping think -> acquire -> hold -> release (closed arrivals only).' },
  { key: 'cpus', kind: 'int', unit: 'CPUs', default: 4, min: 1, max: 256, group: 'threads', help: 'Simulated CPUs the threads are scheduled on.' },
  { key: 'lock', kind: 'enum', values: ['spinlock', 'mutex'], default: 'spinlock', group: 'lock', help: 'spinlock: waiters spin on their CPU (a user-space ticket lock, preemptible); mutex: waiters sleep and pay the wake-up.' },
  { key: 'capacity', kind: 'int', unit: 'holders', default: 1, min: 1, max: 256, group: 'lock', help: '1 = a lock; c > 1 = a counting semaphore (waiters sleep).' },
  { key: 'shards', kind: 'int', unit: 'locks', default: 1, min: 1, max: 256, group: 'lock', help: 'Independent locks; each round picks one uniformly (the idea behind raid5\'s 8 hash locks).' },
  { key: 'think', kind: 'time', default: 10_000, min: 0, max: 1e10, group: 'work', help: 'Mean CPU time between rounds, outside the lock.' },
  { key: 'think_dist', kind: 'enum', values: DISTS, default: 'exp', group: 'work', help: 'Distribution of think time.' },
  { key: 'hold', kind: 'time', default: 2_000, min: 1, max: 1e10, group: 'work', help: 'Mean CPU time inside the lock (the critical section).' },
  { key: 'hold_dist', kind: 'enum', values: DISTS, default: 'exp', group: 'work', help: 'Distribution of hold time.' },
  { key: 'arrival', kind: 'enum', values: ['closed', 'open'], default: 'closed', group: 'work', help: 'closed: each thread loops; open: Poisson arrivals at `rate`, each a one-shot task.' },
  { key: 'rate', kind: 'rate', default: 100_000, min: 1, max: 1e9, group: 'work', help: 'Open arrivals per second.' },
  { key: 'wakeup', kind: 'time', default: 5_000, min: 0, max: 1e9, group: 'costs', help: 'Wake-up latency of a sleeper (mutex, semaphore).' },
  { key: 'switch', kind: 'time', default: 2_000, min: 0, max: 1e9, group: 'costs', help: 'Context-switch CPU cost when a CPU changes thread.' },
  { key: 'slice', kind: 'time', default: 3_000_000, min: 0, max: 1e10, group: 'costs', help: 'Scheduler time slice; 0 = no preemption.' },
];

export const LOCK_LAB_PRESETS: readonly Preset[] = [
  {
    id: 'lock-lab-basic', model: 'lock-lab', story: 'Lock Lab', title: 'Four threads, one spinlock',
    shows: 'Threads queue for one lock; waiting grows as hold time nears think time / threads.',
    params: {},
  },
  {
    id: 'lock-lab-oversubscribed', model: 'lock-lab', story: 'Lock Lab', title: 'Spinners steal the CPU',
    shows: '8 threads on 2 CPUs with a preemptible spinlock: a preempted holder leaves spinners burning whole time slices.',
    params: { threads: 8, cpus: 2, slice: 1_000_000 },
  },
  {
    id: 'lock-lab-mutex', model: 'lock-lab', story: 'Lock Lab', title: 'Same load, mutex',
    shows: 'The oversubscribed load with a sleeping lock: waiters give up their CPU but pay a wake-up each.',
    params: { threads: 8, cpus: 2, lock: 'mutex', slice: 1_000_000 },
  },
  {
    id: 'lock-lab-sharded', model: 'lock-lab', story: 'Lock Lab', title: 'Eight shards',
    shows: '16 threads on 16 CPUs: one lock saturates; eight independent locks (like raid5 hash locks) do not.',
    params: { threads: 16, cpus: 16, shards: 8 },
  },
];
