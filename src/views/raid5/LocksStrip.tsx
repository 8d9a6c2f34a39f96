// device_lock and the eight hash locks as they are now: holder, waiters in queue order (spinning marked),
// and how much of the recent time each class was held. Reads what it is given; no state.
import type { LockView } from '../../protocol/messages';
import type { RecentFigures } from '../../state/recent';
import { fmtPct } from '../format';
import { StateChip } from '../StateChip';

const SPINNING = 1;
const short = (name: string) => name.replace('kworker/u:raid5wq-', 'kworker ');

export function LocksStrip({ locks, threads, recent }: { locks: LockView[]; threads: { name: string; state: number }[]; recent: RecentFigures | null }) {
  const stateOf = new Map(threads.map((t) => [t.name, t.state]));
  const held = new Map((recent?.locks ?? []).map((l) => [l.name, l]));
  const dl = locks.find((l) => l.name === 'device_lock');
  const hashes = locks.filter((l) => l.name.startsWith('hash_lock['));
  const dlRecent = held.get('device_lock');
  const hRecent = held.get('hash_lock');
  return (
    <div className="m-locks" data-testid="raid5-locks">
      {dl && (
        <div className="m-lock" data-testid="lock-device_lock" data-lesson-target="device-lock" data-waiters={dl.waiters.length}>
          <b className="lock-name" title="Array-wide spinlock for the work lists">device_lock</b>
          {dlRecent && <span className="muted" title="Recent share of time held; contended share of acquisitions"> held {fmtPct(dlRecent.held)}, {fmtPct(dlRecent.contended)} contended</span>}
          <span className="holder">{dl.holder ? <StateChip state={stateOf.get(dl.holder) ?? 0} text={`held by ${short(dl.holder)}`} /> : <span className="muted">free</span>}</span>
          {dl.waiters.length > 0 && (
            <ol className="m-waiters" aria-label="waiters in queue order">
              {dl.waiters.map((w, i) => {
                const st = stateOf.get(w) ?? SPINNING;
                return <li key={w}><StateChip state={st} text={`${i + 1}. ${short(w)}${st === SPINNING ? ' (spinning)' : ''}`} /></li>;
              })}
            </ol>
          )}
        </div>
      )}
      {hashes.length > 0 && (
        <div className="m-hash" title="The 8 hash locks guard the lookup chains and the free lists of their hash">
          <b className="lock-name">hash_lock</b>
          {hRecent && <span className="muted"> held {fmtPct(hRecent.held)}</span>}
          {hashes.map((l) => (
            <span key={l.name} className={`hl${l.holder ? ' on' : ''}`} data-testid={`lock-${l.name}`}
              title={`${l.name}: ${l.holder ? `held by ${l.holder}` : 'free'}${l.waiters.length ? `; waiting: ${l.waiters.join(', ')}` : ''}`}>
              {l.name.slice(9, -1)}{l.waiters.length ? `+${l.waiters.length}` : ''}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}
