// Recent member figures of a raid1/raid10 run, as raid5's (recent.ts, whose member differencing and window
// this reuses): iostat's %util, areq-sz and rqm/s per member over a window of simulated time, from the
// cumulative counters in the mirror snapshot's memberQueues. Pure: no store, no DOM.
import type { Snapshot } from '../../protocol/messages';
import { memberCountersOf, memberFigures, SampleWindow, type MemberCounters, type MemberFigures } from './recent';

export interface MirrorSample {
  timeNs: number;
  members: MemberCounters[];
}

/** The sample a mirror snapshot gives; null for any other model's. */
export function mirrorSampleOf(s: Snapshot | null | undefined): MirrorSample | null {
  const x = s?.extra;
  if (!s || !x || (x.level !== 'raid1' && x.level !== 'raid10') || !Array.isArray(x.memberQueues)) return null;
  return { timeNs: s.timeNs, members: (x.memberQueues as Record<string, unknown>[]).map(memberCountersOf) };
}

/** Each member between an older sample `a` and a newer `b` (matched by name). */
export function mirrorMemberFigures(a: MirrorSample, b: MirrorSample): MemberFigures[] {
  const dt = Math.max(1, b.timeNs - a.timeNs);
  const before = new Map(a.members.map((m) => [m.name, m]));
  return b.members.map((m) => memberFigures(before.get(m.name), m, dt));
}

/** Keeps recent mirror samples and gives the members' figures over the last `windowNs` (or all it has). */
export class MirrorWindow {
  // another array (raid1 <-> raid10, another member count) is another run
  private readonly window = new SampleWindow<MirrorSample>((last, s) => last.members.length !== s.members.length);

  reset(): void {
    this.window.reset();
  }

  push(s: MirrorSample, windowNs: number): MemberFigures[] | null {
    const xs = this.window.push(s, windowNs);
    return xs ? mirrorMemberFigures(xs[0], s) : null;
  }
}
