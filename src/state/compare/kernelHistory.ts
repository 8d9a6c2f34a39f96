// A/B's "3.11 vs current": the scenario on the kernel before the multi-thread series as A, the same on today's
// kernel as B (the Lab), so one comparison shows the history of md's mechanics. Apart from compareActions, which
// stays free of the Lab's run actions (and the worker session they start).
import { modelInfo } from '../../scenarios/catalog';
import { setParam } from '../lab/actions';
import { currentScenario } from './compareActions';
import { resolvePin, writePin, type Pin } from './comparePin';
import { useCompare } from './compareStore';
import { browserStorage } from '../storage';
import { useSim } from '../store';

/** "3.11 vs current": A is the Lab's scenario on kernel 3.11 (before the multi-thread series), B the same on
 * today's kernel, which the Lab switches to: the history of md's mechanics on one array and workload. */
export function pinKernelHistory(): void {
  const s = useSim.getState();
  if (!s.model || !modelInfo(s.model)?.params.some((p) => p.key === 'kernel')) return;
  const pin: Pin = { ...currentScenario(), overrides: { ...s.overrides, kernel: '3.11' } };
  try {
    resolvePin(pin);
  } catch (e) {
    useSim.setState({ notice: `Not pinned: this scenario cannot run on kernel 3.11: ${(e as Error).message}` });
    return;
  }
  useCompare.setState({ pin, previousPin: useCompare.getState().pin, pinNote: writePin(browserStorage(), pin) });
  const err = setParam('kernel', 'current');
  if (err) useSim.setState({ notice: `A is kernel 3.11; the Lab could not switch to current: ${err}` });
  else
    useSim.setState({ notice: 'Pinned as A: this scenario on kernel 3.11; the Lab (B) now runs the current kernel' });
}
