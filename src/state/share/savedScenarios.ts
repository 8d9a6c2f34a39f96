// Saved scenarios in the browser's localStorage: read (each entry checked with the scenario schema), add
// under a free name, delete, write. Text it cannot read is reported and kept, never deleted or overwritten.
import * as v from 'valibot';
import { ParamError } from '../../scenarios/paramSpec';
import { checkScenario, type ScenarioInput } from '../../scenarios/scenarioFile';
import { shownValue } from './linkCheck';

export const SAVED_KEY = 'stripe-lab.saved-scenarios';
const FORMAT = 'stripe-lab-saved';
const VERSION = 1;
export const NAME_MAX = 80;

/** The part of the Web Storage API used here, so tests can pass a fake (and a failing one). */
export type { StorageLike } from '../storage';
import type { StorageLike } from '../storage';

export interface SavedEntry {
  name: string;
  savedAt: string;
  scenario: ScenarioInput;
}

export interface SavedList {
  entries: SavedEntry[];
  /** Entries that could not be read, written back exactly as found (a later version may read them). */
  kept: unknown[];
  /** What could not be read and where it was kept, one line each. */
  problems: string[];
  /** The whole stored text when it could not be read at all; it is copied to a backup key before any write. */
  unreadableRaw: string | null;
}

const Envelope = v.object({ format: v.literal(FORMAT), version: v.number(), scenarios: v.array(v.unknown()) });
const EntrySchema = v.object({
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(NAME_MAX)),
  savedAt: v.string(),
  scenario: v.unknown(),
});

export const emptyList = (): SavedList => ({ entries: [], kept: [], problems: [], unreadableRaw: null });

/** A ParamError or valibot failure as `field=value: accepted ...`. */
export function reason(e: unknown): string {
  return e instanceof ParamError ? e.message : e instanceof Error ? e.message : String(e);
}

/** What a valibot issue says is accepted. */
export function issueAccepted(issue: v.BaseIssue<unknown>): string {
  return issue.expected ?? issue.message;
}

/** A valibot issue as `path=value: accepted ...`, or `path: missing` for an absent field. */
export function issueText(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue) ?? '(top level)';
  return issue.input === undefined
    ? `${path}: missing (accepted ${issueAccepted(issue)})`
    : `${path}=${shownValue(issue.input)}: accepted ${issueAccepted(issue)}`;
}

function checkEntry(raw: unknown): SavedEntry {
  const r = v.safeParse(EntrySchema, raw);
  if (!r.success) {
    const issue = r.issues[0];
    throw new ParamError(v.getDotPath(issue) ?? '(entry)', issue.input, issueAccepted(issue));
  }
  return { name: r.output.name, savedAt: r.output.savedAt, scenario: checkScenarioAt(r.output.scenario, 'scenario.') };
}

/** checkScenario with the field's path prefixed by `at` (where the scenario sits in a saved entry or file). */
export function checkScenarioAt(raw: unknown, at: string): ScenarioInput {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ParamError(
      at === '' ? '(file)' : at.replace(/\.$/, ''),
      raw,
      'an object {"preset":"...","seed":1,"params":{...}} (npm run sim --scenario format)',
    );
  }
  try {
    return checkScenario(raw);
  } catch (e) {
    if (e instanceof ParamError) throw new ParamError(`${at}${e.key}`, e.value, e.accepted);
    throw e;
  }
}

