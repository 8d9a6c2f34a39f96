// The thread timeline: threads grouped by role, each group collapsible to one aggregate row, in a panel that
// scrolls inside itself. Names, group buttons and the time axis are DOM; the tracks are a canvas the height
// of the visible rows, redrawn on requestAnimationFrame straight from the frame ring. High-rate data never
// passes through React state here: React renders only when threads appear, a group opens or the span moves.
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { scaleLinear } from 'd3';
import { setTimelineWindow } from '../state/lab/actions';
import { frameRing } from '../state/lab/frameRing';
import { measured } from '../state/session';
import { useSim, WINDOWS } from '../state/store';
import { fmtNsShort } from './format';
import { STATE_STYLES } from './palette';
import { StateChip } from './StateChip';
import { TimelinePainter, timelineImage } from './timelinePainter';
import { groupThreads, timelineRows, type GroupId, type TimelineRow } from './timelineGroups';
import { ChartImageButtons } from './export/ChartImageButtons';
import './timeline.css';

/** 'auto' shows about this many wall seconds of history at the current speed. */
const AUTO_WALL_S = 3;
/** While playing, redraw at most this often (the raster adds only new rows, but painting the tracks is per pixel). */
const PLAYING_REDRAW_MS = 50;
/** Row height when the stylesheet says none (it sets --tl-row: larger in projector mode). */
const DEFAULT_ROW_PX = 18;

function windowNs(setting: number | 'auto', speed: number | 'max'): number {
  if (setting !== 'auto') return setting;
  const rate = speed === 'max' ? measured.simNsPerSec : speed;
  let span = Math.min(1e9, (rate || 1e6) * AUTO_WALL_S);
  // Once the ring has dropped old rows, never show more than it still knows.
  if (frameRing.evictedUpToNs > -Infinity) span = Math.min(span, frameRing.nowNs - frameRing.evictedUpToNs);
  return niceFloor(Math.max(2_000, span));
}

const NICE = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];
/** The auto span rounded down to a step of NICE: it follows a measured rate and the ring's reach, and a span
 * that changed every frame would jitter the picture and restart the raster's incremental columns. */
function niceFloor(ns: number): number {
  const decade = 10 ** Math.floor(Math.log10(ns));
  const m = ns / decade;
  let step = NICE[0];
  for (const s of NICE) if (s <= m * (1 + 1e-9)) step = s;
  return Number((step * decade).toPrecision(3));
}

// Which groups the user opened or closed: kept for the session, across frames, runs and remounts.
let chosen: Partial<Record<GroupId, boolean>> = {};
const listeners = new Set<() => void>();
const subscribe = (f: () => void) => {
  listeners.add(f);
  return () => listeners.delete(f);
};
function toggleGroup(id: GroupId, expanded: boolean): void {
  chosen = { ...chosen, [id]: !expanded };
  listeners.forEach((f) => f());
}

interface Axis {
  left: number;
  width: number;
  span: number;
  rowH: number;
}

