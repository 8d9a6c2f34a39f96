// Playback: play / pause, one event, restart, speed (simulated time per wall second), and the line
// saying what the last change did. Buttons call actions; the keyboard equivalents live in useKeyboard.
import { restart, setSpeed, step, toggleProjector, togglePlay } from '../state/lab/actions';
import { pinCurrentAsA } from '../state/compare/compareActions';
import { stepPass, stepTime } from '../state/lab/raid5Actions';
import { SPEEDS, useSim } from '../state/store';
import { PaceLine } from './PaceLine';

export function PlaybackBar() {
  const playing = useSim((s) => s.playing);
  const speed = useSim((s) => s.speed);
  const notice = useSim((s) => s.notice);
  const passes = useSim((s) => s.model === 'raid5');
  const projector = useSim((s) => s.projector);
  return (
    <div className="playback" role="toolbar" aria-label="playback">
      <button
        type="button"
        className="primary"
        data-testid="play"
        aria-pressed={playing}
        onClick={togglePlay}
        title="Space"
      >
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button type="button" data-testid="step" onClick={step} title="Right arrow: run exactly one event (pauses first)">
        Step ▸ 1 event
      </button>
      {passes && (
        <button
          type="button"
          data-testid="step-pass"
          onClick={stepPass}
          title="Run until the next handle_stripe pass completes (pauses first)"
        >
          1 pass
        </button>
      )}
      <button
        type="button"
        data-testid="step-us"
        onClick={() => stepTime(1e3)}
        title="Run 1 µs of simulated time (pauses first)"
      >
        1 µs
      </button>
      <button
        type="button"
        data-testid="step-ms"
        onClick={() => stepTime(1e6)}
        title="Run 1 ms of simulated time (pauses first)"
      >
        1 ms
      </button>
      <button type="button" data-testid="restart" onClick={restart} title="The same scenario from time 0, same seed">
        ⟲ Restart
      </button>
      <span className="speeds" role="radiogroup" aria-label="speed: simulated time per wall second">
        <span className="muted">speed</span>
        {SPEEDS.map((s) => (
          <button
            type="button"
            key={s.label}
            role="radio"
            aria-checked={speed === s.speed}
            data-testid={`speed-${s.label}`}
            className={speed === s.speed ? 'on' : ''}
            onClick={() => setSpeed(s.speed)}
          >
            {s.label}
          </button>
        ))}
      </span>
      <button
        type="button"
        data-testid="pin-a"
        onClick={pinCurrentAsA}
        title="Pin this scenario (preset, overrides, seed) as baseline A for the A/B page"
      >
        Pin as A
      </button>
      <button
        type="button"
        data-testid="projector-toggle"
        aria-pressed={projector}
        aria-keyshortcuts="v"
        onClick={toggleProjector}
        title="Projector mode (key V): the machine, one chart and the limit line in large type"
      >
        Projector
      </button>
      {speed === 'max' && playing && <PaceLine />}
      <span className="notice" role="status" data-testid="notice">
        {notice}
      </span>
    </div>
  );
}
