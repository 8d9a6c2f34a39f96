// Thread utilisation in pairs: for each thread (or role), an A bar above a B bar, stacked by state with the
// thread-state patterns, each labelled A / B with its busy share (on a CPU: running + spinning) in numbers.
import { useState } from 'react';
import { threadPairs, type RunFigures, type Utilisation } from '../../analysis/compareTables';
import { STATE_STYLES, swatchBackground } from '../palette';
import { signed } from '../../export/deltaText';

const PARTS: { key: keyof Utilisation; state: number }[] = [
  { key: 'running', state: 0 },
  { key: 'spinning', state: 1 },
  { key: 'runnable', state: 2 },
  { key: 'blocked', state: 3 },
];
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

function Bar({ side, u, byRole }: { side: 'A' | 'B'; u: Utilisation | null; byRole: boolean }) {
  if (!u)
    return (
      <div className="ab-bar-line">
        <span className={`ab-tag ${side.toLowerCase()}`}>{side}</span>
        <span className="muted">no such thread</span>
      </div>
    );
  const words = `${side}: busy ${pct(u.busy)} (running ${pct(u.running)}, spinning ${pct(u.spinning)}), runnable ${pct(u.runnable)}, blocked ${pct(u.blocked)}`;
  return (
    <div className="ab-bar-line" title={words}>
      <span className={`ab-tag ${side.toLowerCase()}`}>{side}</span>
      <span className="ab-bar" role="img" aria-label={words}>
        {PARTS.map((p) => (
          <span
            key={p.key}
            style={{ width: `${(u[p.key] as number) * 100}%`, background: swatchBackground(p.state) }}
          />
        ))}
      </span>
      <span className="num ab-busy">{pct(u.busy)}</span>
      <span className="muted ab-spin">{u.spinning >= 0.005 ? `spin ${pct(u.spinning)}` : ''}</span>
      {byRole && <span className="muted">×{Number(u.count.toFixed(1))}</span>}
    </div>
  );
}

export function ThreadPairs({ a, b }: { a: RunFigures[]; b: RunFigures[] }) {
  const threads = Math.max(...[...a, ...b].map((r) => r.threads.length));
  const [by, setBy] = useState<'thread' | 'role'>(threads > 24 ? 'role' : 'thread');
  const pairs = threadPairs(a, b, by);
  return (
    <div className="ab-threads" data-testid="ab-threads">
      <div className="ab-threads-head">
        <span className="legend">
          {PARTS.map((p) => (
            <span key={p.key} className="chip">
              <span className="swatch" style={{ background: swatchBackground(p.state) }} />
              {STATE_STYLES[p.state].name}
            </span>
          ))}
          <span className="chip">
            <span className="swatch" style={{ background: '#fff' }} />
            idle
          </span>
        </span>
        <span className="tabs" role="radiogroup" aria-label="pair threads by">
          {(['thread', 'role'] as const).map((k) => (
            <button
              key={k}
              type="button"
              role="radio"
              aria-checked={by === k}
              className={by === k ? 'on' : ''}
              onClick={() => setBy(k)}
            >
              per {k}
            </button>
          ))}
        </span>
      </div>
      <table className="ab-table">
        <thead>
          <tr>
            <th>{by}</th>
            <th>
              utilisation (busy = running + spinning; mean of the R seeds
              {by === 'role' ? ', per thread of the role' : ''})
            </th>
            <th className="num">Δ busy</th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((p) => (
            <tr key={p.label} data-testid={`ab-thread-${p.label}`}>
              <td className="name">
                {p.label}
                {by === 'thread' && <span className="muted role"> {p.role}</span>}
              </td>
              <td>
                <Bar side="A" u={p.a} byRole={by === 'role'} />
                <Bar side="B" u={p.b} byRole={by === 'role'} />
              </td>
              <td className="num">
                {p.a && p.b ? `${signed((p.b.busy - p.a.busy) * 100, 0)} pts` : p.a ? 'gone' : 'new'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
