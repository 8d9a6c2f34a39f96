// The human summary `npm run sim` prints without --json: headline figures, a lock_stat-style
// table, thread states, queues and devices. Formatting only.
import type { SimResult } from '../sim/core/result';
import { formatBytes, formatNs, formatRate } from '../lib/units';
import { LOCK_STAT_COLUMNS } from '../export/lockStat';

const pad = (s: string | number, n: number) => String(s).padStart(n);
const us = (ns: number) => (ns / 1000).toFixed(2);

/** /proc/lock_stat column order; times in microseconds as lock_stat prints them. */
export function lockStatTable(r: SimResult): string {
  const head = ['class name', ...LOCK_STAT_COLUMNS];
  const lines = [head.map((h, i) => (i === 0 ? h.padEnd(16) : pad(h, 16))).join('')];
  for (const l of r.locks) {
    const cells = [
      l.conBounces,
      l.contentions,
      us(l.waitTimeMinNs),
      us(l.waitTimeMaxNs),
      us(l.waitTimeTotalNs),
      us(l.waitTimeAvgNs),
      l.acqBounces,
      l.acquisitions,
      us(l.holdTimeMinNs),
      us(l.holdTimeMaxNs),
      us(l.holdTimeTotalNs),
      us(l.holdTimeAvgNs),
    ];
    lines.push(`${(l.name + ':').padEnd(16)}${cells.map((c) => pad(c, 16)).join('')}`);
  }
  return lines.join('\n');
}

/** Fixed, detected (where MSER-5 cut), or asked for but not detected (why, and that the fixed one was used). */
function warmupHow(r: SimResult): string {
  const w = r.warmup;
  if (!w) return '(fixed)';
  if (w.mode === 'detected')
    return `(detected by ${w.rule}: ${w.batchesCut} of ${w.batches} batches of 5 x ${formatNs(w.intervalNs)} cut)`;
  return `(fixed: ${w.rule} found no cut, ${w.reason ?? ''})`;
}

export function humanSummary(r: SimResult): string {
  const out: string[] = [];
  out.push(
    `${r.model}${r.preset ? ` (preset ${r.preset})` : ''}, seed ${r.seed}: ${formatNs(r.simulatedNs)} measured after ${formatNs(r.warmupNs)} warm-up ${warmupHow(r)}, ${r.events} events`,
  );
  out.push(
    `throughput: ${formatRate(r.throughput.opsPerSec)} ops/s${r.throughput.bytesPerSec ? `, ${formatBytes(r.throughput.bytesPerSec)}B/s` : ''}`,
  );
  const L = r.latencyNs;
  out.push(
    `latency: mean ${formatNs(L.mean)}  p50 ${formatNs(L.p50)}  p90 ${formatNs(L.p90)}  p99 ${formatNs(L.p99)}  p99.9 ${formatNs(L.p999)}  max ${formatNs(L.max)}`,
  );
  out.push('', 'lock_stat (times in us):', lockStatTable(r));
  out.push(
    '',
    `${'thread'.padEnd(20)}${'role'.padEnd(12)}${['running', 'spinning', 'runnable', 'blocked', 'idle'].map((s) => pad(s, 10)).join('')}`,
  );
  for (const t of r.threads.slice(0, 64)) {
    const s = t.states;
    out.push(
      `${t.name.padEnd(20)}${t.role.padEnd(12)}${[s.running, s.spinning, s.runnable, s.blocked, s.idle].map((x) => pad((x * 100).toFixed(1) + '%', 10)).join('')}`,
    );
  }
  if (r.threads.length > 64) out.push(`... and ${r.threads.length - 64} more threads`);
  out.push(
    '',
    `${'queue'.padEnd(24)}${pad('arrivals', 12)}${pad('mean len', 12)}${pad('max len', 10)}${pad('mean wait', 14)}`,
  );
  for (const q of r.queues)
    out.push(
      `${q.name.padEnd(24)}${pad(q.arrivals, 12)}${pad(q.meanLength.toFixed(3), 12)}${pad(q.maxLength, 10)}${pad(formatNs(q.meanWaitNs), 14)}`,
    );
  if (r.devices.length) {
    out.push('', `${'device'.padEnd(12)}${pad('util', 8)}${pad('IOPS', 12)}${pad('B/s', 12)}${pad('aqu-sz', 10)}`);
    for (const d of r.devices)
      out.push(
        `${d.name.padEnd(12)}${pad((d.utilisation * 100).toFixed(1) + '%', 8)}${pad(formatRate(d.opsPerSec), 12)}${pad(formatBytes(d.bytesPerSec), 12)}${pad(d.meanQueueDepth.toFixed(2), 10)}`,
      );
  }
  return out.join('\n');
}
