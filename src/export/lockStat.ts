// The lock table as /proc/lock_stat prints it (kernel/locking/lockdep_proc.c seq_header / seq_stats: version
// line, dashed header with the real column names, one row per class sorted by contentions, times in us with two
// decimals, then the contention-point and contending-point blocks), with lockdep's class names for the kernel
// modelled. Pure text from rows and optional call-site data (src/sim/lockTap.ts); it invents no figure: call
// sites are functions the model ran, printed with a zero address, since a simulation has no text addresses.

/** The lock_stat figures of one class (SimResult's lock rows have this shape). */
export interface LockStatRow {
  name: string;
  conBounces: number;
  contentions: number;
  waitTimeMinNs: number;
  waitTimeMaxNs: number;
  waitTimeTotalNs: number;
  acqBounces: number;
  acquisitions: number;
  holdTimeMinNs: number;
  holdTimeMaxNs: number;
  holdTimeTotalNs: number;
}

/** Call sites of one class, as lockdep keeps them (lock_point: the first LOCKSTAT_POINTS = 4 sites, in order). */
export interface LockPoints {
  contentionPoints: [string, number][];
  contendingPoints: [string, number][];
}

/** The lockdep class name of each model lock: the string spin_lock_init() (or init_waitqueue_head(),
 * rwlock_init()) was given, as the kernel source initialises it. */
const KERNEL_NAMES: Record<string, string> = {
  device_lock: '&conf->device_lock', // raid5.c setup_conf, raid1.c / raid10.c setup_conf
  hash_lock: 'conf->hash_locks + i', // raid5.c: spin_lock_init(conf->hash_locks + i); lock 0 is class conf->hash_locks
  stripe_lock: '&sh->stripe_lock', // raid5.c alloc_stripe
  queue_lock: '&q->queue_lock', // blk-core.c blk_alloc_queue
  bitmap_lock: '&bitmap->counts.lock', // md-bitmap.c md_bitmap_create
  resync_lock: '&conf->resync_lock', // raid1.c / raid10.c setup_conf
  'wait_barrier.lock': '&conf->wait_barrier', // init_waitqueue_head(&conf->wait_barrier)
  lo_lock: '&lo->lo_lock', // loop.c loop_add
  j_state_lock: '&journal->j_state_lock', // jbd2 journal_init_common (an rwlock)
  'pool->lock': '&pool->lock', // workqueue.c init_worker_pool
};

/** spin_lock_init names before 5.6 (raw_spin_lock_init(&(_lock)->rlock) stringified): "&(&conf->device_lock)->rlock".
 * 5.6's lockdep wait-type rework passes #lock itself. Waitqueue and raw spinlock names never changed. */
const OLD_FORM = new Set(['device_lock', 'hash_lock', 'stripe_lock', 'bitmap_lock', 'resync_lock', 'lo_lock']);

function versionBelow(kernel: string | undefined, major: number, minor: number): boolean {
  const m = /^(\d+)\.(\d+)/.exec(kernel ?? '');
  if (!m) return false; // 'current' and unknown: today's names
  return Number(m[1]) < major || (Number(m[1]) === major && Number(m[2]) < minor);
}

/** The class name lock_stat prints for a model lock, for a kernel version ('current' or "x.y"). */
export function kernelLockName(name: string, kernel?: string): string {
  const now = KERNEL_NAMES[name];
  if (!now) return name;
  if (!versionBelow(kernel, 5, 6) || !OLD_FORM.has(name)) return now;
  return `&(${now})->rlock`;
}

const WIDTH = 40 + 1 + 12 * (14 + 1);
export const LOCK_STAT_COLUMNS = [
  'con-bounces',
  'contentions',
  'waittime-min',
  'waittime-max',
  'waittime-total',
  'waittime-avg',
  'acq-bounces',
  'acquisitions',
  'holdtime-min',
  'holdtime-max',
  'holdtime-total',
  'holdtime-avg',
] as const;

/** snprint_time: nanoseconds as microseconds with two decimals, rounded at the 10 ns digit. */
export function lockStatTime(ns: number): string {
  const n = Math.max(0, Math.round(ns)) + 5;
  const div = Math.floor(n / 1000);
  const rem = n % 1000;
  return `${div}.${String(Math.floor(rem / 10)).padStart(2, '0')}`;
}

const r14 = (s: string | number) => String(s).padStart(14);

/** seq_lock_time: count, then min, max, total and the integer average, each " %14s". */
function lockTime(nr: number, min: number, max: number, total: number): string {
  const avg = nr ? Math.trunc(total / nr) : 0;
  return `${r14(nr)}${[min, max, total, avg].map((x) => ` ${r14(lockStatTime(x))}`).join('')}`;
}

export interface LockStatOptions {
  /** The kernel modelled ('current' or "x.y"): class names as lockdep prints them there. */
  kernel?: string;
  /** Call sites by model class name (the CLI's lock tap); without them no point blocks. */
  points?: ReadonlyMap<string, LockPoints>;
}

/** seq_stats' point lines: "%40s %14lu %29s %pS" under a dashed line as long as the name. */
function pointBlock(name: string, points: [string, number][]): string[] {
  if (!points.length) return [];
  const lines = [`${' '.repeat(Math.max(0, 40 - name.length))}${'-'.repeat(name.length)}`];
  for (const [fn, n] of points)
    lines.push(`${name.padStart(40)} ${r14(n)} ${'[<0000000000000000>]'.padStart(29)} ${fn}`);
  return lines;
}

export function lockStatText(rows: readonly LockStatRow[], opts: LockStatOptions = {}): string {
  const lines = ['lock_stat version 0.4', '-'.repeat(WIDTH)];
  lines.push(`${'class name'.padStart(40)} ${LOCK_STAT_COLUMNS.map(r14).join(' ')}`);
  lines.push('-'.repeat(WIDTH), '');
  // lock_stat_cmp: most contended first (sort() there is not stable; ties keep our order here).
  const sorted = [...rows].sort((a, b) => b.contentions - a.contentions);
  for (const l of sorted) {
    if (l.acquisitions === 0) continue; // a class never taken has no holdtime and prints no row
    const kname = kernelLockName(l.name, opts.kernel);
    const p = opts.points?.get(l.name);
    const name = `${kname.slice(0, 37).padStart(40)}:`;
    lines.push(
      `${name}${r14(l.conBounces)} ${lockTime(l.contentions, l.waitTimeMinNs, l.waitTimeMaxNs, l.waitTimeTotalNs)} ${r14(l.acqBounces)} ` +
        lockTime(l.acquisitions, l.holdTimeMinNs, l.holdTimeMaxNs, l.holdTimeTotalNs),
    );
    // seq_stats prints the point blocks only for a class with contentions, and the dotted line after them
    // only when the contending block printed something.
    if (!p || l.contentions === 0) continue;
    const shown = kname.slice(0, 37);
    lines.push(...pointBlock(shown, p.contentionPoints), ...pointBlock(shown, p.contendingPoints));
    if (p.contendingPoints.length) lines.push('', '.'.repeat(WIDTH), '');
  }
  return `${lines.join('\n')}\n`;
}
