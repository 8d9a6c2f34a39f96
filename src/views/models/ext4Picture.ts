// What the ext4 machine view draws, from one snapshot: writers by what they do now, dirty and writeback pages,
// how writeback submits (4K buffers or bios, plug), queue_lock, the elevator and the device. Pure; null if not ext4.
import type { LockView, Snapshot } from '../../protocol/messages';
import type { ThreadNow } from './loopPicture';

/** What a writer is doing, read from its activity label and state (the kernel function it is in). */
export type WriterPhase = 'write(2)' | 'writeback' | 'queue_lock' | 'throttled' | 'other';
export const WRITER_PHASES: readonly WriterPhase[] = ['write(2)', 'writeback', 'queue_lock', 'throttled', 'other'];

export interface Ext4Picture {
  submit: 'buffer' | 'bio';
  plug: boolean;
  maxBioPages: number;
  writers: (ThreadNow & { phase: WriterPhase })[];
  phaseCounts: Record<WriterPhase, number>;
  dirtyPages: number;
  writebackPages: number;
  dirtyLimitPages: number;
  throttled: number;
  /** Block-layer submissions (generic_make_request calls) and requests dispatched, per MiB submitted. */
  submissionsPerMiB: number | null;
  requestsPerMiB: number | null;
  submissions: number;
  pluggedRequests: number;
  queueLock: LockView | null;
  journalLock: LockView | null;
  elevator: number;
  device: { name: string; inService: number; queued: number; parallelism: number; utilisation: number };
}

const BLOCKED = 3;
const MiB = 1 << 20;
const WRITE_LABELS = new Set(['generic_perform_write', 'start_this_handle', 'j_state_lock']);
const WRITEBACK_LABELS = new Set(['block_write_full_page', 'ext4_bio_write_page', 'ext4_io_submit', 'blk_plug']);
const QUEUE_LABELS = new Set(['queue_lock', '__make_request', 'request_fn']);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export function writerPhase(t: { state: number; label: string }): WriterPhase {
  if (t.state === BLOCKED) return 'throttled';
  if (WRITE_LABELS.has(t.label)) return 'write(2)';
  if (WRITEBACK_LABELS.has(t.label)) return 'writeback';
  if (QUEUE_LABELS.has(t.label)) return 'queue_lock';
  return 'other';
}

export function ext4Picture(s: Snapshot | null | undefined): Ext4Picture | null {
  const x = s?.extra;
  if (!s || !x || (x.submit !== 'buffer' && x.submit !== 'bio') || typeof x.elevatorLength !== 'number') return null;
  const writers = s.threads
    .filter((t) => t.role === 'writer')
    .map((t) => ({ name: t.name, state: t.state, label: t.label, utilisation: t.utilisation, phase: writerPhase(t) }));
  const phaseCounts = Object.fromEntries(WRITER_PHASES.map((p) => [p, 0])) as Record<WriterPhase, number>;
  for (const w of writers) phaseCounts[w.phase]++;
  const mib = (num(x.submittedPages) * 4096) / MiB;
  const dev = s.devices[0];
  return {
    submit: x.submit,
    plug: x.plug === true,
    maxBioPages: num(x.maxBioPages),
    writers,
    phaseCounts,
    dirtyPages: num(x.dirtyPages),
    writebackPages: num(x.writebackPages),
    dirtyLimitPages: num(x.dirtyLimitPages),
    throttled: num(x.throttled),
    submissionsPerMiB: mib > 0 ? num(x.submissions) / mib : null,
    requestsPerMiB: mib > 0 ? num(x.dispatched) / mib : null,
    submissions: num(x.submissions),
    pluggedRequests: num(x.pluggedRequests),
    queueLock: s.locks.find((l) => l.name === 'queue_lock') ?? null,
    journalLock: s.locks.find((l) => l.name === 'j_state_lock') ?? null,
    elevator: num(x.elevatorLength),
    device: {
      name: dev?.name ?? 'sda',
      inService: num(x.deviceInService),
      queued: num(x.deviceQueued),
      parallelism: Math.max(1, num(x.deviceParallelism)),
      utilisation: dev?.utilisation ?? 0,
    },
  };
}
