// The thread timeline: a canvas redrawn on requestAnimationFrame straight from the frame ring, with
// its legend and span picker. High-rate data never passes through React state here.
import { useEffect, useRef } from 'react';
import { setTimelineWindow } from '../state/actions';
import { frameRing } from '../state/frameRing';
import { measured } from '../state/session';
import { useSim, WINDOWS } from '../state/store';
import { STATE_STYLES } from './palette';
import { StateChip } from './StateChip';
import { TimelinePainter } from './timelinePainter';
import { ChartImageButtons } from './export/ChartImageButtons';

/** 'auto' shows about this many wall seconds of history at the current speed. */
const AUTO_WALL_S = 3;
/** While playing, redraw at most this often: rebuilding the raster walks the whole ring (bench:ui). */
const PLAYING_REDRAW_MS = 50;

function windowNs(setting: number | 'auto', speed: number | 'max'): number {
  if (setting !== 'auto') return setting;
  const rate = speed === 'max' ? measured.simNsPerSec : speed;
  let span = Math.min(1e9, (rate || 1e6) * AUTO_WALL_S);
  // Once the ring has dropped old rows, never show more than it still knows.
  if (frameRing.evictedUpToNs > -Infinity) span = Math.min(span, frameRing.nowNs - frameRing.evictedUpToNs);
  return Math.max(2_000, span);
}

export function ThreadTimeline() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const setting = useSim((s) => s.timelineWindow);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const painter = new TimelinePainter(canvas);
    let last = '';
    let raf = 0;
    let drawnAt = -Infinity;
    const frame = (now: number) => {
      raf = requestAnimationFrame(frame);
      const { timelineWindow, speed, playing } = useSim.getState();
      if (playing && now - drawnAt < PLAYING_REDRAW_MS) return;
      const span = windowNs(timelineWindow, speed);
      const w = canvas.clientWidth;
      const h = canvas.clientHeight;
      // At 'max' the auto span follows a measured rate: round it so the picture does not jitter.
      const key = `${frameRing.version}|${w}|${h}|${span.toPrecision(2)}`;
      if (key === last || w === 0 || h === 0) return;
      last = key;
      drawnAt = now;
      painter.draw(frameRing, Number(span.toPrecision(2)), w, h);
    };
    raf = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(raf);
  }, []);
  return (
    <section
      className="panel timeline"
      id="timeline"
      tabIndex={-1}
      aria-label="thread timeline"
      data-lesson-target="timeline"
    >
      <div className="panel-head">
        <h2>Thread timeline</h2>
        <span className="legend">
          {STATE_STYLES.map((_, s) => (
            <StateChip key={s} state={s} />
          ))}
        </span>
        <label className="span-pick">
          span{' '}
          <select
            value={String(setting)}
            onChange={(e) => setTimelineWindow(e.target.value === 'auto' ? 'auto' : Number(e.target.value))}
          >
            {WINDOWS.map((w) => (
              <option key={w.label} value={String(w.ns)}>
                {w.label}
              </option>
            ))}
          </select>
        </label>
        <ChartImageButtons
          name="thread timeline"
          target={() =>
            canvasRef.current
              ? {
                  element: canvasRef.current,
                  title: 'thread timeline',
                  keys: STATE_STYLES.map((st) => ({ label: `${st.name} (${st.pattern})`, colour: st.colour })),
                }
              : null
          }
        />
      </div>
      <canvas
        ref={canvasRef}
        data-testid="timeline"
        role="img"
        aria-label="One track per thread over recent simulated time; each stretch is coloured and patterned by the thread's state."
      />
    </section>
  );
}
