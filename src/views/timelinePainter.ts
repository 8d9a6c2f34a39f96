// Paints the thread timeline on a canvas: one track per thread coloured and patterned by state, names
// on the left, a d3-scaled time axis below. It reads the ring it is given and never writes state.
import { scaleLinear } from 'd3';
import { fmtNsShort } from './format';
import type { FrameRing } from '../state/frameRing';
import { TimelineRaster } from './timelineRaster';
import { TrackPixels } from './trackPixels';

const GUTTER = 128;
const AXIS = 20;
const MIN_TRACK = 5;
const MAX_TRACK = 40;

export class TimelinePainter {
  private readonly ctx: CanvasRenderingContext2D;
  private readonly raster = new TimelineRaster();
  /** The tracks are painted pixel by pixel off screen and drawn in one go (one fillRect per run was the
   * main thread's largest cost at max speed: bench:ui). */
  private readonly pixels = new TrackPixels();

  constructor(private readonly canvas: HTMLCanvasElement) {
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('canvas 2d context unavailable');
    this.ctx = ctx;
  }

  /** Draws [now - windowNs, now] at the canvas's CSS size. */
  draw(ring: FrameRing, windowNs: number, cssWidth: number, cssHeight: number): void {
    const dpr = window.devicePixelRatio || 1;
    const { canvas, ctx } = this;
    const w = Math.max(1, Math.round(cssWidth * dpr));
    const h = Math.max(1, Math.round(cssHeight * dpr));
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, cssWidth, cssHeight);
    const plotW = Math.max(1, Math.floor(cssWidth - GUTTER - 8));
    const plotH = Math.max(1, cssHeight - AXIS - 2);
    const threads = ring.threadMeta.length;
    const trackH = Math.min(MAX_TRACK, Math.max(MIN_TRACK, Math.floor(plotH / Math.max(1, threads))));
    const tracks = Math.min(threads, Math.floor(plotH / trackH));
    const endNs = ring.nowNs;
    const startNs = endNs - windowNs;
    this.raster.build(ring, tracks, plotW, startNs, endNs);
    const gap = trackH >= 10 ? 2 : trackH >= 7 ? 1 : 0;

    ctx.font = `${Math.min(12, Math.max(8, trackH - 1))}px system-ui, sans-serif`;
    // Tracks thinner than a line of text: name every k-th so the names stay readable (never none).
    const every = trackH >= 8 ? 1 : Math.ceil(9 / trackH);
    const barH = Math.min(trackH - gap, 26);
    ctx.textBaseline = 'middle';
    const image = this.pixels.paint(this.raster.acc, tracks, plotW, trackH, barH);
    if (image) {
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(image, GUTTER, 0, plotW, tracks * trackH);
    }
    for (let t = 0; t < tracks; t++) {
      const y = t * trackH;
      if (t % every === 0) {
        ctx.fillStyle = '#222';
        ctx.textAlign = 'right';
        ctx.fillText(fit(ctx, ring.threadMeta[t]?.name ?? `#${t}`, GUTTER - 10), GUTTER - 6, y + barH / 2);
      }
    }
    if (tracks < threads) {
      ctx.fillStyle = '#555';
      ctx.textAlign = 'left';
      ctx.fillText(`+${threads - tracks} more threads not shown`, 4, tracks * trackH + 6);
    }
    this.axis(startNs, endNs, plotW, tracks * trackH, windowNs);
  }

  private axis(startNs: number, endNs: number, plotW: number, y0: number, windowNs: number): void {
    const ctx = this.ctx;
    const x = scaleLinear()
      .domain([startNs - endNs, 0])
      .range([GUTTER, GUTTER + plotW]);
    const y = y0 + 2;
    ctx.strokeStyle = '#888';
    ctx.fillStyle = '#444';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(GUTTER, y + 0.5);
    ctx.lineTo(GUTTER + plotW, y + 0.5);
    ctx.font = '11px system-ui, sans-serif';
    ctx.textBaseline = 'top';
    ctx.textAlign = 'center';
    for (const v of x.ticks(7)) {
      const px = Math.round(x(v)) + 0.5;
      ctx.moveTo(px, y);
      ctx.lineTo(px, y + 4);
      ctx.fillText(
        v === 0 ? 'now' : `−${fmtNsShort(-v)}`,
        Math.max(GUTTER + 24, Math.min(px, GUTTER + plotW - 14)),
        y + 5,
      );
    }
    ctx.stroke();
    ctx.textAlign = 'left';
    ctx.fillText(`last ${fmtNsShort(windowNs)}`, 4, y + 5);
  }
}

/** The name cut from the left (the end of a kernel thread name is the part that tells them apart). */
function fit(ctx: CanvasRenderingContext2D, s: string, px: number): string {
  if (ctx.measureText(s).width <= px) return s;
  let cut = s;
  while (cut.length > 1 && ctx.measureText(`…${cut}`).width > px) cut = cut.slice(1);
  return `…${cut}`;
}
