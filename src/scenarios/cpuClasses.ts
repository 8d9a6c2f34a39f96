// CPU classes: what a core of the machine charges raid5, raid1/raid10, loop and ext4, in ONE table, and the one
// rule that turns a class and cpu_speed into every CPU cost. Data and that rule only; no simulation code here.
//
// The rule. A model's cost.* defaults (its ParamSpec defaults) are what each step takes on a `server` core.
// A class has a speed relative to that core (cpu_speed's default for the class), an xor and a memcpy
// throughput, and may set the wake-up latency and the context-switch cost. With cpu_speed = s:
//   cost.*                  = server figure / s                                (ns, rounded to whole ns)
//   wakeup, switch          = (class figure, else server figure / class speed) x class speed / s
//   xor_speed, memcpy_speed = class figure x s / class speed                   (bytes/s)
// So a class's own figures hold at its own speed, and cpu_speed moves every CPU figure together (2 = twice as
// fast: times halve, throughputs double). A key the user gives (--set cost.fio=2us) is kept as given; presets
// give none (a test checks): they say hardware, workload, knobs and mechanisms.
//
// xor figures are the kernel's own boot-time benchmark where one was found ("xor: measuring software checksum
// speed" lines for raid5's P, "raid6: ... gen()" for P+Q). The raid5 model charges raid6's Q as a second xor
// pass at xor_speed; on cores without AVX2 the real gen() is slower than that (noted per class).
import type { ParamSpec, Resolved } from './paramSpec';

export interface CpuClass {
  /** One core's speed relative to a `server` core: cpu_speed's default. */
  speed: number;
  /** xor (raid5 P) bytes/s of one core, as the boot log's xor benchmark reports it. */
  xorBytesPerSec: number;
  /** raid6 P+Q syndrome bytes/s of one core over the data blocks, as the boot log's "raid6: <algo> gen()" line
   * reports it (gen_syndrome; xor_syndrome for a read-modify-write is charged at the same rate). */
  raid6BytesPerSec: number;
  /** memcpy bytes/s of one core (brd's copy in the submitter). */
  memcpyBytesPerSec: number;
  /** Wake-up latency and context-switch cost at the class's own speed; else the server's scaled by speed. */
  wakeupNs?: number;
  switchNs?: number;
  about: string;
}

export const CPU_CLASSES: Record<string, CpuClass> = {
  server: {
    speed: 1,
    // 20 GB/s: the model's long-standing default, kept so results stay byte-identical. It is the raid6 AVX2
    // figure of an AVX2 server core ("raid6: avx2x4 gen() 20230 MB/s", openzfs/zfs#3880; 21297-25330 MB/s on
    // Zen 2 / Skylake desktops, pop-os/pop#853, thopiekar/rcraid-dkms#32); the plain xor benchmark of such cores
    // read lower before 5.x stopped printing it ("avx: 11860 MB/sec", openzfs/zfs#3880 Haswell; "avx: 14916
    // MB/sec", rockstor/rockstor-core#1502). Since ~5.10 the kernel picks avx without measuring.
    xorBytesPerSec: 20e9,
    raid6BytesPerSec: 20e9, // "raid6: avx2x4 gen() 20230 MB/s" (openzfs/zfs#3880, above)
    memcpyBytesPerSec: 10e9, // one core's copy_page, ~400 ns per 4K: the same figure as raid5's cost.copy_page
    wakeupNs: 3_000,
    switchNs: 1_000,
    about: 'a current x86 server core (AVX2, ~3.5 GHz): the figures every cost.* default states',
  },
  'xeon-2010': {
    // Westmere-EP (Xeon E5630: 2.53 GHz, 2.8 turbo, 2010): about half a current core per thread (lower clock,
    // Nehalem-era IPC, no AVX).
    speed: 0.5,
    // No Westmere boot log with the figure was found. The kernel picks generic_sse for xor and sse2x4 for raid6
    // there ("Xeon X5650: raid5 uses generic_sse, raid6 uses sse2x4, raid6 15% slower", virtwo.blogspot.com
    // 2011-02 "software RAID on old vs. new CPUs"); 8 GB/s is an estimate above a 2 GHz Goldmont's
    // "generic_sse: 6540.000 MB/sec" (bb-qq/aqc111#76, DS620slim Celeron J3355).
    xorBytesPerSec: 8e9,
    raid6BytesPerSec: 6.8e9, // estimate: sse2x4 about 15% slower than the xor (virtwo.blogspot.com, above)
    memcpyBytesPerSec: 5e9, // estimate: one Westmere-EP core streaming DDR3-1066, about half today's
    about: 'a Westmere-EP core like the Xeon E5630 of 2010 (SSE only): half a server core',
  },
  atom: {
    // Silvermont-class server Atom (C2000 Avoton/Rangeley, 2.4 GHz, 2013) or its Airmont/Goldmont kin:
    // out-of-order but narrow, about a third of a current core per thread.
    speed: 0.3,
    // "xor: using function: prefetch64-sse (5444.000 MB/sec)", raid6 "sse2x4 gen() 1296 MB/s" on a DS916+
    // (Pentium N3710, Airmont: bb-qq/r8152#180); an older Atom D510 reads "pIII_sse 5120 MB/s, raid6 sse2x2
    // 1082 MB/s" (virtwo.blogspot.com 2011-02, comments). gen() is ~4x slower than the model's two xor passes.
    xorBytesPerSec: 5.4e9,
    raid6BytesPerSec: 1.3e9, // "raid6: sse2x4 gen() 1296 MB/s" (bb-qq/r8152#180, above)
    memcpyBytesPerSec: 3e9, // estimate: one Silvermont core on DDR3-1600, about 3 GB/s
    about: 'an Atom-class server core (C2000 Avoton/Rangeley, SSE only): a third of a server core',
  },
  vm: {
    // The llbitmap post's VM (seed 004: "a 20GB ramdisk in my VM", 3 vCPUs; host not named). A small VM's
    // vCPU is typically a hyperthread of a host server core behind two-level (EPT) page walks: half a dedicated
    // core, for kernel code and SIMD alike. Exits to the host are paid where they happen: a sleeping vCPU woken
    // by an IPI (halt exit, host wakes the vCPU thread, VM entry) takes ~10 us; the virtio disk's round trip
    // is the device class's (device=virtio).
    speed: 0.5,
    xorBytesPerSec: 10e9, // the server core's 20 GB/s at half a core
    raid6BytesPerSec: 10e9,
    memcpyBytesPerSec: 5e9,
    wakeupNs: 10_500,
    about:
      'the small VM of the llbitmap post: half a server core (a shared hyperthread), 10.5 us wake-ups (an IPI to a halted vCPU)',
  },
};

