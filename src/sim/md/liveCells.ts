// The bitmap as a small grid for the UI: per-chunk state codes folded into at most MAX_CELLS cells, each cell
// the highest code among its chunks. Read-only over the bitmap; called from snapshots, never from results.

/** A grid this size stays an SVG in the UI (design.md: SVG below ~1,000 elements). */
export const MAX_CELLS = 512;

/** Folds `chunks` codes (from `codeOf`) into cells of `per` chunks each, keeping the highest code. */
export function foldCells(
  chunks: number,
  codeOf: (chunk: number) => number,
): { cells: Uint8Array; chunksPerCell: number } {
  const per = Math.max(1, Math.ceil(chunks / MAX_CELLS));
  const cells = new Uint8Array(Math.ceil(chunks / per));
  for (let c = 0; c < chunks; c++) {
    const i = Math.floor(c / per);
    const v = codeOf(c);
    if (v > cells[i]) cells[i] = v;
  }
  return { cells, chunksPerCell: per };
}
