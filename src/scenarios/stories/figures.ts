// Small pure readers of the contract result that stories' figures are built from, and the judge that
// compares a measured figure with its claim's check. No runs here: callers pass results in.
import type { LockRow, SimResult } from '../../sim/core/result';
import type { Check } from './types';

export const iops = (r: SimResult): number => r.throughput.opsPerSec;
export const bytesPerSec = (r: SimResult): number => r.throughput.bytesPerSec;

/** A figure from the model's `extra` block; NaN (not a guess) when the model did not report it. */
export function extra(r: SimResult, key: string): number {
  const v = r.extra?.[key];
  return typeof v === 'number' ? v : NaN;
}

/** A lock class by name; a zero row when the run never took it (so ratios read 0, not a crash). */
export function lock(r: SimResult, name: string): LockRow {
  return (
    r.locks.find((l) => l.name === name) ?? {
      name,
      kind: 'spinlock',
      acquisitions: 0,
      contentions: 0,
      waitTimeMinNs: 0,
      waitTimeMaxNs: 0,
      waitTimeTotalNs: 0,
      waitTimeAvgNs: 0,
      holdTimeMinNs: 0,
      holdTimeMaxNs: 0,
      holdTimeTotalNs: 0,
      holdTimeAvgNs: 0,
      conBounces: 0,
      acqBounces: 0,
    }
  );
}

/** Completed operations in the measured part. */
export const opsDone = (r: SimResult): number => (r.throughput.opsPerSec * r.simulatedNs) / 1e9;

/** 1 for the most contended lock class (as lock_stat sorts), 2 for the next... */
export function contentionRank(r: SimResult, name: string): number {
  const sorted = [...r.locks].sort((a, b) => b.contentions - a.contentions);
  const i = sorted.findIndex((l) => l.name === name);
  return i < 0 ? NaN : i + 1;
}

/** Fraction of the measured time a named thread was running or spinning. */
export function busy(r: SimResult, thread: string): number {
  const t = r.threads.find((x) => x.name === thread);
  return t ? t.states.running + t.states.spinning : NaN;
}

export interface Verdict {
  /** The figure passes the check. */
  ok: boolean;
  /** The check in words, e.g. '2.3 ± 15%' or '> 450000'. */
  rule: string;
}

export function judge(check: Check, value: number): Verdict {
  if (!Number.isFinite(value)) return { ok: false, rule: ruleText(check) };
  switch (check.kind) {
    case 'within':
      return { ok: Math.abs(value / check.target - 1) <= check.tolerance, rule: ruleText(check) };
    case 'above':
      return { ok: value > check.bound, rule: ruleText(check) };
    case 'below':
      return { ok: value < check.bound, rule: ruleText(check) };
    case 'equals':
      return { ok: value === check.value, rule: ruleText(check) };
    case 'factor':
      return { ok: value > check.target / check.factor && value < check.target * check.factor, rule: ruleText(check) };
    case 'between':
      return { ok: value > check.low && value < check.high, rule: ruleText(check) };
  }
}

export function ruleText(check: Check): string {
  switch (check.kind) {
    case 'within':
      return `${check.target} ± ${Math.round(check.tolerance * 100)}%`;
    case 'above':
      return `> ${check.bound.toLocaleString('en')}`;
    case 'below':
      return `< ${check.bound.toLocaleString('en')}`;
    case 'equals':
      return `= ${check.value}`;
    case 'factor':
      return `${check.target.toLocaleString('en')} ×/÷ ${check.factor}`;
    case 'between':
      return `${check.low.toLocaleString('en')} to ${check.high.toLocaleString('en')}`;
  }
}
