// --mdadm-detail FILE: the array's settings from the text of `mdadm --detail /dev/mdX`, read before anything
// runs. The paste sets the model and its array parameters; the flags' own --set values win over it (the sysfs
// knobs come that way). A bad file exits 2 with the parser's one line.
import { readFileSync } from 'node:fs';
import { ParamError } from '../scenarios/paramSpec';
import { parseMdadmDetail } from '../scenarios/measured/mdadmDetail';
import { scenarioFromMdadm, type MdadmScenario } from '../scenarios/measured/mdadmScenario';
import type { ScenarioFlags } from './scenarioFlags';

export interface FromMdadm {
  flags: ScenarioFlags;
  /** What the paste set, for the human summary; null without --mdadm-detail. */
  array: (MdadmScenario & { file: string }) | null;
}

const text = (v: number | string | boolean) => (typeof v === 'boolean' ? (v ? 'on' : 'off') : String(v));

/** The flags with the paste's model and parameters under the explicit --set values. */
export function withMdadmDetail<F extends ScenarioFlags>(a: F & { mdadmDetail?: string }): FromMdadm {
  const file = a.mdadmDetail;
  if (file === undefined) return { flags: a, array: null };
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ParamError(
      'mdadm-detail',
      file,
      `a readable file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  const detail = parseMdadmDetail(raw, file);
  const array = scenarioFromMdadm(detail);
  if (a.model !== undefined && a.model !== array.model)
    throw new ParamError('model', a.model, `${array.model} (the model of ${file}: Raid Level ${detail.raidLevel})`);
  const sets: Record<string, string> = {};
  for (const [k, v] of Object.entries(array.params)) sets[k] = text(v);
  return {
    flags: { ...a, model: array.model, sets: { ...sets, ...a.sets } },
    array: { ...array, file },
  };
}

/** The summary's lines: the parameters the paste set and its notes. */
export function mdadmSummary(array: FromMdadm['array'], explicit: Record<string, string>): string {
  if (!array) return '';
  const set = Object.entries(array.params).map(
    ([k, v]) => `${k}=${text(v)}${k in explicit ? ` (--set ${k}=${explicit[k]} wins)` : ''}`,
  );
  return [
    `array from ${array.file} (mdadm --detail): ${array.model} ${set.join(' ')}`,
    ...array.notes.map((n) => `  ${n}`),
    '',
  ].join('\n');
}
