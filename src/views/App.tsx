// The one screen: header (scenario, seed, simulated time), playback, parameters on the left, and the
// live picture on the right: threads, locks, figures, lock_stat, timeline. Layout only; no logic.
import { useEffect } from 'react';
import { boot } from '../state/lab/actions';
import { raid5Extra } from '../state/lab/raid5Extra';
import { BottleneckLine } from './BottleneckLine';
import { Raid5Stage } from './raid5/Raid5Stage';
import { useSim } from '../state/store';
import { ComparePage } from './compare/ComparePage';
import { ExportMenu } from './export/ExportMenu';
import { fmtNs } from './format';
import { LessonLauncher } from './lessons/LessonLauncher';
import { StageFor } from './models/StageFor';
import { NavTabs } from './NavTabs';
import { ParamPanel } from './ParamPanel';
import { PlaybackBar } from './PlaybackBar';
import { ScenarioPicker } from './ScenarioPicker';
import { ShareMenu } from './share/ShareMenu';
import { StoriesPage } from './stories/StoriesPage';
import { SweepPage } from './sweep/SweepPage';
import { ValidationPage } from './validation/ValidationPage';
import { CalibratePage } from './calibrate/CalibratePage';
import { useKeyboard } from './useKeyboard';
import { WatchNotice } from './WatchNotice';

function Clock() {
  const timeNs = useSim((s) => s.snapshot?.timeNs);
  const events = useSim((s) => s.snapshot?.events);
  const seed = useSim((s) => s.seed);
  return (
    <div className="clock" aria-live="off">
      <span className="seed">
        seed <b data-testid="seed-shown">{seed}</b>
      </span>
      <span>
        simulated{' '}
        <b className="time" data-testid="simtime" data-ns={timeNs ?? 0}>
          {timeNs === undefined ? '—' : fmtNs(timeNs)}
        </b>
      </span>
      <span className="events">
        events{' '}
        <b data-testid="events" data-count={events ?? 0}>
          {events?.toLocaleString('en') ?? '—'}
        </b>
      </span>
    </div>
  );
}

function RunError() {
  const error = useSim((s) => s.runError);
  return error ? (
    <div className="run-error" role="alert" data-testid="run-error">
      {error}
    </div>
  ) : null;
}

/** The live lab: playback, parameters, and the model's own picture (raid5's, or the generic one). */
function LabPage() {
  const raid5 = useSim((s) => raid5Extra(s.snapshot) !== null);
  return (
    <>
      <PlaybackBar />
      <RunError />
      <WatchNotice />
      {raid5 && <BottleneckLine />}
      <main>
        <ParamPanel />
        {raid5 ? <Raid5Stage /> : <StageFor />}
      </main>
    </>
  );
}

export function App() {
  useEffect(boot, []);
  useKeyboard();
  const page = useSim((s) => s.page);
  const projector = useSim((s) => s.projector);
  useEffect(() => {
    document.body.classList.toggle('projector', projector);
  }, [projector]);
  return (
    <div className="app">
      {page === 'lab' && (
        <nav className="skip-links" aria-label="skip to">
          {/* About 60 Tab stops stand before lock_stat and the timeline; these come first (issue 15). */}
          <a href="#stage">Skip to the machine view</a>
          <a href="#lockstat">Skip to lock_stat</a>
          <a href="#timeline">Skip to the thread timeline</a>
        </nav>
      )}
      <header>
        <h1>Stripe Lab</h1>
        <NavTabs />
        <ScenarioPicker />
        <Clock />
        <LessonLauncher />
        <ShareMenu />
        <ExportMenu />
      </header>
      {page === 'lab' && <LabPage />}
      {page === 'sweep' && (
        <main>
          <SweepPage />
        </main>
      )}
      {page === 'compare' && (
        <main>
          <ComparePage />
        </main>
      )}
      {page === 'stories' && (
        <main>
          <StoriesPage />
        </main>
      )}
      {page === 'validation' && (
        <main>
          <ValidationPage />
        </main>
      )}
      {page === 'calibrate' && (
        <main>
          <CalibratePage />
        </main>
      )}
    </div>
  );
}
