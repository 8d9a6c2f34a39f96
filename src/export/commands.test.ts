// --commands against the real tools: Debian's mdadm parses every generated mdadm --create line of every raid
// preset (its error must name a missing member, never an option), and `fio --parse-only` accepts every fio line.
// The members are paths that do not exist, so mdadm stops at opening the first one and touches nothing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fioCommandLine, mdadmCreateLine, setupCommands } from './commands';
import { PRESETS } from '../scenarios/catalog';
import { resolveScenario } from '../scenarios/scenarioFile';

const dir = mkdtempSync(join(tmpdir(), 'stripe-lab-mdadm-'));
const raid = PRESETS.filter((p) => ['raid5', 'raid1', 'raid10'].includes(p.model));

/** The mdadm line with its members moved to paths that do not exist and the array to a name nobody uses. */
function parseOnly(line: string): { status: number | null; stderr: string; first: string } {
  const words = line.split(' ');
  let n = 0;
  const args = words.slice(1).map((w) => {
    if (w === '/dev/md0') return '/dev/md/stripe-lab-parse-only';
    return w.startsWith('/dev/') ? join(dir, 'missing', `m${n++}`) : w;
  });
  const r = spawnSync('mdadm', args, { encoding: 'utf8' });
  if (r.error) throw new Error(`Debian's mdadm must be installed (apt-get install mdadm): ${r.error.message}`);
  return { status: r.status, stderr: r.stderr.trim(), first: join(dir, 'missing', 'm0') };
}

describe("--commands and Debian's mdadm 4.2", () => {
  it(`mdadm parses the create line of all ${raid.length} raid presets; only a missing member stops it`, () => {
    expect(raid.length).toBeGreaterThan(10);
    for (const p of raid) {
      const sc = resolveScenario({ preset: p.id });
      const line = mdadmCreateLine(sc) as string;
      expect(setupCommands(sc)).toContain(line);
      // llbitmap's --bitmap=lockless came with mdadm 4.5: 4.2 must refuse that value and nothing else
      if (line.includes('--bitmap=lockless')) {
        expect(parseOnly(line).stderr, p.id).toMatch(/not 'lockless'$/);
      }
      const r = parseOnly(line.replace('--bitmap=lockless', '--bitmap=internal'));
      expect([p.id, r.status, r.stderr]).toEqual([p.id, 2, `mdadm: cannot open ${r.first}: No such file or directory`]);
    }
  });

  it('follows the scenario: a resync or --assume-clean, the bitmap and its chunk, the sync speed, raid1 and raid10', () => {
    const text = (id: string, params: Record<string, string | number> = {}) =>
      setupCommands(resolveScenario({ preset: id, params })) ?? '';
    const create = (id: string) => mdadmCreateLine(resolveScenario({ preset: id })) ?? '';
    expect(text('bitmap-raid1')).toMatch(/--level=1 --raid-devices=2 --bitmap=internal --bitmap-chunk=\d+K/);
    expect(create('bitmap-raid1')).not.toContain('--assume-clean');
    expect(text('bitmap-raid1-assume-clean')).toContain(' --assume-clean ');
    expect(text('bitmap-raid10')).toMatch(/--level=10 --raid-devices=4 --chunk=\d+K/);
    expect(text('bitmap-raid5', { bitmap: 'llbitmap' })).toContain('--bitmap=lockless');
    expect(text('bitmap-raid5', { sync_speed_max: 5000 })).toContain('echo 5000 > /sys/block/md0/md/sync_speed_max');
    expect(text('raid5-3disk-threads')).toMatch(/--bitmap=none \/dev\/nvme0n1 /);
  });

  it('fio --parse-only accepts the fio line of every raid preset', () => {
    for (const p of raid) {
      const line = fioCommandLine(resolveScenario({ preset: p.id }).params).replace(
        /--output=\S+/,
        `--output=${join(dir, 'fio.json')}`,
      );
      const r = spawnSync('fio', ['--parse-only', ...line.split(' ').slice(1)], { encoding: 'utf8' });
      expect([p.id, r.status, r.stderr]).toEqual([p.id, 0, '']);
    }
  });
});
