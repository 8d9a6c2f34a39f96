// A followed stripe_head's history in words: "queued on handle_list at 12.403 ms, picked by md0_raid5 at
// 12.411 ms, ...". Pure formatting of the model's "<time> ms: <event>" lines; no state.

/** One history line as { atMs, what }; lines without a time come back as they are. */
export function parseLine(line: string): { atMs: number | null; what: string } {
  const m = /^(\d+(?:\.\d+)?) ms: (.*)$/.exec(line);
  return m ? { atMs: Number(m[1]), what: m[2] } : { atMs: null, what: line };
}

/** Milliseconds with µs precision, trailing zeros kept to three places: 12.403 ms, 12.4032 ms. */
export function fmtMs(ms: number): string {
  const s = ms.toFixed(4);
  return `${s.endsWith('0') ? ms.toFixed(3) : s} ms`;
}

/** The events as phrases ("picked by md0_raid5 at 0.207 ms"), oldest first. */
export function historyPhrases(lines: readonly string[]): string[] {
  return lines.map((l) => {
    const { atMs, what } = parseLine(l);
    return atMs === null ? what : `${what} at ${fmtMs(atMs)}`;
  });
}
