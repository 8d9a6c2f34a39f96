// md's request_queue limits for a raid5 array and the split md_submit_bio makes against them
// (bio_split_to_limits, blk_queue_split before 5.x's rename). A direct-IO bio holds at most BIO_MAX_VECS (256)
// segments, one per 4K user page when the pages are not physically contiguous (the model assumes they are not:
// no huge pages behind fio's buffers). Before 6.0 raid5 left the block layer's default of BLK_MAX_SEGMENTS (128)
// segments, so a large write reached raid5_make_request in pieces of 512K; "md/raid5: Increase restriction on
// max segments per request" (6.0) lifted that to USHRT_MAX while raid5_set_limits caps max_hw_sectors at
// RAID5_MAX_REQ_STRIPES (256) pages, so pieces of 1M. The pieces go in one after the other on the submitting
// task, under its plug (current->bio_list), and the original completes when its last piece does (bio_chain).
import type { Bio } from './bio';

/** BIO_MAX_VECS: the segments one bio from the direct-IO path can carry. */
const BIO_MAX_VECS = 256;
/** RAID5_MAX_REQ_STRIPES << RAID5_STRIPE_SHIFT: raid5's max_hw_sectors from 6.0, in 4K pages. */
const RAID5_MAX_REQ_PAGES = 256;

/** The largest bio raid5_make_request sees, in 4K pages, for md's max_segments. */
export function maxBioPages(maxSegments: number): number {
  return Math.min(maxSegments, BIO_MAX_VECS, RAID5_MAX_REQ_PAGES);
}

/** bio_split_to_limits, repeated: the pieces of `bio` of at most `maxPages` pages each, front first, chained
 * to it. A bio within the limits is returned as it is. */
export function splitToLimits(bio: Bio, maxPages: number): Bio[] {
  if (bio.pages <= maxPages) return [bio];
  const pieces: Bio[] = [];
  for (let first = 0; first < bio.pages; first += maxPages) {
    const pages = Math.min(maxPages, bio.pages - first);
    pieces.push({
      ...bio,
      bytes: pages * 4096,
      page: bio.page + first,
      pages,
      remaining: pages,
      parent: bio,
    });
  }
  bio.remaining = pieces.length; // bio_chain: the parent ends when every piece has
  return pieces;
}
