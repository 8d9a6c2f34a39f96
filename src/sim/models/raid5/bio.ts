// A top-level bio from a submitter and its bookkeeping: how many stripe pieces still hold it
// (the kernel's per-bio stripe count), who submitted it and when. No behaviour beyond counting.
export interface Bio {
  id: number;
  write: boolean;
  bytes: number;
  /** First logical 4K page of the array it covers. */
  page: number;
  pages: number;
  /** Pieces (stripes or direct chunk reads) still outstanding; endio runs at 0. */
  remaining: number;
  submittedAt: number;
  job: number;
  sync: boolean;
  /** The bio this one was split from (bio_chain): its completion counts against the parent's remaining. */
  parent?: Bio;
}
