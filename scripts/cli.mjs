// Runs a command-line entry (src/cli/*.ts) as one bundled ES module, the shape the browser's build runs:
// `node scripts/cli.mjs src/cli/bench.ts [args]`. Through tsx, every start (the CLI's, and each sweep or
// calibration worker's) compiled the model's hundred TypeScript files first: 1.7-2.0 s against 0.5-0.6 s
// bundled for a 1 ms Lock Lab run. The bundle is named by its content hash, so concurrent runs and stale
// sources cannot mix; the sweep worker is bundled beside it and found through STRIPE_LAB_SWEEP_WORKER.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist-node');
const DAY_MS = 86_400_000;

/** Bundles `entry` and returns the path of its content-named file (written once, atomically). */
async function bundle(entry) {
  const r = await build({
    entryPoints: [resolve(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    write: false,
    logLevel: 'error',
  });
  const code = r.outputFiles[0].contents;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const file = join(outDir, `${basename(entry).replace(/\.ts$/, '')}.${hash}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(outDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, file);
  }
  return file;
}

/** Bundles older than a day are left from earlier sources: nothing running still needs them. */
function prune() {
  if (!existsSync(outDir)) return;
  for (const f of readdirSync(outDir)) {
    const p = join(outDir, f);
    if (Date.now() - statSync(p).mtimeMs > DAY_MS) unlinkSync(p);
  }
}

const [entry, ...args] = process.argv.slice(2);
if (!entry || !entry.endsWith('.ts') || !existsSync(resolve(root, entry))) {
  console.error(`entry=${entry ?? ''}: accepted a TypeScript file under ${root}, e.g. src/cli/sim.ts`);
  process.exit(2);
}
prune();
const [main, worker] = await Promise.all([bundle(entry), bundle('src/cli/sweep/sweepWorker.ts')]);
process.env.STRIPE_LAB_SWEEP_WORKER = worker;
process.argv = [process.argv[0], main, ...args];
await import(pathToFileURL(main).href);
