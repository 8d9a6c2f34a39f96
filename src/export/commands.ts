// The shell commands that would set up a raid5, raid1 or raid10 scenario on a real machine: members, mdadm --create
// (resync or --assume-clean, bitmap and chunk), the sysfs knobs, fio, lock_stat. Text only; design knobs with no
// runtime switch become comments, never guesses.
import { memberNames } from '../lib/memberNames';

export interface CommandSource {
  model: string;
  preset: string | null;
  params: Record<string, string | number | boolean>;
  durationNs: number;
  warmupNs: number;
}

/** fio and mdadm size spelling (1024-based, as fio's default kb_base): 4096 -> 4k, 16 GiB -> 16g. */
export function sizeText(bytes: number): string {
  for (const [unit, mult] of [
    ['g', 2 ** 30],
    ['m', 2 ** 20],
    ['k', 1024],
  ] as const)
    if (bytes >= mult && bytes % mult === 0) return `${bytes / mult}${unit}`;
  return String(bytes);
}

/** Member device paths: the kernel names the model gives its members too (lib/memberNames), under /dev. */
function members(device: string, n: number): string[] {
  return memberNames(device, n).map((name) => `/dev/${name}`);
}

/** The fio job of a scenario as its command line gives it, in order: what real fio records as 'job options'
 * (flags such as time_based with the value ""). The fio line of --commands and the fio JSON both come from it. */
export function fioJobOptions(p: Record<string, string | number | boolean>): [string, string][] {
  const rw = String(p.rw ?? 'randwrite');
  const o: [string, string][] = [
    ['name', 'stripe-lab'],
    ['filename', '/dev/md0'],
    ['ioengine', 'libaio'],
    ['direct', p.direct === false ? '0' : '1'],
    ['rw', rw],
    ['bs', sizeText(Number(p.bs))],
    ['iodepth', String(p.iodepth)],
    ['numjobs', String(p.numjobs)],
  ];
  if (rw === 'randrw' || rw === 'rw' || rw === 'readwrite') o.push(['rwmixread', String(p.rwmixread ?? 50)]);
  if (p.size !== undefined) o.push(['size', sizeText(Number(p.size))]);
  o.push(['time_based', ''], ['runtime', '30'], ['ramp_time', '5'], ['group_reporting', '']);
  return o;
}

/** The fio line: every job option, then where the output goes. */
export function fioCommandLine(p: Record<string, string | number | boolean>): string {
  const opts = fioJobOptions(p).map(([k, v]) => (v === '' ? `--${k}` : `--${k}=${v}`));
  return `fio ${opts.join(' ')} --output-format=json+ --output=fio.json`;
}

/** The md level of a model that has an mdadm equivalent, or null. */
function mdLevel(model: string, p: CommandSource['params']): number | null {
  if (model === 'raid5') return Number(p.level);
  if (model === 'raid1') return 1;
  if (model === 'raid10') return 10;
  return null;
}

/** mdadm --bitmap for the scenario's bitmap: none, internal (md-bitmap) or lockless (llbitmap). */
function bitmapOption(p: CommandSource['params']): 'none' | 'internal' | 'lockless' {
  const b = p.bitmap;
  if (b === undefined || b === false || b === 'none' || b === 'off') return 'none';
  return b === 'llbitmap' ? 'lockless' : 'internal';
}

/** The mdadm --create line of a raid scenario (null for a model without one): resync or --assume-clean as the
 * scenario has it, the bitmap type and chunk, the members. */
export function mdadmCreateLine(s: CommandSource): string | null {
  const p = s.params;
  const level = mdLevel(s.model, p);
  if (level === null) return null;
  const disks = Number(p.disks);
  const opts = ['mdadm --create /dev/md0 --run', `--level=${level}`, `--raid-devices=${disks}`];
  if (level !== 1 && p.chunk !== undefined) opts.push(`--chunk=${Number(p.chunk) / 1024}K`);
  if (p.assume_clean !== false) opts.push('--assume-clean');
  const bitmap = bitmapOption(p);
  opts.push(`--bitmap=${bitmap}`);
  if (bitmap === 'internal' && p.bitmap_chunk !== undefined)
    opts.push(`--bitmap-chunk=${Number(p.bitmap_chunk) / 1024}K`);
  if (bitmap === 'internal' && typeof p.daemon_sleep === 'number' && p.daemon_sleep % 1e9 === 0)
    opts.push(`--delay=${p.daemon_sleep / 1e9}`);
  return `${opts.join(' ')} ${members(String(p.device), disks).join(' ')}`;
}

