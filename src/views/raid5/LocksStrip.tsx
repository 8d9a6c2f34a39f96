// device_lock, the eight hash locks and md core's bitmap_lock (classic bitmap) as they are now: holder, waiters
// in queue order (spinning marked), and how much of the recent time each class was held. Reads what it is given.
import type { LockView } from '../../protocol/messages';
import type { RecentFigures } from '../../state/lab/recent';
import { fmtPct } from '../format';
import { StateChip } from '../StateChip';

const SPINNING = 1;
const short = (name: string) => name.replace('kworker/u:raid5wq-', 'kworker ');

/** What each single lock is for, as its tooltip says (device_lock, and md core's bitmap_lock when it runs). */
const ABOUT: Record<string, string> = {
  device_lock: 'Array-wide spinlock for the work lists',
  bitmap_lock: "md core's classic bitmap: every counter update in start_write / end_write and the daemon's scan",
};

function OneLock({
  l,
  stateOf,
  recent,
}: {
  l: LockView;
  stateOf: Map<string, number>;
  recent: { held: number; contended: number } | undefined;
}) {
  return (
    <div
      className="m-lock"
      data-testid={`lock-${l.name}`}
      data-lesson-target={l.name === 'device_lock' ? 'device-lock' : undefined}
      data-waiters={l.waiters.length}
    >
      <b className="lock-name" title={ABOUT[l.name]}>
        {l.name}
      </b>
      {recent && (
        <span className="muted" title="Recent share of time held; contended share of acquisitions">
          {' '}
          held {fmtPct(recent.held)}, {fmtPct(recent.contended)} contended
        </span>
      )}
      <span className="holder">
        {l.holder ? (
          <StateChip state={stateOf.get(l.holder) ?? 0} text={`held by ${short(l.holder)}`} />
        ) : (
          <span className="muted">free</span>
        )}
      </span>
      {l.waiters.length > 0 && (
        <ol className="m-waiters" aria-label="waiters in queue order">
          {l.waiters.map((w, i) => {
            const st = stateOf.get(w) ?? SPINNING;
            return (
              <li key={w}>
                <StateChip state={st} text={`${i + 1}. ${short(w)}${st === SPINNING ? ' (spinning)' : ''}`} />
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

export function LocksStrip({
  locks,
  threads,
  recent,
}: {
  locks: LockView[];
  threads: { name: string; state: number }[];
  recent: RecentFigures | null;
}) {
  const stateOf = new Map(threads.map((t) => [t.name, t.state]));
  const held = new Map((recent?.locks ?? []).map((l) => [l.name, l]));
  const singles = locks.filter((l) => l.name in ABOUT);
  const hashes = locks.filter((l) => l.name.startsWith('hash_lock['));
  const hRecent = held.get('hash_lock');
  return (
    <div className="m-locks" data-testid="raid5-locks">
      {singles.map((l) => (
        <OneLock key={l.name} l={l} stateOf={stateOf} recent={held.get(l.name)} />
      ))}
      {hashes.length > 0 && (
        <div className="m-hash" title="The 8 hash locks guard the lookup chains and the free lists of their hash">
          <b className="lock-name">hash_lock</b>
          {hRecent && <span className="muted"> held {fmtPct(hRecent.held)}</span>}
          {hashes.map((l) => (
            <span
              key={l.name}
              className={`hl${l.holder ? ' on' : ''}`}
              data-testid={`lock-${l.name}`}
              title={`${l.name}: ${l.holder ? `held by ${l.holder}` : 'free'}${l.waiters.length ? `; waiting: ${l.waiters.join(', ')}` : ''}`}
            >
              {l.name.slice(9, -1)}
              {l.waiters.length ? `+${l.waiters.length}` : ''}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}
