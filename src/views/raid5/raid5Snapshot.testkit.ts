// A raid5 snapshot for view tests: every field the model's snapshot() sends, idle, with the parts a test
// sets laid over it. Test support only.
import type { Raid5Extra, Snapshot } from '../../protocol/messages';

type Raid5 = Extract<Snapshot, { model: 'raid5' }>;

export function raid5Extra(over: Partial<Raid5Extra> & Record<string, unknown> = {}): Raid5Extra {
  return {
    offload: null,
    stripeCounts: {
      free: 0,
      handle_list: 0,
      hold_list: 0,
      delayed_list: 0,
      bitmap_list: 0,
      handling: 0,
      member_io: 0,
      in_use: 0,
    },
    cells: new Uint8Array(0),
    cellIds: new Uint32Array(0),
    cellsSampled: false,
    stripeCacheActive: 0,
    stripeCacheSize: 256,
    prereadActiveStripes: 0,
    releasedStripes: 0,
    groupThreadCnt: 0,
    cpus: 4,
    memberQueues: [],
    submittersBlocked: 0,
    waitingForStripe: [],
    waitingForOverlap: [],
    handling: {},
    threadNs: new Float64Array(0),
    passesDone: 0,
    memberReadBytes: 0,
    memberWriteBytes: 0,
    rmwWrites: 0,
    rcwWrites: 0,
    lastPassStripe: -1,
    lockHistograms: [],
    latencyWindow: null,
    followed: null,
    ...over,
  };
}

export function raid5Snapshot(extra: Partial<Raid5Extra> & Record<string, unknown>, over: Partial<Raid5> = {}): Raid5 {
  return {
    model: 'raid5',
    timeNs: 1e6,
    events: 10,
    completions: 5,
    bytes: 20480,
    threads: [],
    locks: [],
    lockStats: [],
    queues: [],
    devices: [],
    extra: raid5Extra(extra),
    ...over,
  };
}
