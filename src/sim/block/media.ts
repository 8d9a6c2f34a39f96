// How a member device serves one request, as a service-time function for device.ts: flash (a fixed
// latency that overlaps across the requests in service, then a transfer through the device's one shared
// bandwidth, so bytes/s is a whole-device limit) and the rotating disk (seek by distance and rotation only
// when the request does not continue where the head is, then the media rate).
import type { ServiceTime } from './device';
import type { Params } from '../core/model';

/** How a device class (src/scenarios/blockSpec.ts, whose `kind` fields say the same) serves requests. */
export function mediaKindOf(device: string): MediaParams['kind'] {
  return device === 'hdd' ? 'hdd' : device === 'ramdisk' ? 'brd' : 'flash';
}

export interface MediaParams {
  kind: 'flash' | 'hdd' | 'brd';
  /** The device class ('nvme', 'sata-ssd', 'hdd', 'ramdisk', 'virtio'): the members' kernel names follow it. */
  device?: string;
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
    kind: mediaKindOf(p.device as string),
    device: p.device as string,
    latencyNs: n('device.latency'),
    readBytesPerSec: n('device.bandwidth'),
    writeBytesPerSec: n('device.write_bandwidth'),
    parallelism: n('device.parallelism'),
    seekNs: n('device.seek'),
    rpm: n('device.rpm'),
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

/** A rotating disk's head and platter. Positioning is paid only by a request that does not start where the
 * last one ended (a continuing one streams, through the drive's cache if it comes a little late): a seek that
 * grows with the square root of the distance (device.seek is its average over random positions, a third of
 * the stroke), then the wait until the request's first sector comes round under the head. A track holds what
 * the media rate moves in one rotation, so the angle of a page and the platter's angle at a time are known:
 * with several requests queued in the drive (NCQ) it can serve the one it reaches first. */
export class RotatingDisk {
  head = 0;
  private readonly rotationNs: number;
  private readonly trackPages: number;
  private readonly seekScale: number;
  private readonly settleNs: number;

  constructor(
    private readonly m: MediaParams,
    private readonly spanPages: number,
  ) {
    this.rotationNs = 60e9 / m.rpm;
    this.trackPages = Math.max(1, Math.round((m.readBytesPerSec * this.rotationNs) / 1e9 / 4096));
    // E[sqrt(|x - y|)] for x, y uniform on [0, 1] is 8/15: scale so a random seek averages device.seek.
    this.seekScale = m.seekNs / (8 / 15);
    this.settleNs = Math.min(m.seekNs, 0.5e6); // head settle for the shortest seek (a track-to-track move)
  }

  /** Time from `at` until the head is over `page`: 0 when it continues, else seek and rotational wait. */
  positioningNs(page: number, at: number): number {
    if (page === this.head) return 0;
    const dist = Math.min(1, Math.abs(page - this.head) / Math.max(1, this.spanPages));
    const seek = this.settleNs + (this.seekScale - this.settleNs) * Math.sqrt(dist);
    const platter = ((at + seek) / this.rotationNs) % 1;
    const sector = (page % this.trackPages) / this.trackPages;
    return seek + ((((sector - platter) % 1) + 1) % 1) * this.rotationNs;
  }

  /** The service-time rule for device.ts: positioning from now, then the transfer at the media rate. */
  serviceTime(now: () => number): ServiceTime {
    return (bytes, page, write) => {
      const ns =
        this.positioningNs(page, now()) + (bytes * 1e9) / (write ? this.m.writeBytesPerSec : this.m.readBytesPerSec);
      this.head = page + Math.ceil(bytes / 4096);
      return ns;
    };
  }
}