/** Reads the list; never throws. Bad entries are kept aside, an unreadable text is kept whole. */
export function readSaved(storage: StorageLike): SavedList {
  let text: string | null;
  try {
    text = storage.getItem(SAVED_KEY);
  } catch (e) {
    return { ...emptyList(), problems: [`saved scenarios: localStorage cannot be read here (${reason(e)})`] };
  }
  if (text === null) return emptyList();
  const unreadable = (why: string): SavedList => ({
    ...emptyList(),
    unreadableRaw: text,
    problems: [
      `saved scenarios: the text under localStorage key ${SAVED_KEY} could not be read (${why}); it is kept unchanged`,
    ],
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return unreadable(`not JSON: ${reason(e)}`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return unreadable(
      `(top level)=${shownValue(json)}: accepted an object {"format":"${FORMAT}","version":${VERSION},"scenarios":[...]}`,
    );
  }
  const env = v.safeParse(Envelope, json);
  if (!env.success) return unreadable(issueText(env.issues[0]));
  if (env.output.version > VERSION)
    return unreadable(`version=${env.output.version}: accepted ${VERSION} (saved by a newer Stripe Lab)`);
  const list = emptyList();
  env.output.scenarios.forEach((raw, i) => {
    try {
      list.entries.push(checkEntry(raw));
    } catch (e) {
      list.kept.push(raw);
      const name =
        raw && typeof raw === 'object' && typeof (raw as { name?: unknown }).name === 'string'
          ? ` "${(raw as { name: string }).name}"`
          : '';
      list.problems.push(`saved scenario #${i + 1}${name}: ${reason(e)}; kept as it is, not listed`);
    }
  });
  return list;
}

/** The first backup key that is free (or already holds this very text). */
function backupKey(storage: StorageLike, raw: string): string {
  for (let n = 1; ; n++) {
    const key = `${SAVED_KEY}.unreadable-${n}`;
    const there = storage.getItem(key);
    if (there === null || there === raw) return key;
  }
}

/**
 * Writes the list (kept entries included). An unreadable old text is first copied to a backup key, and the
 * write goes ahead only if that copy worked. Returns the list as now stored, or a problem and nothing written.
 */
export function writeSaved(storage: StorageLike, list: SavedList): { list: SavedList; error: string | null } {
  const out: SavedList = { ...list, problems: [...list.problems] };
  try {
    if (list.unreadableRaw !== null) {
      const key = backupKey(storage, list.unreadableRaw);
      storage.setItem(key, list.unreadableRaw);
      out.unreadableRaw = null;
      out.problems = out.problems.map((p) =>
        p.replace('it is kept unchanged', `it is kept unchanged under key ${key}`),
      );
    }
    const body = { format: FORMAT, version: VERSION, scenarios: [...list.entries, ...list.kept] };
    storage.setItem(SAVED_KEY, JSON.stringify(body));
    return { list: out, error: null };
  } catch (e) {
    return { list, error: `saved scenarios: could not write to localStorage (${reason(e)}); nothing was changed` };
  }
}

/** `name`, or `name (2)`, `name (3)`... : the first one not taken. */
export function freeName(taken: ReadonlySet<string>, name: string): string {
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) if (!taken.has(`${name} (${n})`)) return `${name} (${n})`;
}

/** A name as typed, checked: trimmed, 1..NAME_MAX characters. */
export function checkName(raw: string): string {
  const name = raw.trim();
  if (name.length === 0 || name.length > NAME_MAX) throw new ParamError('name', raw, `1..${NAME_MAX} characters`);
  return name;
}

/** Adds entries under free names (a clash is saved as "name (2)", never replacing). Pure. */
export function addEntries(
  list: SavedList,
  items: readonly { name: string; scenario: ScenarioInput }[],
  savedAt: string,
): { list: SavedList; names: string[] } {
  const taken = new Set(list.entries.map((e) => e.name));
  const added: SavedEntry[] = [];
  const names: string[] = [];
  for (const it of items) {
    const name = freeName(taken, it.name.trim().slice(0, NAME_MAX) || 'scenario');
    taken.add(name);
    names.push(name);
    added.push({ name, savedAt, scenario: it.scenario });
  }
  return { list: { ...list, entries: [...list.entries, ...added] }, names };
}

export function removeEntry(list: SavedList, name: string): SavedList {
  return { ...list, entries: list.entries.filter((e) => e.name !== name) };
}
