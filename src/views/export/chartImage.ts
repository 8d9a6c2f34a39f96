// "Download this chart as PNG / SVG" for any chart element: a uPlot chart (redrawn as vector SVG paths from its
// own data and scales), a d3 SVG chart (serialised with computed styles inlined) or a plain canvas (embedded).
// It reads the chart as drawn; it never changes it and never reads the store.
import { scaleLinear } from 'd3';
import type uPlot from 'uplot';
import { downloadBlob } from '../download';

/** A legend line written under the title, so the picture says what each line is (dash, not colour alone). */
export interface ChartKey {
  label: string;
  colour: string;
  dash?: readonly number[];
}

export interface ChartTarget {
  /** The chart's box: it holds a uPlot root, an <svg> or a <canvas>. */
  element: Element;
  title: string;
  /** The uPlot instance drawing into element: with it the SVG is vector paths, without it the canvas is embedded. */
  plot?: uPlot | null;
  keys?: readonly ChartKey[];
}

const NS = 'http://www.w3.org/2000/svg';
const FONT = '11px system-ui, sans-serif';
/** Height of one header line (title and keys wrap onto more lines when the chart is narrow). */
const LINE_PX = 18;
/** A PNG is drawn at least at this scale, so a small on-screen chart still prints legibly. */
const MIN_PNG_SCALE = 2;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fmt = (x: number) => String(Math.round(x * 100) / 100);

/** Where the header's title and keys go: left to right, onto a new line when the next would pass `width`. */
export function headLayout(
  t: ChartTarget,
  width: number,
): { keys: { key: ChartKey; x: number; y: number }[]; height: number } {
  let x = 8 + t.title.length * 6.5;
  let y = 14;
  const keys = (t.keys ?? []).map((key) => {
    const w = 28 + key.label.length * 6.2;
    if (x + w > width && x > 8) {
      x = 8;
      y += LINE_PX;
    }
    const at = { key, x, y };
    x += w;
    return at;
  });
  return { keys, height: y + 6 };
}

/** The header (title, then each key as a short stroked line and its label) as SVG elements. */
function headSvg(t: ChartTarget, width: number): { svg: string; height: number } {
  const lay = headLayout(t, width);
  const parts = [`<text x="4" y="14" font-weight="bold">${esc(t.title)}</text>`];
  for (const { key: k, x, y } of lay.keys) {
    parts.push(
      `<line x1="${fmt(x)}" y1="${y - 4}" x2="${fmt(x + 16)}" y2="${y - 4}" stroke="${esc(k.colour)}" stroke-width="2"${k.dash?.length ? ` stroke-dasharray="${k.dash.join(' ')}"` : ''}/>`,
    );
    parts.push(`<text x="${fmt(x + 20)}" y="${y}">${esc(k.label)}</text>`);
  }
  return { svg: parts.join(''), height: lay.height };
}

function wrap(width: number, height: number, body: string, t: ChartTarget): string {
  const head = headSvg(t, width);
  const h = height + head.height;
  return (
    `<svg xmlns="${NS}" width="${fmt(width)}" height="${fmt(h)}" viewBox="0 0 ${fmt(width)} ${fmt(h)}" font-family="system-ui, sans-serif" font-size="11">` +
    `<rect width="100%" height="100%" fill="#fff"/>${head.svg}<g transform="translate(0 ${head.height})">${body}</g></svg>\n`
  );
}

type Internal = uPlot & { axes: (uPlot.Axis & { _show?: boolean })[] };

