// raid5 address mapping (raid5_compute_sector) with the left-symmetric layout (ALGORITHM_LEFT_SYMMETRIC,
// mdadm's default): which row (stripe_head sector), data disk and parity disk a logical 4K page maps to.
export interface Geometry {
  disks: number;
  level: 5 | 6;
  dataDisks: number;
  pagesPerChunk: number;
}

export function makeGeometry(level: 5 | 6, disks: number, chunkBytes: number): Geometry {
  return { disks, level, dataDisks: disks - (level === 6 ? 2 : 1), pagesPerChunk: chunkBytes / 4096 };
}

export interface Mapped {
  /** stripe_head sector in pages on each member. */
  sector: number;
  ddIdx: number;
  pdIdx: number;
  qdIdx: number;
}

/** Parity disks of a row: P rotates left-symmetrically; raid6's Q follows P. */
export function parityOf(g: Geometry, sector: number): { pdIdx: number; qdIdx: number } {
  const row = Math.floor(sector / g.pagesPerChunk);
  const n = g.disks;
  if (g.level === 5) return { pdIdx: g.dataDisks - (row % n), qdIdx: -1 };
  // raid6 left-symmetric: P at (n-1 - row%n), Q right after it.
  const pd = n - 1 - (row % n);
  return { pdIdx: pd, qdIdx: (pd + 1) % n };
}

export function mapPage(g: Geometry, page: number): Mapped {
  const chunk = Math.floor(page / g.pagesPerChunk);
  const offset = page % g.pagesPerChunk;
  const row = Math.floor(chunk / g.dataDisks);
  const dataIndex = chunk % g.dataDisks;
  const sector = row * g.pagesPerChunk + offset;
  const { pdIdx, qdIdx } = parityOf(g, sector);
  // Data disks follow the parity disk(s) cyclically (left-symmetric).
  const first = g.level === 5 ? pdIdx + 1 : qdIdx + 1;
  return { sector, ddIdx: (first + dataIndex) % g.disks, pdIdx, qdIdx };
}

/** Member disk index of a page for a direct (chunk-aligned) read. */
export function memberOf(g: Geometry, page: number): { disk: number; sector: number } {
  const m = mapPage(g, page);
  return { disk: m.ddIdx, sector: m.sector };
}
