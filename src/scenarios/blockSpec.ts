// Member devices and the block layer in front of them, in the kernel's sysfs spelling: the device classes
// (whole-device bandwidth, an IOPS ceiling from parallelism and latency, an HDD's seek and rotation, brd),
// queue/max_sectors_kb, queue/nr_requests, queue/scheduler, and fio's iodepth_batch_submit. Shared by raid5,
// raid1 and raid10; data and checks only, the mechanics live in src/sim/block.
import { ParamError, type ParamSpec, type Resolved } from './paramSpec';

/** A member device class. `kind` says how a request is served: 'flash' (latency, then a transfer through the
 * device's one shared bandwidth), 'hdd' (seek by distance and rotation unless it continues where the head
 * is, then the media rate), 'brd' (no queue: a memcpy in the submitter's context). */
export interface DeviceClass {
  kind: 'flash' | 'hdd' | 'brd';
  latency: number;
  /** Read and write bytes/s of the whole device, shared by every request in service. */
  bandwidth: number;
  writeBandwidth: number;
  parallelism: number;
  /** HDD: average seek (a third of the full stroke) and spindle speed. */
  seek: number;
  rpm: number;
  /** The kernel's defaults for such a device: the scheduler it gets (elevator_init_mq: mq-deadline for
   * a single hardware queue, none for multi-queue) and nr_requests (2 x min(queue depth, BLKDEV_DEFAULT_RQ)). */
  scheduler: 'none' | 'mq-deadline';
  nrRequests: number;
  about: string;
}

export const DEVICE_PRESETS: Record<string, DeviceClass> = {
  ramdisk: {
    kind: 'brd',
    latency: 0,
    bandwidth: 8e9,
    writeBandwidth: 8e9,
    parallelism: 1024,
    seek: 0,
    rpm: 7200,
    scheduler: 'none',
    nrRequests: 256,
    about:
      "brd (modprobe brd): no queue and no interrupt; each bio is a memcpy at the CPU class's memcpy_speed in the submitter's context",
  },
  nvme: {
    kind: 'flash',
    latency: 20_000,
    bandwidth: 3.2e9,
    writeBandwidth: 2.8e9,
    parallelism: 16,
    seek: 0,
    rpm: 7200,
    scheduler: 'none',
    nrRequests: 256,
    about:
      'a PCIe 3.0 x4 datacenter NVMe SSD (Intel P4510-class datasheet: 3.2 GB/s read, 2.8 GB/s write sequential; 20 us x 16 in flight = 800k IOPS ceiling)',
  },
  'sata-ssd': {
    kind: 'flash',
    latency: 60_000,
    bandwidth: 550e6,
    writeBandwidth: 520e6,
    parallelism: 4,
    seek: 0,
    rpm: 7200,
    scheduler: 'mq-deadline',
    nrRequests: 64,
    about: 'a SATA 6 Gb/s SSD behind AHCI (Samsung 860 EVO-class datasheet: 550/520 MB/s; 60 us x 4 = ~67k IOPS)',
  },
  hdd: {
    kind: 'hdd',
    latency: 0,
    bandwidth: 180e6,
    writeBandwidth: 180e6,
    parallelism: 32,
    seek: 8_500_000,
    rpm: 7200,
    scheduler: 'mq-deadline',
    nrRequests: 64,
    about:
      'a 7200 rpm SATA disk with NCQ (32 commands, served one at a time, the one the head reaches first): seek by distance (8.5 ms average) and the wait for the sector to come round, unless the request continues where the head is; then the media rate (180 MB/s)',
  },
  virtio: {
    kind: 'flash',
    latency: 24_000,
    bandwidth: 1.09e9,
    writeBandwidth: 1.09e9,
    parallelism: 1,
    seek: 0,
    rpm: 7200,
    scheduler: 'mq-deadline',
    nrRequests: 256,
    about:
      "a VM's virtio-blk disk backed by host memory: one request at a time, ~24 us of host round trip, then the copy",
  },
};

