// The Calibrate page's form: settings words under a pasted mdadm --detail (the tested parser), --with words per
// file, --fix words, and each refusal attached to the part of the form it came from.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fioJson } from '../../export/fioJson';
import { resolveScenario } from '../../scenarios/scenarioFile';
import { checkCalForm, defaultCalForm, fixWords, words, type CalFile } from './calibrateSetup';

const FIXTURES = 'src/scenarios/measured/fixtures';

function file(name: string, params: Record<string, string | number>): CalFile {
  const sc = resolveScenario({ model: 'raid5', params });
  const r = {
    model: 'raid5',
    preset: null,
    seed: 1,
    params: sc.params,
    simulatedNs: 50e6,
    throughput: { opsPerSec: 1e4, bytesPerSec: 4096e4 },
    latencyNs: { mean: 1e5, p50: 9e4, p90: 2e5, p99: 3e5, p999: 4e5, max: 5e5 },
    devices: [],
  };
  return { name, text: JSON.stringify(fioJson(r)), sha256: 'x', with: '' };
}

describe('the Calibrate form', () => {
  it('reads KEY=VALUE and --fix words', () => {
    expect(words('settings', 'level=5, disks=4\ndevice=nvme')).toEqual({ level: '5', disks: '4', device: 'nvme' });
    expect(() => words('settings', 'level')).toThrow('settings=level: accepted KEY=VALUE words, e.g. level=5 disks=4');
    expect(fixWords('xor_speed device.parallelism=24')).toEqual({ xor_speed: null, 'device.parallelism': '24' });
  });

  it('a pasted mdadm --detail sets the array; the settings words win', () => {
    const mdadm = readFileSync(`${FIXTURES}/mdadm-detail-raid6-clean-4.x-otus-kosogoroff.txt`, 'utf8');
    const form = { ...defaultCalForm(), mdadm, settings: 'device=nvme' };
    const r = checkCalForm(form, [file('a.json', { level: 6, disks: 4 })]);
    if (!('ok' in r)) throw new Error(r.error);
    expect(r.ok.model).toBe('raid5');
    expect(r.ok.runs[0].scenario.params.level).toBe(6);
    expect(r.ok.sets.device).toBe('nvme');
  });

  it('refusals name the field of the form they belong to', () => {
    expect(checkCalForm(defaultCalForm(), [])).toEqual({
      field: 'files',
      error: 'files=(none): accepted one or more fio JSON results (drop them here)',
    });
    const bad = { ...file('b.json', { bs: 4096 }), with: 'bs=8k' };
    expect(checkCalForm(defaultCalForm(), [file('a.json', {}), bad])).toEqual({
      field: 'with:1',
      error: "b.json measured jobs.0.job options.bs=4k: accepted 8192 bytes (the scenario's bs)",
    });
    const degraded = readFileSync(`${FIXTURES}/mdadm-detail-raid5-degraded-0.90-fabianonline-2009.txt`, 'utf8');
    const r = checkCalForm({ ...defaultCalForm(), mdadm: degraded }, [file('a.json', {})]);
    expect('field' in r && r.field).toBe('mdadm');
  });
});
