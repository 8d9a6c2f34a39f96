// CPU classes: `server` is exactly the costs every model had before classes, cpu_speed scales every CPU figure by
// the one rule, an explicit key still wins, no preset sets a cost, and bad cpu_model / cpu_speed are refused.
import { describe, expect, it } from 'vitest';
import { MODELS, PRESETS } from './catalog';
import { CPU_CLASSES } from './cpuClasses';
import { ParamError, resolveParams } from './paramSpec';
import { resolveScenario } from './scenarioFile';

const CPU_MODELS = ['raid5', 'raid1', 'raid10', 'loop', 'ext4'];
const cpuKeys = (model: string) =>
  MODELS.find((m) => m.name === model)!
    .params.filter(
      (s) =>
        s.key.startsWith('cost.') || ['wakeup', 'switch', 'xor_speed', 'raid6_speed', 'memcpy_speed'].includes(s.key),
    )
    .map((s) => s.key);

/** The figures every model had before CPU classes (written out, so a change to the table shows here). */
const BEFORE: Record<string, number> = {
  wakeup: 3_000,
  switch: 1_000,
  xor_speed: 20e9,
  memcpy_speed: 10e9,
  'cost.fio': 1_500,
  'cost.lookup': 300,
  'cost.add_bio': 250,
  'cost.release': 200,
  'cost.pick': 150,
  'cost.handle': 1_500,
  'cost.copy_page': 400,
  'cost.bounce': 300,
  'cost.queue_lock': 500,
  'cost.offload_queue': 600,
  'cost.handoff': 100,
  'cost.md_clone': 400,
  'cost.bitmap_counter': 150,
  'cost.llbitmap_state': 60,
  'cost.unplug_check': 200,
  'cost.sync_step': 300,
};

describe('cpu_model=server', () => {
  it("is the default and gives every model exactly the figures its specs state (today's defaults)", () => {
    for (const model of CPU_MODELS) {
      const info = MODELS.find((m) => m.name === model)!;
      const r = resolveScenario({ model }).params;
      expect(r.cpu_model).toBe('server');
      expect(r.cpu_speed).toBe(1);
      for (const s of info.params)
        if (cpuKeys(model).includes(s.key)) expect(r[s.key], `${model} ${s.key}`).toBe(s.default);
    }
  });
  it('matches the costs written down before classes existed', () => {
    const r = resolveScenario({ model: 'raid5' }).params;
    for (const [k, v] of Object.entries(BEFORE)) expect(r[k], k).toBe(v);
    const m = resolveScenario({ model: 'raid1' }).params;
    expect([m['cost.make_request'], m['cost.submit'], m['cost.sync_write'], m['cost.sync_compare']]).toEqual([
      800, 1_500, 2_000, 300,
    ]);
  });
});

describe('the class rule', () => {
  it("divides every cost by cpu_speed and multiplies xor and memcpy, from each class's own figures", () => {
    for (const [name, c] of Object.entries(CPU_CLASSES)) {
      const r = resolveScenario({ model: 'raid5', params: { cpu_model: name } }).params;
      expect(r.cpu_speed).toBe(c.speed);
      expect(r['cost.handle']).toBe(Math.round(1_500 / c.speed));
      expect(r.xor_speed).toBe(c.xorBytesPerSec);
      expect(r.memcpy_speed).toBe(c.memcpyBytesPerSec);
      expect(r.wakeup).toBe(Math.round(c.wakeupNs ?? 3_000 / c.speed));
    }
  });
  it('an overridden cpu_speed moves times and throughputs together', () => {
    const r = resolveScenario({ model: 'raid5', params: { cpu_model: 'atom', cpu_speed: 0.6 } }).params;
    expect(r['cost.submit']).toBe(2_500);
    expect(r.xor_speed).toBeCloseTo(CPU_CLASSES.atom.xorBytesPerSec * 2, 0);
    expect(r.switch).toBe(Math.round(1_000 / 0.6));
  });
  it('a key given explicitly is kept', () => {
    const r = resolveScenario({ model: 'raid1', params: { cpu_model: 'vm', 'cost.fio': '7us', wakeup: '1us' } }).params;
    expect(r['cost.fio']).toBe(7_000);
    expect(r.wakeup).toBe(1_000);
    expect(r['cost.submit']).toBe(1_500 / CPU_CLASSES.vm.speed);
  });
});

describe('presets state hardware, workload, knobs and mechanisms: no CPU costs', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s', (_id, p) => {
    for (const params of [p.params, p.baseline ?? {}]) {
      const tuned = Object.keys(params).filter(
        (k) => k.startsWith('cost.') || ['xor_speed', 'memcpy_speed', 'wakeup', 'switch', 'cpu_speed'].includes(k),
      );
      expect(tuned).toEqual([]);
    }
  });
});

describe('bad cpu_model and cpu_speed are refused by name, value and what is accepted', () => {
  const refusal = (model: string, given: Record<string, unknown>) => {
    try {
      resolveParams(MODELS.find((m) => m.name === model)!.params, given);
      return null;
    } catch (e) {
      if (e instanceof ParamError) return e.message;
      throw e;
    }
  };
  it.each(CPU_MODELS)('%s', (model) => {
    expect(refusal(model, { cpu_model: 'foo' })).toBe(
      `cpu_model=foo: accepted ${Object.keys(CPU_CLASSES).join(' | ')}`,
    );
    for (const v of ['0', '-1', 0, '', 'fast'])
      expect(refusal(model, { cpu_speed: v })).toBe(
        `cpu_speed=${typeof v === 'string' ? v : JSON.stringify(v)}: accepted a number above 0, at most 100`,
      );
    expect(refusal(model, { cpu_speed: '0.001' })).toBeNull();
  });
});
