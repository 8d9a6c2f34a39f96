// The live picture of any model without a view of its own: threads, locks, figures, lock_stat, timeline.
// Models with their own view (raid5, and those added beside this file) are chosen in App.
import { FiguresPanel } from '../FiguresPanel';
import { LockPanel } from '../LockPanel';
import { LockStatTable } from '../LockStatTable';
import { ThreadPanel } from '../ThreadPanel';
import { ThreadTimeline } from '../ThreadTimeline';

export function ModelStage() {
  return (
    <div className="stage" id="stage" tabIndex={-1}>
      <ThreadPanel />
      <LockPanel />
      <FiguresPanel />
      <LockStatTable />
      <ThreadTimeline />
    </div>
  );
}
