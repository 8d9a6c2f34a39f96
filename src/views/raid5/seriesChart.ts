// A small uPlot line chart over simulated time, as a create / update / resize / destroy factory used from
// an effect (uPlot owns its canvas). It draws the arrays it is handed; it never reads the store.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface LineSpec {
  label: string;
  colour: string;
  dash?: number[];
  scale?: 'y' | 'y2';
}

export interface SeriesChart {
  /** The uPlot instance, for picture exports (views/export/chartImage.ts redraws it as SVG). */
  readonly plot: uPlot;
  update(data: uPlot.AlignedData): void;
  resize(width: number, height: number): void;
  destroy(): void;
}

const compact = (v: number) =>
  Math.abs(v) >= 1e6
    ? `${+(v / 1e6).toFixed(1)}M`
    : Math.abs(v) >= 1e3
      ? `${+(v / 1e3).toFixed(1)}k`
      : `${+v.toFixed(1)}`;

/** big: projector mode, 16 px axis labels and thick lines. */
export function createSeriesChart(
  el: HTMLElement,
  lines: LineSpec[],
  width: number,
  height: number,
  big = false,
): SeriesChart {
  const font = big ? 'bold 16px system-ui' : '10px system-ui';
  const ink = big ? '#111' : '#444';
  const twoAxes = lines.some((l) => l.scale === 'y2');
  const axis = (scale: string, side: number): uPlot.Axis => ({
    scale,
    side,
    size: big ? 64 : 38,
    gap: 2,
    space: big ? 36 : 18,
    font,
    stroke: ink,
    ticks: { size: 3 },
    grid: { show: side === 3, stroke: '#eceff2', width: 1 },
    values: (_u, vs) => vs.map(compact),
  });
  const opts: uPlot.Options = {
    width,
    height,
    legend: { show: false },
    cursor: { show: false },
    scales: {
      x: { time: false },
      y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.08 : 1] },
      y2: { range: (_u, _min, max) => [0, max > 0 ? max * 1.08 : 1] },
    },
    axes: [
      {
        font,
        stroke: ink,
        size: big ? 30 : 18,
        space: big ? 90 : 50,
        gap: 1,
        ticks: { size: 3 },
        grid: { show: false },
        values: (_u, vs) => vs.map((v) => `${+v.toFixed(2)} ms`),
      },
      axis('y', 3),
      ...(twoAxes ? [axis('y2', 1)] : []),
    ],
    series: [
      {},
      ...lines.map((l) => ({
        label: l.label,
        stroke: l.colour,
        width: big ? 4 : 1.5,
        dash: l.dash,
        scale: l.scale ?? 'y',
        points: { show: false },
      })),
    ],
  };
  const empty: uPlot.AlignedData = [[], ...lines.map(() => [])];
  const plot = new uPlot(opts, empty, el);
  return {
    plot,
    update: (data) => plot.setData(data),
    resize: (w, h) => plot.setSize({ width: w, height: h }),
    destroy: () => plot.destroy(),
  };
}
