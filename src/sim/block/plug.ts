// struct blk_plug: what a task holds back between blk_start_plug and blk_finish_plug: requests (merged as
// bios arrive, blk_attempt_plug_merge) and the callbacks drivers hang on it (blk_check_plugged; raid5's
// raid5_unplug releasing the stripes of a plug together). Plain data; blockLayer.ts flushes it.
import type { SimThread, Gen } from '../core/thread';
import type { BlockRequest } from './requestQueue';

/** BLK_MAX_REQUEST_COUNT (32 since 5.16; twice that when the plug spans several queues) and
 * BLK_PLUG_FLUSH_SIZE (128K): a plug past either is flushed before it takes another request. */
export const BLK_MAX_REQUEST_COUNT = 32;
export const BLK_PLUG_FLUSH_PAGES = 32;

/** A plug's flush limits: today's (the defaults), or an older kernel's. */
export interface PlugLimits {
  /** Requests the plug holds before it is flushed (BLK_MAX_REQUEST_COUNT: 16 from 3.1, 32 since 5.16). */
  maxRequests: number;
  /** A request this large (pages) flushes the plug before the next one (BLK_PLUG_FLUSH_SIZE); null: no such rule. */
  flushPages: number | null;
  /** Twice maxRequests when the plug spans several queues (5.16 on). */
  doubleForMultipleQueues: boolean;
}

/** The plug of the kernel modelled by default (5.16 on). */
export const PLUG_LIMITS: PlugLimits = {
  maxRequests: BLK_MAX_REQUEST_COUNT,
  flushPages: BLK_PLUG_FLUSH_PAGES,
  doubleForMultipleQueues: true,
};

/** The 2011-2012 legacy plug (3.1 "block: avoid building too big plug list"): 16 requests, no size rule. */
export const LEGACY_PLUG_LIMITS: PlugLimits = { maxRequests: 16, flushPages: null, doubleForMultipleQueues: false };

/** A callback on the plug (struct blk_plug_cb), run when it is flushed. */
export interface PlugCallback {
  run(t: SimThread): Gen;
}

export class Plug {
  /** Nesting depth: only the outermost blk_finish_plug flushes. */
  depth = 1;
  requests: BlockRequest[] = [];
  readonly callbacks = new Map<object, PlugCallback>();
  multipleQueues = false;

  constructor(private readonly limits: PlugLimits = PLUG_LIMITS) {}

  /** The most recent request for `disk`, where a bio may merge. */
  lastFor(disk: number): BlockRequest | null {
    for (let i = this.requests.length - 1; i >= 0; i--) if (this.requests[i].disk === disk) return this.requests[i];
    return null;
  }

  /** Whether adding one more request must flush first (blk_add_rq_to_plug's limits). */
  full(): boolean {
    const last = this.requests[this.requests.length - 1];
    const l = this.limits;
    const max = this.multipleQueues && l.doubleForMultipleQueues ? 2 * l.maxRequests : l.maxRequests;
    return this.requests.length >= max || (l.flushPages !== null && last !== undefined && last.pages >= l.flushPages);
  }

  add(rq: BlockRequest): void {
    const last = this.requests[this.requests.length - 1];
    if (last && last.disk !== rq.disk) this.multipleQueues = true;
    this.requests.push(rq);
  }
}