export function ThreadTimeline() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const axisRef = useRef<HTMLDivElement>(null);
  const setting = useSim((s) => s.timelineWindow);
  const picked = useSyncExternalStore(subscribe, () => chosen);
  const [meta, setMeta] = useState<readonly { name: string; role: string }[]>([]);
  const [axis, setAxis] = useState<Axis>({ left: 0, width: 0, span: 0, rowH: DEFAULT_ROW_PX });
  const rows = useMemo(() => timelineRows(groupThreads(meta), meta, picked), [meta, picked]);
  const rowsRef = useRef<{ rows: readonly TimelineRow[]; version: number }>({ rows: [], version: 0 });
  // the drawing loop reads the rows through this ref; a new version redraws at once
  useEffect(() => {
    rowsRef.current = { rows, version: rowsRef.current.version + 1 };
  }, [rows]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const scroller = scrollRef.current;
    const axisEl = axisRef.current;
    if (!canvas || !scroller || !axisEl) return;
    const painter = new TimelinePainter(canvas);
    let metaKey = '';
    let axisKey = '';
    let last = '';
    let layout = '';
    let raf = 0;
    let drawnAt = -Infinity;
    // Whether a size changed comes from a ResizeObserver: reading clientHeight in every animation frame forced
    // a layout after each React commit, the main thread's largest single line at max speed (bench:ui). A
    // redraw reads the sizes afresh (one layout per redraw), since the observer reports a change a frame after
    // the layout that made it and a stale width would draw the axis past the panel for that frame.
    let viewH = scroller.clientHeight;
    let w = canvas.clientWidth;
    // The row height is a CSS variable (larger in projector mode, a class on body): read it when that class
    // or a size changes, since getComputedStyle in every frame forces a style recalculation just the same.
    const readRowH = () => parseFloat(getComputedStyle(scroller).getPropertyValue('--tl-row')) || DEFAULT_ROW_PX;
    let rowH = readRowH();
    const sized = new ResizeObserver(() => {
      viewH = scroller.clientHeight;
      w = canvas.clientWidth;
      rowH = readRowH();
    });
    const restyled = new MutationObserver(() => (rowH = readRowH()));
    restyled.observe(document.body, { attributes: true, attributeFilter: ['class'] });
    sized.observe(scroller);
    sized.observe(canvas);
    let scrollTop = scroller.scrollTop; // scrollTop forces a layout too: read on scroll only
    const scrolled = () => (scrollTop = scroller.scrollTop);
    scroller.addEventListener('scroll', scrolled, { passive: true });
    const frame = (now: number) => {
      raf = requestAnimationFrame(frame);
      const mk = `${frameRing.runId}|${frameRing.threadMeta.length}`;
      if (mk !== metaKey) {
        metaKey = mk;
        setMeta(frameRing.threadMeta.slice());
      }
      const { timelineWindow, speed, playing } = useSim.getState();
      const { rows: rs, version } = rowsRef.current;
      const span = windowNs(timelineWindow, speed);
      // Scrolling, resizing or opening a group redraws at once; new frames at most every PLAYING_REDRAW_MS;
      // nothing new (paused, same window) nothing at all, not even a size read.
      const seen = `${w}|${viewH}|${rowH}|${scrollTop}|${version}`;
      const throttled = playing && now - drawnAt < PLAYING_REDRAW_MS;
      if (seen === layout && (throttled || `${frameRing.version}|${seen}|${span}` === last)) return;
      viewH = scroller.clientHeight;
      w = canvas.clientWidth;
      scrollTop = scroller.scrollTop;
      if (`${viewH}` !== canvas.style.height.replace('px', '')) {
        canvas.style.height = `${viewH}px`;
        (canvas.parentElement as HTMLElement).style.minHeight = `${viewH}px`;
      }
      const lay = `${w}|${viewH}|${rowH}|${scrollTop}|${version}`;
      const key = `${frameRing.version}|${lay}|${span}`;
      if (key === last || w === 0 || viewH === 0) return;
      last = key;
      layout = lay;
      drawnAt = now;
      painter.draw(frameRing, span, rs, rowH, scrollTop, w, viewH);
      const left = Math.round(canvas.getBoundingClientRect().left - axisEl.getBoundingClientRect().left);
      const ak = `${left}|${w}|${span}|${rowH}`;
      if (ak !== axisKey) {
        axisKey = ak;
        setAxis({ left, width: w, span, rowH });
      }
    };
    raf = requestAnimationFrame(frame);
    return () => {
      cancelAnimationFrame(raf);
      sized.disconnect();
      restyled.disconnect();
      scroller.removeEventListener('scroll', scrolled);
    };
  }, []);

  const x = scaleLinear()
    .domain([-axis.span, 0])
    .range([axis.left, axis.left + axis.width]);
  const ticks = axis.width > 0 && axis.span > 0 ? x.ticks(Math.max(2, Math.floor(axis.width / 110))) : [];
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
            canvasRef.current && axis.span > 0
              ? {
                  element: timelineImage(
                    frameRing,
                    axis.span,
                    rowsRef.current.rows,
                    axis.rowH,
                    Math.max(200, canvasRef.current.clientWidth),
                  ),
                  title: 'thread timeline',
                  keys: STATE_STYLES.map((st) => ({ label: `${st.name} (${st.pattern})`, colour: st.colour })),
                }
              : null
          }
        />
      </div>
      <div className="tl-scroll" ref={scrollRef} data-testid="timeline-scroll">
        <div className="tl-grid">
          <ul className="tl-labels" aria-label="threads by role">
            {rows.map((row) =>
              row.kind === 'group' ? (
                <li key={`g-${row.group.id}`} className="tl-row tl-group" data-group={row.group.id}>
                  <button
                    type="button"
                    aria-expanded={row.expanded}
                    data-testid={`timeline-group-${row.group.id}`}
                    title={
                      row.expanded
                        ? `Collapse to one row: the share of the ${row.group.label}' time in each state`
                        : `Show each of the ${row.group.threads.length} ${row.group.label} on its own row`
                    }
                    onClick={() => toggleGroup(row.group.id, row.expanded)}
                  >
                    <span className="tl-caret" aria-hidden="true">
                      {row.expanded ? '▾' : '▸'}
                    </span>
                    {row.group.label} ({row.group.threads.length})
                  </button>
                </li>
              ) : (
                <li
                  key={`t-${row.thread}`}
                  className="tl-row tl-thread"
                  data-group={row.group.id}
                  data-testid="timeline-thread"
                  title={row.name}
                >
                  {row.name}
                </li>
              ),
            )}
          </ul>
          <canvas
            ref={canvasRef}
            className="tl-tracks"
            data-testid="timeline"
            role="img"
            aria-label="One track per thread over recent simulated time, grouped by role; a collapsed group is one track of its threads' shares in each state. Each stretch is coloured and patterned by state."
          />
        </div>
      </div>
      <div className="tl-axis" ref={axisRef} aria-hidden="true">
        <span className="tl-last">{axis.span > 0 ? `last ${fmtNsShort(axis.span)}` : ''}</span>
        {ticks.map((v) => (
          <span key={v} className="tl-tick" style={{ left: `${Math.round(x(v))}px` }}>
            {v === 0 ? 'now' : `−${fmtNsShort(-v)}`}
          </span>
        ))}
      </div>
    </section>
  );
}
