// The bottleneck line: which part of a raid5 run limits it, in plain words computed from recent figures
// (thread, member and lock shares, blocked submitters). Pure rules; never canned text without numbers.
import type { RecentFigures, ThreadShare } from './recent';

export type Limit =
  | 'members'
  | 'cache'
  | 'lock'
  | 'cpus'
  | 'raid5d'
  | 'handlers'
  | 'submitters'
  | 'none'
  /** the window does not hold enough of the state since the last change (or the start) to say */
  | 'measuring';
export interface Verdict {
  limit: Limit;
  text: string;
}

/** Thresholds: a resource this busy is "the limit"; below them nothing is called saturated. */
export const SATURATED = 0.9;
const BLOCKED = 0.3;
const LOCK_HELD = 0.5;
const SPIN = 0.08;
const CPU_WAIT = 0.2;

const pct = (x: number) => `${Math.round(x * 100)}%`;
const busy = (t: ThreadShare) => t.running + t.spinning;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export function bottleneck(r: RecentFigures): Verdict | null {
  if (r.spanNs <= 0 || r.threads.length === 0) return null;
  const raid5d = r.threads.find((t) => t.role === 'raid5d');
  // Workers that did anything in the window (retired ones sit idle).
  const workers = r.threads.filter((t) => t.role === 'worker' && t.idle < 0.999);
  const handlers = raid5d ? [raid5d, ...workers] : workers;
  const subs = r.threads.filter((t) => t.role === 'submitter');
  const memberUtil = mean(r.members.map((m) => m.utilisation));
  const maxMember = Math.max(0, ...r.members.map((m) => m.utilisation));
  const handlerBusy = mean(handlers.map(busy));
  const handlerSpin = mean(handlers.map((t) => t.spinning));
  const handlerCpuWait = mean(handlers.map((t) => t.runnable));
  const who =
    handlers.length === 1
      ? handlers[0].name
      : `${raid5d?.name ?? 'md0_raid5'} and ${workers.length} worker${workers.length === 1 ? '' : 's'}`;

  if (maxMember >= SATURATED) {
    const hot = r.members.filter((m) => m.utilisation >= SATURATED);
    const which =
      hot.length <= 4
        ? hot.map((m) => `${m.name} ${pct(m.utilisation)}`).join(', ')
        : `${hot.length} of ${r.members.length} at ${pct(SATURATED)} or more`;
    return {
      limit: 'members',
      text: `members are ${pct(memberUtil)} busy (${which}): the disks are the limit; more threads or a bigger cache will not help`,
    };
  }
  const starved = r.free <= Math.max(1, 0.02 * r.cacheSize) || r.waitingForStripe >= 0.5;
  if (subs.length && r.submittersBlocked >= BLOCKED && starved) {
    return {
      limit: 'cache',
      text: `submitters are blocked ${pct(r.submittersBlocked)} waiting for free stripe_heads (${r.cacheActive} of ${r.cacheSize} in use): raise stripe_cache_size`,
    };
  }
  const lock = [...r.locks].filter((l) => l.held >= LOCK_HELD).sort((a, b) => b.held - a.held)[0];
  if (lock && handlerSpin >= SPIN) {
    return {
      limit: 'lock',
      text: `${lock.name} is held ${pct(lock.held)} of the time and handlers spin ${pct(handlerSpin)}: adding threads will not help`,
    };
  }
  if (handlers.length && handlerCpuWait >= CPU_WAIT) {
    return {
      limit: 'cpus',
      text: `handlers wait ${pct(handlerCpuWait)} of the time for a CPU (${r.threads.length} threads on ${r.cpus} CPUs): fewer workers or more CPUs`,
    };
  }
  if (raid5d && workers.length === 0 && busy(raid5d) >= SATURATED) {
    return {
      limit: 'raid5d',
      text: `${raid5d.name} is ${pct(busy(raid5d))} busy and the members ${pct(memberUtil)}: the single stripe-handling thread is the limit; try group_thread_cnt`,
    };
  }
  if (handlers.length > 1 && handlerBusy >= SATURATED) {
    const spin = handlerSpin >= SPIN ? ` (${pct(handlerSpin)} of it spinning)` : '';
    return {
      limit: 'handlers',
      text: `${who} are ${pct(handlerBusy)} busy${spin} and the members ${pct(memberUtil)}: the stripe handlers are the limit; try more group_thread_cnt`,
    };
  }
  const subBusy = mean(subs.map(busy));
  if (subs.length && subBusy >= SATURATED) {
    return {
      limit: 'submitters',
      text: `the fio jobs are ${pct(subBusy)} busy submitting: the workload is the limit; raise numjobs`,
    };
  }
  const dl = r.locks.find((l) => l.name === 'device_lock');
  return {
    limit: 'none',
    text: `nothing is saturated: ${who} ${pct(handlerBusy)} busy, members ${pct(memberUtil)}${dl ? `, device_lock held ${pct(dl.held)}` : ''}: requests wait on latency, so more in flight (iodepth, numjobs) would go faster`,
  };
}

/**
 * No verdict yet: the window holds `spanNs` of the state since the last change or the start, and `needNs` are
 * wanted (issue 15: after gtc 0 -> 2 the line said "adding threads will not help" from the old state's figures).
 */
export function measuring(spanNs: number, needNs: number): Verdict {
  const ms = (ns: number) => (ns / 1e6).toFixed(ns < 10e6 ? 1 : 0);
  return {
    limit: 'measuring',
    text: `measuring… ${ms(Math.max(0, spanNs))} of ${ms(needNs)} ms of simulated time since the start or the last change; no verdict from the state before it`,
  };
}
