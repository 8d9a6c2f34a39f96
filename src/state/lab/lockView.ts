// Which lock_stat tab is open (the table or the wait/hold histograms): a view the permalink carries
// (`lockstat=hists`), kept outside the main store like the open story. Never touches the run.
import { create } from 'zustand';

export type LockTab = 'table' | 'hists';

export const useLockView = create<{ tab: LockTab }>()(() => ({ tab: 'table' }));

export function setLockTab(tab: LockTab): void {
  useLockView.setState({ tab });
}
