// Paints the thread timeline's tracks on a canvas the height of the panel's visible rows: each row a thread
// or a collapsed group's aggregate, coloured and patterned by state. The names, group buttons and time axis
// are DOM beside it (ThreadTimeline). It reads the ring it is given and never writes state.
import { scaleLinear } from 'd3';
import type { FrameRing } from '../state/lab/frameRing';
import { fmtNsShort } from './format';
import { TimelineRaster } from './timelineRaster';
import { rowShares, type TimelineRow } from './timelineGroups';
import { TrackPixels } from './trackPixels';

export class TimelinePainter {
  private readonly ctx: CanvasRenderingContext2D;
  private readonly raster = new TimelineRaster();
  private shares = new Float32Array(0);
  /** The tracks are painted pixel by pixel off screen and drawn in one go (one fillRect per run was the
   * main thread's largest cost at max speed: bench:ui). */
  private readonly pixels = new TrackPixels();

  constructor(private readonly canvas: HTMLCanvasElement) {
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('canvas 2d context unavailable');
    this.ctx = ctx;
  }

  /** Draws [now - windowNs, now] for the rows in view: row i sits at i * rowH - scrollTop. */
  draw(
    ring: FrameRing,
    windowNs: number,
    rows: readonly TimelineRow[],
    rowH: number,
    scrollTop: number,
    cssWidth: number,
    cssHeight: number,
    dpr = window.devicePixelRatio || 1,
  ): void {
    const { canvas, ctx } = this;
    const w = Math.max(1, Math.round(cssWidth * dpr));
    const h = Math.max(1, Math.round(cssHeight * dpr));
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, cssWidth, cssHeight);
    const plotW = Math.max(1, Math.floor(cssWidth));
    const endNs = ring.nowNs;
    this.raster.build(ring, ring.threadMeta.length, plotW, endNs - windowNs, endNs);
    const first = Math.max(0, Math.floor(scrollTop / rowH));
    const count = Math.max(0, Math.min(rows.length - first, Math.ceil(cssHeight / rowH) + 1));
    if (count === 0) return;
    const need = count * plotW * 5;
    if (this.shares.length < need) this.shares = new Float32Array(need);
    rowShares(this.raster.acc, plotW, rows, first, count, this.shares);
    const gap = Math.max(2, Math.round(rowH * 0.15));
    const image = this.pixels.paint(this.shares, count, plotW, rowH, rowH - gap);
    const y0 = first * rowH - scrollTop;
    if (image) {
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(image, 0, 0, plotW, count * rowH, 0, y0, plotW, count * rowH);
    }
    // An expanded group's header holds no track: a rule under its name instead.
    ctx.strokeStyle = '#b9c0c8';
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let r = 0; r < count; r++) {
      const row = rows[first + r];
      if (row.kind !== 'group' || !row.expanded) continue;
      const y = Math.round(y0 + r * rowH + rowH / 2) + 0.5;
      ctx.moveTo(0, y);
      ctx.lineTo(plotW, y);
    }
    ctx.stroke();
  }
}

const FONT = '12px system-ui, sans-serif';

/**
 * The whole timeline as one picture for the PNG / SVG download: every row as it is opened on screen (not
 * only those scrolled into view), names and group titles on the left, the time axis below.
 */
export function timelineImage(
  ring: FrameRing,
  windowNs: number,
  rows: readonly TimelineRow[],
  rowH: number,
  plotW: number,
): HTMLCanvasElement {
  const out = document.createElement('canvas');
  const g = out.getContext('2d');
  if (!g) throw new Error('canvas 2d context unavailable');
  g.font = FONT;
  const label = (r: TimelineRow) =>
    r.kind === 'group' ? `${r.expanded ? '▾' : '▸'} ${r.group.label} (${r.group.threads.length})` : r.name;
  const gutter =
    Math.ceil(Math.max(80, ...rows.map((r) => g.measureText(label(r)).width + (r.kind === 'thread' ? 22 : 6)))) + 6;
  const tracksH = rows.length * rowH;
  out.width = gutter + plotW;
  out.height = tracksH + 22;
  const tracks = document.createElement('canvas');
  new TimelinePainter(tracks).draw(ring, windowNs, rows, rowH, 0, plotW, tracksH, 1);
  g.fillStyle = '#fff';
  g.fillRect(0, 0, out.width, out.height);
  g.drawImage(tracks, gutter, 0);
  g.font = FONT;
  g.textBaseline = 'middle';
  rows.forEach((r, i) => {
    g.font = r.kind === 'group' ? `bold ${FONT}` : FONT;
    g.fillStyle = r.kind === 'group' ? '#16283a' : '#222';
    g.fillText(label(r), r.kind === 'group' ? 4 : 20, i * rowH + rowH / 2);
  });
  const x = scaleLinear()
    .domain([-windowNs, 0])
    .range([gutter, gutter + plotW]);
  g.font = '11px system-ui, sans-serif';
  g.strokeStyle = '#888';
  g.fillStyle = '#444';
  g.beginPath();
  g.moveTo(gutter, tracksH + 2.5);
  g.lineTo(gutter + plotW, tracksH + 2.5);
  g.textBaseline = 'top';
  g.textAlign = 'center';
  for (const v of x.ticks(Math.max(2, Math.floor(plotW / 110)))) {
    const px = Math.round(x(v)) + 0.5;
    g.moveTo(px, tracksH + 2);
    g.lineTo(px, tracksH + 6);
    g.fillText(
      v === 0 ? 'now' : `−${fmtNsShort(-v)}`,
      Math.max(gutter + 24, Math.min(px, gutter + plotW - 14)),
      tracksH + 7,
    );
  }
  g.stroke();
  g.textAlign = 'left';
  g.fillText(`last ${fmtNsShort(windowNs)}`, 4, tracksH + 7);
  return out;
}