/** A uPlot chart as vector SVG: the plot frame, each axis's ticks and labels, each series as a path (gaps kept). */
function uplotSvg(plot: uPlot, t: ChartTarget): string {
  const u = plot as Internal;
  const canvas = u.root.querySelector('canvas');
  const ratio = canvas && u.width ? canvas.width / u.width : 1;
  const left = u.bbox.left / ratio;
  const top = u.bbox.top / ratio;
  const w = u.bbox.width / ratio;
  const h = u.bbox.height / ratio;
  const out: string[] = [
    `<rect x="${fmt(left)}" y="${fmt(top)}" width="${fmt(w)}" height="${fmt(h)}" fill="none" stroke="#ccc"/>`,
  ];
  u.axes.forEach((axis, i) => {
    if (axis.show === false || !axis.scale) return;
    const sc = u.scales[axis.scale];
    if (sc?.min == null || sc.max == null || !(sc.max > sc.min)) return;
    const ticks = scaleLinear()
      .domain([sc.min, sc.max])
      .ticks(axis.side === 0 || axis.side === 2 ? 6 : 4);
    const labels = typeof axis.values === 'function' ? axis.values(u, ticks, i, 0, 0) : ticks.map(String);
    ticks.forEach((v, j) => {
      const p = u.valToPos(v, axis.scale as string);
      const label = esc(String(labels[j] ?? ''));
      if (axis.side === 2 || axis.side === 0) {
        const x = left + p;
        const y = axis.side === 2 ? top + h : top;
        out.push(
          `<line x1="${fmt(x)}" y1="${fmt(y)}" x2="${fmt(x)}" y2="${fmt(y + (axis.side === 2 ? 3 : -3))}" stroke="#444"/><text x="${fmt(x)}" y="${fmt(axis.side === 2 ? y + 13 : y - 5)}" text-anchor="middle" font-size="10">${label}</text>`,
        );
      } else {
        const y = top + p;
        const x = axis.side === 3 ? left : left + w;
        const anchor = axis.side === 3 ? 'end' : 'start';
        out.push(
          `<line x1="${fmt(x)}" y1="${fmt(y)}" x2="${fmt(axis.side === 3 ? x - 3 : x + 3)}" y2="${fmt(y)}" stroke="#444"/><text x="${fmt(axis.side === 3 ? x - 5 : x + 5)}" y="${fmt(y + 3)}" text-anchor="${anchor}" font-size="10">${label}</text>`,
        );
        if (axis.side === 3)
          out.push(`<line x1="${fmt(left)}" y1="${fmt(y)}" x2="${fmt(left + w)}" y2="${fmt(y)}" stroke="#eceff2"/>`);
      }
    });
  });
  const xs = u.data[0] as ArrayLike<number>;
  u.series.forEach((s, i) => {
    if (i === 0 || s.show === false) return;
    const ys = u.data[i] as ArrayLike<number | null | undefined>;
    const scale = s.scale ?? 'y';
    let d = '';
    let pen = false;
    for (let j = 0; j < xs.length; j++) {
      const y = ys[j];
      if (y == null || !Number.isFinite(y)) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${fmt(left + u.valToPos(xs[j], 'x'))} ${fmt(top + u.valToPos(y, scale))}`;
      pen = true;
    }
    const stroke = typeof s.stroke === 'function' ? s.stroke(u, i) : s.stroke;
    const dash = s.dash?.length ? ` stroke-dasharray="${s.dash.join(' ')}"` : '';
    if (d)
      out.push(
        `<path d="${d}" fill="none" stroke="${esc(String(stroke ?? '#000'))}" stroke-width="${s.width ?? 1}"${dash}><title>${esc(String(s.label ?? ''))}</title></path>`,
      );
  });
  return wrap(u.width, u.height, out.join(''), t);
}

/** Properties that carry a d3 chart's look when the page's stylesheet is not there. */
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
];

/** An <svg> copied with each element's computed style written inline (the copy only; the page is untouched). */
function serialiseSvg(svg: SVGSVGElement, t: ChartTarget): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const src = [svg, ...svg.querySelectorAll('*')];
  const dst = [copy, ...copy.querySelectorAll('*')];
  const view = svg.ownerDocument.defaultView;
  src.forEach((el, i) => {
    const cs = view?.getComputedStyle(el);
    if (!cs) return;
    const style = STYLE_PROPS.map((p) => [p, cs.getPropertyValue(p)] as const)
      .filter(([, v]) => v !== '')
      .map(([p, v]) => `${p}:${v}`)
      .join(';');
    if (style) dst[i].setAttribute('style', style);
  });
  const box = svg.getBoundingClientRect();
  const width = box.width || Number(svg.getAttribute('width')) || 600;
  const height = box.height || Number(svg.getAttribute('height')) || 300;
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.removeAttribute('style');
  return wrap(width, height, new XMLSerializer().serializeToString(copy), t);
}

function canvasOf(t: ChartTarget): HTMLCanvasElement | null {
  return t.element instanceof HTMLCanvasElement ? t.element : t.element.querySelector('canvas');
}

/** The chart as standalone SVG text. */
export function chartSvg(t: ChartTarget): string {
  if (t.plot) return uplotSvg(t.plot, t);
  const svg = t.element instanceof SVGSVGElement ? t.element : t.element.querySelector('svg');
  if (svg) return serialiseSvg(svg, t);
  const canvas = canvasOf(t);
  if (!canvas) throw new Error(`chart "${t.title}": no uPlot, <svg> or <canvas> to draw from`);
  const w = canvas.clientWidth || canvas.width;
  const h = canvas.clientHeight || canvas.height;
  return wrap(w, h, `<image width="${w}" height="${h}" href="${canvas.toDataURL('image/png')}"/>`, t);
}

function toBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))), 'image/png'),
  );
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('the chart picture could not be drawn'));
    img.src = url;
  });
}

/**
 * The chart as a PNG: a uPlot or SVG chart is its SVG rasterised at twice the size or more (the same picture as
 * the SVG download, crisp when printed); a plain canvas is copied as drawn, under the header.
 */
export async function chartPng(t: ChartTarget): Promise<Blob> {
  const canvas = canvasOf(t);
  const svgEl = t.element instanceof SVGSVGElement ? t.element : t.element.querySelector('svg');
  if (t.plot || svgEl || !canvas) {
    const url = URL.createObjectURL(new Blob([chartSvg(t)], { type: 'image/svg+xml' }));
    try {
      const img = await loadImage(url);
      const r = Math.max(MIN_PNG_SCALE, window.devicePixelRatio || 1);
      const out = document.createElement('canvas');
      out.width = Math.ceil(img.width * r);
      out.height = Math.ceil(img.height * r);
      const g = out.getContext('2d');
      if (!g) throw new Error('no 2D canvas context');
      g.scale(r, r);
      g.drawImage(img, 0, 0, img.width, img.height);
      return await toBlob(out);
    } finally {
      URL.revokeObjectURL(url);
    }
  }
  const cssW = canvas.clientWidth || canvas.width;
  const r = canvas.width / cssW;
  const headPx = Math.round(headLayout(t, cssW).height * r);
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height + headPx;
  const g = out.getContext('2d');
  if (!g) throw new Error('no 2D canvas context');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, out.width, out.height);
  g.scale(r, r);
  drawHead(g, t, cssW);
  g.setTransform(1, 0, 0, 1, 0, 0);
  g.drawImage(canvas, 0, headPx);
  return toBlob(out);
}

/** The SVG header's twin on a canvas (title, keys with their dashes, the same layout). */
function drawHead(g: CanvasRenderingContext2D, t: ChartTarget, width: number): void {
  g.font = `bold ${FONT}`;
  g.fillStyle = '#222';
  g.fillText(t.title, 4, 14);
  g.font = FONT;
  for (const { key: k, x, y } of headLayout(t, width).keys) {
    g.strokeStyle = k.colour;
    g.lineWidth = 2;
    g.setLineDash([...(k.dash ?? [])]);
    g.beginPath();
    g.moveTo(x, y - 4);
    g.lineTo(x + 16, y - 4);
    g.stroke();
    g.fillText(k.label, x + 20, y);
  }
  g.setLineDash([]);
}

export async function downloadChart(t: ChartTarget, format: 'png' | 'svg', fileBase: string): Promise<void> {
  const blob = format === 'png' ? await chartPng(t) : new Blob([chartSvg(t)], { type: 'image/svg+xml' });
  downloadBlob(blob, `${fileBase}.${format}`);
}
