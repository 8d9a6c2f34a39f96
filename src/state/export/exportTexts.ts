// The export files the UI builds from what it holds: CSV of the raid5 series ring and of the thread state
// changes in the frame ring, lock_stat text of the current lock table, fio JSON of the run's result, and the
// setup commands. Text from plain data; the formats themselves live in src/export.
import { THREAD_STATES, type SimResult, type Snapshot } from '../../protocol/messages';
import { toCsv, type Cell } from '../../export/csv';
import { lockStatText } from '../../export/lockStat';
import { fioJson } from '../../export/fioJson';
import { setupCommands } from '../../export/commands';
import { exportBaseName } from '../../export/fileName';
import { SERIES, type SeriesKey, type SeriesRing } from '../lab/seriesRing';
import type { FrameRing } from '../lab/frameRing';
import type { SimState } from '../store';

/** CSV column names for the series: units in the names, kernel spellings where there is one. */
export const SERIES_COLUMNS: Record<SeriesKey, string> = {
  iops: 'iops',
  mbps: 'mb_per_s',
  p50Us: 'latency_p50_us',
  p99Us: 'latency_p99_us',
  cacheActive: 'stripe_cache_active',
  handleList: 'handle_list',
  memberQueue: 'member_queue_depth',
};

/** One row per kept point in time order; a value not known yet is an empty cell. */
export function seriesCsv(ring: SeriesRing): string {
  const [x, ...ys] = ring.toArrays(SERIES);
  const rows: Record<string, Cell>[] = x.map((t, i) => {
    const row: Record<string, Cell> = { time_ms: t };
    SERIES.forEach((k, j) => (row[SERIES_COLUMNS[k]] = ys[j][i]));
    return row;
  });
  if (rows.length === 0) return `${['time_ms', ...SERIES.map((k) => SERIES_COLUMNS[k])].join(',')}\r\n`;
  return toCsv(rows);
}

/** Every kept thread state change (what the timeline draws), oldest first. */
export function threadStatesCsv(ring: FrameRing): string {
  const header = 'time_ns,thread,role,state,label\r\n';
  const rows: Record<string, Cell>[] = [];
  for (let i = 0; i < ring.size; i++) {
    const p = ring.index(i);
    const meta = ring.threadMeta[ring.threads[p]];
    rows.push({
      time_ns: ring.times[p],
      thread: meta?.name ?? `#${ring.threads[p]}`,
      role: meta?.role ?? '',
      state: THREAD_STATES[ring.states[p]] ?? String(ring.states[p]),
      label: ring.labelNames[ring.labels[p]] ?? '',
    });
  }
  return rows.length ? toCsv(rows) : header;
}

export function lockStatNow(snapshot: Snapshot | null): string | null {
  return snapshot && snapshot.lockStats.length ? lockStatText(snapshot.lockStats) : null;
}

export function fioText(result: SimResult): string {
  return `${JSON.stringify(fioJson(result), null, 2)}\n`;
}

/** The raid5 setup commands for the current run, or why there are none. */
export function commandsNow(
  s: Pick<SimState, 'model' | 'preset' | 'params'> & { timeNs: number },
): { text: string } | { none: string } {
  const text = setupCommands({
    model: s.model,
    preset: s.preset,
    params: s.params,
    durationNs: Math.round(s.timeNs / 1000) * 1000,
    warmupNs: 0,
  }); // whole us: it is read, not replayed
  if (text !== null) return { text };
  return {
    none: `${s.model} is not md RAID: there is no mdadm array to create. The commands cover the raid5 model (its presets or --model raid5).`,
  };
}

export function baseNameNow(s: Pick<SimState, 'model' | 'preset' | 'seed' | 'snapshot'>): string {
  return exportBaseName({ model: s.model, preset: s.preset, seed: s.seed, timeNs: s.snapshot?.timeNs ?? 0 });
}
