// The stripe cache as a grid: one cell per stripe_head coloured and patterned by where it is; SVG up to
// SVG_MAX cells, a canvas above. Clicking a cell follows that stripe_head. Draws only what it is given.
import { useEffect, useMemo, useRef } from 'react';
import { CELL_STYLES, cellFill, patternPath } from './cellPalette';
import { useSize } from '../useSize';

/** Above this many cells the grid is a canvas (design.md: SVG below ~1,000 elements). */
export const SVG_MAX = 1000;

interface Props {
  cells: Uint8Array;
  ids: Uint32Array;
  followed: number | null;
  onPick: (stripeIdx: number) => void;
  label: string;
}

/** Columns and cell size that fill `w` x `h` with `n` square cells. */
export function gridLayout(n: number, w: number, h: number): { cols: number; size: number } {
  if (n === 0 || w <= 0 || h <= 0) return { cols: 1, size: 0 };
  let cols = Math.max(1, Math.ceil(Math.sqrt((n * w) / h)));
  let size = Math.min(w / cols, h / Math.ceil(n / cols));
  // One column fewer may give bigger cells when the rows still fit.
  const alt = cols - 1;
  if (alt >= 1 && Math.ceil(n / alt) * (w / alt) <= h) [cols, size] = [alt, w / alt];
  return { cols, size: Math.max(1, Math.floor(size * 4) / 4) };
}

function SvgGrid({ cells, ids, followed, onPick, cols, size }: Props & { cols: number; size: number }) {
  const gap = size >= 7 ? 1 : 0;
  const rows = Math.ceil(cells.length / cols);
  return (
    <svg width={cols * size} height={rows * size} data-testid="stripe-grid" data-kind="svg" data-cells={cells.length}>
      <defs>
        {CELL_STYLES.map(
          (st, c) =>
            st.pattern !== 'none' && (
              <pattern key={c} id={`cell-p${c}`} width={6} height={6} patternUnits="userSpaceOnUse">
                <rect width={6} height={6} fill={st.colour} />
                <path d={patternPath(st.pattern)} stroke={st.ink} fill={st.ink} strokeWidth={1.2} />
              </pattern>
            ),
        )}
      </defs>
      {Array.from(cells, (c, i) => {
        const st = CELL_STYLES[c] ?? CELL_STYLES[0];
        return (
          <rect
            key={i}
            x={(i % cols) * size}
            y={Math.floor(i / cols) * size}
            width={size - gap}
            height={size - gap}
            fill={st.pattern === 'none' ? st.colour : `url(#cell-p${c})`}
            data-idx={ids[i]}
            data-where={st.where}
            onClick={() => onPick(ids[i])}
          >
            <title>{`stripe_head ${ids[i]}: ${st.label}`}</title>
          </rect>
        );
      })}
      {followed !== null &&
        (() => {
          const i = ids.indexOf(followed);
          return i < 0 ? null : (
            <rect
              x={(i % cols) * size - 1}
              y={Math.floor(i / cols) * size - 1}
              width={size + 1}
              height={size + 1}
              fill="none"
              stroke="#000"
              strokeWidth={2}
              pointerEvents="none"
              data-testid="followed-cell"
            />
          );
        })()}
    </svg>
  );
}

/** What a canvas grid last drew: while the layout holds, a redraw repaints only the cells that changed. */
interface Drawn {
  key: string;
  cells: Uint8Array;
  ctx: CanvasRenderingContext2D;
  fills: (string | CanvasPattern)[];
}

function CanvasGrid({ cells, ids, followed, onPick, cols, size }: Props & { cols: number; size: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const drawn = useRef<Drawn | null>(null);
  const rows = Math.ceil(cells.length / cols);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    const gap = size >= 4 ? 0.5 : 0;
    const f = followed === null ? -1 : ids.indexOf(followed);
    // A new layout, or a followed cell (its outline overlaps the neighbours), paints everything; otherwise only
    // the cells whose class changed (a snapshot changes a few hundred of 4,096 at max speed: bench:ui).
    const key = `${cols}|${size}|${rows}|${dpr}|${cells.length}`;
    const paint = (fills: readonly (string | CanvasPattern)[], i: number) => {
      ctx.fillStyle = fills[cells[i]] ?? fills[0];
      ctx.fillRect((i % cols) * size, Math.floor(i / cols) * size, size - gap, size - gap);
    };
    const last = drawn.current;
    if (last && last.key === key && last.ctx === ctx && f < 0) {
      for (let i = 0; i < cells.length; i++) {
        if (cells[i] === last.cells[i]) continue;
        ctx.clearRect((i % cols) * size, Math.floor(i / cols) * size, size, size);
        paint(last.fills, i);
      }
      last.cells.set(cells);
      return;
    }
    canvas.width = Math.round(cols * size * dpr);
    canvas.height = Math.round(rows * size * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const fills = CELL_STYLES.map((_, c) => cellFill(ctx, c, size >= 6));
    for (let i = 0; i < cells.length; i++) paint(fills, i);
    if (f >= 0) {
      ctx.strokeStyle = '#000';
      ctx.lineWidth = 2;
      ctx.strokeRect((f % cols) * size - 1, Math.floor(f / cols) * size - 1, size + 2, size + 2);
    }
    drawn.current = { key: f >= 0 ? '' : key, cells: cells.slice(), ctx, fills };
  }, [cells, ids, followed, cols, size, rows]);
  const pick = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const i = Math.floor((e.clientY - r.top) / size) * cols + Math.floor((e.clientX - r.left) / size);
    if (i >= 0 && i < ids.length) onPick(ids[i]);
  };
  return (
    <canvas
      ref={ref}
      style={{ width: cols * size, height: rows * size }}
      onClick={pick}
      data-testid="stripe-grid"
      data-kind="canvas"
      data-cells={cells.length}
    />
  );
}

export function StripeGrid(props: Props) {
  const box = useRef<HTMLDivElement>(null);
  const { width, height } = useSize(box);
  const { cols, size } = useMemo(
    () => gridLayout(props.cells.length, width, height),
    [props.cells.length, width, height],
  );
  return (
    <div className="stripe-grid" ref={box} role="img" aria-label={props.label}>
      {size > 0 &&
        (props.cells.length <= SVG_MAX ? (
          <SvgGrid {...props} cols={cols} size={size} />
        ) : (
          <CanvasGrid {...props} cols={cols} size={size} />
        ))}
    </div>
  );
}