const G = 'array';
const Q = 'block';
/** device.* and the member queue's sysfs knobs; raid5's, raid1's and raid10's parameter lists spread these. */
export const DEVICE_PARAMS = (defaultDevice: string): readonly ParamSpec[] => {
  const d = DEVICE_PRESETS[defaultDevice];
  return [
    {
      key: 'device',
      kind: 'enum',
      values: Object.keys(DEVICE_PRESETS),
      default: defaultDevice,
      group: G,
      help: `Member device class: ${Object.entries(DEVICE_PRESETS)
        .map(([k, v]) => `${k} = ${v.about}`)
        .join('; ')}. device.* override it.`,
    },
    {
      key: 'device.latency',
      kind: 'time',
      default: d.latency,
      min: 0,
      max: 1e9,
      group: G,
      help: 'Member fixed service latency per request (flash); with device.parallelism it sets the IOPS ceiling. Default from the device class.',
    },
    {
      key: 'device.bandwidth',
      kind: 'number',
      unit: 'bytes/s',
      default: d.bandwidth,
      min: 1e6,
      max: 1e12,
      group: G,
      help: "Read bytes/s of the whole member, shared by every request in service (an HDD's media rate). Default from the device class.",
    },
    {
      key: 'device.write_bandwidth',
      kind: 'number',
      unit: 'bytes/s',
      default: d.writeBandwidth,
      min: 1e6,
      max: 1e12,
      group: G,
      help: 'Write bytes/s of the whole member. Default from the device class.',
    },
    {
      key: 'device.parallelism',
      kind: 'int',
      unit: 'requests',
      default: d.parallelism,
      min: 1,
      max: 1024,
      group: G,
      help: 'Requests a member serves at once (its hardware queue depth); for hdd the NCQ depth: commands it holds and reorders, its one head serving one at a time (1 = no NCQ). Default from the device class.',
    },
    {
      key: 'device.seek',
      kind: 'time',
      default: DEVICE_PRESETS.hdd.seek,
      min: 0,
      max: 1e9,
      group: G,
      help: 'hdd: average seek time; a seek over distance d of the span takes about seek x 1.5 x sqrt(d).',
    },
    {
      key: 'device.rpm',
      kind: 'int',
      unit: 'rpm',
      default: DEVICE_PRESETS.hdd.rpm,
      min: 3600,
      max: 15000,
      group: G,
      help: 'hdd: spindle speed; a request that does not continue where the head is waits half a rotation on average.',
    },
    {
      key: 'max_sectors_kb',
      kind: 'int',
      unit: 'KiB',
      default: 1280,
      min: 4,
      max: 65536,
      group: Q,
      help: 'queue/max_sectors_kb: the largest request the plug or the scheduler builds by merging (BLK_DEF_MAX_SECTORS 2560 sectors = 1280 KiB since 4.4); a multiple of 4.',
    },
    {
      key: 'nr_requests',
      kind: 'int',
      unit: 'requests',
      default: d.nrRequests,
      min: 1,
      max: 65536,
      group: Q,
      help: 'queue/nr_requests: requests a member queue can hold (scheduler + device); past it the submitter sleeps for a tag.',
    },
    {
      key: 'scheduler',
      kind: 'enum',
      values: ['none', 'mq-deadline'],
      default: d.scheduler,
      group: Q,
      help: 'queue/scheduler: none (FIFO dispatch) or mq-deadline (dispatch sorted by sector, a FIFO deadline per direction: 500 ms reads, 5 s writes). Default from the device class.',
    },
    {
      key: 'iodepth_batch_submit',
      kind: 'int',
      unit: 'IOs',
      default: 1,
      min: 1,
      max: 4096,
      group: 'workload',
      help: 'fio iodepth_batch_submit: IOs handed to one io_submit; above 2 the kernel holds them under one blk_plug (AIO_PLUG_THRESHOLD).',
    },
    {
      key: 'memory_bandwidth',
      kind: 'number',
      unit: 'bytes/s',
      default: 100e9,
      min: 1e6,
      max: 1e13,
      group: 'costs',
      help: 'Bytes/s the whole machine can copy (its memory bandwidth, counted once per byte copied): brd copies on many CPUs at once share it. Default: a two-socket server.',
    },
    {
      key: 'memcpy_speed',
      kind: 'number',
      unit: 'bytes/s',
      default: 10e9,
      min: 1e6,
      max: 1e12,
      group: 'costs',
      help: "memcpy bytes/s of one CPU: what brd's copy costs in the submitter. Default from cpu_model.",
    },
  ];
};

/** device.* from the device class unless given, and the knobs' rules that a range cannot say. */
export function deriveDevice(params: Resolved, given: ReadonlySet<string>): void {
  const d = DEVICE_PRESETS[params.device as string];
  const fill = (key: string, v: string | number) => {
    if (!given.has(key)) params[key] = v;
  };
  fill('device.latency', d.latency);
  fill('device.bandwidth', d.bandwidth);
  fill(
    'device.write_bandwidth',
    given.has('device.bandwidth') && !given.has('device.write_bandwidth')
      ? (params['device.bandwidth'] as number)
      : d.writeBandwidth,
  );
  fill('device.parallelism', d.parallelism);
  fill('device.seek', d.seek);
  fill('device.rpm', d.rpm);
  fill('nr_requests', d.nrRequests);
  fill('scheduler', d.scheduler);
  const kb = params.max_sectors_kb as number;
  if (kb % 4 !== 0) throw new ParamError('max_sectors_kb', kb, 'an integer 4..65536, a multiple of 4 (whole 4K pages)');
}
