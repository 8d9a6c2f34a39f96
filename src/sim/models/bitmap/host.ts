// md core's side of its contract with the array models (the types live in core/mdContract.ts, which both
// sides import), plus the lock options md core's own locks take from the array's cost table.
import type { MdCosts } from '../../core/mdContract';

export type { Gen, MdCosts, MdParams, MdHost, BitmapOps, SyncPersonality, MdSync, MdLibs } from '../../core/mdContract';

export const lockOpts = (c: MdCosts) => ({ preemptOff: true, handoffNs: c.handoffNs, bounceNs: c.bounceNs });
