// Thread-state colours (Okabe-Ito, colour-blind safe) and the pattern that doubles each one, for CSS
// swatches and canvas fills alike. Colour is never the only cue: every state also has a pattern and a word.
import { THREAD_STATES } from '../state/catalog';

export interface StateStyle {
  name: string;
  colour: string;
  /** A lighter or darker ink for the pattern drawn over the colour. */
  ink: string;
  pattern: 'solid' | 'hatch' | 'dots' | 'stripes' | 'none';
  about: string;
}

export const STATE_STYLES: readonly StateStyle[] = [
  { name: THREAD_STATES[0], colour: '#009E73', ink: '#009E73', pattern: 'solid', about: 'on a CPU doing work' },
  {
    name: THREAD_STATES[1],
    colour: '#D55E00',
    ink: '#FBD3B8',
    pattern: 'hatch',
    about: 'on a CPU, spinning on a lock it waits for',
  },
  {
    name: THREAD_STATES[2],
    colour: '#E69F00',
    ink: '#7A4F00',
    pattern: 'dots',
    about: 'ready to run, waiting for a CPU',
  },
  {
    name: THREAD_STATES[3],
    colour: '#0072B2',
    ink: '#A9D3F0',
    pattern: 'stripes',
    about: 'asleep on a mutex or wait queue',
  },
  { name: THREAD_STATES[4], colour: '#E4E4E4', ink: '#E4E4E4', pattern: 'none', about: 'nothing to do' },
];

/** CSS background for a swatch of state `s`. */
export function swatchBackground(s: number): string {
  const st = STATE_STYLES[s];
  if (!st) return 'transparent';
  switch (st.pattern) {
    case 'hatch':
      return `repeating-linear-gradient(135deg, ${st.colour} 0 3px, ${st.ink} 3px 5px)`;
    case 'dots':
      return `radial-gradient(circle, ${st.ink} 1.1px, transparent 1.4px) 0 0 / 4px 4px, ${st.colour}`;
    case 'stripes':
      return `repeating-linear-gradient(0deg, ${st.colour} 0 3px, ${st.ink} 3px 4px)`;
    default:
      return st.colour;
  }
}

/** A canvas fill for state `s`: the colour with the same pattern as the swatch. */
export function canvasFill(ctx: CanvasRenderingContext2D, s: number): string | CanvasPattern {
  const st = STATE_STYLES[s];
  if (st.pattern === 'solid' || st.pattern === 'none') return st.colour;
  const tile = document.createElement('canvas');
  tile.width = tile.height = 6;
  const t = tile.getContext('2d');
  if (!t) return st.colour;
  t.fillStyle = st.colour;
  t.fillRect(0, 0, 6, 6);
  t.fillStyle = st.ink;
  t.strokeStyle = st.ink;
  if (st.pattern === 'hatch') {
    t.lineWidth = 1.5;
    t.beginPath();
    t.moveTo(-1, 7);
    t.lineTo(7, -1);
    t.moveTo(-1, 1);
    t.lineTo(1, -1);
    t.moveTo(5, 7);
    t.lineTo(7, 5);
    t.stroke();
  } else if (st.pattern === 'dots') {
    t.fillRect(2, 2, 2, 2);
  } else {
    t.fillRect(0, 4, 6, 1.5);
  }
  return ctx.createPattern(tile, 'repeat') ?? st.colour;
}
