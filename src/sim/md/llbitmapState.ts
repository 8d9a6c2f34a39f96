// llbitmap's in-memory state (md-llbitmap.c): state bytes per chunk, the table-driven state machine, page
// control and block dirtying with infection. Pure bookkeeping; no thread ever waits in here.
import type { WaitQueue } from '../core/waitQueue';

export const Unwritten = 0;
export const Clean = 1;
export const Dirty = 2;
export const NeedSync = 3;
export const Syncing = 4;
const None = 0xff;
export const STATE_NAMES = ['unwritten', 'clean', 'dirty', 'need sync', 'syncing'] as const;

export const Startwrite = 0;
export const Startsync = 1;
export const Endsync = 2;
export const Daemon = 5;

/** state_machine[state][action] for the actions this model drives (Abortsync, Reload, Discard, Stale: none). */
const TABLE: readonly (readonly number[])[] = [
  /* Unwritten */ [Dirty, None, None, None, None, None],
  /* Clean     */ [Dirty, None, None, None, None, None],
  /* Dirty     */ [None, None, None, None, None, Clean],
  /* NeedSync  */ [None, Syncing, None, None, None, None],
  /* Syncing   */ [None, Syncing, Dirty, None, None, None],
];

/** BITMAP_DATA_OFFSET, the array's logical block size (the unit of bitmap IO), space and minimum chunk. */
export const DATA_OFFSET = 1024;
export const IO_SIZE = 512;
export const BLOCKS_PER_PAGE = 4096 / IO_SIZE;
const DEFAULT_SPACE_BYTES = 128 * 1024;
const MIN_CHUNK_PAGES = 16; // 64K

/** struct llbitmap_page_ctl. */
export interface PageCtl {
  /** Live percpu references: writes in flight that raised this page's barrier. */
  ref: number;
  /** percpu_ref_kill by the daemon: new writers wait on `wq`. */
  dying: boolean;
  /** No access before this time: the daemon may clean the page. */
  expire: number;
  /** LLPageDirty, and the per-block dirty bits that unplug writes. */
  dirty: boolean;
  dirtyBlocks: number;
  wq: WaitQueue;
}

export class LlState {
  readonly chunkPages: number;
  readonly chunks: number;
  readonly state: Uint8Array;
  readonly pages: PageCtl[] = [];
  /** Chunk positions the last operation scanned (for its CPU cost) and blocks it infected. */
  scanned = 0;
  infections = 0;

  constructor(
    spanPages: number,
    readonly level456: boolean,
    assumeClean: boolean,
    makeWq: (i: number) => WaitQueue,
  ) {
    // llbitmap_init: 64K chunks, doubled until the state bytes fit the bitmap space.
    let chunkPages = MIN_CHUNK_PAGES;
    while (Math.ceil(spanPages / chunkPages) > DEFAULT_SPACE_BYTES) chunkPages *= 2;
    this.chunkPages = chunkPages;
    this.chunks = Math.ceil(spanPages / chunkPages);
    this.state = new Uint8Array(this.chunks).fill(assumeClean ? Clean : Unwritten);
    const n = Math.ceil((this.chunks + DATA_OFFSET) / 4096);
    for (let i = 0; i < n; i++)
      this.pages.push({ ref: 0, dying: false, expire: Infinity, dirty: false, dirtyBlocks: 0, wq: makeWq(i) });
  }

  chunkOf(page: number): number {
    return Math.min(this.chunks - 1, Math.floor(page / this.chunkPages));
  }

  static pageOfChunk(chunk: number): number {
    return (chunk + DATA_OFFSET) >> 12;
  }

  /** Chunks [first, last] held by bitmap page `idx`. */
  chunksOfPage(idx: number): [number, number] {
    return [Math.max(0, idx * 4096 - DATA_OFFSET), Math.min(this.chunks, (idx + 1) * 4096 - DATA_OFFSET) - 1];
  }

  /** llbitmap_state_machine over chunks [start, end]; returns what the caller must follow up on. */
  run(start: number, end: number, action: number): { needSync: boolean; dirtied: boolean; last: number } {
    let needSync = false;
    let dirtied = false;
    let last = None;
    for (let c = start; c <= end; c++) {
      const cur = this.state[c];
      this.scanned++;
      if (cur === NeedSync) needSync = true;
      let next = TABLE[cur][action];
      if (next === None) continue;
      // Delay raid456's initial parity build to the first write: NeedSync, built by lazy recovery.
      if (cur === Unwritten && next === Dirty && action === Startwrite && this.level456) next = NeedSync;
      this.write(c, next);
      last = next;
      if (next === NeedSync) needSync = true;
      else if (next === Dirty) dirtied = true;
    }
    return { needSync, dirtied, last };
  }

  /** llbitmap_write: a newly Dirty / NeedSync state dirties its block. */
  private write(chunk: number, s: number): void {
    this.state[chunk] = s;
    if (s === Dirty || s === NeedSync) this.setPageDirty(chunk);
  }

  /** llbitmap_set_page_dirty: mark the block; a second dirty chunk in it infects the whole block. */
  private setPageDirty(chunk: number): void {
    const pos = chunk + DATA_OFFSET;
    const pc = this.pages[pos >> 12];
    const offset = pos & 4095;
    const block = Math.floor(offset / IO_SIZE);
    pc.dirty = true;
    if (pc.dirtyBlocks & (1 << block)) {
      this.infect(pos >> 12, block);
      return;
    }
    pc.dirtyBlocks |= 1 << block;
    const base = (pos >> 12) * 4096 - DATA_OFFSET;
    for (let o = block * IO_SIZE; o < (block + 1) * IO_SIZE; o++) {
      const c = base + o;
      this.scanned++;
      if (o === offset || c < 0 || c >= this.chunks) continue;
      if (this.state[c] === Dirty || this.state[c] === NeedSync) {
        this.infect(pos >> 12, block);
        return;
      }
    }
  }

  /** llbitmap_infect_dirty_bits: every unwritten or clean chunk of the block becomes dirty at once. */
  private infect(idx: number, block: number): void {
    this.infections++;
    const base = idx * 4096 - DATA_OFFSET;
    for (let o = block * IO_SIZE; o < (block + 1) * IO_SIZE; o++) {
      const c = base + o;
      if (c < 0 || c >= this.chunks) continue;
      this.scanned++;
      if (this.state[c] === Unwritten) this.state[c] = this.level456 ? NeedSync : Dirty;
      else if (this.state[c] === Clean) this.state[c] = Dirty;
    }
  }

  /** The dirty blocks of every LLPageDirty page, cleared: what one unplug writes (sizes in bytes). */
  takeDirtyBlocks(): number[] {
    const sizes: number[] = [];
    for (const pc of this.pages) {
      if (!pc.dirty) continue;
      pc.dirty = false;
      for (let b = 0; b < BLOCKS_PER_PAGE; b++) if (pc.dirtyBlocks & (1 << b)) sizes.push(IO_SIZE);
      pc.dirtyBlocks = 0;
    }
    return sizes;
  }

  anyDirty(): boolean {
    return this.pages.some((p) => p.dirty);
  }

  histogram(): Record<string, number> {
    const n = [0, 0, 0, 0, 0];
    for (let c = 0; c < this.chunks; c++) n[this.state[c]]++;
    return Object.fromEntries(STATE_NAMES.map((s, i) => [s, n[i]]));
  }
}
