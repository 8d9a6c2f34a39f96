// Prediction on the V1 table of ../shared/validation.md (Stockhausen 2015: raid6 on ten 7200 rpm disks, 4K..512K
// random writes from 8 threads): fit the members to the 4K and 512K rows of the skip_copy=0 columns (rmw_level 1
// and 0; the skip_copy=1 penalty is not modelled, V1_ASSUMED), then predict the 16K, 32K, 64K and 128K rows.
// The CPU is the preset's xeon-2010 class (cpu_speed and raid6_speed fixed: four runs cannot pin five
// parameters, and the disks, not the CPU, bound these runs); fitted: seek, bandwidth, NCQ depth.
// Tolerance: every predicted row within a factor 1.3 of the post. Why that wide: the fit itself leaves the 4K
// row at 0.77-0.80 of the post and 512K at 1.08 (one machine cannot give the model both rows, so the model's
// shape from 4K to 512K, not only its hardware, is off), and the rows between cannot be expected closer than the
// fit's own worst residual. Without calibration the preset's machine is 2.6x the post at 4K and 2.7x at 16K.
// Measured at this commit (2 s runs after 0.5 s, seed 1): predicted/published 0.80, 0.85 (16K), 0.87, 0.83
// (32K), 1.05, 0.88 (64K), 0.92, 0.90 (128K), rmw_level 1 then 0; the fit put seek at 38 ms (4.5x the class's
// 8.5 ms: the calibration absorbs the model's missing 2.6x into the one parameter that scales a seek-bound run).
import { describe, expect, it } from 'vitest';
import { findPreset } from '../scenarios/catalog';
import { calibrate, predict } from './calibrate';
import { figureRun, type Settings } from './runs';
import { inProcess } from '../cli/calibrate/synthetic';

/** The post's KB/s (fio's KiB/s), skip_copy=0: [rmw_level=1, rmw_level=0]. */
const PUBLISHED: Record<string, [number, number]> = {
  '4k': [165, 140],
  '16k': [640, 534],
  '32k': [1234, 1045],
  '64k': [2282, 1962],
  '128k': [4113, 3898],
  '512k': [19652, 19688],
};
const BYTES: Record<string, number> = {
  '4k': 4096,
  '16k': 16384,
  '32k': 32768,
  '64k': 65536,
  '128k': 131072,
  '512k': 524288,
};
const preset = findPreset('validation-v1-raid6-hdd')!;
const { bs: _bs, rmw_level: _rmw, ...sets } = preset.params;
const SETTINGS: Settings = {
  model: 'raid5',
  sets: { ...sets, skip_copy: false },
  seed: 1,
  duration: '2s',
  warmup: '500ms',
};

function row(bs: string, rmw: 0 | 1) {
  const kbs = PUBLISHED[bs][1 - rmw];
  return figureRun(
    SETTINGS,
    `${bs} rmw_level=${rmw}`,
    { bs, rmw_level: rmw },
    {
      opsPerSec: (kbs * 1024) / BYTES[bs],
      bytesPerSec: kbs * 1024,
      p50Ns: null,
      p99Ns: null,
    },
  );
}

describe('V1 (Stockhausen 2015): fitted to 4K and 512K, the 16K..128K rows predicted', () => {
  it('every predicted row within a factor 1.3 of the post (the preset itself is 2.6x off)', async () => {
    const fitRows = ['4k', '512k'].flatMap((bs) => [row(bs, 1), row(bs, 0)]);
    const c = await calibrate(fitRows, inProcess, { fix: { cpu_speed: null, raid6_speed: null } });
    expect(Object.keys(c.fit)).toEqual(['device.seek', 'device.bandwidth', 'device.parallelism']);
    const rows = ['16k', '32k', '64k', '128k'].flatMap((bs) => [row(bs, 1), row(bs, 0)]);
    const p = await predict(rows, c.machine, inProcess);
    const ratios = p.residuals.filter((r) => r.figure === 'iops').map((r) => [r.run, Number(r.ratio.toFixed(3))]);
    for (const [run, ratio] of ratios) {
      expect(ratio, String(run)).toBeGreaterThan(1 / 1.3);
      expect(ratio, String(run)).toBeLessThan(1.3);
    }
    // The preset's own machine, uncalibrated, on the 16K row: far off, which is what calibration buys.
    const raw = await predict([row('16k', 1)], {}, inProcess);
    expect(raw.residuals[0].ratio).toBeGreaterThan(2);
  }, 120_000);
});
