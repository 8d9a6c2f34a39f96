// md core as the mirror model sees it: the bitmap and resync builders the composition root passes in,
// restated structurally. Types only; never import the models/bitmap folder.
import type { Kernel } from '../../core/kernel';
import type { LockClass } from '../../core/lock';
import type { Op, SimThread } from '../../core/thread';

type Gen<T = void> = Generator<Op, T, void>;

export interface MdCosts {
  bitmapCounterNs: number; llbitmapStateNs: number; unplugCheckNs: number; submitNs: number;
  syncStepNs: number; handoffNs: number; bounceNs: number;
}

export interface MdParams {
  bitmap: 'none' | 'bitmap' | 'llbitmap';
  assumeClean: boolean;
  bitmapChunkBytes: number;
  daemonSleepNs: number;
  barrierIdleNs: number;
  syncSpeedMinKiB: number;
  syncSpeedMaxKiB: number;
  syncIoDepth: number;
}

export interface MdHost {
  readonly kernel: Kernel;
  readonly spanPages: number;
  readonly members: number;
  readonly level456: boolean;
  readonly costs: MdCosts;
  writeMetadata(disk: number, bytes: number, done: () => void): void;
  wakeupMdThread(): void;
}

export interface Bitmap {
  readonly kind: 'bitmap' | 'llbitmap';
  startWrite(t: SimThread, page: number, pages: number): Gen;
  endWrite(t: SimThread, page: number, pages: number): Gen;
  unplug(t: SimThread): Gen;
  daemonWork(t: SimThread): Gen;
  lockClasses(): LockClass[];
  resetStats(): void;
  figures(): Record<string, unknown>;
  /** Optional: the state the live view draws (snapshots only, never results). */
  live?(): Record<string, unknown>;
}

export interface SyncPersonality {
  syncRequest(t: SimThread, page: number, done: (pages: number) => void): Gen<number>;
  nonSyncBytes(): number;
}

export interface MdSync {
  readonly recoveryCp: number;
  readonly running: boolean;
  resetStats(): void;
  figures(): Record<string, unknown>;
  /** Optional: the state the live view draws (snapshots only, never results). */
  live?(): Record<string, unknown>;
}

/** B is the library's own bitmap type: what createBitmap returns goes back to createSync unchanged. */
export interface MdLibs<B extends Bitmap = Bitmap> {
  createBitmap(host: MdHost, p: MdParams): B | null;
  createSync(host: MdHost, p: MdParams, pers: SyncPersonality, bitmap: B | null): MdSync;
}
