// Checks a trace-event file against the rules Chrome's and Perfetto's JSON importers rely on: required
// fields per phase, names for every process and thread, non-negative durations, per-thread nesting in exact
// doubles, flows paired and bound to a slice.
// Pure: returns the violations as readable lines; it fixes nothing.

/** No tolerance: viewers compare ts + dur in doubles as they are, so the file must nest exactly in doubles. */
const EPS_US = 0;

type Ev = Record<string, unknown>;
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

export function checkTrace(file: unknown): string[] {
  const out: string[] = [];
  const events = (file as { traceEvents?: unknown })?.traceEvents;
  if (!Array.isArray(events)) return ['traceEvents is not an array'];
  const procNames = new Set<number>();
  const threadNames = new Set<string>();
  const tracks = new Map<string, { ts: number; end: number; name: string; i: number }[]>();
  const flows = new Map<string, { s?: number; f?: number }>();
  const sliceStarts = new Set<string>();
  const flowEnds: { key: string; where: string }[] = [];
  (events as Ev[]).forEach((e, i) => {
    const where = `event ${i} (${String(e.name)}, ph ${String(e.ph)})`;
    if (typeof e.name !== 'string' || typeof e.ph !== 'string' || !isNum(e.pid)) {
      out.push(`${where}: needs name, ph and pid`);
      return;
    }
    if (e.ph !== 'M' && !isNum(e.ts)) out.push(`${where}: needs a numeric ts`);
    switch (e.ph) {
      case 'M': {
        const name = (e.args as { name?: unknown } | undefined)?.name;
        if (e.name === 'process_name') {
          if (typeof name === 'string') procNames.add(e.pid);
          else out.push(`${where}: process_name without args.name`);
        } else if (e.name === 'thread_name') {
          if (typeof name === 'string' && isNum(e.tid)) threadNames.add(`${e.pid}/${e.tid}`);
          else out.push(`${where}: thread_name without tid or args.name`);
        }
        break;
      }
      case 'X': {
        if (!isNum(e.tid)) out.push(`${where}: complete event without tid`);
        if (!isNum(e.dur) || e.dur < 0) out.push(`${where}: complete event needs dur >= 0`);
        const key = `${e.pid}/${e.tid}`;
        const list = tracks.get(key) ?? [];
        list.push({ ts: e.ts as number, end: (e.ts as number) + (e.dur as number), name: e.name, i });
        sliceStarts.add(`${key}/${String(e.cat)}@${String(e.ts)}`);
        tracks.set(key, list);
        break;
      }
      case 'C':
        if (typeof e.args !== 'object' || e.args === null || !Object.values(e.args).every(isNum))
          out.push(`${where}: counter args must be numbers`);
        break;
      case 's':
      case 't':
      case 'f': {
        if (!isNum(e.tid) || e.id === undefined) out.push(`${where}: flow event needs tid and id`);
        const key = `${String(e.cat)}/${String(e.id)}`;
        const fl = flows.get(key) ?? {};
        flowEnds.push({ key: `${e.pid}/${String(e.tid)}/${String(e.cat)}@${String(e.ts)}`, where });
        if (e.ph === 's') fl.s = e.ts as number;
        if (e.ph === 'f') fl.f = e.ts as number;
        flows.set(key, fl);
        break;
      }
      default:
        break;
    }
  });
  for (const [key, list] of tracks) {
    const pid = Number(key.split('/')[0]);
    if (!procNames.has(pid)) out.push(`pid ${pid}: no process_name metadata`);
    if (!threadNames.has(key)) out.push(`thread ${key}: no thread_name metadata`);
    // Sort as the importers do (start, then longer first, then file order); each slice must end inside its parent.
    list.sort((a, b) => a.ts - b.ts || b.end - a.end || a.i - b.i);
    const stack: { end: number; name: string }[] = [];
    for (const s of list) {
      while (stack.length && stack[stack.length - 1].end <= s.ts + EPS_US) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent && s.end > parent.end + EPS_US)
        out.push(
          `thread ${key}: '${s.name}' at ${s.ts}us ends after its parent '${parent.name}' (${s.end} > ${parent.end})`,
        );
      stack.push({ end: s.end, name: s.name });
    }
  }
  // The DevTools trace engine binds a flow phase event to the slice of the same ts, pid, tid and cat, and drops
  // the flow otherwise; Catapult and Perfetto bind to the slice enclosing ts, which a slice starting there is.
  for (const fe of flowEnds)
    if (!sliceStarts.has(fe.key)) out.push(`${fe.where}: no slice of its category starts at its ts on its thread`);
  for (const [key, f] of flows) {
    if (f.s === undefined || f.f === undefined) out.push(`flow ${key}: needs both a start (s) and an end (f)`);
    else if (f.f < f.s) out.push(`flow ${key}: ends before it starts`);
  }
  return [...new Set(out)].slice(0, 50);
}
