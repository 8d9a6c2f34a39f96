// Colours (Okabe-Ito, colour-blind safe) and patterns for where a stripe_head is, for SVG, canvas and
// legend alike. Colour is never the only cue: patterns on the lists, and the legend names every code.
import type { WhereName } from '../../state/lab/raid5Extra';

/** A colour, the ink of the pattern drawn over it, and the pattern: what a cell or legend swatch is drawn with. */
export interface Swatch {
  colour: string;
  ink: string;
  pattern: 'none' | 'dots' | 'hatch' | 'stripes' | 'cross';
}

/** The Okabe-Ito swatches the state grids share (stripe cache, bitmaps, async op phases). */
export const SWATCH = {
  blank: { colour: '#E6E6E6', ink: '#E6E6E6', pattern: 'none' },
  blueDots: { colour: '#56B4E9', ink: '#0B4F8A', pattern: 'dots' },
  yellowHatch: { colour: '#F0E442', ink: '#7A6F00', pattern: 'hatch' },
  purpleStripes: { colour: '#CC79A7', ink: '#6B2A52', pattern: 'stripes' },
  vermilionCross: { colour: '#D55E00', ink: '#FBD3B8', pattern: 'cross' },
  green: { colour: '#009E73', ink: '#009E73', pattern: 'none' },
} as const satisfies Record<string, Swatch>;

export interface CellStyle extends Swatch {
  where: WhereName;
  label: string;
  about: string;
}

/** Indexed by the cell code (WHERE_NAMES order). */
export const CELL_STYLES: readonly CellStyle[] = [
  { where: 'free', label: 'free', ...SWATCH.blank, about: 'on an inactive list, ready for a new row' },
  {
    where: 'handle_list',
    label: 'handle_list',
    colour: '#E69F00',
    ink: '#E69F00',
    pattern: 'none',
    about: 'waiting for a handler pass',
  },
  {
    where: 'hold_list',
    label: 'hold_list',
    ...SWATCH.blueDots,
    about: 'allowed to pre-read, waiting behind ready work',
  },
  {
    where: 'delayed_list',
    label: 'delayed_list',
    ...SWATCH.yellowHatch,
    about: 'wants to read old data, must wait its turn',
  },
  {
    where: 'bitmap_list',
    label: 'bitmap_list',
    ...SWATCH.purpleStripes,
    about: 'waiting for the write-intent bitmap to reach disk',
  },
  { where: 'handling', label: 'being handled', ...SWATCH.green, about: 'handle_stripe is running on it now' },
  {
    where: 'member_io',
    label: 'member IO',
    colour: '#0072B2',
    ink: '#0072B2',
    pattern: 'none',
    about: 'waiting for reads or writes on member disks',
  },
  {
    where: 'in_use',
    label: 'held',
    ...SWATCH.vermilionCross,
    about: 'referenced by a submitter, the release inbox or an async op',
  },
];

/** The pattern drawn over the colour in a 6x6 tile, as SVG path data (ink strokes / dots). */
export function patternPath(p: CellStyle['pattern']): string {
  switch (p) {
    case 'dots':
      return 'M2,2h2v2h-2z';
    case 'hatch':
      return 'M-1,7L7,-1M-1,1L1,-1M5,7L7,5';
    case 'stripes':
      return 'M0,4.5H6';
    case 'cross':
      return 'M0,0L6,6M6,0L0,6';
    default:
      return '';
  }
}

/** A canvas fill for code `c` (patterned when the cells are big enough to show it). */
export function cellFill(ctx: CanvasRenderingContext2D, c: number, patterned: boolean): string | CanvasPattern {
  const st = CELL_STYLES[c] ?? CELL_STYLES[0];
  if (!patterned || st.pattern === 'none') return st.colour;
  const tile = document.createElement('canvas');
  tile.width = tile.height = 6;
  const t = tile.getContext('2d');
  if (!t) return st.colour;
  t.fillStyle = st.colour;
  t.fillRect(0, 0, 6, 6);
  t.strokeStyle = t.fillStyle = st.ink;
  t.lineWidth = 1.2;
  const path = new Path2D(patternPath(st.pattern));
  if (st.pattern === 'dots') t.fill(path);
  else t.stroke(path);
  return ctx.createPattern(tile, 'repeat') ?? st.colour;
}

/** A CSS background for a legend swatch. */
export function swatchCss(st: Swatch): string {
  switch (st.pattern) {
    case 'dots':
      return `radial-gradient(circle, ${st.ink} 1.1px, transparent 1.4px) 0 0 / 4px 4px, ${st.colour}`;
    case 'hatch':
      return `repeating-linear-gradient(135deg, ${st.colour} 0 3px, ${st.ink} 3px 4px)`;
    case 'stripes':
      return `repeating-linear-gradient(0deg, ${st.colour} 0 3px, ${st.ink} 3px 4px)`;
    case 'cross':
      return `repeating-linear-gradient(45deg, transparent 0 3px, ${st.ink} 3px 4px), repeating-linear-gradient(135deg, ${st.colour} 0 3px, ${st.ink} 3px 4px)`;
    default:
      return st.colour;
  }
}

/** A CSS background for a legend swatch of code `c`. */
export function cellSwatch(c: number): string {
  return swatchCss(CELL_STYLES[c]);
}
