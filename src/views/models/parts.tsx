// Small pieces the model machine views share: a column with a heading, the arrow between columns, a row of
// slots (filled = in use, hatched = waiting), a list of threads with state chips, a lock line. Presentation only.
import type { ReactNode } from 'react';
import type { LockView } from '../../protocol/messages';
import { fmtPct } from '../format';
import { StateChip } from '../StateChip';
import type { ThreadNow } from './loopPicture';

/** At most this many slots are drawn; the rest are a "+N" count (keeps each row a few dozen SVG elements). */
export const MAX_SLOTS = 36;

export function Col({
  title,
  about,
  note,
  className,
  children,
  testId,
}: {
  title: string;
  about: string;
  note?: ReactNode;
  className?: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div className={`m-col ${className ?? ''}`} data-testid={testId}>
      <h3 title={about}>
        {title}
        {note !== undefined && (
          <>
            {' '}
            <span className="muted">{note}</span>
          </>
        )}
      </h3>
      {children}
    </div>
  );
}

export const Arrow = () => (
  <span className="m-arrow" aria-hidden="true">
    →
  </span>
);

/** Slots as small squares: `used` solid, then `waiting` hatched, out of `capacity` (waiting may exceed it). */
export function Slots({
  used,
  waiting = 0,
  capacity,
  label,
  testId,
}: {
  used: number;
  waiting?: number;
  capacity: number;
  label: string;
  testId?: string;
}) {
  const shown = Math.min(MAX_SLOTS, Math.max(capacity, used + waiting));
  const size = 8;
  const cols = Math.min(shown, 10);
  const rows = Math.ceil(shown / cols) || 1;
  const extra = used + waiting - shown;
  return (
    <div
      className="slots"
      role="img"
      aria-label={label}
      title={label}
      data-testid={testId}
      data-used={used}
      data-waiting={waiting}
    >
      <svg width={cols * size} height={rows * size} aria-hidden="true">
        <defs>
          <pattern id="slot-wait" width={4} height={4} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width={4} height={4} fill="#fbe3cf" />
            <line x1={0} y1={0} x2={0} y2={4} stroke="#D55E00" strokeWidth={2} />
          </pattern>
        </defs>
        {Array.from({ length: shown }, (_, i) => (
          <rect
            key={i}
            x={(i % cols) * size}
            y={Math.floor(i / cols) * size}
            width={size - 2}
            height={size - 2}
            rx={1}
            fill={i < used ? '#0072B2' : i < used + waiting ? 'url(#slot-wait)' : '#e8ebee'}
            stroke={i < capacity ? 'none' : '#b34700'}
          />
        ))}
      </svg>
      {extra > 0 && <span className="muted"> +{extra}</span>}
    </div>
  );
}

/** A labelled number that changes as the run goes (what the e2e test watches move). */
export function Figure({
  name,
  value,
  about,
  testId,
}: {
  name: string;
  value: ReactNode;
  about: string;
  testId?: string;
}) {
  return (
    <div className="fig" title={about}>
      <span className="muted">{name}</span> <b data-testid={testId}>{value}</b>
    </div>
  );
}

export function ThreadList({
  threads,
  short = (n) => n,
  testPrefix,
}: {
  threads: ThreadNow[];
  short?: (name: string) => string;
  testPrefix?: string;
}) {
  return (
    <ul className="tlist">
      {threads.map((t) => (
        <li
          key={t.name}
          data-testid={testPrefix ? `${testPrefix}-${t.name}` : undefined}
          title={`${t.name}: ${t.label || 'idle'}; CPU busy ${fmtPct(t.utilisation)} of the run`}
        >
          <StateChip state={t.state} text={short(t.name)} />
          <span className="h-doing">{t.state === 4 ? 'idle' : t.label}</span>
        </li>
      ))}
    </ul>
  );
}

/** One lock now: holder and the waiters in queue order (the full list is in the Locks panel). */
export function LockLine({ lock, about }: { lock: LockView | null | undefined; about: string }) {
  if (!lock) return null;
  return (
    <div className="lockline" data-testid={`lockline-${lock.name}`} data-waiters={lock.waiters.length} title={about}>
      <b className="lock-name">{lock.name}</b>{' '}
      {lock.holder ? <span>held by {lock.holder}</span> : <span className="muted">free</span>}
      {lock.waiters.length > 0 && (
        <span className="spin">
          {' '}
          · {lock.waiters.length} {lock.spinning ? 'spinning' : 'sleeping'}
        </span>
      )}
    </div>
  );
}
