// Real fio results for the measured-file tests: Debian's fio writes them (ioengine=null, 200 ms) into a temporary
// directory, so the fixtures are fio's own output, never hand-written. Needs fio (.ci/run installs it).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const fioDir = mkdtempSync(join(tmpdir(), 'stripe-lab-measured-'));

/** Runs fio with `--name=job` and these options; returns the path of its JSON (or json+) output. */
export function realFio(out: string, opts: Record<string, string>, format: 'json' | 'json+' = 'json'): string {
  const file = join(fioDir, out);
  const args = [
    '--name=job',
    `--filename=${join(fioDir, 'target')}`,
    '--size=16m',
    '--ioengine=null',
    '--runtime=200ms',
    '--time_based',
    ...Object.entries(opts).map(([k, v]) => (v === '' ? `--${k}` : `--${k}=${v}`)),
    `--output-format=${format}`,
    `--output=${file}`,
  ];
  const r = spawnSync('fio', args, { encoding: 'utf8' });
  if (r.error || r.status !== 0)
    throw new Error(`Debian's fio must be installed (apt-get install fio): ${String(r.error ?? r.stderr)}`);
  return file;
}

/** fio run from a job file with a [global] section, so the options sit in "global options". */
export function realFioJobFile(out: string, global: Record<string, string>): string {
  const jobFile = join(fioDir, `${out}.fio`);
  const lines = ['[global]', `filename=${join(fioDir, 'target')}`, 'size=16m', 'ioengine=null', 'runtime=200ms'];
  lines.push('time_based', ...Object.entries(global).map(([k, v]) => `${k}=${v}`), '[job]');
  writeFileSync(jobFile, `${lines.join('\n')}\n`);
  const file = join(fioDir, out);
  const r = spawnSync('fio', [jobFile, '--output-format=json', `--output=${file}`], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`fio failed on ${jobFile}: ${String(r.error ?? r.stderr)}`);
  return file;
}

export const text = (file: string) => readFileSync(file, 'utf8');
