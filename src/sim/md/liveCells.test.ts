// foldCells: many chunks into at most MAX_CELLS cells, each showing the highest code among its chunks.
import { describe, expect, it } from 'vitest';
import { foldCells, MAX_CELLS } from './liveCells';

describe('foldCells', () => {
  it('keeps one cell per chunk when they fit', () => {
    const codes = [0, 2, 1, 4];
    expect(foldCells(4, (c) => codes[c])).toEqual({ cells: Uint8Array.from(codes), chunksPerCell: 1 });
  });

  it('folds a large bitmap into at most MAX_CELLS cells, the busiest chunk showing', () => {
    const chunks = 40960;
    const { cells, chunksPerCell } = foldCells(chunks, (c) => (c === 40000 ? 4 : c % 2));
    expect(cells.length).toBeLessThanOrEqual(MAX_CELLS);
    expect(chunksPerCell).toBe(80);
    expect(cells[Math.floor(40000 / 80)]).toBe(4);
    expect(cells.filter((v) => v === 4)).toHaveLength(1);
    expect(cells[0]).toBe(1);
  });
});
