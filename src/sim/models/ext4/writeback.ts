// ext4_da_writepages for one file: dirty pages submitted as 4K buffers (block_write_full_page) or gathered into
// bios (ext4_bio_write_page, ext4_io_submit), optionally in a block plug. It never touches the queue's internals.
import type { SimThread, Gen } from '../../core/thread';
import type { Ext4Ctx } from './ctx';
import type { Bio, Ext4Disk } from './disk';

/** One writer's file: where it lies on the device and which of its pages are dirty. */
export interface Inode {
  /** First device block of the file, and its length in blocks (writes wrap around inside it). */
  start: number;
  span: number;
  /** File block the next write(2) dirties, and the first dirty block writeback will take. */
  nextDirty: number;
  nextWriteback: number;
  dirtyPages: number;
}

export class Writeback {
  constructor(
    private readonly ctx: Ext4Ctx,
    private readonly rq: Ext4Disk,
  ) {}

  /** ext4_da_writepages -> mpage_da_submit_io for up to `nr` dirty pages of `inode`. */
  *writepages(t: SimThread, inode: Inode, nr: number, onWriteback: (pages: number) => void): Gen {
    const p = this.ctx.p;
    const pages = Math.min(nr, inode.dirtyPages);
    if (pages === 0) return;
    inode.dirtyPages -= pages;
    onWriteback(pages);
    if (p.plug) this.rq.startPlug(t);
    let bio: Bio | null = null;
    for (let i = 0; i < pages; i++) {
      const block = inode.start + inode.nextWriteback;
      inode.nextWriteback = (inode.nextWriteback + 1) % inode.span;
      if (p.submit === 'buffer') {
        // block_write_full_page: set_page_writeback, then one buffer_head -> one bio -> submit_bh.
        yield this.ctx.cpu(t, p.costs.pageWbNs + p.costs.bufferNs, this.ctx.labels.writepage);
        yield* this.rq.makeRequest(t, { page: block, pages: 1 });
        continue;
      }
      // io_submit_add_bh: append while contiguous and the bio has room, else ext4_io_submit first.
      if (bio && (bio.page + bio.pages !== block || bio.pages >= p.maxBioPages)) {
        yield* this.ext4IoSubmit(t, bio);
        bio = null;
      }
      if (bio) bio.pages++;
      else bio = { page: block, pages: 1 };
    }
    if (bio) yield* this.ext4IoSubmit(t, bio);
    if (p.plug) yield* this.rq.finishPlug(t);
  }

  /** ext4_io_submit: the page work of the bio's pages (ext4_bio_write_page, bio_add_page), then submit_bio. */
  private *ext4IoSubmit(t: SimThread, bio: Bio): Gen {
    const c = this.ctx.p.costs;
    yield this.ctx.cpu(t, bio.pages * (c.pageWbNs + c.bioAddNs), this.ctx.labels.bioWritePage);
    yield this.ctx.cpu(t, c.bioSubmitNs, this.ctx.labels.ioSubmit);
    yield* this.rq.makeRequest(t, bio);
  }
}
