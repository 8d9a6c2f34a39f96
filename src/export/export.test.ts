// lock_stat text, fio JSON, CSV and the mdadm/sysfs/fio commands, on fixed inputs; and the `npm run sim`
// flags that write them, end to end.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_STAT_COLUMNS, lockStatText, lockStatTime } from './lockStat';
import { fioJson, readShare, type FioSource } from './fioJson';
import { toCsv } from './csv';
import { setupCommands, sizeText } from './commands';
import { checkTrace } from './traceCheck';

const row = {
  name: 'device_lock',
  conBounces: 7,
  contentions: 10,
  waitTimeMinNs: 120,
  waitTimeMaxNs: 9_999,
  waitTimeTotalNs: 20_004,
  acqBounces: 30,
  acquisitions: 40,
  holdTimeMinNs: 100,
  holdTimeMaxNs: 2_000,
  holdTimeTotalNs: 12_345,
};

describe('lock_stat text', () => {
  it('prints times as the kernel does: us, two decimals, rounded at 10 ns', () => {
    expect(lockStatTime(0)).toBe('0.00');
    expect(lockStatTime(1234)).toBe('1.23');
    expect(lockStatTime(1235)).toBe('1.24');
    expect(lockStatTime(2_000_000)).toBe('2000.00');
  });

  it('has the version line, the real header and fixed-width rows, most contended first', () => {
    const text = lockStatText([
      { ...row, name: 'hash_lock', contentions: 1 },
      row,
      { ...row, name: 'unused', acquisitions: 0, contentions: 0 },
    ]);
    const lines = text.split('\n');
    expect(lines[0]).toBe('lock_stat version 0.4');
    expect(lines[1]).toBe('-'.repeat(221));
    // "%40s" then twelve " %14s": read the header back by position, as the kernel wrote it.
    const cols = Array.from({ length: 12 }, (_, i) => lines[2].slice(41 + i * 15, 55 + i * 15).trim());
    expect([lines[2].slice(0, 40).trim(), ...cols]).toEqual(['class name', ...LOCK_STAT_COLUMNS]);
    expect(lines[4]).toBe('');
    // lockdep's class name for today's kernels (the version selector picks older spellings)
    expect(lines[5].slice(0, 41)).toBe(`${'&conf->device_lock'.padStart(40)}:`);
    expect(lines[5].slice(41).trim().split(/\s+/)).toEqual([
      '7',
      '10',
      '0.12',
      '10.00',
      '20.00',
      '2.00',
      '30',
      '40',
      '0.10',
      '2.00',
      '12.35',
      '0.31',
    ]);
    expect(lines[5].length).toBe(41 + 14 + 1 + 14 + 4 * 15 + 1 + 14 + 1 + 14 + 4 * 15);
    expect(lines[6]).toMatch(/^\s+conf->hash_locks \+ i:/);
    expect(text).not.toContain('unused');
  });
});

describe('fio JSON', () => {
  const src: FioSource = {
    model: 'raid5',
    preset: null,
    seed: 1,
    params: { rw: 'randrw', rwmixread: 70, bs: 4096, iodepth: 32, numjobs: 4, direct: true, size: 2 ** 30 },
    simulatedNs: 1e9,
    throughput: { opsPerSec: 1000, bytesPerSec: 4096000 },
    latencyNs: { mean: 500, p50: 400, p90: 800, p99: 1000, p999: 2000, max: 3000 },
    devices: [{ name: 'sda', utilisation: 0.5, opsPerSec: 1, bytesPerSec: 1 }],
  };
  it("from a result alone: splits a mix by rwmixread, iops, bw (KiB/s), the result's percentiles under fio's keys", () => {
    const j = fioJson(src) as {
      jobs: { read: Record<string, unknown>; write: Record<string, unknown>; 'job options': Record<string, string> }[];
      disk_util: unknown[];
    };
    const { read, write } = j.jobs[0];
    expect(read.iops).toBe(700);
    expect(write.iops).toBe(300);
    expect(read.bw).toBe(Math.round((4096000 * 0.7) / 1024));
    expect(read.bw_bytes).toBe(2867200);
    expect((read.clat_ns as { percentile: Record<string, number> }).percentile).toEqual({
      '50.000000': 400,
      '90.000000': 800,
      '99.000000': 1000,
      '99.900000': 2000,
    });
    expect(j.jobs[0]['job options']).toMatchObject({ rw: 'randrw', rwmixread: '70', bs: '4k', size: '1g' });
    // md0 first (fio's aggr_* over the members), then each member
    expect(j.disk_util).toMatchObject([
      { name: 'md0', write_ios: 300, read_ios: 700, aggr_util: 50 },
      { name: 'sda', util: 50 },
    ]);
    expect(readShare({ rw: 'randwrite' })).toBe(0);
    expect(readShare({ rw: 'read' })).toBe(1);
  });
});

