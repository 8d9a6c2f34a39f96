// Threads now: name, role, state (patterned swatch and word), what each is doing, and utilisation
// (running + spinning share of the run so far). Reads the latest snapshot only.
import { useSim } from '../state/store';
import { fmtPct } from './format';
import { StateChip } from './StateChip';

export function ThreadPanel() {
  const threads = useSim((s) => s.snapshot?.threads);
  return (
    <section className="panel threads" aria-label="threads">
      <div className="panel-head">
        <h2>Threads</h2>
        <span className="muted">{threads ? `${threads.length}` : ''}</span>
      </div>
      <div className="scroll">
        <table data-testid="threads">
          <thead>
            <tr>
              <th>thread</th>
              <th>role</th>
              <th>state</th>
              <th>doing</th>
              <th title="Share of the run on a CPU: running + spinning">CPU busy</th>
            </tr>
          </thead>
          <tbody>
            {(threads ?? []).map((t) => (
              <tr key={t.name} data-state={t.state}>
                <td className="name">{t.name}</td>
                <td className="role">{t.role}</td>
                <td>
                  <StateChip state={t.state} />
                </td>
                <td className="doing" title={t.label}>
                  {t.label || '—'}
                </td>
                <td className="util">
                  <span className="bar" aria-hidden="true">
                    <span style={{ width: fmtPct(Math.min(1, t.utilisation)) }} />
                  </span>
                  {fmtPct(t.utilisation)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
