// The UI's measured file: checked against the Lab's scenario as the CLI checks it; a refused file leaves the one
// loaded before in place and says why in the CLI's one line.
import { beforeEach, describe, expect, it } from 'vitest';
import { loadFioText, loadLockStatText, useMeasured } from './measured';
import { useSim } from '../store';
import { realFio, text } from '../../scenarios/measured/fioFixtures.testkit';

describe('loading a measured file in the UI', () => {
  beforeEach(() => {
    useSim.setState({ params: { rw: 'randwrite', bs: 4096, iodepth: 32, numjobs: 4 } });
    useMeasured.setState({ fio: null, lockStat: null, error: null });
  });

  it('a matching real fio result loads; one of another bs is refused and the first stays', () => {
    const ok = { rw: 'randwrite', bs: '4k', iodepth: '32', numjobs: '4', group_reporting: '' };
    loadFioText(text(realFio('ui-ok.json', ok)), 'ui-ok.json');
    expect(useMeasured.getState().fio?.data.file).toBe('ui-ok.json');
    expect(useMeasured.getState().error).toBeNull();
    loadFioText(text(realFio('ui-bs.json', { ...ok, bs: '64k' })), 'ui-bs.json');
    expect(useMeasured.getState().error).toBe(
      "measured jobs.0.job options.bs=64k: accepted 4096 bytes (the scenario's bs)",
    );
    expect(useMeasured.getState().fio?.data.file).toBe('ui-ok.json');
    loadFioText('not json', 'notes.txt');
    expect(useMeasured.getState().error).toMatch(/^measured=notes\.txt: accepted fio's JSON result/);
    expect(useMeasured.getState().fio?.data.file).toBe('ui-ok.json');
  });

  it('a lock_stat text without its version line is refused', () => {
    loadLockStatText('&conf->device_lock: 1 2', 'lock.txt');
    expect(useMeasured.getState().error).toMatch(/^measured-lockstat=lock\.txt: accepted \/proc\/lock_stat text/);
    expect(useMeasured.getState().lockStat).toBeNull();
  });
});
