// The shell commands that would set up a raid5 scenario on a real machine: members, mdadm --create, the
// sysfs knobs, fio, lock_stat. Text only; design knobs with no runtime switch become comments, never guesses.

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

/** Member device paths by device preset: brd ramdisks, NVMe namespaces, or SCSI disks from sdb on. */
function members(device: string, n: number): string[] {
  const name =
    device === 'ramdisk'
      ? (i: number) => `/dev/ram${i}`
      : device === 'nvme'
        ? (i: number) => `/dev/nvme${i}n1`
        : (i: number) => `/dev/sd${String.fromCharCode(98 + i)}`; // sda is the system disk
  return Array.from({ length: n }, (_, i) => name(i));
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

/** null when the model is not raid5 (no mdadm equivalent). */
export function setupCommands(s: CommandSource): string | null {
  if (s.model !== 'raid5') return null;
  const p = s.params;
  const disks = Number(p.disks);
  const level = Number(p.level);
  const device = String(p.device);
  const paths = members(device, disks);
  const out: string[] = [
    `# Stripe Lab: ${s.preset ? `preset ${s.preset}` : 'raid5 scenario'} on real hardware (run as root; DESTROYS data on the members).`,
    `# Simulated: ${s.warmupNs / 1e6} ms warm-up, ${s.durationNs / 1e6} ms measured; a real run needs seconds, so fio runs longer below.`,
  ];
  if (device === 'ramdisk') {
    const perMemberKiB = Math.ceil(Number(p.size) / (disks - (level === 6 ? 2 : 1)) / 1024);
    out.push(
      `modprobe brd rd_nr=${disks} rd_size=${perMemberKiB}   # members at memory speed (${sizeText(perMemberKiB * 1024)} each)`,
    );
  } else out.push(`# members: ${device} devices; adjust ${paths.join(' ')} to yours`);
  if (p.cpus !== undefined)
    out.push(
      `# cpus=${p.cpus}: boot with maxcpus=${p.cpus} (or nr_cpus=${p.cpus}) so submitters, raid5d, workers and interrupts share as many CPUs`,
    );
  const bitmap =
    p.bitmap === undefined || p.bitmap === false || p.bitmap === 'none' || p.bitmap === 'off' ? 'none' : 'internal';
  out.push(
    `mdadm --create /dev/md0 --run --level=${level} --raid-devices=${disks} --chunk=${Number(p.chunk) / 1024}K --assume-clean --bitmap=${bitmap} ${paths.join(' ')}`,
  );
  out.push('# --assume-clean: skip the initial resync, which the simulation does not model');
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
