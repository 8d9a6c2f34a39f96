// A model's screen laid out like raid5's: its own machine view and the figures on top, lock_stat and the
// locks now below, the thread timeline at the bottom. Layout only; the machine view is passed in.
import type { ReactNode } from 'react';
import { FiguresPanel } from '../FiguresPanel';
import { LockPanel } from '../LockPanel';
import { LockStatTable } from '../LockStatTable';
import { ThreadTimeline } from '../ThreadTimeline';
import '../raid5/raid5.css';
import './models.css';

export function MachineStage({ model, children }: { model: string; children: ReactNode }) {
  return (
    <div className="stage machine-grid model-stage" id="stage" tabIndex={-1} data-testid={`stage-${model}`}>
      {children}
      <FiguresPanel />
      <LockStatTable />
      <LockPanel />
      <ThreadTimeline />
    </div>
  );
}
