// Locks now: who holds each one and who waits, in order, marked spinning (on a CPU) or sleeping.
// Reads the latest snapshot only.
import { useSim } from '../state/store';
import { StateChip } from './StateChip';

const RUNNING = 0;
const SPINNING = 1;
const BLOCKED = 3;
/** How a waiter waits, from its own thread state: a spinner preempted off its CPU is not spinning. */
const HOW = ['running', 'spinning', 'preempted (runnable)', 'sleeping', 'idle'];

/** A holder off its CPU (preempted, asleep) holds everyone else up: say so, not just "held". */
function holderChip(holder: string, state: number | undefined) {
  const st = state ?? RUNNING;
  const how = st === RUNNING || st === SPINNING ? '' : st === 2 ? ' (preempted, runnable)' : ` (${HOW[st]})`;
  return <StateChip state={st} text={`held by ${holder}${how}`} />;
}

export function LockPanel() {
  const locks = useSim((s) => s.snapshot?.locks);
  const threads = useSim((s) => s.snapshot?.threads);
  const stateOf = new Map((threads ?? []).map((t) => [t.name, t.state]));
  return (
    <section className="panel locks" aria-label="locks">
      <div className="panel-head">
        <h2>Locks now</h2>
        <span className="muted">holder, then waiters in queue order</span>
      </div>
      <ul className="scroll lock-list" data-testid="locks">
        {(locks ?? []).map((l) => (
          <li key={l.name}>
            <b className="lock-name">{l.name}</b>
            <span className="holder">
              {l.holder ? holderChip(l.holder, stateOf.get(l.holder)) : <span className="muted">free</span>}
            </span>
            {l.waiters.length > 0 && (
              <span className="waiters" data-testid={`waiters-${l.name}`}>
                <span className="muted">
                  {l.waiters.length} waiting{l.spinning ? ' (spinlock)' : ' (sleeping lock)'}:
                </span>
                <ol>
                  {l.waiters.map((w) => {
                    const st = stateOf.get(w) ?? (l.spinning ? SPINNING : BLOCKED);
                    return (
                      <li key={w}>
                        <StateChip state={st} text={`${w} ${HOW[st] ?? ''}`} />
                      </li>
                    );
                  })}
                </ol>
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
