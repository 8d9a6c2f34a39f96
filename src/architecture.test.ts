// design.md section 2 as a test: every import in src/ must be an edge the rooms table allows, and the
// simulation never reads a wall clock, Math.random, timers or the DOM. The checker is tested on bad code too.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse, readTree, type SourceFacts } from './testing/importGraph';

type Room =
  | 'lib'
  | 'analysis'
  | 'export'
  | 'sim/core'
  | 'sim/block'
  | 'sim/md'
  | 'model'
  | 'sim'
  | 'scenarios'
  | 'protocol'
  | 'worker'
  | 'bridge'
  | 'state'
  | 'views'
  | 'cli'
  | 'calibrate'
  | 'testing'
  | 'app'
  | 'test';

interface Rule {
  /** Rooms whose runtime code it may import (its own room is always allowed; a model only itself). */
  runtime: Room[];
  /** Further rooms it may take types from (`import type`, erased at build). */
  types?: Room[];
  /** npm packages it may import (package names; 'node:*' for Node built-ins). */
  packages?: string[];
}

// The table of design.md section 2. `sim` is run.ts and models/index.ts: the only code that may name a
// model. A test file may import anything. Test helpers (src/testing/, or a `testkit.ts` beside the code
// it serves) are room `testing`, whatever folder they sit in, and production code never imports them.
const RULES: Record<Room, Rule> = {
  lib: { runtime: [] },
  // Not in design.md's table yet: leaves like lib for sweeps and charts. analysis: pure numbers (Student t,
  // USL fit, trends); export: text formats (CSV) from plain data. Used outside the simulation only.
  // analysis may read the result contract's types (sweep aggregation takes SimResults; CLI and UI share it).
  analysis: { runtime: ['lib'], types: ['sim/core'] },
  export: { runtime: ['analysis', 'lib'] },
  'sim/core': { runtime: ['lib'], packages: ['pure-rand'] },
  // sim/block: the block layer under every model's members (plug, merging, tags, device classes; issue 12),
  // a room of its own between the core and the models.
  'sim/block': { runtime: ['sim/core', 'lib'] },
  // sim/md: md core (md.c's part): the write-intent bitmaps, md_do_sync and their contract with the array
  // personalities, which import it as raid5.c and raid1.c use md.c.
  'sim/md': { runtime: ['sim/core', 'sim/block', 'lib'] },
  model: { runtime: ['sim/core', 'sim/block', 'sim/md', 'lib'] },
  // types from export: sim/traceTap.ts fills export/trace's TraceCapture shape (the tap lives in sim so the CLI and the worker share it).
  // analysis: sim/warmup.ts applies MSER-5 (a pure function) to a run's own throughput for detected warm-up.
  sim: { runtime: ['sim/core', 'sim/block', 'sim/md', 'model', 'analysis', 'lib'], types: ['export'] },
  scenarios: { runtime: ['lib'], types: ['sim', 'sim/core', 'model'], packages: ['valibot'] },
  protocol: { runtime: ['lib'], types: ['sim', 'sim/core', 'model', 'scenarios'] },
  worker: { runtime: ['sim', 'sim/core', 'scenarios', 'protocol', 'analysis', 'export', 'lib'], types: ['model'] },
  bridge: { runtime: ['protocol', 'lib'] },
  // valibot: links and saved scenarios are checked like scenario files; lz-string: compact permalinks (issue 6).
  state: {
    runtime: ['bridge', 'protocol', 'scenarios', 'calibrate', 'analysis', 'export', 'lib'],
    packages: ['zustand', 'valibot', 'lz-string'],
  },
  views: {
    runtime: ['state', 'analysis', 'export', 'lib'],
    types: ['protocol', 'calibrate'],
    packages: ['react', 'react-dom', 'd3', 'uplot'],
  }, // uPlot: design.md 5
  // calibrate: fitting a machine to real fio results (issue 17); pure, its model runs come through an evaluator
  // the caller passes (worker_threads in the CLI, the batch pool in the browser). mljs's Levenberg-Marquardt and
  // its matrix package (the SVD of the fit's Jacobian); valibot checks a machine profile file.
  calibrate: {
    runtime: ['scenarios', 'lib'],
    types: ['sim', 'sim/core'],
    packages: ['ml-levenberg-marquardt', 'ml-matrix', 'valibot'],
  },
  cli: {
    runtime: ['sim', 'sim/core', 'scenarios', 'calibrate', 'analysis', 'export', 'lib'],
    types: ['model'],
    // fast-check: `npm run fuzz` draws and shrinks configurations as the CI fuzz test does (issue 11).
    packages: ['node:*', 'pure-rand', 'fast-check'],
  },
  testing: {
    runtime: ['sim', 'sim/core', 'model', 'scenarios', 'protocol', 'calibrate', 'analysis', 'export', 'lib'],
    packages: ['node:*', 'vitest', 'typescript'],
  },
  app: { runtime: ['views', 'state', 'lib'], packages: ['react', 'react-dom'] },
  test: { runtime: [] }, // not consulted: tests may import anything
};

