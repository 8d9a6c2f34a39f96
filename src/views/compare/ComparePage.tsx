// The A/B page: pinned baseline A against the Lab's scenario B, run on the same seeds on the batch pool, then
// throughput and latency, lock_stat and thread utilisation side by side with signed deltas. Layout only.
import { useMemo } from 'react';
import { headlineRows, lockRows } from '../../analysis/compareTables';
import { useCompare } from '../../state/compare/compareStore';
import { useSim } from '../../state/store';
import { fmtNsShort } from '../format';
import { HeadlineTable } from './HeadlineTable';
import { LockCompareTable } from './LockCompareTable';
import { ReportText } from './ReportText';
import { RunForm } from './RunForm';
import { ScenarioPair } from './ScenarioPair';
import { ThreadPairs } from './ThreadPairs';
import { AbMeasured } from '../measured/MeasuredPanel';
import './compare.css';

function Results() {
  const results = useCompare((s) => s.results);
  const b = useSim((s) => JSON.stringify({ model: s.model, preset: s.preset, seed: s.seed, overrides: s.overrides }));
  const rows = useMemo(
    () => (results ? { head: headlineRows(results.a, results.b), locks: lockRows(results.a, results.b) } : null),
    [results],
  );
  if (!results || !rows)
    return (
      <section className="panel ab-empty">
        <p className="muted">
          Pin A, change something in the Lab, then run both: the figures appear here side by side.
        </p>
      </section>
    );
  const { info } = results;
  const r = info.seeds.length;
  const stale = JSON.stringify(info.b) !== b;
  const dur =
    info.durationNs.a === info.durationNs.b
      ? fmtNsShort(info.durationNs.a)
      : `A ${fmtNsShort(info.durationNs.a)}, B ${fmtNsShort(info.durationNs.b)}`;
  const warm =
    info.warmupNs.a === info.warmupNs.b
      ? fmtNsShort(info.warmupNs.a)
      : `A ${fmtNsShort(info.warmupNs.a)}, B ${fmtNsShort(info.warmupNs.b)}`;
  return (
    <section className="panel ab-results" aria-label="A/B results" data-testid="ab-results">
      <p className="ab-method" data-testid="ab-method">
        <b>R = {r}</b> {r === 1 ? `seed ${info.seeds[0]}` : `seeds ${info.seeds[0]}..${info.seeds[r - 1]}`} on both
        sides; {dur} measured after {warm} warm-up (simulated). Figures are means over the seeds; Δ = B − A, in % of A.
        {r > 1
          ? ' 95% CI of Δ: paired Student t on the per-seed differences (same seed, same random streams on both sides); "no significant change" when it includes 0.'
          : ' One replication: no CI, so every difference is marked; run R ≥ 2 to tell change from noise.'}
      </p>
      {info.changes.length > 0 && (
        <p className="muted">A → B: {info.changes.map((c) => `${c.key} ${c.a} → ${c.b}`).join('; ')}</p>
      )}
      {stale && (
        <p className="ab-stale" role="status" data-testid="ab-stale">
          B has changed in the Lab since this run: these figures are of the B above. Run again to compare the new B.
        </p>
      )}
      <h3>Throughput and latency</h3>
      <HeadlineTable rows={rows.head} />
      <h3>
        lock_stat{' '}
        <span className="muted">
          per lock class, mean over the seeds; <span className="worse">▲ + worse</span>,{' '}
          <span className="better">▼ − better</span>, n.s. = no significant change; hover a Δ for its 95% CI
        </span>
      </h3>
      <div className="ab-scroll-x">
        <LockCompareTable rows={rows.locks} r={r} />
      </div>
      <h3>Threads</h3>
      <ThreadPairs a={results.a} b={results.b} />
      <ReportText info={info} head={rows.head} locks={rows.locks} />
    </section>
  );
}

export function ComparePage() {
  return (
    <div className="compare-page" data-testid="ComparePage">
      <ScenarioPair />
      <RunForm />
      <Results />
      <AbMeasured />
    </div>
  );
}