const SERVER = CPU_CLASSES.server;
const C = 'costs';
/** cpu_model and cpu_speed, then wake-up and switch (their defaults the server's); every model with CPU costs spreads these. */
export const CPU_PARAMS: readonly ParamSpec[] = [
  {
    key: 'cpu_model',
    kind: 'enum',
    values: Object.keys(CPU_CLASSES),
    default: 'server',
    group: C,
    help: `CPU class of every core: ${Object.entries(CPU_CLASSES)
      .map(([k, v]) => `${k} = ${v.about}`)
      .join('; ')}. cost.*, xor_speed, memcpy_speed, wakeup and switch follow it unless given.`,
  },
  {
    key: 'cpu_speed',
    kind: 'number',
    unit: 'x a server core',
    default: SERVER.speed,
    min: 0,
    minExclusive: true,
    max: 100,
    group: C,
    help: "One core's speed relative to a server core (default: the cpu_model's own, server 1). Every cost.*, wakeup and switch is divided by it, xor_speed and memcpy_speed multiplied (src/scenarios/cpuClasses.ts).",
  },
  {
    key: 'wakeup',
    kind: 'time',
    default: SERVER.wakeupNs!,
    min: 0,
    max: 1e9,
    group: C,
    help: 'Wake-up latency of a sleeping thread. Default from cpu_model.',
  },
  {
    key: 'switch',
    kind: 'time',
    default: SERVER.switchNs!,
    min: 0,
    max: 1e9,
    group: C,
    help: 'Context switch CPU cost. Default from cpu_model.',
  },
];

/** Every cost.*, wakeup, switch, xor_speed, raid6_speed and memcpy_speed of `specs` the user did not give, from the class and cpu_speed. */
export function deriveCpu(specs: readonly ParamSpec[], params: Resolved, given: ReadonlySet<string>): void {
  const c = CPU_CLASSES[params.cpu_model as string];
  if (!given.has('cpu_speed')) params.cpu_speed = c.speed;
  const s = params.cpu_speed as number;
  const time = (classNs: number | undefined, serverNs: number) =>
    Math.round(((classNs ?? serverNs / c.speed) * c.speed) / s);
  for (const spec of specs) {
    const key = spec.key;
    if (given.has(key) || typeof spec.default !== 'number') continue;
    if (key.startsWith('cost.')) params[key] = Math.round(spec.default / s);
    else if (key === 'wakeup') params[key] = time(c.wakeupNs, spec.default);
    else if (key === 'switch') params[key] = time(c.switchNs, spec.default);
    else if (key === 'xor_speed') params[key] = (c.xorBytesPerSec * s) / c.speed;
    else if (key === 'raid6_speed') params[key] = (c.raid6BytesPerSec * s) / c.speed;
    else if (key === 'memcpy_speed') params[key] = (c.memcpyBytesPerSec * s) / c.speed;
  }
}
