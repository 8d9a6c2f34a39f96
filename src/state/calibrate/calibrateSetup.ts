// The Calibrate page's form as text, checked: the settings every run shares (KEY=VALUE words, under a pasted
// `mdadm --detail` read by the tested parser), each file's own --with words, the --fix words and the run length,
// turned into the runs calibrate/ fits. Every refusal is one line naming the field, the value and what is
// accepted, attached to the part of the form it came from. Pure: no store, no workers.
import { ParamError, type ParamValue } from '../../scenarios/paramSpec';
import { parseMdadmDetail } from '../../scenarios/measured/mdadmDetail';
import { scenarioFromMdadm } from '../../scenarios/measured/mdadmScenario';
import { runOf, type CalRun, type Settings } from '../../calibrate/runs';

export interface CalFile {
  name: string;
  text: string;
  sha256: string;
  /** This run's own settings, as KEY=VALUE words (the CLI's --with). */
  with: string;
}

export interface CalForm {
  /** KEY=VALUE words for every run (the CLI's --set). */
  settings: string;
  /** A pasted `mdadm --detail`; '' for none. */
  mdadm: string;
  /** KEY or KEY=VALUE words (the CLI's --fix). */
  fix: string;
  /** Each run's measured time and warm-up ('' for the model's own). */
  duration: string;
  warmup: string;
  seed: string;
}

export type CalField = keyof CalForm | `with:${number}` | 'files' | 'profile';

export const defaultCalForm = (): CalForm => ({
  settings: 'level=5 disks=4 device=nvme',
  mdadm: '',
  fix: '',
  duration: '',
  warmup: '',
  seed: '1',
});

/** KEY=VALUE words (spaces, commas or new lines between them). */
export function words(field: string, text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const w of text.split(/[\s,]+/).filter((x) => x !== '')) {
    const eq = w.indexOf('=');
    if (eq <= 0 || eq === w.length - 1) throw new ParamError(field, w, 'KEY=VALUE words, e.g. level=5 disks=4');
    out[w.slice(0, eq)] = w.slice(eq + 1);
  }
  return out;
}

/** KEY or KEY=VALUE words: a value holds the parameter there, none leaves it to the settings. */
export function fixWords(text: string): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const w of text.split(/[\s,]+/).filter((x) => x !== '')) {
    const eq = w.indexOf('=');
    if (eq === 0) throw new ParamError('fix', w, 'KEY or KEY=VALUE words, e.g. xor_speed device.parallelism=24');
    if (eq > 0) out[w.slice(0, eq)] = w.slice(eq + 1);
    else out[w] = null;
  }
  return out;
}

export interface Checked {
  runs: CalRun[];
  fix: Record<string, string | null>;
  sets: Record<string, ParamValue>;
  model: string;
}

/** The form and files as runs to fit, or the first refusal with the field it belongs to. */
export function checkCalForm(
  form: CalForm,
  files: readonly CalFile[],
): { ok: Checked } | { field: CalField; error: string } {
  let field: CalField = 'settings';
  try {
    field = 'mdadm';
    const array = form.mdadm.trim() ? scenarioFromMdadm(parseMdadmDetail(form.mdadm, 'mdadm --detail')) : null;
    field = 'settings';
    const sets: Record<string, ParamValue> = { ...(array?.params ?? {}), ...words('settings', form.settings) };
    field = 'seed';
    if (!/^\d+$/.test(form.seed.trim())) throw new ParamError('seed', form.seed, 'an integer 0..2147483647');
    field = 'fix';
    const fix = fixWords(form.fix);
    field = 'files';
    if (files.length === 0) throw new ParamError('files', '(none)', 'one or more fio JSON results (drop them here)');
    const settings: Settings = {
      model: array?.model ?? 'raid5',
      sets,
      seed: Number(form.seed.trim()),
      ...(form.duration.trim() ? { duration: form.duration.trim() } : {}),
      ...(form.warmup.trim() ? { warmup: form.warmup.trim() } : {}),
    };
    const runs = files.map((f, i) => {
      field = `with:${i}`;
      const w = words(`${f.name} with`, f.with);
      return runOf(settings, { file: f.name, text: f.text, sha256: f.sha256, with: w });
    });
    return { ok: { runs, fix, sets, model: settings.model } };
  } catch (e) {
    if (e instanceof ParamError) return { field, error: e.message };
    throw e;
  }
}
