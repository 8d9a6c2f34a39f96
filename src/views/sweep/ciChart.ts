// A uPlot chart of sweep figures against the swept parameter: per figure its mean (line and markers) and
// the 95% interval as a filled band between lo and hi, plus an optional fitted curve. Create / update /
// resize / destroy factory used from an effect (uPlot owns its canvas); it never reads the store.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChartColumns } from './sweepSeries';

export interface CiChartAxes {
  xLabel: string;
  yLabel: string;
  /** Tick text of a numeric x (e.g. 64k, 2us). */
  formatX: (x: number) => string;
  formatY: (y: number) => string;
  /** An integer parameter: ticks only at whole values. */
  integerX?: boolean;
}

export interface CiChart {
  update(c: ChartColumns): void;
  resize(width: number, height: number): void;
  destroy(): void;
  /** The uPlot instance (for the PNG/SVG download), once drawn. */
  plot(): uPlot | null;
}

const CURVE = { colour: '#000000', dash: [6, 4] };
const INT_INCRS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 1e6, 1e7, 1e8, 1e9];
const AXIS_FONT = '10px system-ui';
const LABEL_FONT = '600 11px system-ui';

/** The figures uPlot holds, on the element, so a test can check what was actually handed to the canvas. */
function describe(el: HTMLElement, u: uPlot, bands: number): void {
  const col = (i: number) => Array.from((u.data[i] ?? []) as ArrayLike<number | null | undefined>);
  const [lo, hi, mean] = [col(1), col(2), col(3)];
  let banded = 0;
  mean.forEach((m, i) => {
    const l = lo[i];
    const h = hi[i];
    if (m != null && l != null && h != null && l <= m && m <= h) banded++;
  });
  el.dataset.bands = String(bands);
  el.dataset.points = String(mean.filter((v) => v != null).length);
  el.dataset.bandedPoints = String(banded);
  el.dataset.curve = String(u.series.some((s) => s.label === 'USL fit'));
}

function options(c: ChartColumns, ax: CiChartAxes, width: number, height: number): uPlot.Options {
  const series: uPlot.Series[] = [{}];
  const bands: uPlot.Band[] = [];
  for (const b of c.bands) {
    const lo = series.length;
    series.push({
      label: `${b.label} 95% lo`,
      stroke: `${b.colour}66`,
      width: 0.5,
      points: { show: false },
      spanGaps: true,
    });
    series.push({
      label: `${b.label} 95% hi`,
      stroke: `${b.colour}66`,
      width: 0.5,
      points: { show: false },
      spanGaps: true,
    });
    series.push({
      label: b.label,
      stroke: b.colour,
      width: 1.5,
      dash: b.dash,
      spanGaps: true,
      points: { show: true, size: 7, width: 1.5, stroke: b.colour, fill: b.hollow ? '#ffffff' : b.colour },
    });
    bands.push({ series: [lo + 1, lo], fill: `${b.colour}2e` });
  }
  if (c.curve)
    series.push({
      label: c.curve.label,
      stroke: CURVE.colour,
      width: 1.25,
      dash: CURVE.dash,
      points: { show: false },
      spanGaps: true,
    });
  const cats = c.categories;
  const xAxis: uPlot.Axis = {
    label: ax.xLabel,
    labelFont: LABEL_FONT,
    labelSize: 16,
    font: AXIS_FONT,
    stroke: '#333',
    size: 22,
    gap: 2,
    ticks: { size: 3 },
    grid: { show: false },
    ...(cats
      ? { splits: () => cats.map((_, i) => i), values: (_u: uPlot, vs: number[]) => vs.map((v) => cats[v] ?? '') }
      : { values: (_u: uPlot, vs: number[]) => vs.map(ax.formatX), ...(ax.integerX ? { incrs: INT_INCRS } : {}) }),
  };
  return {
    width,
    height,
    legend: { show: false },
    cursor: { show: false },
    scales: {
      x: cats
        ? { time: false, range: () => [-0.5, cats.length - 0.5] }
        : {
            time: false,
            range: (_u, min, max) =>
              min === max ? [min - 1, max + 1] : [min - (max - min) * 0.03, max + (max - min) * 0.03],
          },
      y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.08 : 1] },
    },
    axes: [
      xAxis,
      {
        label: ax.yLabel,
        labelFont: LABEL_FONT,
        labelSize: 16,
        font: AXIS_FONT,
        stroke: '#333',
        size: 44,
        gap: 2,
        ticks: { size: 3 },
        grid: { stroke: '#eceff2', width: 1 },
        values: (_u, vs) => vs.map(ax.formatY),
      },
    ],
    series,
    bands,
  };
}

function aligned(c: ChartColumns): uPlot.AlignedData {
  return [c.xs, ...c.bands.flatMap((b) => [b.lo, b.hi, b.mean]), ...(c.curve ? [c.curve.ys] : [])] as uPlot.AlignedData;
}

/** The series' shape (how many bands, a curve or not) is fixed per chart; a new shape makes a new plot. */
const shapeOf = (c: ChartColumns) =>
  `${c.bands.map((b) => b.label).join('|')}:${c.curve ? 1 : 0}:${c.categories?.join('|') ?? ''}`;

export function createCiChart(el: HTMLElement, ax: CiChartAxes, width: number, height: number): CiChart {
  let plot: uPlot | null = null;
  let shape = '';
  let size = { width, height };
  /** The bands the plot was built with (uPlot keeps them, but not in its types). */
  let bandCount = 0;
  return {
    update: (c) => {
      if (!plot || shapeOf(c) !== shape) {
        plot?.destroy();
        const opts = options(c, ax, size.width, size.height);
        bandCount = opts.bands?.length ?? 0;
        plot = new uPlot(opts, aligned(c), el);
        shape = shapeOf(c);
      } else {
        plot.setData(aligned(c));
      }
      describe(el, plot, bandCount);
    },
    resize: (w, h) => {
      size = { width: w, height: h };
      plot?.setSize(size);
    },
    destroy: () => plot?.destroy(),
    plot: () => plot,
  };
}