const isTest = (f: string) => /\.test\.tsx?$/.test(f);
const isHelper = (f: string) => f.startsWith('testing/') || /(^|\/)([\w.-]+\.)?testkit\.tsx?$/.test(f);

/** The room of a path relative to src/ (the model's name is kept so models can be told apart). */
function roomOf(f: string): { room: Room; model?: string } | null {
  if (isTest(f)) return { room: 'test' };
  const m = /^sim\/models\/([^/]+)\//.exec(f);
  if (m) return { room: 'model', model: m[1] };
  if (f.startsWith('sim/core/')) return { room: 'sim/core' };
  if (f.startsWith('sim/block/')) return { room: 'sim/block' };
  if (f.startsWith('sim/md/')) return { room: 'sim/md' };
  if (f.startsWith('sim/')) return { room: 'sim' };
  const top = f.split('/')[0];
  if (
    [
      'lib',
      'analysis',
      'export',
      'scenarios',
      'protocol',
      'worker',
      'bridge',
      'state',
      'views',
      'cli',
      'calibrate',
      'testing',
    ].includes(top) &&
    f.includes('/')
  )
    return { room: top as Room };
  if (/^main\.tsx?$/.test(f) || /^App\.tsx?$/.test(f)) return { room: 'app' };
  return null;
}

/** Every broken rule in a tree of analysed files (paths relative to src/), as readable lines. */
function violations(tree: Map<string, SourceFacts>): string[] {
  const out: string[] = [];
  for (const [f, facts] of tree) {
    const own = roomOf(f);
    if (!own) {
      out.push(`${f}: not in any room of design.md section 2`);
      continue;
    }
    if (own.room === 'test') continue;
    const room: Room = isHelper(f) ? 'testing' : own.room;
    const rule = RULES[room];
    for (const e of facts.imports) {
      const where = `${f}:${e.line}`;
      if (e.external) {
        const ok = (rule.packages ?? []).some((p) => p === e.target || (p === 'd3' && e.target.startsWith('d3-')));
        if (!ok && !e.typeOnly) out.push(`${where}: ${room} may not import package '${e.target}'`);
        continue;
      }
      if (/\.(css|svg|png)$/.test(e.target)) continue; // assets go where the bundler puts them
      if (!tree.has(e.target)) {
        out.push(`${where}: import of '${e.target}', which is not a source file`);
        continue;
      }
      if (isTest(e.target) || (isHelper(e.target) && room !== 'testing')) {
        out.push(`${where}: production code imports test code '${e.target}'`);
        continue;
      }
      const to = roomOf(e.target);
      if (!to) continue; // reported for that file itself
      if (to.room === 'model' && own.room === 'model' && room !== 'testing') {
        if (to.model !== own.model)
          out.push(`${where}: model '${own.model}' imports another model's internals ('${e.target}')`);
        continue;
      }
      if (to.room === room) continue;
      if (rule.runtime.includes(to.room)) continue;
      if (e.typeOnly && rule.types?.includes(to.room)) continue;
      out.push(`${where}: ${room} may not import ${e.typeOnly ? 'types from ' : ''}${to.room} ('${e.target}')`);
    }
    if (f.startsWith('sim/') && room !== 'testing') {
      for (const h of facts.hazards)
        out.push(`${f}:${h.line}: ${h.what} inside src/sim (a run must be a pure function of scenario and seed)`);
    }
  }
  return out;
}

const SRC = dirname(fileURLToPath(import.meta.url));

