// Numbers over simulated time: throughput (IOPS, MB/s), p50/p99 latency, stripe_cache_active and queue
// lengths, as three small uPlot charts redrawn from the series ring on animation frames (not React state).
import { useEffect, useRef } from 'react';
import { seriesRing, useRaid5 } from '../../state/lab/raid5Live';
import { raid5Extra } from '../../state/lab/raid5Extra';
import type { SeriesKey } from '../../state/lab/seriesRing';
import { useSim } from '../../state/store';
import { fmtNsShort, fmtRate } from '../format';
import { createSeriesChart, type LineSpec, type SeriesChart } from './seriesChart';
import { ChartImageButtons } from '../export/ChartImageButtons';

/** Charts redraw at most this often: enough to read, cheap for the main thread. */
const REDRAW_MS = 200;

/** What the latency chart measures, said on it (issue 15: starving the cache lowered p50 while IOPS fell by 40%). */
export const LATENCY_MEASURES =
  "Each bio from the fio job's submit to its completion, over the recent window, including any sleep in " +
  "raid5_get_active_stripe for a free stripe_head (as fio's lat counts it: submission to completion). An IO a blocked " +
  'job has not submitted yet is in no latency: with a starved cache fewer IOs are in flight, so p50 can fall ' +
  "while IOPS fall (Little's law: in flight = IOPS x mean latency).";

const CHARTS: { title: string; keys: SeriesKey[]; lines: LineSpec[]; measures?: string }[] = [
  {
    title: 'throughput',
    keys: ['iops', 'mbps'],
    lines: [
      { label: 'IOPS', colour: '#0072B2' },
      { label: 'MB/s', colour: '#E69F00', dash: [5, 3], scale: 'y2' },
    ],
  },
  {
    title: 'latency µs, submit → done',
    measures: LATENCY_MEASURES,
    keys: ['p50Us', 'p99Us'],
    lines: [
      { label: 'p50', colour: '#009E73' },
      { label: 'p99', colour: '#D55E00', dash: [5, 3] },
    ],
  },
  {
    title: 'lengths',
    keys: ['cacheActive', 'handleList', 'memberQueue'],
    lines: [
      { label: 'stripe_cache_active', colour: '#CC79A7' },
      { label: 'handle_list', colour: '#E69F00', dash: [5, 3] },
      { label: 'member queues', colour: '#0072B2', dash: [2, 2] },
    ],
  },
];

function Legend({ lines }: { lines: LineSpec[] }) {
  return (
    <>
      {lines.map((l) => (
        <span key={l.label} className="s-key">
          <svg width="16" height="6" aria-hidden="true">
            <line x1="0" y1="3" x2="16" y2="3" stroke={l.colour} strokeWidth="2" strokeDasharray={l.dash?.join(' ')} />
          </svg>
          {l.label}
          {l.scale === 'y2' ? ' (right)' : ''}
        </span>
      ))}
    </>
  );
}

function Kpis() {
  const recent = useRaid5((s) => s.recent);
  const lat = useSim((s) => raid5Extra(s.snapshot)?.latencyWindow ?? null);
  return (
    <dl className="kpis r5-kpis">
      <div title="Completed bios per simulated second, recent window">
        <dt>IOPS</dt>
        <dd data-testid="r5-iops" data-value={recent?.opsPerSec ?? ''}>
          {fmtRate(recent?.opsPerSec)}
        </dd>
      </div>
      <div>
        <dt>MB/s</dt>
        <dd>{recent ? (recent.bytesPerSec / 1e6).toFixed(1) : '—'}</dd>
      </div>
      <div title={`${lat ? `${lat.count} completions. ` : ''}${LATENCY_MEASURES}`}>
        <dt>p50</dt>
        <dd>{lat ? fmtNsShort(lat.p50) : '—'}</dd>
      </div>
      <div title={LATENCY_MEASURES}>
        <dt>p99</dt>
        <dd>{lat ? fmtNsShort(lat.p99) : '—'}</dd>
      </div>
    </dl>
  );
}

/** Projector mode's one chart: the lengths when the stripe cache is the limit, else throughput (which the
 *  lessons point at, and which every other limit caps). */
export function projectorChart(limit: string | undefined): number {
  return limit === 'cache' ? 2 : 0;
}

export function SeriesPanel() {
  const boxes = useRef<(HTMLDivElement | null)[]>([]);
  const made = useRef<(SeriesChart | null)[]>([]);
  const projector = useSim((s) => s.projector);
  const limit = useRaid5((s) => s.verdict?.limit);
  const only = projector ? projectorChart(limit) : null;
  useEffect(() => {
    const charts: (SeriesChart | null)[] = CHARTS.map(() => null);
    made.current = charts;
    const sizes = CHARTS.map(() => '');
    let raf = 0;
    let lastDraw = 0;
    let lastVersion = -1;
    const frame = (now: number) => {
      raf = requestAnimationFrame(frame);
      if (now - lastDraw < REDRAW_MS) return;
      CHARTS.forEach((c, i) => {
        const el = boxes.current[i];
        if (!el) return;
        const w = el.clientWidth;
        const h = el.clientHeight;
        if (w === 0 || h === 0) return;
        const chart = (charts[i] ??= createSeriesChart(el, c.lines, w, h, projector));
        if (sizes[i] !== `${w}x${h}`) {
          chart.resize(w, h);
          sizes[i] = `${w}x${h}`;
          lastVersion = -1;
        }
      });
      if (seriesRing.version === lastVersion) return;
      lastVersion = seriesRing.version;
      lastDraw = now;
      CHARTS.forEach((c, i) => charts[i]?.update(seriesRing.toArrays(c.keys)));
    };
    raf = requestAnimationFrame(frame);
    return () => {
      cancelAnimationFrame(raf);
      charts.forEach((c) => c?.destroy());
    };
  }, [projector, only]);
  return (
    <section className="panel series" aria-label="numbers over time" data-lesson-target="series">
      <div className="panel-head">
        <h2>Over time</h2>
        <span className="muted">simulated ms on x</span>
      </div>
      <Kpis />
      {CHARTS.map((c, i) => (
        <div key={`${c.title}-${projector ? 'big' : 'small'}`} className="s-chart" hidden={only !== null && only !== i}>
          <div className="s-title">
            <b title={c.measures} data-testid={c.measures ? `chart-${i}-measures` : undefined}>
              {c.title}
            </b>{' '}
            <Legend lines={c.lines} />
            <ChartImageButtons
              name={c.title}
              target={() => {
                const ch = made.current[i];
                const el = boxes.current[i];
                return ch && el
                  ? {
                      element: el,
                      title: c.title,
                      plot: ch.plot,
                      keys: c.lines.map((l) => ({ label: l.label, colour: l.colour, dash: l.dash })),
                    }
                  : null;
              }}
            />
          </div>
          <div
            className="s-plot"
            data-testid={`chart-${i}`}
            ref={(el) => {
              boxes.current[i] = el;
            }}
          />
        </div>
      ))}
    </section>
  );
}
