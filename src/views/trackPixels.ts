// Paints timeline tracks pixel by pixel into an off-screen canvas: each column stacked by the share of
// time in each state, coloured and patterned as the palette says. Reads the raster; draws nothing else.
import { STATE_STYLES } from './palette';

/** 0xAABBGGRR (little-endian ImageData words) from #RRGGBB. */
function word(hex: string): number {
  const v = parseInt(hex.slice(1), 16);
  return (0xff << 24) | ((v & 0xff) << 16) | (v & 0xff00) | ((v >> 16) & 0xff);
}

const COLOUR = STATE_STYLES.map((s) => word(s.colour));
const INK = STATE_STYLES.map((s) => word(s.ink));
const BG = [word('#f3f3f3'), word('#fafafa')];

/** Whether pixel (x, y) of state `s` shows the pattern's ink: the same 6px tiles the swatches use. */
function inked(s: number, x: number, y: number): boolean {
  switch (STATE_STYLES[s].pattern) {
    case 'hatch':
      return (x + y) % 6 < 2;
    case 'dots':
      return x % 6 >= 2 && x % 6 < 4 && y % 6 >= 2 && y % 6 < 4;
    case 'stripes':
      return y % 6 === 4;
    default:
      return false;
  }
}

export class TrackPixels {
  private canvas: HTMLCanvasElement | null = null;
  private image: ImageData | null = null;

  /** `acc` is tracks x width x 5 state shares (TimelineRaster); returns a canvas width x tracks*trackH. */
  paint(acc: Float32Array, tracks: number, width: number, trackH: number, barH: number): HTMLCanvasElement | null {
    const height = tracks * trackH;
    if (tracks === 0 || width <= 0 || height <= 0) return null;
    this.canvas ??= document.createElement('canvas');
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return null;
    if (!this.image || this.image.width !== width || this.image.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
      this.image = ctx.createImageData(width, height);
    }
    const px = new Uint32Array(this.image.data.buffer);
    px.fill(0);
    const top = new Int32Array(6);
    for (let t = 0; t < tracks; t++) {
      const y0 = t * trackH;
      for (let x = 0; x < width; x++) {
        // Cumulative rounding keeps the column's total height exact.
        const c = (t * width + x) * 5;
        let cum = 0;
        top[0] = 0;
        for (let s = 0; s < 5; s++) {
          cum += acc[c + s];
          top[s + 1] = Math.round(Math.min(1, cum) * barH);
        }
        let s = 0;
        for (let y = 0; y < barH; y++) {
          while (s < 5 && y >= top[s + 1]) s++;
          const yy = y0 + y;
          px[yy * width + x] = s >= 5 ? BG[t & 1] : inked(s, x, yy) ? INK[s] : COLOUR[s];
        }
      }
    }
    ctx.putImageData(this.image, 0, 0);
    return this.canvas;
  }
}
