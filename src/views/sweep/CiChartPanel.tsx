// One sweep chart in a panel: title, the uPlot canvas (means, 95% bands, optional fit) and a legend that
// tells series apart by dash, marker fill and name as well as colour.
import { useEffect, useRef } from 'react';
import { createCiChart, type CiChart, type CiChartAxes } from './ciChart';
import type { BandSeries, ChartColumns } from './sweepSeries';
import { useSize } from '../useSize';
import { ChartImageButtons } from '../export/ChartImageButtons';

function Key({ b }: { b: BandSeries }) {
  return (
    <span className="s-key">
      <svg width="26" height="12" aria-hidden="true">
        <rect x="0" y="1" width="26" height="10" fill={`${b.colour}2e`} />
        <line x1="0" y1="6" x2="26" y2="6" stroke={b.colour} strokeWidth="1.5" strokeDasharray={b.dash?.join(' ')} />
        <circle cx="13" cy="6" r="3" fill={b.hollow ? '#fff' : b.colour} stroke={b.colour} strokeWidth="1.5" />
      </svg>
      {b.label}
    </span>
  );
}

export function CiChartPanel({
  title,
  columns,
  axes,
  testId,
  note,
}: {
  title: string;
  columns: ChartColumns;
  axes: CiChartAxes;
  testId: string;
  note?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const canvasHost = useRef<HTMLDivElement>(null);
  const chart = useRef<CiChart | null>(null);
  const { width } = useSize(box);
  const height = 170;
  // The axes' text never changes for a chart's lifetime: the page remounts it with a new key per sweep.
  const axesRef = useRef(axes);
  useEffect(() => {
    const el = canvasHost.current;
    if (!el || width === 0) return;
    chart.current ??= createCiChart(el, axesRef.current, width, height);
    chart.current.resize(width, height);
  }, [width]);
  useEffect(() => {
    if (width > 0) chart.current?.update(columns);
  }, [columns, width]);
  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );
  return (
    <figure className="panel sw-chart" aria-label={title}>
      <figcaption className="panel-head">
        <h2>{title}</h2>
        {note && <span className="muted">{note}</span>}
        <ChartImageButtons
          name={`sweep ${title}`}
          target={() =>
            canvasHost.current && chart.current?.plot()
              ? // The canvas as drawn, not chartImage's vector redraw: that one drops the 95% bands, the markers and
                // series with gaps (the means have gaps between points where only the USL curve has values).
                {
                  element: canvasHost.current,
                  title,
                  plot: null,
                  keys: [
                    ...columns.bands.map((b) => ({ label: b.label, colour: b.colour, dash: b.dash })),
                    ...(columns.curve ? [{ label: columns.curve.label, colour: '#000', dash: [6, 4] }] : []),
                  ],
                }
              : null
          }
        />
      </figcaption>
      <div ref={box} className="sw-canvas">
        <div ref={canvasHost} data-testid={testId} />
      </div>
      <div className="sw-legend">
        {columns.bands.map((b) => (
          <Key key={b.label} b={b} />
        ))}
        <span className="s-key muted" data-testid={`${testId}-band-note`}>
          {columns.bandNote}
        </span>
        {columns.curve && (
          <span className="s-key">
            <svg width="26" height="8" aria-hidden="true">
              <line x1="0" y1="4" x2="26" y2="4" stroke="#000" strokeWidth="1.25" strokeDasharray="6 4" />
            </svg>
            {columns.curve.label}
          </span>
        )}
      </div>
    </figure>
  );
}
