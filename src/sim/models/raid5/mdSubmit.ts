// md_submit_bio for a raid5 array: the bio is split to md0's queue limits (queueLimits.ts), and each piece is
// cloned for the bitmap (md_clone_bio) and handed to raid5_make_request, on the submitting task. Counts the
// pieces, as md0's own iostat would (requests and their size after the split).
import type { SimThread, Gen } from '../../core/thread';
import { bitmapStartWrite } from './bitmapHooks';
import type { Bio } from './bio';
import type { R5Conf } from './conf';
import type { MemberIo } from './io';
import { raid5MakeRequest } from './makeRequest';
import { maxBioPages, splitToLimits } from './queueLimits';

export class MdSubmit {
  private readonly maxPages: number;
  private bios = 0;
  private bytes = 0;

  constructor(
    private readonly conf: R5Conf,
    private readonly io: MemberIo,
    maxSegments: number,
  ) {
    this.maxPages = maxBioPages(maxSegments);
  }

  *submit(t: SimThread, bio: Bio): Gen {
    for (const piece of splitToLimits(bio, this.maxPages)) {
      this.bios++;
      this.bytes += piece.bytes;
      yield* bitmapStartWrite(this.conf, t, piece);
      yield* raid5MakeRequest(this.conf, this.io, t, piece);
    }
  }

  resetStats(): void {
    this.bios = this.bytes = 0;
  }

  /** md0's requests per second over a window of `sec`, and their mean size. */
  figures(sec: number): { mdRequestsPerSec: number; mdMeanRequestBytes: number } {
    return {
      mdRequestsPerSec: Math.round(this.bios / sec),
      mdMeanRequestBytes: this.bios ? Math.round(this.bytes / this.bios) : 0,
    };
  }
}
