// @vitest-environment happy-dom
// The Share menu's intents against happy-dom's localStorage, history and clipboard: save under free names,
// refuse a bad name or file, keep unreadable storage, keep the address bar on the scenario (not per frame).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkLink } from './linkCheck';
import { readAddress } from './permalink';
import { SAVED_KEY } from './savedScenarios';
import { exportAll } from './scenarioFiles';
import { copyLink, importText, loadSaved, saveCurrent, startAddressSync } from './shareActions';
import { useShare } from './shareStore';
import { initialState, useSim } from '../store';

const names = () => useShare.getState().saved.entries.map((e) => e.name);
const message = () => useShare.getState().message;

beforeEach(() => {
  localStorage.clear();
  useSim.setState({ ...initialState, model: 'lock-lab', preset: 'lock-lab-basic', seed: 5, overrides: { threads: 8 } });
  useShare.setState({ linkProblems: [], message: null });
  loadSaved();
});

describe('saving and importing', () => {
  it('saves the current scenario; a taken name becomes "name (2)" and says so', () => {
    expect(saveCurrent('mine')).toBeNull();
    expect(useShare.getState().saved.entries[0].scenario).toEqual({
      model: 'lock-lab',
      preset: 'lock-lab-basic',
      seed: 5,
      params: { threads: 8 },
    });
    expect(saveCurrent(' mine ')).toBeNull();
    expect(names()).toEqual(['mine', 'mine (2)']);
    expect(message()).toEqual({ tone: 'ok', text: '"mine" is taken: saved as "mine (2)" (the other is kept)' });
    expect(JSON.parse(localStorage.getItem(SAVED_KEY) ?? '').scenarios).toHaveLength(2);
  });

  it('refuses an empty name at the field and saves nothing', () => {
    expect(saveCurrent('   ')).toBe('name=   : accepted 1..80 characters');
    expect(names()).toEqual([]);
  });

  it('a bad file is refused with the field; nothing changes', () => {
    saveCurrent('mine');
    importText('bad.json', '{"preset":"lock-lab-basic","params":{"threads":0}}');
    expect(message()?.tone).toBe('error');
    expect(message()?.text).toMatch(
      /^bad\.json: params\.threads=0: accepted an integer 1\.\.1024; nothing was imported$/,
    );
    expect(names()).toEqual(['mine']);
  });

  it('an exported collection imports back beside the originals, renamed where taken', () => {
    saveCurrent('mine');
    const file = exportAll(useShare.getState().saved.entries);
    importText(file.fileName, file.text);
    expect(names()).toEqual(['mine', 'mine (2)']);
    expect(message()?.text).toBe('Imported 1 from stripe-lab-scenarios.json; "mine" as "mine (2)" (name taken)');
  });

  it('unreadable storage is reported, and saving keeps the old text under a backup key', () => {
    localStorage.setItem(SAVED_KEY, 'not json at all');
    expect(loadSaved().problems[0]).toMatch(/could not be read \(not JSON/);
    saveCurrent('fresh');
    expect(localStorage.getItem(`${SAVED_KEY}.unreadable-1`)).toBe('not json at all');
    expect(names()).toEqual(['fresh']);
    expect(useShare.getState().saved.problems[0]).toMatch(
      /kept unchanged under key stripe-lab\.saved-scenarios\.unreadable-1/,
    );
  });
});

describe('the address bar and the clipboard', () => {
  afterEach(() => vi.useRealTimers());

  it('follows a change of what the link carries, once, after a short delay', () => {
    vi.useFakeTimers();
    const replace = vi.spyOn(history, 'replaceState');
    const stop = startAddressSync();
    useSim.setState({ seed: 77 });
    useSim.setState({ page: 'sweep' });
    expect(replace).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(replace).toHaveBeenCalledTimes(1);
    const ask = readAddress('', location.hash);
    expect(ask.kind).toBe('link');
    if (ask.kind === 'link')
      expect(checkLink(ask.wire).state).toMatchObject({
        seed: 77,
        page: 'sweep',
        preset: 'lock-lab-basic',
        overrides: { threads: 8 },
      });
    // a frame-like update that changes nothing the link carries writes nothing
    useSim.setState({ recentOpsPerSec: 12 });
    vi.advanceTimersByTime(500);
    expect(replace).toHaveBeenCalledTimes(1);
    stop();
    replace.mockRestore();
  });

  it('Copy link says so where the clipboard is refused', async () => {
    const spy = vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('NotAllowedError'));
    expect(await copyLink()).toBe(false);
    expect(message()).toEqual({
      tone: 'error',
      text: 'The clipboard is not available here (NotAllowedError): the link is selected in the field, copy it with Ctrl+C',
    });
    spy.mockRestore();
  });
});
