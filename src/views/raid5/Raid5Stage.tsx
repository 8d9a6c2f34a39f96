// The raid5 screen: the machine view and numbers over time on top, the locks (lock_stat, histograms)
// and the followed stripe_head below, the thread timeline at the bottom. Layout only; no logic.
import { LockStatTable } from '../LockStatTable';
import { ThreadTimeline } from '../ThreadTimeline';
import { FollowPanel } from './FollowPanel';
import { MachineView } from './MachineView';
import { SeriesPanel } from './SeriesPanel';
import './raid5.css';

export function Raid5Stage() {
  return (
    <div className="stage machine-grid raid5-stage" id="stage" tabIndex={-1}>
      <MachineView />
      <SeriesPanel />
      <LockStatTable />
      <FollowPanel />
      <ThreadTimeline />
    </div>
  );
}
