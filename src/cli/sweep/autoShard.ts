// `--shard auto/N` for the batch runners users already have: a Kubernetes Indexed Job's JOB_COMPLETION_INDEX
// (0-based, so shard = index + 1) or a Slurm job array's SLURM_ARRAY_TASK_ID (run with --array=1-N, so shard =
// task id). Reads only the environment it is given; refuses by name when neither variable says which shard.
import { ParamError } from '../../scenarios/paramSpec';

type Env = Readonly<Record<string, string | undefined>>;

function index(env: Env, name: string, text: string, n: number, zeroBased: boolean): number | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  const lo = zeroBased ? 0 : 1;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < lo || Number(raw) > n - 1 + lo)
    throw new ParamError(
      'shard',
      `${text} with ${name}=${raw}`,
      `${name} an integer ${lo}..${n - 1 + lo} for ${n} shards (${zeroBased ? 'completions: N, 0-based' : 'sbatch --array=1-N'})`,
    );
  return Number(raw) + (zeroBased ? 1 : 0);
}

/** `auto/N` to `K/N` from the environment; any other text is returned as it is (parseShard checks it). */
export function resolveShard(text: string | undefined, env: Env): string | undefined {
  if (text === undefined) return undefined;
  const m = /^auto\/(\d+)$/.exec(text.trim());
  if (!m) return text;
  const n = Number(m[1]);
  if (!(n >= 1)) throw new ParamError('shard', text, 'auto/N with N >= 1');
  const k8s = index(env, 'JOB_COMPLETION_INDEX', text, n, true);
  const slurm = index(env, 'SLURM_ARRAY_TASK_ID', text, n, false);
  if (k8s !== null && slurm !== null && k8s !== slurm)
    throw new ParamError(
      'shard',
      text,
      `one shard index: JOB_COMPLETION_INDEX=${env.JOB_COMPLETION_INDEX} says shard ${k8s}, SLURM_ARRAY_TASK_ID=${env.SLURM_ARRAY_TASK_ID} says ${slurm}`,
    );
  const k = k8s ?? slurm;
  if (k === null)
    throw new ParamError(
      'shard',
      text,
      'auto/N only where JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) or SLURM_ARRAY_TASK_ID (a Slurm job array) is set; neither is: use K/N',
    );
  return `${k}/${n}`;
}
