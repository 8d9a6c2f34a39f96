// Our trace file read by a real consumer: the Chrome DevTools trace engine (@paulirish/trace_engine, the
// Performance panel's model) must keep every slice and every flow of a raid5 window, and the slices must nest
// exactly in doubles (ts + dur as viewers add them). The counts are in the test names.
import { describe, expect, it } from 'vitest';
import * as Trace from '@paulirish/trace_engine';
import { traceFile, type TraceEvent } from './trace';
import { checkTrace } from './traceCheck';
import { resolveScenario } from '../scenarios/scenarioFile';
import { createModel } from '../sim/run';
import { attachTraceTap } from '../sim/traceTap';

function raid5Window(): { traceEvents: TraceEvent[] } {
  const sc = resolveScenario({ preset: 'raid5-3disk-threads', duration: '3ms', warmup: '1ms' });
  const run = createModel(sc.model, sc.params, sc.seed);
  const tap = attachTraceTap(run);
  run.sim.runUntil(sc.warmupNs);
  run.resetStats();
  run.sim.runUntil(2.5e6);
  tap.begin();
  run.sim.runUntil(4e6);
  return traceFile(tap.capture('raid5', 4e6));
}

/** Slices whose end, as ts + dur in doubles, passes their parent's: what made speedscope's staircases. */
function misNested(evs: TraceEvent[]): number {
  const byTid = new Map<number, { ts: number; end: number }[]>();
  for (const e of evs)
    if (e.ph === 'X') {
      const list = byTid.get(e.tid as number) ?? [];
      list.push({ ts: e.ts as number, end: (e.ts as number) + (e.dur as number) });
      byTid.set(e.tid as number, list);
    }
  let bad = 0;
  for (const list of byTid.values()) {
    list.sort((a, b) => a.ts - b.ts || b.end - a.end);
    const stack: number[] = [];
    for (const s of list) {
      while (stack.length && stack[stack.length - 1] <= s.ts) stack.pop();
      if (stack.length && s.end > stack[stack.length - 1]) bad++;
      stack.push(s.end);
    }
  }
  return bad;
}

const file = raid5Window();
const slices = file.traceEvents.filter((e) => e.ph === 'X').length;
const flows = file.traceEvents.filter((e) => e.ph === 's').length;

describe('trace file and real consumers', () => {
  it(`${slices} slices nest exactly in doubles (0 mis-nested) and every flow binds to a slice`, () => {
    expect(slices).toBeGreaterThan(1000);
    expect(misNested(file.traceEvents)).toBe(0);
    expect(checkTrace(file)).toEqual([]);
  });

  it(`the DevTools trace engine keeps ${slices} of ${slices} slices and ${flows} of ${flows} flows`, async () => {
    expect(flows).toBeGreaterThan(100);
    // The engine measures layout with DOMRect, which Node lacks; nothing here draws.
    (globalThis as { DOMRect?: unknown }).DOMRect ??= class {
      constructor(
        public x = 0,
        public y = 0,
        public width = 0,
        public height = 0,
      ) {}
    };
    const model = Trace.TraceModel.Model.createWithAllHandlers();
    await model.parse(file.traceEvents as unknown as Parameters<typeof model.parse>[0]);
    const parsed = model.parsedTrace() as unknown as {
      data?: ParsedData;
    } & ParsedData;
    const data = parsed.data ?? parsed;
    let kept = 0;
    for (const p of data.Renderer.processes.values()) for (const t of p.threads.values()) kept += t.entries.length;
    expect([kept, data.Flows.flows.length]).toEqual([slices, flows]);
    expect(data.Flows.flows.every((f) => f.length === 2)).toBe(true);
  }, 60_000);
});

type ParsedData = {
  Renderer: { processes: Map<number, { threads: Map<number, { entries: unknown[] }> }> };
  Flows: { flows: unknown[][] };
};
