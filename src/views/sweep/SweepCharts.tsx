// Which charts a sweep gets: one parameter, four figures against it (throughput with the USL fit for a
// thread count, latency p50/p99, handler utilisation, lock wait); two parameters, a throughput heat map.
import { useMemo, useRef } from 'react';
import { ChartImageButtons } from '../export/ChartImageButtons';
import { THREAD_PARAMS, uslLines, type PointLine } from '../../analysis/sweep/aggregate';
import type { SweepPlan } from '../../state/sweep/sweep';
import { displayValue, modelInfo, type ParamSpec } from '../../state/catalog';
import { CiChartPanel } from './CiChartPanel';
import { HeatMap } from './HeatMap';
import { UslSummary } from './UslSummary';
import { latencyColumns, lockWaitColumns, throughputColumns, utilisationColumns, withUslCurve } from './sweepSeries';

const compact = (v: number) =>
  Math.abs(v) >= 1e6
    ? `${+(v / 1e6).toFixed(2)}M`
    : Math.abs(v) >= 1e3
      ? `${+(v / 1e3).toFixed(1)}k`
      : `${+v.toPrecision(3)}`;

export function axisLabel(spec: ParamSpec | undefined, key: string): string {
  if (!spec) return key;
  if (spec.kind === 'int' || spec.kind === 'number') return `${key} (${spec.unit})`;
  return key;
}

export function formatterOf(spec: ParamSpec | undefined): (v: string | number | boolean) => string {
  return (v) => (spec && typeof v === 'number' ? displayValue(spec, Number(v.toPrecision(6))) : String(v));
}

export function SweepCharts({ plan, lines }: { plan: SweepPlan; lines: readonly PointLine[] }) {
  const specs = modelInfo(plan.points[0]?.scenario.model ?? '')?.params ?? [];
  const [k1, k2] = plan.keys;
  const spec1 = specs.find((s) => s.key === k1);
  const fmt1 = formatterOf(spec1);
  const heat = useRef<HTMLDivElement>(null);
  const usl = useMemo(
    () => (lines.length >= 3 ? uslLines(lines, plan.keys) : { fits: [], skipped: [] }),
    [lines, plan.keys],
  );
  const cols = useMemo(() => {
    const tp = throughputColumns(lines, k1);
    const fit = k2 === undefined && usl.fits[0] && k1 in THREAD_PARAMS ? usl.fits[0].usl : null;
    return {
      throughput: fit && !tp.categories ? withUslCurve(tp, fit, THREAD_PARAMS[k1].n) : tp,
      latency: latencyColumns(lines, k1),
      util: utilisationColumns(lines, k1),
      locks: lockWaitColumns(lines, k1),
    };
  }, [lines, k1, k2, usl]);

  if (k2 !== undefined) {
    const spec2 = specs.find((s) => s.key === k2);
    const uniq = (k: string) => [...new Set(plan.points.map((p) => p.point[k]))];
    return (
      <>
        <section className="panel sw-heatpanel" aria-label="throughput heat map">
          <div className="panel-head">
            <h2>Throughput</h2>
            <span className="muted">mean ops/s per point; each cell is labelled with its value</span>
            <ChartImageButtons
              name="sweep heat map"
              target={() =>
                heat.current?.querySelector('svg') ? { element: heat.current, title: `ops/s by ${k1} and ${k2}` } : null
              }
            />
          </div>
          <div ref={heat}>
            <HeatMap
              lines={lines}
              xKey={k1}
              yKey={k2}
              xValues={uniq(k1)}
              yValues={uniq(k2)}
              formatX={fmt1}
              formatY={formatterOf(spec2)}
              formatValue={compact}
              valueLabel="ops/s"
            />
          </div>
        </section>
        <UslSummary fits={usl.fits} skipped={lines.length === plan.points.length ? usl.skipped : []} lines={lines} />
      </>
    );
  }
  const x = { xLabel: axisLabel(spec1, k1), formatX: (v: number) => fmt1(v), integerX: spec1?.kind === 'int' };
  return (
    <>
      <div className="sw-charts">
        <CiChartPanel
          title="Throughput"
          testId="sweep-chart-throughput"
          columns={cols.throughput}
          axes={{ ...x, yLabel: 'ops/s', formatY: compact }}
          note={cols.throughput.curve ? `dashed: USL fit, N = ${THREAD_PARAMS[k1].about}` : undefined}
        />
        <CiChartPanel
          title="Latency"
          testId="sweep-chart-latency"
          columns={cols.latency}
          axes={{ ...x, yLabel: 'latency (µs)', formatY: compact }}
          note="p50, p99 of each bio from submit to completion, incl. any wait for a stripe_head"
        />
        <CiChartPanel
          title="Handler utilisation"
          testId="sweep-chart-util"
          columns={cols.util}
          axes={{ ...x, yLabel: 'on a CPU (%)', formatY: (v) => `${+v.toFixed(0)}%` }}
          note="running + spinning, mean per thread of each role"
        />
        <CiChartPanel
          title="Lock wait"
          testId="sweep-chart-locks"
          columns={cols.locks}
          axes={{ ...x, yLabel: 'wait (s per s)', formatY: compact }}
          note="waittime-total / measured time = mean waiters"
        />
      </div>
      <UslSummary fits={usl.fits} skipped={lines.length === plan.points.length ? usl.skipped : []} lines={lines} />
    </>
  );
}
