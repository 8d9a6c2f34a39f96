// Scenario files in and out: one scenario is the CLI's own --scenario JSON; "all" is a small collection.
// Imports are checked with the same schema and resolver as the CLI; a bad file is refused whole, with the field.
import * as v from 'valibot';
import { ParamError } from '../../scenarios/paramSpec';
import { resolveScenario, type ScenarioInput } from '../../scenarios/scenarioFile';
import { fieldName } from '../../lib/fieldName';
import { shownValue } from './linkCheck';
import { checkScenarioAt, issueText, reason, type SavedEntry } from './savedScenarios';

export const COLLECTION_FORMAT = 'stripe-lab-scenarios';
const Collection = v.strictObject({
  format: v.literal(COLLECTION_FORMAT),
  version: v.literal(1),
  scenarios: v.array(v.strictObject({ name: v.pipe(v.string(), v.minLength(1)), scenario: v.unknown() })),
});

export interface FileOut {
  fileName: string;
  text: string;
}

/** A file name from a scenario name: letters, digits, dot, dash, underscore. */
export function fileNameOf(name: string): string {
  const base = name
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'scenario'}.json`;
}

/** One saved scenario as the CLI reads it (`npm run sim -- --scenario FILE.json`). */
export function exportOne(e: SavedEntry): FileOut {
  return { fileName: fileNameOf(e.name), text: `${JSON.stringify(e.scenario, null, 2)}\n` };
}

export function exportAll(entries: readonly SavedEntry[]): FileOut {
  const body = {
    format: COLLECTION_FORMAT,
    version: 1,
    scenarios: entries.map((e) => ({ name: e.name, scenario: e.scenario })),
  };
  return { fileName: 'stripe-lab-scenarios.json', text: `${JSON.stringify(body, null, 2)}\n` };
}

/** Schema and catalog: the scenario must open as it is (known preset, every parameter in range). */
function checkOne(raw: unknown, at: string): ScenarioInput {
  const s = checkScenarioAt(raw, at);
  try {
    resolveScenario(s);
    return s;
  } catch (e) {
    if (!(e instanceof ParamError)) throw e;
    const key = s.params && e.key in s.params ? `params.${fieldName(e.key)}` : e.key;
    throw new ParamError(`${at}${key}`, e.value, e.accepted);
  }
}

export type ImportResult =
  { ok: true; items: { name: string; scenario: ScenarioInput }[] } | { ok: false; message: string };

/**
 * Reads an imported file: a single scenario (named after the file) or a collection from "Export all".
 * Never throws; a refusal names the file, the field, the value and what is accepted.
 */
export function parseImport(fileName: string, text: string): ImportResult {
  const refuse = (why: string): ImportResult => ({ ok: false, message: `${fileName}: ${why}; nothing was imported` });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return refuse(`(file)=${shownValue(text.slice(0, 30))}: accepted JSON (${reason(e)})`);
  }
  try {
    if (json && typeof json === 'object' && !Array.isArray(json) && 'format' in json) {
      const r = v.safeParse(Collection, json);
      if (!r.success) return refuse(issueText(r.issues[0]));
      return {
        ok: true,
        items: r.output.scenarios.map((s, i) => ({
          name: s.name,
          scenario: checkOne(s.scenario, `scenarios.${i}.scenario.`),
        })),
      };
    }
    const name = fileName.replace(/\.json$/i, '').trim() || 'imported';
    return { ok: true, items: [{ name, scenario: checkOne(json, '') }] };
  } catch (e) {
    return refuse(reason(e));
  }
}
