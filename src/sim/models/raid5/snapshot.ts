// The raid5 part of a live snapshot: stripe_heads by list (every cell, or counts plus a sample when the
// cache is large), handlers, submitters, members, lock histograms, a recent latency window and the
// followed stripe. A pure read: the latency window and the history are kept by the model as it runs.
import type { Raid5 } from './raid5';
import { StripeHistory, type StripeHead, type Where } from './stripeHead';
import type { LatencyWindow } from './latencyWindow';
import { OP_PHASES, type Offload } from './offload';
import { mdLiveExtra } from '../../md/live';
import type { ModelSnapshot } from '../../core/model';
import type { MemberQueue } from '../../block/blockLayer';

export const WHERE_CODES: readonly Where[] = [
  'free',
  'handle_list',
  'hold_list',
  'delayed_list',
  'bitmap_list',
  'handling',
  'member_io',
  'in_use',
];
/** Above this many stripe_heads the UI gets counts plus a sampled grid, not every cell. */
export const MAX_CELLS = 4096;
/** History lines sent per snapshot (the model keeps more, see StripeHistory). */
const HISTORY_SENT = 120;

export type { LatencyWindow, MemberQueue };

/** The stripe_head the UI follows: where it is now and its history in words (the latest lines). */
export interface FollowedStripe {
  idx: number;
  sector: number;
  where: Where;
  count: number;
  handler: string | null;
  history: string[];
}
/** A lock class's wait and hold times in log2 buckets: [lower bound ns, count]. */
export interface LockHistogram {
  name: string;
  wait: [number, number][];
  hold: [number, number][];
}
/** ops=async: the offload engine now, and each shown stripe's op phase (codes index `phases`). */
export type OffloadView = Omit<ReturnType<Offload['live']>, 'phaseOf'> & {
  phases: readonly string[];
  phaseCounts: number[];
  opCells: Uint8Array;
};
/** md core's figures and live state (md/live.ts) and raid5's bitmap batch; only when a bitmap or resync runs. */
export type Raid5MdView = Record<string, unknown> & {
  bitmap?: 'none' | 'bitmap' | 'llbitmap';
  assumeClean?: boolean;
  bitmapListStripes?: number;
  seqFlush?: number;
  seqWrite?: number;
};

/** What a raid5 snapshot carries beyond the generic part: what the machine view, lessons and series read. */
export interface Raid5Figures {
  offload: OffloadView | null;
  stripeCounts: Record<Where, number>;
  /** Where each shown stripe_head is (index into WHERE_CODES), and its index; sampled past MAX_CELLS. */
  cells: Uint8Array;
  cellIds: Uint32Array;
  cellsSampled: boolean;
  stripeCacheActive: number;
  stripeCacheSize: number;
  prereadActiveStripes: number;
  releasedStripes: number;
  groupThreadCnt: number;
  cpus: number;
  memberQueues: MemberQueue[];
  submittersBlocked: number;
  waitingForStripe: string[];
  waitingForOverlap: string[];
  /** stripe_head indexes by the thread handling them now. */
  handling: Record<string, number[]>;
  /** Cumulative ns per thread and state (threads x 5, STATE_NAMES order). */
  threadNs: Float64Array;
  passesDone: number;
  memberReadBytes: number;
  memberWriteBytes: number;
  rmwWrites: number;
  rcwWrites: number;
  lastPassStripe: number;
  lockHistograms: LockHistogram[];
  latencyWindow: LatencyWindow | null;
  followed: FollowedStripe | null;
}
export type Raid5Extra = Raid5Figures & Raid5MdView;
export type Raid5Snapshot = ModelSnapshot<'raid5', Raid5Extra>;

const ms = (ns: number) => `${(ns / 1e6).toFixed(6)} ms`;

/** Starts keeping `idx`'s history (and stops the previous one's); null stops following. */
export function followStripe(m: Raid5, idx: number | null): string | null {
  if (m.followed) m.followed.history = null;
  m.followed = null;
  if (idx === null) return null;
  const sh = m.conf.stripes[idx];
  if (!Number.isInteger(idx) || !sh || sh.dead)
    return `stripe=${idx}: accepted a stripe_head index 0..${m.conf.stripes.length - 1} still in the cache`;
  const where = sh.list ? `on ${sh.list.name}` : sh.where().replace('_', ' ');
  sh.history = new StripeHistory(
    `${ms(m.sim.now)}: followed from here, ${where}${sh.sector >= 0 ? `, sector ${sh.sector}` : ''}, count ${sh.count}`,
  );
  m.followed = sh;
  return null;
}

