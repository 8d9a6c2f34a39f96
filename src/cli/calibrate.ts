// `npm run calibrate`: fits the machine (CPU speed, the members' latency, bandwidth and parallelism, the parity
// code's speed) to real fio results, on a worker_threads pool, and prints the fit with its intervals, every run's
// residual and what the runs pin down; --out writes the machine profile that --profile applies elsewhere.
// Bad input exits 2 with one line naming the field, the value and what is accepted, before anything runs.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { ParamError, type ParamValue } from '../scenarios/paramSpec';
import { CALIBRATE_USAGE, parseCalibrateArgs, type CalibrateArgs } from './calibrate/args';
import { evalPool } from './calibrate/evalPool';
import { withMdadmDetail } from './mdadmDetail';
import { runOf, type CalRun, type Settings } from '../calibrate/runs';
import { calibrate, predict } from '../calibrate/calibrate';
import { calibrationJson, calibrationText, residualLines } from '../calibrate/report';
import { makeProfile, parseProfile, type MachineProfile } from '../calibrate/profile';

function read(key: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new ParamError(key, file, `a readable file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The settings every run shares: the mdadm paste under --set, the profile's machine under both. */
function settingsOf(a: CalibrateArgs, profile: MachineProfile | null): Settings {
  const { flags } = withMdadmDetail({ model: a.model, sets: a.sets, mdadmDetail: a.mdadmDetail });
  const model = flags.model ?? profile?.model ?? 'raid5';
  if (profile && profile.model !== model)
    throw new ParamError('profile', profile.name, `a profile of model ${model} (this one is of ${profile.model})`);
  const sets: Record<string, ParamValue> = { ...flags.sets };
  return { model, sets, seed: a.seed ?? profile?.settings.seed ?? 1, duration: a.duration, warmup: a.warmup };
}

async function main(argv: string[]): Promise<void> {
  const a = parseCalibrateArgs(argv);
  if (a.help) {
    process.stdout.write(`${CALIBRATE_USAGE}\n`);
    return;
  }
  const profile = a.profile !== undefined ? parseProfile(read('profile', a.profile), a.profile) : null;
  const settings = settingsOf(a, profile);
  // Every file is read and checked before the first model runs.
  // With a profile, its machine sits under the settings: the start of the fit, and the value of a --fix KEY.
  const runSettings = profile ? { ...settings, sets: { ...profile.machine, ...settings.sets } } : settings;
  const runs: CalRun[] = a.measured.map((m) => {
    const text = read('measured', m.file);
    return runOf(runSettings, { file: m.file, text, sha256: sha256(text), with: m.with });
  });
  const jobs = Math.max(1, Math.min(a.jobs ?? availableParallelism(), runs.length * 2));
  const pool = evalPool(jobs);
  const t0 = performance.now();
  try {
    if (a.predict && profile) {
      const p = await predict(runs, profile.machine, pool.evaluate);
      if (a.json)
        process.stdout.write(`${JSON.stringify({ profile: profile.name, residuals: p.residuals, sse: p.sse })}\n`);
      else
        process.stdout.write(
          `${[`predicted on machine ${profile.name} (no fit):`, ...residualLines(p.residuals).map((l) => `  ${l}`)].join('\n')}\n`,
        );
      return;
    }
    const start = profile
      ? (Object.fromEntries(Object.entries(profile.machine).filter(([, v]) => typeof v === 'number')) as Record<
          string,
          number
        >)
      : undefined;
    const progress = !a.json && process.stderr.isTTY;
    const c = await calibrate(runs, pool.evaluate, {
      fix: a.fix,
      start,
      onProgress: (p) => {
        if (progress)
          process.stderr.write(
            `\rcalibrate: ${p.evaluations} evaluations, best squared error ${p.bestSse.toPrecision(3)}  `,
          );
      },
    });
    if (progress) process.stderr.write('\n');
    const wall = (performance.now() - t0) / 1000;
    if (a.out !== undefined) {
      const name = a.name ?? a.out.replace(/^.*\//, '').replace(/\.json$/, '');
      const prof = makeProfile(c, runs, settings.sets, name, new Date().toISOString());
      try {
        writeFileSync(a.out, `${JSON.stringify(prof, null, 2)}\n`);
      } catch (e) {
        throw new ParamError('out', a.out, `a writable file path (${(e as Error).message})`);
      }
    }
    if (a.json) process.stdout.write(`${JSON.stringify(calibrationJson(c))}\n`);
    else
      process.stdout.write(
        `calibrate: ${runs.length} runs, seed ${settings.seed}; ${c.evaluations} evaluations in ${wall.toFixed(1)} s on ${jobs} workers\n${calibrationText(c)}\n${a.out ? `profile written to ${a.out}\n` : ''}`,
      );
  } finally {
    pool.close();
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(e instanceof ParamError ? `${e.message}\n` : `error: ${(e as Error).message}\n`);
  process.exit(e instanceof ParamError ? 2 : 1);
});