describe('CSV and commands', () => {
  it('quotes as RFC 4180 and unions columns', () => {
    expect(
      toCsv([
        { a: 1, b: 'x,y' },
        { a: 2, c: 'say "hi"' },
      ]),
    ).toBe('a,b,c\r\n1,"x,y",\r\n2,,"say ""hi"""\r\n');
  });

  it('mdadm, sysfs and fio lines for a raid5 scenario; nothing for other models', () => {
    expect(sizeText(4096)).toBe('4k');
    expect(sizeText(16 * 2 ** 30)).toBe('16g');
    const text = setupCommands({
      model: 'raid5',
      preset: 'p',
      durationNs: 1e6,
      warmupNs: 1e6,
      params: {
        level: 6,
        disks: 6,
        chunk: 65536,
        device: 'ramdisk',
        stripe_cache_size: 1024,
        group_thread_cnt: 4,
        skip_copy: true,
        rw: 'randrw',
        rwmixread: 30,
        bs: 4096,
        iodepth: 8,
        numjobs: 2,
        size: 2 ** 30,
        direct: true,
        ops: 'inline',
        hash_locks: 8,
      },
    })!;
    expect(text).toContain('modprobe brd rd_nr=6 rd_size=262144');
    expect(text).toContain(
      'mdadm --create /dev/md0 --run --level=6 --raid-devices=6 --chunk=64K --assume-clean --bitmap=none /dev/ram0 /dev/ram1 /dev/ram2 /dev/ram3 /dev/ram4 /dev/ram5',
    );
    expect(text).toContain('echo 1024 > /sys/block/md0/md/stripe_cache_size');
    expect(text).toContain('echo 4 > /sys/block/md0/md/group_thread_cnt');
    expect(text).toContain('echo 1 > /sys/block/md0/md/skip_copy');
    expect(text).toMatch(
      /^fio --name=stripe-lab --filename=\/dev\/md0 --ioengine=libaio --direct=1 --rw=randrw --bs=4k --iodepth=8 --numjobs=2 --rwmixread=30 --size=1g /m,
    );
    expect(text).not.toContain('hash_locks');
    expect(setupCommands({ model: 'lock-lab', preset: null, durationNs: 1, warmupNs: 1, params: {} })).toBeNull();
  });
});

describe('npm run sim file outputs (end to end)', () => {
  const sim = (...args: string[]) =>
    spawnSync('node_modules/.bin/tsx', ['src/cli/sim.ts', ...args], { encoding: 'utf8' });
  it('--trace, --lockstat and --fio-json write valid files; --commands prints the setup', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stripe-lab-'));
    const r = sim(
      '--preset',
      'raid5-3disk-threads',
      '--duration',
      '2ms',
      '--warmup',
      '1ms',
      '--json',
      '--trace',
      join(dir, 't.json'),
      '--trace-window',
      '1ms',
      '--lockstat',
      join(dir, 'ls.txt'),
      '--fio-json',
      join(dir, 'fio.json'),
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).model).toBe('raid5');
    expect(checkTrace(JSON.parse(readFileSync(join(dir, 't.json'), 'utf8')))).toEqual([]);
    expect(readFileSync(join(dir, 'ls.txt'), 'utf8')).toMatch(/^lock_stat version 0\.4\n/);
    expect(JSON.parse(readFileSync(join(dir, 'fio.json'), 'utf8')).jobs[0].write.iops).toBeGreaterThan(0);
    expect(sim('--preset', 'raid5-4disk-threads', '--commands').stdout).toContain('--level=5 --raid-devices=4');
    const bad = sim('--preset', 'lock-lab-spin-vs-mutex', '--commands');
    expect([bad.status, bad.stderr.trim().split('\n').length]).toEqual([2, 1]);
    expect(sim('--preset', 'raid5-3disk-threads', '--trace', 'x.json', '--trace-window', '0').stderr.trim()).toBe(
      'trace-window=0: accepted a time > 0 (e.g. 5ms, 500us)',
    );
    const noFio = sim('--preset', 'lock-lab-basic', '--fio-json', join(dir, 'never.json'));
    expect([noFio.status, noFio.stderr.trim()]).toEqual([
      2,
      `fio-json=${join(dir, 'never.json')}: accepted a model that runs a fio workload (raid5, raid1, raid10, loop, ext4); lock-lab's operations are not IOs`,
    ]);
    expect(existsSync(join(dir, 'never.json'))).toBe(false);
  });
});
