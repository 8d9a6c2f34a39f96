// Power-of-two histograms as text, the way bcc's tools (klockstat, funclatency) print them: a range,
// a count and a bar of stars. Pure formatting: buckets in, lines out.

/** `buckets` are [lowNs, count] with lowNs 0 or a power of two; empty buckets in between are printed too. */
export function log2Lines(buckets: readonly [number, number][], unit = 'nsecs', barWidth = 24): string[] {
  const nz = buckets.filter(([, c]) => c > 0);
  if (nz.length === 0) return [];
  const byLow = new Map(nz.map(([l, c]) => [l, c]));
  const lows: number[] = [];
  const first = nz[0][0];
  const last = nz[nz.length - 1][0];
  if (first === 0) lows.push(0);
  for (let l = Math.max(1, first); l <= last; l *= 2) lows.push(l);
  const max = Math.max(...nz.map(([, c]) => c));
  // The zero bucket holds values below 1, so it is '0 -> 0' ('0 -> 1' overlapped the next bucket's '1 -> 1').
  const rows = lows.map((l) => ({ range: `${l} -> ${l === 0 ? 0 : 2 * l - 1}`, count: byLow.get(l) ?? 0 }));
  const rw = Math.max(unit.length + 4, ...rows.map((r) => r.range.length));
  const cw = Math.max(5, ...rows.map((r) => String(r.count).length));
  const head = `${unit.padStart(Math.ceil(rw / 2) + Math.ceil(unit.length / 2)).padEnd(rw)} : ${'count'.padEnd(cw)}  distribution`;
  return [
    head,
    ...rows.map((r) => {
      const stars = Math.round((r.count / max) * barWidth);
      return `${r.range.padStart(rw)} : ${String(r.count).padEnd(cw)} |${'*'.repeat(stars).padEnd(barWidth)}|`;
    }),
  ];
}
