// `npm run sim -- --mdadm-detail FILE` end to end on real pastes (src/scenarios/measured/fixtures/README.md): the
// paste sets the model and the array's parameters, explicit --set wins, the summary says what was read, and a bad
// paste or an array the model cannot run exits 2 with one line before anything runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSimArgs } from './args';

const sim = (args: string[]) => spawnSync('node_modules/.bin/tsx', ['src/cli/sim.ts', ...args], { encoding: 'utf8' });
const F = 'src/scenarios/measured/fixtures/mdadm-detail-';
const RAID6 = `${F}raid6-clean-4.x-otus-kosogoroff.txt`;
const RAID10 = `${F}raid10-resyncing-4.x-otus-tweaku.txt`;
const RUN = ['--duration', '3ms', '--warmup', '1ms', '--seed', '2', '--json'];
interface Out {
  model: string;
  params: Record<string, unknown>;
  throughput: { opsPerSec: number };
}
const json = (text: string) => JSON.parse(text) as Out;

describe('npm run sim -- --mdadm-detail', () => {
  it('parses the flag', () => {
    expect(parseSimArgs(['--mdadm-detail', 'a.txt', '--set', 'disks=4']).mdadmDetail).toBe('a.txt');
    expect(parseSimArgs(['--mdadm-detail=b.txt']).mdadmDetail).toBe('b.txt');
  });

  it('a raid6 paste runs the raid5 model at level 6 on 5 disks, as the same --set values would; --set wins', () => {
    const sets = ['--set', 'group_thread_cnt=2', '--set', 'stripe_cache_size=512'];
    const r = sim(['--mdadm-detail', RAID6, ...sets, ...RUN]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = json(r.stdout);
    expect(out.model).toBe('raid5');
    expect(out.params).toMatchObject({ level: 6, disks: 5, chunk: 524288, bitmap: 'none', group_thread_cnt: 2 });
    const same = ['--model', 'raid5', '--set', 'level=6', '--set', 'disks=5', '--set', 'chunk=512k', ...sets];
    expect(json(sim([...same, ...RUN]).stdout).throughput).toEqual(out.throughput);
    const over = json(sim(['--mdadm-detail', RAID6, '--set', 'disks=6', '--set', 'chunk=64k', ...RUN]).stdout);
    expect(over.params).toMatchObject({ level: 6, disks: 6, chunk: 65536 });
  });

  it('the summary says what the paste set and what it could not say', () => {
    const r = sim(['--mdadm-detail', RAID10, '--set', 'chunk=64k', '--duration', '3ms', '--warmup', '1ms']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^array from \S+raid10-resyncing\S+ \(mdadm --detail\): raid10 disks=4 chunk=524288 \(--set chunk=64k wins\) bitmap=none assume_clean=off$/m,
    );
    expect(r.stdout).toMatch(/^ {2}assume_clean=off: the array is resyncing \(39% done in the paste/m);
    expect(r.stdout).toMatch(/^raid10, seed 1: /m);
  });

  it('a bad paste, an array the model cannot run, another --model: exit 2, one line, nothing run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mdadm-'));
    const notMdadm = join(dir, 'mdstat.txt');
    writeFileSync(notMdadm, 'Personalities : [raid6] [raid5]\nmd0 : active raid5 sdb[0]\n');
    const cases: [string[], string][] = [
      [
        ['--mdadm-detail', notMdadm],
        `mdadm-detail ${notMdadm} line 2 "md0 : active raid5 sdb[0]": expected an array field "Key : Value" (as "Raid Level : raid5") or the device table "Number Major Minor RaidDevice State"`,
      ],
      [
        ['--mdadm-detail', `${F}raid5-degraded-0.90-fabianonline-2009.txt`],
        'mdadm-detail State=clean, degraded: accepted clean | active, or resyncing (the model runs an array with every member in sync, or in its initial resync; it has no degraded mode)',
      ],
      [
        ['--mdadm-detail', RAID6, '--model', 'raid1'],
        `model=raid1: accepted raid5 (the model of ${RAID6}: Raid Level raid6)`,
      ],
      [
        ['--mdadm-detail', join(dir, 'none.txt')],
        `mdadm-detail=${join(dir, 'none.txt')}: accepted a readable file (ENOENT)`,
      ],
    ];
    for (const [args, line] of cases) {
      const r = sim(args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`${line}\n`);
    }
  });
});
