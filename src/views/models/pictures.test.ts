// The model machine views' pure parts: snapshot -> what to draw, for loop, ext4 and the mirrors, and which
// machine a model gets. Snapshots are built by hand in the shape each model's snapshot() sends.
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../protocol/messages';

type Machine = Exclude<Snapshot['model'], 'raid5' | 'lock-lab'>;
/** The model whose snapshot carries these fields: the mirrors name their level, ext4 its submit path. */
const modelOf = (extra: Record<string, unknown>): Machine =>
  extra.level === 'raid1' || extra.level === 'raid10' ? extra.level : 'submit' in extra ? 'ext4' : 'loop';
import { ext4Picture, writerPhase } from './ext4Picture';
import { loopPicture } from './loopPicture';
import { codeCounts } from './mdPicture';
import { mirrorPicture } from './mirrorPicture';
import { machineFor } from './StageFor';

const base = (
  extra: Record<string, unknown>,
  threads: [string, string, number, string][] = [],
  over: { locks?: Snapshot['locks']; devices?: Snapshot['devices'] } = {},
): Snapshot => ({
  model: modelOf(extra),
  timeNs: 1e6,
  events: 10,
  completions: 5,
  bytes: 20480,
  threads: threads.map(([name, role, state, label]) => ({ name, role, state, label, utilisation: 0.5 })),
  locks: [],
  lockStats: [],
  queues: [],
  devices: [{ name: 'vda', utilisation: 0.4, opsPerSec: 1000, bytesPerSec: 4e6, meanQueueDepth: 2 }],
  extra,
  ...over,
});

const loopExtra = (mode: string) => ({
  loopMode: mode,
  inFlight: 64,
  backingQueued: 3,
  backingInService: 16,
  loopQueues: [{ name: 'kloopd0 worklist', length: 40 }],
  backingParallelism: 16,
  backingOutstanding: 19,
  direct: true,
  workers: 2,
  iodepth: 64,
  numjobs: 1,
  bs: 4096,
  rw: 'randread',
  dirtyPages: 0,
  writebackPages: 0,
  backingRequests: 100,
  backingSeqRequests: 25,
});

describe('loopPicture', () => {
  it('reads the queue, the busy handlers, the device and the readahead share', () => {
    const p = loopPicture(
      base(
        loopExtra('blk-mq'),
        [
          ['fio/0', 'submitter', 3, 'io_getevents'],
          ['kworker/u16:0', 'kworker', 3, 'page_cache_read'],
          ['kworker/u16:1', 'kworker', 4, ''],
          ['irq/vda', 'interrupt', 4, ''],
        ],
        {
          locks: [
            { name: 'lo_lock', holder: null, waiters: [], spinning: true },
            { name: 'pool->lock', holder: 'fio/0', waiters: ['kworker/u16:1'], spinning: true },
          ],
        },
      ),
    );
    expect(p).not.toBeNull();
    expect(p?.queues).toEqual([{ name: 'kloopd0 worklist', length: 40 }]);
    expect(p?.handlers.map((h) => h.name)).toEqual(['kworker/u16:0', 'kworker/u16:1']);
    expect(p?.handlersBusy).toBe(1);
    expect(p?.jobs.map((j) => j.name)).toEqual(['fio/0']);
    expect(p?.device).toMatchObject({ inService: 16, queued: 3, parallelism: 16, seqFraction: 0.25 });
    expect(p?.doubleCopy).toBe(true);
    expect(p?.aioInFlight).toBeNull();
    expect(p?.irq?.name).toBe('irq/vda');
    expect(p?.locks.map((l) => `${l.name}:${l.holder ?? 'free'}:${l.waiters.length}`)).toEqual([
      'lo_lock:free:0',
      'pool->lock:fio/0:1',
    ]);
  });

  it('dio-aio has no double copy and shows the AIOs in flight', () => {
    const p = loopPicture(base(loopExtra('dio-aio'), [['loop0', 'loop_thread', 0, 'lo_rw_aio']]));
    expect(p?.doubleCopy).toBe(false);
    expect(p?.aioInFlight).toBe(19);
    expect(p?.handlers.map((h) => h.name)).toEqual(['loop0']);
  });

  it('is null for other snapshots and for an unknown mode', () => {
    expect(loopPicture(null)).toBeNull();
    expect(loopPicture(base({ dirtyPages: 3 }))).toBeNull();
    expect(loopPicture(base(loopExtra('bogus')))).toBeNull();
  });
});

