// Threads as a table: name, role, state (colour and text), what each is doing, and utilisation.
// Okabe-Ito colours; the state is always written out too, so colour is never the only cue.
import { useSim } from '../state/store';

export const STATE_NAMES = ['running', 'spinning', 'runnable', 'blocked', 'idle'];
export const STATE_COLOURS = ['#009E73', '#D55E00', '#E69F00', '#0072B2', '#BBBBBB'];

export function ThreadPanel() {
  const snap = useSim((s) => s.snapshot);
  const threads = snap?.threads ?? [];
  return (
    <section className="threads" aria-label="threads">
      <h2>Threads</h2>
      <table data-testid="threads">
        <thead><tr><th>thread</th><th>role</th><th>state</th><th>doing</th><th>busy</th></tr></thead>
        <tbody>
          {threads.map((t) => (
            <tr key={t.name}>
              <td>{t.name}</td><td>{t.role}</td>
              <td><span className={`state s${t.state}`} style={{ background: STATE_COLOURS[t.state] }}>{STATE_NAMES[t.state]}</span></td>
              <td>{t.label}</td>
              <td><meter min={0} max={1} value={t.utilisation} /> {(t.utilisation * 100).toFixed(0)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
