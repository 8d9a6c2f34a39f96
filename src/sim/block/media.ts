// How a member device serves one request, as a service-time function for core/device.ts: flash (a fixed
// latency that overlaps across the requests in service, then a transfer through the device's one shared
// bandwidth, so bytes/s is a whole-device limit) and the rotating disk (seek by distance and rotation only
// when the request does not continue where the head is, then the media rate).
import type { ServiceTime } from '../core/device';
import type { Params } from '../core/model';
import type { RandomStream } from '../core/random';

/** How a device class (src/scenarios/blockSpec.ts, whose `kind` fields say the same) serves requests. */
export function mediaKindOf(device: string): MediaParams['kind'] {
  return device === 'hdd' ? 'hdd' : device === 'ramdisk' ? 'brd' : 'flash';
}

export interface MediaParams {
  kind: 'flash' | 'hdd' | 'brd';
  latencyNs: number;
  readBytesPerSec: number;
  writeBytesPerSec: number;
  parallelism: number;
  seekNs: number;
  rpm: number;
}

/** The device class and device.* of a model's parameters (raid5, raid1, raid10 spell them alike). */
export function mediaFromParams(p: Params): MediaParams {
  const n = (k: string) => p[k] as number;
  return {
    kind: mediaKindOf(p.device as string), latencyNs: n('device.latency'), readBytesPerSec: n('device.bandwidth'),
    writeBytesPerSec: n('device.write_bandwidth'), parallelism: n('device.parallelism'), seekNs: n('device.seek'), rpm: n('device.rpm'),
  };
}

/** Flash: latencies of the requests in service overlap; their transfers take turns on one path, so 16 slots
 * of a 3 GB/s device give 3 GB/s, not 48. `now` reads the simulated clock. */
export function flashServiceTime(m: MediaParams, now: () => number): ServiceTime {
  let pathFreeAt = 0;
  return (bytes, _page, write) => {
    const t = now();
    const bw = write ? m.writeBytesPerSec : m.readBytesPerSec;
    pathFreeAt = Math.max(t + m.latencyNs, pathFreeAt) + (bytes * 1e9) / bw;
    return pathFreeAt - t;
  };
}

/** A rotating disk. Positioning is paid only by a request that does not start where the last one ended:
 * a seek that grows with the square root of the distance (device.seek is its average over random
 * positions, a third of the stroke) plus, on average, half a rotation; then the transfer at the media rate.
 * `spanPages` is the member's addressed span in 4K pages. */
export function hddServiceTime(m: MediaParams, rng: RandomStream, spanPages: number): ServiceTime {
  let head = 0;
  const rotationNs = 60e9 / m.rpm;
  // E[sqrt(|x - y|)] for x, y uniform on [0, 1] is 8/15: scale so a random seek averages device.seek.
  const seekScale = m.seekNs / (8 / 15);
  const settleNs = Math.min(m.seekNs, 0.5e6); // head settle for the shortest seek (a track-to-track move)
  return (bytes, page, write) => {
    const pages = Math.ceil(bytes / 4096);
    let ns = (bytes * 1e9) / (write ? m.writeBytesPerSec : m.readBytesPerSec);
    if (page !== head) {
      const dist = Math.abs(page - head) / Math.max(1, spanPages);
      ns += settleNs + (seekScale - settleNs) * Math.sqrt(Math.min(1, dist)) + rng.uniform() * rotationNs;
    }
    head = page + pages;
    return ns;
  };
}