describe('ext4Picture', () => {
  const extra = {
    dirtyPages: 900,
    writebackPages: 100,
    submissions: 512,
    submit: 'bio',
    plug: true,
    maxBioPages: 128,
    numjobs: 3,
    dirtyLimitPages: 4096,
    throttled: 1,
    submittedPages: 512 * 128,
    dispatched: 300,
    pluggedRequests: 4,
    elevatorLength: 7,
    deviceInService: 2,
    deviceQueued: 0,
    deviceParallelism: 64,
  };
  it('counts writers by phase from label and state, and gives submissions per MiB submitted', () => {
    const p = ext4Picture(
      base(
        extra,
        [
          ['fio/0', 'writer', 1, 'j_state_lock'],
          ['fio/1', 'writer', 3, 'balance_dirty_pages'],
          ['fio/2', 'writer', 1, 'queue_lock'],
          ['irq/sda', 'interrupt', 4, ''],
        ],
        { locks: [{ name: 'queue_lock', holder: 'fio/3', waiters: ['fio/2'], spinning: true }] },
      ),
    );
    expect(p?.writers).toHaveLength(3);
    expect(p?.phaseCounts).toEqual({ 'write(2)': 1, writeback: 0, queue_lock: 1, throttled: 1, other: 0 });
    expect(p?.submissionsPerMiB).toBe(2); // 512 bios of 512K = 256 MiB
    expect(p?.requestsPerMiB).toBeCloseTo(300 / 256);
    expect(p?.queueLock?.waiters).toEqual(['fio/2']);
    expect(p).toMatchObject({ plug: true, pluggedRequests: 4, elevator: 7, submit: 'bio' });
  });

  it('has no per-MiB figure before anything was submitted, and is null for other models', () => {
    expect(ext4Picture(base({ ...extra, submittedPages: 0 }))?.submissionsPerMiB).toBeNull();
    expect(ext4Picture(base(loopExtra('blk-mq')))).toBeNull();
  });

  it('names writeback and request-queue work by the kernel function the writer is in', () => {
    expect(writerPhase({ state: 0, label: 'ext4_bio_write_page' })).toBe('writeback');
    expect(writerPhase({ state: 0, label: 'block_write_full_page' })).toBe('writeback');
    expect(writerPhase({ state: 0, label: '__make_request' })).toBe('queue_lock');
    expect(writerPhase({ state: 0, label: 'generic_perform_write' })).toBe('write(2)');
    expect(writerPhase({ state: 2, label: 'something else' })).toBe('other');
  });
});

describe('mirrorPicture', () => {
  const extra = {
    level: 'raid1',
    pendingWrites: 5,
    memberIosInFlight: 6,
    bitmap: 'bitmap',
    bitmapChunkBytes: 65536,
    resyncRunning: true,
    resyncKiBPerSec: 2048,
    resyncThrottleWaits: 2,
    memberQueues: [
      { name: 'sda', queued: 2, inService: 1, parallelism: 1 },
      { name: 'sdb', queued: 0, inService: 1, parallelism: 1 },
    ],
    bitmapCells: Uint8Array.from([0, 1, 4, 4, 2]),
    bitmapChunksPerCell: 8,
    bitmapPagesToWrite: 1,
    bitmapPagesPending: 2,
    bitmapWritesInFlight: 3,
    syncPosPages: 640,
    syncActivePages: 512,
    syncWindowPages: 32,
    syncSpanPages: 6400,
    syncIoLimitPages: 512,
  };
  it('reads members with utilisation, the classic bitmap with its lock, and the resync window', () => {
    const p = mirrorPicture(
      base(
        extra,
        [
          ['md0_raid1', 'raid1d', 0, 'submit_bio'],
          ['md0_resync', 'resync', 3, 'md_do_sync'],
          ['fio/0', 'submitter', 1, 'bitmap_lock'],
        ],
        {
          devices: [{ name: 'sda', utilisation: 0.9, opsPerSec: 1, bytesPerSec: 1, meanQueueDepth: 1 }],
          locks: [
            { name: 'device_lock', holder: null, waiters: [], spinning: true },
            { name: 'bitmap_lock', holder: 'fio/0', waiters: ['fio/1'], spinning: true },
          ],
        },
      ),
    );
    expect(p?.members).toEqual([
      { name: 'sda', inService: 1, queued: 2, parallelism: 1, utilisation: 0.9 },
      { name: 'sdb', inService: 1, queued: 0, parallelism: 1, utilisation: 0 },
    ]);
    expect(p?.mdThread?.name).toBe('md0_raid1');
    expect(p?.bitmap).toMatchObject({
      kind: 'bitmap',
      chunksPerCell: 8,
      pagesToWrite: 1,
      pagesLater: 2,
      writesInFlight: 3,
      pageRefs: null,
    });
    expect(p?.bitmap?.lock?.holder).toBe('fio/0');
    expect(p?.resync).toMatchObject({
      running: true,
      posPages: 640,
      activePages: 512,
      spanPages: 6400,
      limitPages: 512,
    });
    expect(p?.resync?.thread?.name).toBe('md0_resync');
  });

  it('llbitmap: no lock, page references and the daemon workers; no bitmap and no resync when absent', () => {
    const ll = mirrorPicture(
      base({ ...extra, bitmap: 'llbitmap', bitmapPagesDying: 1, bitmapPageRefs: 9 }, [
        ['kworker/u:md_llbitmap_io', 'workqueue', 4, ''],
      ]),
    );
    expect(ll?.bitmap).toMatchObject({ kind: 'llbitmap', pagesLater: 1, pageRefs: 9, lock: null });
    expect(ll?.bitmap?.styles[2].label).toBe('dirty');
    expect(ll?.bitmap?.daemons.map((d) => d.name)).toEqual(['kworker/u:md_llbitmap_io']);
    const none = mirrorPicture(base({ level: 'raid10', memberQueues: [], bitmap: 'none' }));
    expect(none?.bitmap).toBeNull();
    expect(none?.resync).toBeNull();
  });

  it('counts grid cells by code, ignoring codes outside the legend', () => {
    expect(codeCounts(Uint8Array.from([0, 1, 4, 4, 2, 9]), 5)).toEqual([1, 1, 1, 0, 2]);
  });
});

describe('machineFor', () => {
  const all = { loop: true, ext4: true, mirror: true };
  it('gives each model its machine only when its snapshot has what the machine reads', () => {
    expect(machineFor('loop', all)).toBe('loop');
    expect(machineFor('ext4', all)).toBe('ext4');
    expect(machineFor('raid1', all)).toBe('mirror');
    expect(machineFor('raid10', all)).toBe('mirror');
    expect(machineFor('loop', { ...all, loop: false })).toBeNull(); // a stale frame of the previous model
    expect(machineFor('lock-lab', all)).toBeNull();
  });
});
