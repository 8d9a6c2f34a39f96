// Two small buttons, PNG and SVG, that download one chart through chartImage.ts. The chart is found when
// clicked (charts are created in effects), and the file is named after the scenario and simulated time.
import { useState } from 'react';
import { useSim } from '../../state/store';
import { exportBaseName } from '../../export/fileName';
import { downloadChart, type ChartTarget } from './chartImage';

export function ChartImageButtons({ name, target }: { name: string; target: () => ChartTarget | null }) {
  const [error, setError] = useState<string | null>(null);
  const save = (format: 'png' | 'svg') => {
    const t = target();
    if (!t) {
      setError(`the ${name} chart is not drawn yet`);
      return;
    }
    const s = useSim.getState();
    const base = `${exportBaseName({ model: s.model, preset: s.preset, seed: s.seed, timeNs: s.snapshot?.timeNs ?? 0 })}-${name.replace(/[^A-Za-z0-9]+/g, '-')}`;
    setError(null);
    downloadChart(t, format, base).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <span className="chart-dl">
      {(['png', 'svg'] as const).map((f) => (
        <button
          key={f}
          type="button"
          className="chart-dl-btn"
          onClick={() => save(f)}
          aria-label={`Download the ${name} chart as ${f.toUpperCase()}`}
          title={`Download this chart as ${f.toUpperCase()}`}
          data-testid={`chart-dl-${f}`}
        >
          {f.toUpperCase()}
        </button>
      ))}
      {error && (
        <span role="alert" className="chart-dl-err">
          {error}
        </span>
      )}
    </span>
  );
}
