// What the Share menu can do: copy a permalink, keep the address bar on the current scenario and view,
// save / open / delete scenarios in localStorage, export and import scenario files. The checks are in the pure files.
import { findPreset } from '../../scenarios/catalog';
import type { ScenarioInput } from '../../scenarios/scenarioFile';
import { openScenario } from '../lab/actions';
import { linkHash, type LinkState } from './permalink';
import { raid5Extra } from '../lab/raid5Extra';
import {
  addEntries,
  checkName,
  emptyList,
  readSaved,
  reason,
  removeEntry,
  writeSaved,
  type SavedList,
} from './savedScenarios';
import { browserStorage } from '../storage';
import { exportAll, exportOne, parseImport, type FileOut } from './scenarioFiles';
import { useShare } from './shareStore';
import { useStories } from '../stories/storyRuns';
import { useLockView } from '../lab/lockView';
import { useSim, type SimState } from '../store';

/** The address bar follows changes at most this often (never per frame). */
const ADDRESS_EVERY_MS = 400;

const say = (tone: 'ok' | 'error', text: string) => useShare.setState({ message: { tone, text } });

export function linkStateOf(s: SimState): LinkState {
  return {
    model: s.model,
    preset: s.preset,
    seed: s.seed,
    speed: s.speed,
    overrides: s.overrides,
    page: s.page,
    timelineWindow: s.timelineWindow,
    follow: raid5Extra(s.snapshot)?.followed?.idx ?? null,
    story: useStories.getState().storyId,
    projector: s.projector,
    lockHists: useLockView.getState().tab === 'hists',
  };
}

/** The full permalink of what is on screen now. */
export function currentLinkUrl(): string {
  return `${location.origin}${location.pathname}${linkHash(linkStateOf(useSim.getState()))}`;
}

/** Keeps the address bar on the current scenario and view (replaceState, so Back is not flooded). Returns the stop. */
export function startAddressSync(): () => void {
  let written = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  let seen: unknown[] = [];
  const write = () => {
    timer = null;
    const s = useSim.getState();
    if (s.model === '') return; // not booted yet
    const hash = linkHash(linkStateOf(s));
    if (hash === written || hash === location.hash) return;
    written = hash;
    history.replaceState(history.state, '', `${location.pathname}${hash}`);
  };
  // Frames update the store ~10 times a second; only a change of what the link carries schedules a write.
  const stop = useSim.subscribe((s) => {
    const now = [
      s.model,
      s.preset,
      s.seed,
      s.speed,
      s.overrides,
      s.page,
      s.timelineWindow,
      raid5Extra(s.snapshot)?.followed?.idx ?? null,
      s.projector,
    ];
    if (now.length === seen.length && now.every((x, i) => x === seen[i])) return;
    seen = now;
    timer ??= setTimeout(write, ADDRESS_EVERY_MS);
  });
  // The open story lives in the Stories page's own store; opening one is a change of view too. So is the tab.
  const stopStories = useStories.subscribe(() => {
    timer ??= setTimeout(write, ADDRESS_EVERY_MS);
  });
  const stopLockView = useLockView.subscribe(() => {
    timer ??= setTimeout(write, ADDRESS_EVERY_MS);
  });
  return () => {
    stop();
    stopStories();
    stopLockView();
    if (timer) clearTimeout(timer);
  };
}

/** Copies the permalink; where the clipboard is refused, says so (the menu shows the link selected to copy by hand). */
export async function copyLink(): Promise<boolean> {
  const url = currentLinkUrl();
  try {
    await navigator.clipboard.writeText(url);
    say('ok', 'Link copied');
    return true;
  } catch (e) {
    say(
      'error',
      `The clipboard is not available here (${reason(e)}): the link is selected in the field, copy it with Ctrl+C`,
    );
    return false;
  }
}

/** Reads the saved scenarios again (another tab may have changed them). */
export function loadSaved(): SavedList {
  const st = browserStorage();
  const saved = st
    ? readSaved(st)
    : { ...emptyList(), problems: ['saved scenarios: localStorage is not available in this browser'] };
  useShare.setState({ saved });
  return saved;
}

function store(list: SavedList, okText: string): boolean {
  const st = browserStorage();
  if (!st) {
    say('error', 'saved scenarios: localStorage is not available in this browser; nothing was saved');
    return false;
  }
  const w = writeSaved(st, list);
  if (w.error) say('error', w.error);
  else {
    useShare.setState({ saved: w.list });
    say('ok', okText);
  }
  return w.error === null;
}

/** The current scenario as a scenario file holds it (the CLI's --scenario format). */
export function currentScenario(): ScenarioInput {
  const s = useSim.getState();
  return { model: s.model, ...(s.preset ? { preset: s.preset } : {}), seed: s.seed, params: { ...s.overrides } };
}

/** Saves under `rawName`; a taken name is saved as "name (2)" and the message says so. Returns a refusal of the name. */
export function saveCurrent(rawName: string): string | null {
  let name: string;
  try {
    name = checkName(rawName);
  } catch (e) {
    return reason(e);
  }
  const { list, names } = addEntries(loadSaved(), [{ name, scenario: currentScenario() }], new Date().toISOString());
  store(list, names[0] === name ? `Saved "${name}"` : `"${name}" is taken: saved as "${names[0]}" (the other is kept)`);
  return null;
}

export function openSaved(name: string): void {
  const e = useShare.getState().saved.entries.find((x) => x.name === name);
  if (!e) return say('error', `"${name}" is no longer saved`);
  const sc = e.scenario;
  const model = sc.model ?? (sc.preset ? findPreset(sc.preset)?.model : undefined);
  const refusal = model
    ? openScenario(model, sc.preset ?? null, sc.seed ?? 1, sc.params ?? {}, `Opened saved scenario "${name}"`)
    : `preset=${sc.preset ?? ''}: accepted a preset id from the scenario picker`;
  if (refusal) say('error', `"${name}" could not open: ${refusal}; the current run goes on`);
  else say('ok', `Opened "${name}"`);
}

export function deleteSaved(name: string): void {
  const fresh = loadSaved();
  store(removeEntry(fresh, name), `Deleted "${name}"`);
}

/** One saved scenario (or all, with name null) as a file to download. */
export function exportSaved(name: string | null): FileOut | null {
  const { entries } = useShare.getState().saved;
  if (name === null) return entries.length > 0 ? exportAll(entries) : null;
  const e = entries.find((x) => x.name === name);
  return e ? exportOne(e) : null;
}

/** Imports a file: refused whole with the reason, or added under free names (a clash becomes "name (2)"). */
export function importText(fileName: string, text: string): void {
  const r = parseImport(fileName, text);
  if (!r.ok) return say('error', r.message);
  const { list, names } = addEntries(loadSaved(), r.items, new Date().toISOString());
  const renamed = r.items
    .map((it, i) => (it.name.trim() === names[i] ? null : `"${it.name}" as "${names[i]}" (name taken)`))
    .filter((x) => x !== null);
  store(list, `Imported ${names.length} from ${fileName}${renamed.length ? `; ${renamed.join(', ')}` : ''}`);
}
