// A small SVG grid of coded cells (at most ~1,000) with patterns and a legend that names and counts each
// code: the bitmap's chunks, raid5's async op phases. Draws what it is given; no state.
import { useMemo, useRef } from 'react';
import { patternPath, swatchCss } from '../raid5/cellPalette';
import { gridLayout } from '../raid5/StripeGrid';
import { useSize } from '../useSize';
import type { CodeStyle } from './codeStyles';
import { codeCounts } from './mdPicture';

/** Cells fill the box they are given (square, at most MAX_CELL px), like the stripe cache grid. */
const MAX_CELL = 12;

export function CodeGrid({
  cells,
  styles,
  id,
  label,
  testId,
}: {
  cells: Uint8Array;
  styles: readonly CodeStyle[];
  id: string;
  label: string;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const { width, height } = useSize(box);
  const fit = useMemo(() => gridLayout(cells.length, width, height), [cells.length, width, height]);
  const size = Math.min(MAX_CELL, fit.size);
  const cols = size < fit.size ? Math.max(1, Math.floor(width / size)) : fit.cols;
  const counts = codeCounts(cells, styles.length);
  const rows = Math.ceil(cells.length / cols);
  return (
    <div className="bm-grid" data-testid={testId} data-cells={cells.length}>
      <div className="bm-box" ref={box}>
        {size > 0 && (
          <svg
            width={cols * size}
            height={rows * size}
            role="img"
            aria-label={`${label}: ${styles.map((s, i) => `${counts[i]} ${s.label}`).join(', ')}`}
          >
            <defs>
              {styles.map(
                (st, c) =>
                  st.pattern !== 'none' && (
                    <pattern key={c} id={`${id}-p${c}`} width={6} height={6} patternUnits="userSpaceOnUse">
                      <rect width={6} height={6} fill={st.colour} />
                      <path d={patternPath(st.pattern)} stroke={st.ink} fill={st.ink} strokeWidth={1.2} />
                    </pattern>
                  ),
              )}
            </defs>
            {Array.from(cells, (c, i) => {
              const st = styles[c] ?? styles[0];
              return (
                <rect
                  key={i}
                  x={(i % cols) * size}
                  y={Math.floor(i / cols) * size}
                  width={size - (size >= 5 ? 1 : 0)}
                  height={size - (size >= 5 ? 1 : 0)}
                  fill={st.pattern === 'none' ? st.colour : `url(#${id}-p${c})`}
                  data-code={c}
                />
              );
            })}
          </svg>
        )}
      </div>
      <ul className="bm-legend">
        {styles.map((st, c) => (
          <li key={st.label} title={st.about} data-testid={`${id}-count-${st.label}`} data-count={counts[c]}>
            <i className="swatch" style={{ background: swatchCss(st) }} aria-hidden="true" />
            {st.label} <b>{counts[c]}</b>
          </li>
        ))}
      </ul>
    </div>
  );
}
