// @vitest-environment happy-dom
// chartImage: a uPlot chart becomes vector paths with gaps kept and its keys in the header; a d3 SVG is copied
// with styles inline; a chart with nothing to draw from is refused by name. Also the export file names.
import { describe, expect, it } from 'vitest';
import type uPlot from 'uplot';
import { chartSvg, headLayout } from './chartImage';
import { exportBaseName, msText } from '../../export/fileName';

/** The parts of a uPlot instance chartSvg reads, over a 100x50 CSS-pixel plot area at pixel ratio 2. */
function fakePlot(): uPlot {
  const root = document.createElement('div');
  const canvas = document.createElement('canvas');
  canvas.width = 400;
  root.appendChild(canvas);
  const lin = (min: number, max: number, px: number, flip: boolean) => (v: number) =>
    flip ? px - ((v - min) / (max - min)) * px : ((v - min) / (max - min)) * px;
  const xPos = lin(0, 10, 100, false);
  const yPos = lin(0, 4, 50, true);
  return {
    root,
    width: 200,
    height: 80,
    bbox: { left: 80, top: 20, width: 200, height: 100 },
    scales: { x: { min: 0, max: 10 }, y: { min: 0, max: 4 } },
    axes: [
      { scale: 'x', side: 2, values: (_u: unknown, vs: number[]) => vs.map((v) => `${v} ms`) },
      { scale: 'y', side: 3, values: (_u: unknown, vs: number[]) => vs.map(String) },
    ],
    series: [{}, { label: 'IOPS', scale: 'y', stroke: () => '#0072B2', width: 1.5, dash: [5, 3] }],
    data: [
      [0, 5, 10, 11],
      [1, null, 3, 2],
    ],
    valToPos: (v: number, k: string) => (k === 'x' ? xPos(v) : yPos(v)),
  } as unknown as uPlot;
}

describe('chartSvg', () => {
  it('redraws uPlot series as paths in CSS pixels, broken at gaps, with ticks and a keyed header', () => {
    const el = document.createElement('div');
    const svg = chartSvg({
      element: el,
      title: 'throughput',
      plot: fakePlot(),
      keys: [{ label: 'IOPS', colour: '#0072B2', dash: [5, 3] }],
    });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="200" height="100"/);
    // bbox 80/20 device px at ratio 2 = 40/10 CSS px; (x 0, y 1) -> (40, 47.5); the null at x 5 breaks the line.
    expect(svg).toContain('<path d="M40 47.5M140 22.5L150 35"');
    expect(svg).toContain('stroke-dasharray="5 3"');
    expect(svg).toContain('>10 ms</text>');
    expect(svg).toContain('>throughput</text>');
    expect(svg).toContain('>IOPS</text>');
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
  });

  it('copies a d3 SVG chart with computed styles inline and leaves the page alone', () => {
    const box = document.createElement('div');
    box.innerHTML =
      '<svg width="120" height="60"><rect class="bar" width="10" height="20" style="fill: rgb(0, 114, 178)"></rect><text>a &lt; b</text></svg>';
    document.body.appendChild(box);
    const out = chartSvg({ element: box, title: 'histogram' });
    expect(out).toContain('fill:rgb(0, 114, 178)');
    expect(out).toContain('a &lt; b');
    expect(box.querySelector('rect')?.getAttribute('style')).toBe('fill: rgb(0, 114, 178)');
    box.remove();
  });

  it('wraps the header keys onto more lines when the chart is narrow, so none is cut off', () => {
    const keys = [
      { label: 'stripe_cache_active', colour: '#CC79A7' },
      { label: 'handle_list', colour: '#E69F00' },
      { label: 'member queues', colour: '#0072B2' },
    ];
    expect(headLayout({ element: document.createElement('div'), title: 'lengths', keys }, 1000).height).toBe(20);
    const narrow = headLayout({ element: document.createElement('div'), title: 'lengths', keys }, 200);
    expect(narrow.height).toBe(56);
    expect(narrow.keys.map((k) => k.y)).toEqual([14, 32, 50]);
    expect(Math.max(...narrow.keys.map((k) => k.x + 28 + k.key.label.length * 6.2))).toBeLessThanOrEqual(200);
  });

  it('refuses an element with no chart in it, naming the chart', () => {
    expect(() => chartSvg({ element: document.createElement('div'), title: 'lengths' })).toThrow(
      'chart "lengths": no uPlot, <svg> or <canvas>',
    );
  });
});

describe('export file names', () => {
  it('name the preset (or model), seed and simulated time', () => {
    expect(msText(7_300_000)).toBe('7.3ms');
    expect(msText(1234)).toBe('0.001ms');
    expect(exportBaseName({ model: 'raid5', preset: 'raid5-3disk-threads', seed: 1, timeNs: 7_300_000 })).toBe(
      'stripe-lab-raid5-3disk-threads-seed1-7.3ms',
    );
    expect(exportBaseName({ model: 'lockLab', preset: null, seed: 42, timeNs: 0 })).toBe(
      'stripe-lab-lockLab-seed42-0ms',
    );
  });
});
