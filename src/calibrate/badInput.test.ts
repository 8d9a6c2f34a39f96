// Bad input to a calibration is refused before any model runs, naming the field, the value and what is
// accepted: a file that is not fio's, a run whose job options contradict its settings, fewer runs than fitted
// parameters (the message lists what to add or fix), a --fix of something the fit does not move.
import { describe, expect, it } from 'vitest';
import { fioJson } from '../export/fioJson';
import { resolveScenario } from '../scenarios/scenarioFile';
import { calibrate } from './calibrate';
import { runOf, type RunSource, type Settings } from './runs';
import { parseProfile } from './profile';

const SETTINGS: Settings = { model: 'raid5', sets: { level: 5, disks: 4, device: 'nvme' }, seed: 1 };
const never = async () => {
  throw new Error('a refused calibration must not run the model');
};

/** A fio file as the export writes it for a workload, from a result's figures (no run needed). */
function fioFile(params: Record<string, string | number>, file = 'a.json'): RunSource {
  const sc = resolveScenario({ model: 'raid5', params: { ...SETTINGS.sets, ...params } });
  const result = {
    model: 'raid5',
    preset: null,
    seed: 1,
    params: sc.params,
    simulatedNs: 50e6,
    throughput: { opsPerSec: 1e5, bytesPerSec: 4096e5 },
    latencyNs: { mean: 1e5, p50: 9e4, p90: 2e5, p99: 3e5, p999: 4e5, max: 5e5 },
    devices: [],
  };
  return { file, text: JSON.stringify(fioJson(result)), sha256: 'x', with: {} };
}

const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'accepted';
};

describe('calibration input is refused by name, before anything runs', () => {
  it('reads the workload from the job options', () => {
    const r = runOf(SETTINGS, fioFile({ rw: 'randread', bs: '16k', iodepth: 8, numjobs: 2, size: '1g' }));
    expect([r.scenario.params.rw, r.scenario.params.bs, r.scenario.params.iodepth, r.scenario.params.numjobs]).toEqual([
      'randread',
      16384,
      8,
      2,
    ]);
    expect(r.scenario.params.size).toBe(2 ** 30);
    expect(r.targets.opsPerSec).toBe(1e5);
    expect(r.targets.p99Ns).toBe(3e5);
  });

  it('a file that is not fio JSON', () => {
    expect(refusal(() => runOf(SETTINGS, { file: 'x.json', text: '{"hello": 1}', sha256: '', with: {} }))).toBe(
      "measured fio version=(missing): accepted a field every fio JSON result has (this is not fio's --output-format=json output)",
    );
    expect(refusal(() => runOf(SETTINGS, { file: 'x.txt', text: 'hello', sha256: '', with: {} }))).toMatch(
      /^measured=x\.txt: accepted fio's JSON result/,
    );
  });

  it('settings that contradict the job options name the option, the file and both values', () => {
    const src = { ...fioFile({ bs: '4k' }), with: { bs: '8k' } };
    expect(refusal(() => runOf(SETTINGS, src))).toBe(
      "a.json measured jobs.0.job options.bs=4k: accepted 8192 bytes (the scenario's bs)",
    );
    const rw = { ...fioFile({ rw: 'randread' }), with: { rw: 'randwrite' } };
    expect(refusal(() => runOf(SETTINGS, rw))).toBe(
      "a.json measured jobs.0.job options.rw=randread: accepted randwrite (the scenario's rw)",
    );
  });

  it('fewer runs than fitted parameters: the message says how many, which, and what to add or fix', async () => {
    const runs = [
      runOf(SETTINGS, fioFile({})),
      runOf(SETTINGS, { ...fioFile({}, 'b.json'), with: { group_thread_cnt: 4 } }),
    ];
    await expect(calibrate(runs, never)).rejects.toThrow(
      'measured=2 runs: accepted at least one --measured run per fitted parameter: 4 are fitted (cpu_speed, device.latency, device.bandwidth, device.parallelism); add 2 more runs (a different workload or group_thread_cnt), or fix 2 with --fix KEY or --fix KEY=VALUE (e.g. --fix device.parallelism)',
    );
    await expect(calibrate(runs, never, { fix: { 'cost.fio': null } })).rejects.toThrow(
      'fix=cost.fio: accepted one of the fitted parameters: cpu_speed, device.latency, device.bandwidth, device.parallelism, xor_speed, raid6_speed',
    );
    await expect(calibrate(runs, never, { fix: { 'device.latency': 'fast' } })).rejects.toThrow(
      /^device\.latency=fast: accepted/,
    );
  });

  it('runs on different machines are not one calibration', async () => {
    const b = runOf({ ...SETTINGS, sets: { ...SETTINGS.sets, device: 'sata-ssd' } }, fioFile({}, 'b.json'));
    await expect(calibrate([runOf(SETTINGS, fioFile({})), b], never)).rejects.toThrow(
      'b.json device=sata-ssd: accepted nvme (as a.json: every run of one calibration is on the same array and machine)',
    );
  });

  it('a profile file that is not one', () => {
    expect(refusal(() => parseProfile('{"format":"x"}', 'p.json'))).toMatch(
      /^profile format=x: accepted "stripe-lab-machine-profile"/,
    );
    expect(refusal(() => parseProfile('nope', 'p.json'))).toMatch(/^profile=p\.json: accepted a machine profile JSON/);
  });
});