/** null when the model has no mdadm equivalent (raid5, raid1 and raid10 have). */
export function setupCommands(s: CommandSource): string | null {
  const p = s.params;
  const level = mdLevel(s.model, p);
  const create = mdadmCreateLine(s);
  if (level === null || create === null) return null;
  const disks = Number(p.disks);
  const device = String(p.device);
  const paths = members(device, disks);
  const out: string[] = [
    `# Stripe Lab: ${s.preset ? `preset ${s.preset}` : `${s.model} scenario`} on real hardware (run as root; DESTROYS data on the members).`,
    `# Simulated: ${s.warmupNs / 1e6} ms warm-up, ${s.durationNs / 1e6} ms measured; a real run needs seconds, so fio runs longer below.`,
  ];
  if (p.kernel !== undefined)
    out.push(
      `# kernel=${p.kernel}: the md mechanics modelled are ${p.kernel === 'current' ? "today's mainline" : `Linux ${p.kernel}'s`}; run a kernel of that release for a like-for-like comparison`,
    );
  const dataDisks = level === 6 ? disks - 2 : level === 5 ? disks - 1 : level === 10 ? disks / 2 : 1;
  if (device === 'ramdisk') {
    const perMemberKiB = Math.ceil(Number(p.size) / dataDisks / 1024);
    out.push(
      `modprobe brd rd_nr=${disks} rd_size=${perMemberKiB}   # members at memory speed (${sizeText(perMemberKiB * 1024)} each)`,
    );
  } else out.push(`# members: ${device} devices; adjust ${paths.join(' ')} to yours`);
  if (p.cpus !== undefined)
    out.push(
      `# cpus=${p.cpus}: boot with maxcpus=${p.cpus} (or nr_cpus=${p.cpus}) so submitters, md threads and interrupts share as many CPUs`,
    );
  out.push(create);
  out.push(
    p.assume_clean === false
      ? '# no --assume-clean: the initial resync runs, as the scenario models it (its speed limits follow)'
      : '# --assume-clean: the array starts in sync, as the scenario has it: no initial resync',
  );
  if (bitmapOption(p) === 'lockless')
    out.push(
      '# --bitmap=lockless is llbitmap: mdadm 4.5 is the first to accept it (4.2 in Debian 12 knows none|internal|clustered|FILE), and the kernel needs md llbitmap',
    );
  for (const knob of ['sync_speed_min', 'sync_speed_max', 'sync_io_depth']) {
    if (p[knob] === undefined) continue;
    out.push(
      `echo ${p[knob]} > /sys/block/md0/md/${knob}${knob === 'sync_io_depth' ? '   # where the kernel has it' : ''}`,
    );
  }
  if (p.barrier === 'lock')
    out.push(
      '# barrier=lock: conf->resync_lock on every array bio, as raid1/raid10 before the lockless barrier; no runtime knob',
    );
  for (const knob of ['stripe_cache_size', 'group_thread_cnt', 'preread_bypass_threshold', 'rmw_level', 'skip_copy']) {
    if (p[knob] === undefined) continue;
    const v = typeof p[knob] === 'boolean' ? (p[knob] ? 1 : 0) : p[knob];
    out.push(`echo ${v} > /sys/block/md0/md/${knob}`);
  }
  if (p.hash_locks !== undefined && Number(p.hash_locks) !== 8)
    out.push(
      `# hash_locks=${p.hash_locks}: one lock over the whole stripe cache, as kernels before the 8 hash locks (3.13); no runtime knob`,
    );
  if (p.release === 'locked')
    out.push(
      '# release=locked: every last release under device_lock, as before the released_stripes llist (3.12); no runtime knob',
    );
  if (p.batch_release === false)
    out.push(
      '# batch_release=off: no plug batching of stripe releases in make_request (older kernels); no runtime knob',
    );
  if (p.blk === 'sq')
    out.push(
      '# blk=sq: members on the legacy single-queue block layer: a kernel before 5.0 booted with scsi_mod.use_blk_mq=0 (SCSI/SATA members; nvme is blk-mq only)',
    );
  if (p.ops === 'async') {
    out.push(
      p.offload === 'dma'
        ? '# ops=async offload=dma: parity and copies through async_tx on a DMA engine (CONFIG_ASYNC_TX_DMA and an engine such as ioatdma)'
        : `# ops=async offload=threads: parity and copies on ${p.offload_threads} offload threads; no mainline knob (the simulation's what-if)`,
    );
  }
  out.push("# cost.*, xor_speed, wakeup, switch and device.* are the simulation's calibration, not settings");
  out.push(
    'echo 0 > /proc/lock_stat; echo 1 > /proc/sys/kernel/lock_stat   # CONFIG_LOCK_STAT=y: clear and enable before the run',
  );
  out.push(fioCommandLine(p));
  out.push(
    'cat /proc/lock_stat > lock_stat.txt   # compare with npm run sim -- ... --lockstat FILE and --fio-json FILE',
  );
  return `${out.join('\n')}\n`;
}
