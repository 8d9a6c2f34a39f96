// The member queue's knobs and the device classes: each bad value is refused naming the key, the value and
// what is accepted (and the CLI exits 2 with that message); device.* and the queue defaults follow the class.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { mediaKindOf } from '../sim/block/media';
import { DEVICE_PRESETS } from './blockSpec';
import { ParamError } from './paramSpec';
import { resolveScenario } from './scenarioFile';

const refusal = (params: Record<string, unknown>): ParamError => {
  try {
    resolveScenario({ model: 'raid5', params: params as Record<string, string | number | boolean> });
  } catch (e) {
    if (e instanceof ParamError) return e;
    throw e;
  }
  throw new Error(`accepted ${JSON.stringify(params)}`);
};

describe('block layer and device knobs', () => {
  it.each([
    [{ max_sectors_kb: 2 }, 'max_sectors_kb', '4..65536'],
    [{ max_sectors_kb: 6 }, 'max_sectors_kb', 'a multiple of 4'],
    [{ nr_requests: 0 }, 'nr_requests', '1..65536'],
    [{ 'device.rpm': 3000 }, 'device.rpm', '3600..15000'],
    [{ 'device.rpm': 16000 }, 'device.rpm', '3600..15000'],
    [{ scheduler: 'bfq' }, 'scheduler', 'none | mq-deadline'],
    [{ device: 'floppy' }, 'device', 'ramdisk | nvme'],
    [{ cpu_model: 'pentium' }, 'cpu_model', 'server'],
    [{ cpu_speed: 0 }, 'cpu_speed', 'above 0'],
  ])('%j is refused, naming %s and what is accepted', (params, key, accepted) => {
    const e = refusal(params);
    expect(e.key).toBe(key);
    expect(e.message).toContain(key);
    expect(e.message).toContain(String(Object.values(params)[0]));
    expect(e.accepted).toContain(accepted);
  });

  it('the CLI exits 2 with the same message', () => {
    const r = spawnSync(
      'npx',
      ['tsx', 'src/cli/sim.ts', '--model', 'raid5', '--set', 'max_sectors_kb=6', '--duration', '1ms'],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('max_sectors_kb=6');
    expect(r.stderr).toContain('a multiple of 4');
  }, 30_000);

  it('the block layer serves each device class the way its table says (flash, hdd or brd)', () => {
    for (const [name, d] of Object.entries(DEVICE_PRESETS)) expect(mediaKindOf(name), name).toBe(d.kind);
  });

  it('device.*, nr_requests and the scheduler follow the device class unless given', () => {
    const hdd = resolveScenario({ model: 'raid5', params: { device: 'hdd' } }).params;
    expect([hdd['device.seek'], hdd['device.rpm'], hdd.scheduler, hdd.nr_requests]).toEqual([
      DEVICE_PRESETS.hdd.seek,
      7200,
      'mq-deadline',
      64,
    ]);
    const nvme = resolveScenario({
      model: 'raid5',
      params: { device: 'nvme', scheduler: 'mq-deadline', 'device.bandwidth': 1e9 },
    }).params;
    expect([nvme.scheduler, nvme['device.bandwidth'], nvme['device.write_bandwidth'], nvme.nr_requests]).toEqual([
      'mq-deadline',
      1e9,
      1e9,
      256,
    ]);
  });
});
