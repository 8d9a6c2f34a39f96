// Export texts from what the UI holds: the series CSV header and rows (gaps empty), thread state rows,
// lock_stat's columns from a real snapshot, fio JSON field names, and commands only for raid5.
import { describe, expect, it } from 'vitest';
import { SeriesRing } from '../lab/seriesRing';
import { FrameRing } from '../lab/frameRing';
import { commandsNow, fioText, lockStatNow, seriesCsv, threadStatesCsv } from './exportTexts';
import { createModel } from '../../sim/run';
import { resolveScenario } from '../../scenarios/scenarioFile';
import type { FramesMsg } from '../../protocol/messages';

const v = (iops: number) => ({
  iops,
  mbps: iops / 100,
  p50Us: NaN,
  p99Us: 12.5,
  cacheActive: 3,
  handleList: 1,
  memberQueue: 4,
});

describe('export texts', () => {
  it('series CSV: a header naming units, one row per point, unknown values empty', () => {
    const ring = new SeriesRing(4);
    expect(seriesCsv(ring)).toBe(
      'time_ms,iops,mb_per_s,latency_p50_us,latency_p99_us,stripe_cache_active,handle_list,member_queue_depth\r\n',
    );
    ring.push(1e6, v(1000));
    ring.push(2.5e6, v(2000));
    const lines = seriesCsv(ring).split('\r\n');
    expect(lines[0]).toBe(
      'time_ms,iops,mb_per_s,latency_p50_us,latency_p99_us,stripe_cache_active,handle_list,member_queue_depth',
    );
    expect(lines.slice(1, 3)).toEqual(['1,1000,10,,12.5,3,1,4', '2.5,2000,20,,12.5,3,1,4']);
    expect(lines).toHaveLength(4); // two rows and the final CRLF
  });

  it('thread state CSV names the thread, its role, the state and the label', () => {
    const ring = new FrameRing(8);
    const cols = {
      timeNs: new Float64Array([0, 150]),
      thread: new Uint16Array([0, 0]),
      state: new Uint8Array([4, 0]),
      label: new Uint16Array([0, 1]),
    };
    ring.push({
      runId: 1,
      columns: cols,
      threadsFrom: 0,
      newThreads: [{ name: 'md0_raid5', role: 'raid5d' }],
      labelsFrom: 0,
      newLabels: ['', 'handle_stripe'],
      snapshot: { timeNs: 200 },
    } as unknown as FramesMsg);
    expect(threadStatesCsv(ring).split('\r\n').slice(0, 3)).toEqual([
      'time_ns,thread,role,state,label',
      '0,md0_raid5,raid5d,idle,',
      '150,md0_raid5,raid5d,running,handle_stripe',
    ]);
  });

  it('lock_stat text of a live raid5 snapshot has the kernel columns and a row for device_lock', () => {
    const sc = resolveScenario({ preset: 'raid5-3disk-threads', seed: 1, params: {} });
    const run = createModel(sc.model, sc.params, sc.seed);
    run.sim.runUntil(2e6);
    const text = lockStatNow(run.snapshot()) as string;
    const lines = text.split('\n');
    expect(lines[0]).toBe('lock_stat version 0.4');
    expect(lines[2].trim().split(/\s+/)).toEqual([
      'class',
      'name',
      'con-bounces',
      'contentions',
      'waittime-min',
      'waittime-max',
      'waittime-total',
      'waittime-avg',
      'acq-bounces',
      'acquisitions',
      'holdtime-min',
      'holdtime-max',
      'holdtime-total',
      'holdtime-avg',
    ]);
    // lockdep's class name (today's spelling: the snapshot does not carry the kernel release)
    const row = lines.find((l) => l.trim().startsWith('&conf->device_lock:')) as string;
    expect(row.split(':')[1].trim().split(/\s+/)).toHaveLength(12);
    expect(lockStatNow(null)).toBeNull();
    const fio = JSON.parse(fioText(run.result({ preset: sc.preset, warmupNs: 0 }))) as {
      jobs: { write: { iops: number; clat_ns: unknown } }[];
    };
    expect(fio.jobs[0].write.iops).toBeGreaterThan(0);
    expect(fio.jobs[0].write).toHaveProperty('clat_ns.percentile');
  });

  it('commands for raid5 (mdadm, sysfs, fio); for another model, why there are none', () => {
    const sc = resolveScenario({ preset: 'raid5-3disk-threads', seed: 1, params: {} });
    const r5 = commandsNow({ model: 'raid5', preset: sc.preset, params: sc.params, timeNs: 3e6 });
    expect('text' in r5 && r5.text).toMatch(/mdadm --create \/dev\/md0 .*--level=5/);
    expect('text' in r5 && r5.text).toMatch(/echo \d+ > \/sys\/block\/md0\/md\/group_thread_cnt/);
    expect(commandsNow({ model: 'lock-lab', preset: null, params: {}, timeNs: 0 })).toEqual({
      none: expect.stringContaining('lock-lab is not md RAID'),
    });
  });
});