function followedView(m: Raid5): FollowedStripe | null {
  const sh = m.followed;
  if (!sh || !sh.history) return null;
  return {
    idx: sh.idx,
    sector: sh.sector,
    where: sh.where(),
    count: sh.count,
    handler: sh.handler,
    history: sh.history.lines.slice(-HISTORY_SENT),
  };
}

/** md core when the run has a bitmap or a resync: its figures and live state (as the mirror's snapshot gives
 * them), and raid5's bitmap batch: stripes parked on bitmap_list, seq_flush past seq_write while raid5d waits
 * for the bitmap write (BITMAP UNPLUGGING). */
function mdView(m: Raid5): Raid5MdView {
  const c = m.conf;
  if (!c.bitmap && !c.sync) return {};
  return {
    ...mdLiveExtra(c.bitmap, c.sync),
    bitmap: m.p.md.bitmap,
    assumeClean: m.p.md.assumeClean,
    bitmapListStripes: c.bitmapList.length,
    seqFlush: c.seqFlush,
    seqWrite: c.seqWrite,
  };
}

/** ops=async: the offload engine now and each shown stripe's op phase (OP_PHASES codes), counted over all. */
function offloadView(m: Raid5, live: StripeHead[], cellIds: Uint32Array): OffloadView | null {
  const off = m.conf.offload?.live();
  if (!off) return null;
  const { phaseOf, ...engine } = off;
  const phaseCounts = OP_PHASES.map(() => 0);
  for (const s of live) phaseCounts[phaseOf(s)]++;
  return {
    ...engine,
    phases: OP_PHASES,
    phaseCounts,
    opCells: Uint8Array.from(cellIds, (id) => phaseOf(m.conf.stripes[id])),
  };
}

export function snapshotExtra(m: Raid5): Raid5Extra {
  const c = m.conf;
  const k = m.kernel;
  const now = m.sim.now;
  const live = c.stripes.filter((s) => !s.dead);
  const counts = Object.fromEntries(WHERE_CODES.map((w) => [w, 0])) as Record<Where, number>;
  const handling: Record<string, number[]> = {};
  for (const s of live) {
    counts[s.where()]++;
    if (s.handler) (handling[s.handler] ??= []).push(s.idx);
  }
  const step = live.length > MAX_CELLS ? live.length / MAX_CELLS : 1;
  const n = Math.min(live.length, MAX_CELLS);
  const cells = new Uint8Array(n);
  const cellIds = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const s = live[Math.floor(i * step)];
    cells[i] = WHERE_CODES.indexOf(s.where());
    cellIds[i] = s.idx;
  }
  // Cumulative state time per thread (threads x 5): the UI differences two snapshots for recent shares.
  const threadNs = new Float64Array(k.threads.length * 5);
  k.threads.forEach((t, i) => {
    const f = k.stateFractions(t);
    for (let s = 0; s < 5; s++) threadNs[i * 5 + s] = f[s] * now;
  });
  const stats = m.lockClasses().map((cls) => cls.stats);
  return {
    offload: offloadView(m, live, cellIds),
    stripeCounts: counts,
    cells,
    cellIds,
    cellsSampled: step > 1,
    stripeCacheActive: c.activeStripes,
    stripeCacheSize: c.maxNrStripes,
    prereadActiveStripes: c.prereadActiveStripes,
    releasedStripes: c.released.length,
    groupThreadCnt: c.workerCnt,
    cpus: k.cpus.length,
    memberQueues: m.io.blk.memberSnapshot(m.sim.now),
    submittersBlocked: c.waitForStripe.length,
    waitingForStripe: c.waitForStripe.sleepers.toArray().map((t) => t.name),
    waitingForOverlap: c.waitForOverlap.sleepers.toArray().map((t) => t.name),
    handling,
    threadNs,
    passesDone: m.counters.passesDone,
    // Cumulative since the last stats reset (the UI never resets): lessons difference them for reads per write.
    memberReadBytes: m.io.readBytes,
    memberWriteBytes: m.io.writeBytes,
    rmwWrites: m.counters.rmw,
    rcwWrites: m.counters.rcw,
    lastPassStripe: m.counters.lastPassStripe,
    lockHistograms: stats.map((s) => ({
      name: s.name,
      wait: s.waitHist.log2Buckets(),
      hold: s.holdHist.log2Buckets(),
    })),
    latencyWindow: m.latencyWindows.published,
    followed: followedView(m),
    ...mdView(m),
  };
}