/** The rooms table of ARCHITECTURE.md, row by row: the backticked names in each of its import columns. */
function documentedRooms(markdown: string): Map<string, { runtime: string[]; types: string[]; packages: string[] }> {
  const names = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
  const rows = new Map<string, { runtime: string[]; types: string[]; packages: string[] }>();
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // | `room` | where | holds | may import | types from | packages |
    if (cells.length !== 8 || !/^`[^`]+`$/.test(cells[1])) continue;
    rows.set(names(cells[1])[0], { runtime: names(cells[4]), types: names(cells[5]), packages: names(cells[6]) });
  }
  return rows;
}

const sorted = (xs: readonly string[] | undefined) => [...(xs ?? [])].sort();

describe('architecture (design.md section 2)', () => {
  it('every import in src/ is an edge the rooms table allows; src/sim has no wall clock, Math.random, timers or DOM', () => {
    const tree = readTree(SRC);
    expect(tree.size).toBeGreaterThan(20);
    expect(violations(tree)).toEqual([]);
  });

  it('ARCHITECTURE.md names every room of RULES, and no other, with the same imports', () => {
    const doc = documentedRooms(readFileSync(join(SRC, '..', 'ARCHITECTURE.md'), 'utf8'));
    expect([...doc.keys()].sort()).toEqual(Object.keys(RULES).sort());
    for (const [room, rule] of Object.entries(RULES)) {
      if (room === 'test') continue; // tests are not checked: the row says "anything"
      const row = doc.get(room);
      expect({
        room,
        runtime: sorted(row?.runtime),
        types: sorted(row?.types),
        packages: sorted(row?.packages),
      }).toEqual({
        room,
        runtime: sorted(rule.runtime),
        types: sorted(rule.types),
        packages: sorted(rule.packages),
      });
    }
  });

  it('reads the rooms table of a markdown text by its backticked names', () => {
    const md = [
      '| room | where | holds | may import | types from | packages |',
      '| --- | --- | --- | --- | --- | --- |',
      '| `views` | `src/views/` | React | `state`, `lib` | `protocol` | `react` |',
      '| `lib` | `src/lib/` | helpers | — | — | — |',
      'text with | `pipes` | that | is not a row |',
    ].join('\n');
    const rows = documentedRooms(md);
    expect([...rows.keys()]).toEqual(['views', 'lib']);
    expect(rows.get('views')).toEqual({ runtime: ['state', 'lib'], types: ['protocol'], packages: ['react'] });
    expect(rows.get('lib')).toEqual({ runtime: [], types: [], packages: [] });
  });

  it('the checker itself catches each kind of violation (and lets type-only and allowed edges through)', () => {
    const files: Record<string, string> = {
      'lib/units.ts': 'export const x = 1;',
      'sim/core/kernel.ts':
        "import { x } from '../../lib/units';\nimport { App } from '../../views/App';\nconst t = Date.now() + performance.now() + Math.random();\nconst d = new Date();\nsetTimeout(() => 0, 1);\ndocument.title = 'x';\n// Math.random in a comment is fine\nexport const k = 1;",
      'sim/models/raid5/raid5.ts':
        "import { k } from '../../core/kernel';\nimport { l } from '../lockLab/lockLab';\nimport * as d3 from 'd3';",
      'sim/models/lockLab/lockLab.ts': 'export const l = 1;',
      'sim/run.ts': "import { l } from './models/lockLab/lockLab';",
      'scenarios/catalog.ts': "import type { k } from '../sim/core/kernel';\nimport { createModel } from '../sim/run';",
      'views/App.tsx':
        "import { type X } from '../protocol/messages';\nimport { SimBridge } from '../bridge/simBridge';\nimport { y } from '../sim/models/raid5/raid5.test';",
      'protocol/messages.ts': 'export type X = number;',
      'bridge/simBridge.ts': 'export class SimBridge {}',
      'sim/models/raid5/testkit.ts': "import { runScenario } from '../../run';\nexport const y = 1;",
      'sim/models/raid5/raid5.test.ts':
        "import { y } from './testkit';\nimport { App } from '../../../views/App';\nexport const z = 1;",
      'stray.ts': 'export {};',
    };
    const set = new Set(Object.keys(files));
    const tree = new Map(Object.entries(files).map(([f, text]) => [f, analyse('/src', f, text, (p) => set.has(p))]));
    const v = violations(tree).join('\n');
    expect(v).toContain("sim/core/kernel.ts:2: sim/core may not import views ('views/App.tsx')");
    for (const h of ['Date.now', 'performance.now', 'Math.random', 'new Date(', 'setTimeout', 'document'])
      expect(v).toContain(`: ${h} inside src/sim`);
    expect(v).not.toContain('kernel.ts:7:');
    expect(v).toContain("model 'raid5' imports another model's internals");
    expect(v).toContain("model may not import package 'd3'");
    expect(v).toContain("scenarios/catalog.ts:2: scenarios may not import sim ('sim/run.ts')");
    expect(v).not.toContain('scenarios/catalog.ts:1');
    expect(v).toContain('views/App.tsx:2: views may not import bridge');
    expect(v).toContain("views/App.tsx:3: production code imports test code 'sim/models/raid5/raid5.test.ts'");
    expect(v).not.toContain('views/App.tsx:1');
    expect(v).not.toContain('testkit.ts:1'); // a test helper may use the runner
    expect(v).not.toMatch(/^sim\/models\/raid5\/raid5\.test\.ts/m); // tests may import anything
    expect(v).not.toMatch(/^sim\/run\.ts/m); // the runner may name models
    expect(v).toContain('stray.ts: not in any room');
  });
});
